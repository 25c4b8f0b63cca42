/** @odoo-module **/

import { registry } from "@web/core/registry";

// A butler (in Chinese) logs a visit to 3-2-1502 from his home: the resident's question is not
// answered on the spot, so the butler turns it into a repair ticket from the visit.
registry.category("web_tour.tours").add("property_visit_log", {
    steps: () => [
        {
            content: "The home's card of this month's visits",
            trigger: ".o_property_home_card_visits_month",
            run: "click",
        },
        {
            content: "Log a new visit",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Unit",
            trigger: ".o_field_widget[name=unit_id] input",
            run: "edit 1502",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(1502)",
            run: "click",
        },
        {
            content: "What the resident said",
            trigger: ".o_field_widget[name=needs] textarea",
            run: "edit 电梯按钮失灵，希望尽快修理",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Not answered on the spot: make a ticket of it",
            trigger: ".o_form_saved button[name=action_create_ticket]",
            run: "click",
        },
        {
            content: "The ticket is filled in from the visit",
            trigger: ".o_field_widget[name=description]:contains(电梯按钮失灵)",
        },
        {
            content: "A repair",
            trigger: ".o_field_widget[name=ticket_type_id] input",
            run: "edit 报修",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(报修)",
            run: "click",
        },
        {
            content: "Save the ticket",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
    ],
});
