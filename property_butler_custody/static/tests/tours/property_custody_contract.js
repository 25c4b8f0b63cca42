/** @odoo-module **/

import { registry } from "@web/core/registry";

// A butler (in Chinese) draws up the home custody contract the owner of 3-2-1502 accepted on
// his recommendation, and activates it: this month's custody inspection is there at once.
registry.category("web_tour.tours").add("property_custody_contract", {
    steps: () => [
        {
            content: "The accepted recommendation of home custody: draw up the contract",
            trigger: ".o_form_view button[name=action_create_custody_contract]",
            run: "click",
        },
        {
            content: "Filled in from the recommendation",
            trigger: ".o_field_widget[name=recommendation_id] input:value(房屋托管)",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Signed: activate",
            trigger: ".o_form_saved button[name=action_activate]",
            run: "click",
        },
        {
            content: "This month's inspection",
            trigger: ".o_form_view button[name=action_view_inspections]",
        },
    ],
});
