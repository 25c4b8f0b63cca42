/** @odoo-module **/

import { registry } from "@web/core/registry";

// A manager (in Chinese) opens Management > Quality Targets: the nine targets of his project with
// their actuals, the spending within the budget met.
registry.category("web_tour.tours").add("property_quality_targets", {
    steps: () => [
        {
            content: "The project's table",
            trigger: ".o_quality_project[data-project=SGT] h4:contains(Sunshine Garden)",
        },
        {
            content: "Nine targets",
            trigger: ".o_quality_project[data-project=SGT] tr.o_quality_row:nth-child(9)",
        },
        {
            content: "Satisfaction, in Chinese",
            trigger: ".o_quality_project[data-project=SGT] .o_quality_satisfaction td:contains(业户满意度)",
        },
        {
            content: "The budget is kept",
            trigger: ".o_quality_project[data-project=SGT] .o_quality_budget .o_quality_met_yes:contains(已达成)",
        },
    ],
});
