/** @odoo-module **/

import { registry } from "@web/core/registry";

// A resident registers a visitor on the portal, gets the pass, changes its vehicle plate
// and finds the buttons to send it to the visitor.
registry.category("web_tour.tours").add("property_visitor_portal", {
    url: "/my/visitors",
    steps: () => [
        {
            content: "Visitor's name",
            trigger: "form.o_visitor_new input[name=name]",
            run: "edit 王小明",
        },
        {
            content: "Visitor's phone",
            trigger: "form.o_visitor_new input[name=visitor_phone]",
            run: "edit 13700000002",
        },
        {
            content: "Get a pass",
            trigger: "form.o_visitor_new button[type=submit]",
            run: "click",
        },
        {
            content: "The pass with its short code",
            trigger: ".o_visitor_pass .o_visitor_short_code",
        },
        {
            content: "Change the pass",
            trigger: ".o_visitor_share a[href$='/edit']",
            run: "click",
        },
        {
            content: "Vehicle plate",
            trigger: "form.o_visitor_edit input[name=vehicle_plate]",
            run: "edit 粤A·88888",
        },
        {
            content: "Save",
            trigger: "form.o_visitor_edit button[type=submit]",
            run: "click",
        },
        {
            content: "The pass shows the new plate",
            trigger: ".o_visitor_pass:contains('粤A·88888')",
        },
        {
            content: "Send it by SMS to the visitor's phone",
            trigger: ".o_visitor_share a[href^='sms:13700000002']",
        },
    ],
});
