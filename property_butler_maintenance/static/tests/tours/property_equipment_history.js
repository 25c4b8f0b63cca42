/** @odoo-module **/

import { registry } from "@web/core/registry";

// An engineer (in Chinese) opens the fire panel from the estates' equipment: its history shows
// the maintenance request raised by a patrol finding and the finding itself; then the engineer
// plans its monthly preventive maintenance.
registry.category("web_tour.tours").add("property_equipment_history", {
    steps: () => [
        {
            content: "The fire panel among the estate's equipment",
            trigger: ".o_kanban_record:contains(Fire alarm panel)",
            run: "click",
        },
        {
            content: "Its history",
            trigger: ".o_notebook_headers a[name=property_history]",
            run: "click",
        },
        {
            content: "The request raised by the patrol finding",
            trigger: ".o_field_widget[name=maintenance_ids] .o_data_row:contains(Fire panel without alarm)",
        },
        {
            content: "The finding itself",
            trigger: ".o_field_widget[name=property_ticket_ids] .o_data_row:contains(Fire panel without alarm)",
        },
        {
            content: "Plan its preventive maintenance",
            trigger: "button[name=action_plan_preventive_maintenance]",
            run: "click",
        },
        {
            content: "A preventive request of the fire panel, repeated every month",
            trigger: ".o_form_editable:has(.o_field_widget[name=repeat_unit]) .o_field_widget[name=equipment_id] input:value(Fire alarm panel)",
        },
        {
            content: "Name the plan",
            trigger: ".o_form_editable:has(.o_field_widget[name=repeat_unit]) .o_field_widget[name=name] input",
            run: "edit 消防主机月度保养",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
    ],
});
