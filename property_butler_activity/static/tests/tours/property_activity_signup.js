/** @odoo-module **/

import { registry } from "@web/core/registry";

// A resident (in Chinese) opens 我的活动 on the portal, signs up for the Mid-Autumn evening with
// three people and sees the QR code to show at the door.
registry.category("web_tour.tours").add("property_activity_signup", {
    steps: () => [
        {
            content: "My Activities on the portal home",
            trigger: "a[href='/my/activities']:contains(我的活动)",
            run: "click",
        },
        {
            content: "The estate's upcoming activity",
            trigger: ".o_activity_row a:contains(中秋赏月晚会)",
            run: "click",
        },
        {
            content: "Three people come",
            trigger: ".o_activity_signup_form input[name=party_size]",
            run: "edit 3",
        },
        {
            content: "Sign up",
            trigger: ".o_activity_signup:contains(报名)",
            run: "click",
        },
        {
            content: "Signed up",
            trigger: ".o_activity_signed_up:contains(已报名)",
        },
        {
            content: "The QR code for the door",
            trigger: ".o_activity_qr img",
        },
    ],
});
