/** @odoo-module **/

import { registry } from "@web/core/registry";

// The front desk records today's newspapers: the copies expected come from the subscriptions,
// one title came short; the sorting is done.
registry.category("web_tour.tours").add("property_newspaper_delivery", {
    steps: () => [
        {
            content: "Today's newspapers",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Project",
            trigger: ".o_field_widget[name=project_id] input",
            run: "edit Sunshine",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Sunshine Garden)",
            run: "click",
        },
        {
            content: "Save: the titles expected appear",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Count the copies of Youth Daily received",
            trigger: ".o_form_saved .o_field_widget[name=line_ids] .o_data_row:contains(Youth Daily) td[name=received_qty]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=line_ids] .o_selected_row td[name=received_qty] input",
            run: "edit 2",
        },
        {
            content: "Save the count",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The shortfall is flagged",
            trigger: ".o_form_saved .o_field_widget[name=line_ids] .o_data_row:contains(Youth Daily) td[name=difference]:contains(-1)",
        },
        {
            content: "Sorting done",
            trigger: "button[name=action_sorted]",
            run: "click",
        },
        {
            content: "Sorted",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Sorted)",
        },
    ],
});
