/** @odoo-module **/

import { registry } from "@web/core/registry";

// A guard at a decorating unit: work is going on, a worker shows another person's pass; the
// guard records the check and the pass is confiscated.
registry.category("web_tour.tours").add("property_decoration_check", {
    steps: () => [
        {
            content: "Work is going on",
            trigger: ".o_field_widget[name=work_in_progress] input",
            run: "click",
        },
        {
            content: "A pass shown by another person",
            trigger: ".o_field_widget[name=wrong_holder_worker_ids] input",
            run: "edit P-001",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(P-001)",
            run: "click",
        },
        {
            content: "Record the check",
            trigger: "button[name=action_record]",
            run: "click",
        },
        {
            content: "The pass is confiscated",
            trigger: ".o_field_widget[name=confiscated_worker_ids] .o_tag:contains(P-001)",
        },
    ],
});
