/** @odoo-module **/

import { registry } from "@web/core/registry";

// A butler (in Chinese) records that he recommended home cleaning to 3-2-1502, the resident
// accepts, and the butler turns it into a paid-service ticket.
registry.category("web_tour.tours").add("property_recommendation_ticket", {
    steps: () => [
        {
            content: "Record a new recommendation",
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
            content: "The service",
            trigger: ".o_field_widget[name=offer_id] input",
            run: "edit 家政",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(家政保洁)",
            run: "click",
        },
        {
            content: "What the household needs",
            trigger: ".o_field_widget[name=note] textarea",
            run: "edit 老人独居，每两周一次保洁",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The resident accepts",
            trigger: ".o_form_saved button[name=action_accept]",
            run: "click",
        },
        {
            content: "Make the paid-service ticket",
            trigger: ".o_form_saved button[name=action_create_ticket]",
            run: "click",
        },
        {
            content: "The ticket, linked to the recommendation",
            trigger: ".o_form_view .o_field_widget[name=recommendation_id]",
        },
    ],
});
