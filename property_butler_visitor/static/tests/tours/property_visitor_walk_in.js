/** @odoo-module **/

import { registry } from "@web/core/registry";

// The front desk registers a walk-in visitor (host confirmed by phone), records the entry,
// then the exit.
registry.category("web_tour.tours").add("property_visitor_walk_in", {
    steps: () => [
        {
            content: "New visitor",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Visitor's name",
            trigger: ".o_field_widget[name=name] input",
            run: "edit Zhao Lei",
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
            content: "Host unit",
            trigger: ".o_field_widget[name=unit_id] input",
            run: "edit 1502",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(1502)",
            run: "click",
        },
        {
            content: "The host confirmed the visit by phone",
            trigger: ".o_field_widget[name=host_confirmed] input",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Record the entry",
            trigger: ".o_form_saved button[name=action_check_in]",
            run: "click",
        },
        {
            content: "Record the exit",
            trigger: "button[name=action_check_out]",
            run: "click",
        },
        {
            content: "The visit is logged with both times",
            trigger: ".o_field_widget[name=log_ids] .o_data_row td[name=exit_time]:not(:empty)",
        },
    ],
});
