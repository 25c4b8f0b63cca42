/** @odoo-module **/

import { registry } from "@web/core/registry";

// A resident opens their unit on the portal, corrects the household profile (emergency
// contact, a pet chosen from the list) and is told that the butler has been informed.
registry.category("web_tour.tours").add("property_household_profile", {
    steps: () => [
        {
            content: "Open the household profile from the unit",
            trigger: "a.o_property_household_link",
            run: "click",
        },
        {
            content: "Emergency contact's name",
            trigger: "form input[name=emergency_name]",
            run: "edit 王小明",
        },
        {
            content: "Emergency contact's phone",
            trigger: "form input[name=emergency_phone]",
            run: "edit 13912345678",
        },
        {
            content: "The kinds of pets are in the resident's language",
            trigger: ".o_property_pet_row:first select[name=pet_kind]:has(option:contains('猫'))",
        },
        {
            content: "A cat",
            trigger: ".o_property_pet_row:first select[name=pet_kind]",
            run: "select cat",
        },
        {
            content: "Its name",
            trigger: ".o_property_pet_row:first input[name=pet_name]",
            run: "edit 咪咪",
        },
        {
            content: "Save",
            trigger: "form button[type=submit]",
            run: "click",
        },
        {
            content: "Thanked: the butler has been told",
            trigger: ".alert-success:contains('管家')",
        },
    ],
});
