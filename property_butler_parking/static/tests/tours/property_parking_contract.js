/** @odoo-module **/

import { registry } from "@web/core/registry";

// The front desk rents parking space B1-P07 to an outsider for a year, paid quarterly, and
// activates the contract; a plate mistyped first is refused.
registry.category("web_tour.tours").add("property_parking_contract", {
    steps: () => [
        {
            content: "A new contract",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "The space",
            trigger: ".o_field_widget[name=space_id] input",
            run: "edit B1-P07",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(B1-P07)",
            run: "click",
        },
        {
            content: "The tenant",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit 赵先生",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(赵先生)",
            run: "click",
        },
        {
            content: "A plate mistyped",
            trigger: ".o_field_widget[name=plates] input",
            run: "edit 12345",
        },
        {
            content: "Start",
            trigger: ".o_field_widget[name=date_start] input",
            run: "edit 01/01/2027",
        },
        {
            content: "End",
            trigger: ".o_field_widget[name=date_end] input",
            run: "edit 12/31/2027",
        },
        {
            content: "Paid quarterly",
            trigger: ".o_field_widget[name=payment_period] select",
            run: 'select "quarterly"',
        },
        {
            content: "Monthly rate",
            trigger: ".o_field_widget[name=monthly_rate] input",
            run: "edit 350",
        },
        {
            content: "Deposit",
            trigger: ".o_field_widget[name=deposit] input",
            run: "edit 500",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The plate is refused",
            trigger: ".o_error_dialog:contains(is not a plate number)",
        },
        {
            trigger: ".o_error_dialog .btn-primary",
            run: "click",
        },
        {
            content: "The plate corrected",
            trigger: ".o_field_widget[name=plates] input",
            run: "edit 粤B·12345",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Activate",
            trigger: ".o_form_saved button[name=action_activate]",
            run: "click",
        },
        {
            content: "Active: it can be renewed",
            trigger: ".o_form_saved button[name=action_renew]",
        },
    ],
});
