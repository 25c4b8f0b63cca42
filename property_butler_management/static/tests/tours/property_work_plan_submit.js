/** @odoo-module **/

import { registry } from "@web/core/registry";

// A butler (in Chinese) draws up this week's plan from Management > Work Plans: one item with
// its target, saved and submitted to the supervisor.
registry.category("web_tour.tours").add("property_work_plan_submit", {
    steps: () => [
        {
            content: "New plan",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "The project of his grid and his supervisor are filled in",
            trigger: ".o_field_widget[name=approver_id] input:value(pb_supervisor)",
        },
        {
            content: "Add an item",
            trigger: ".o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "What",
            trigger: ".o_data_row .o_field_widget[name=name] input",
            run: "edit 完成本组团空置房巡查",
        },
        {
            content: "Target",
            trigger: ".o_data_row .o_field_widget[name=target] input",
            run: "edit 每套空置房",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Submit to the supervisor",
            trigger: ".o_form_saved button[name=action_submit]",
            run: "click",
        },
        {
            content: "Submitted",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(已提交)",
        },
    ],
});
