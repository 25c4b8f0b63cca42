/** @odoo-module **/

import { registry } from "@web/core/registry";

// A butler completes the handover of 3-2-1502 to its owner: refused while the management
// covenant is not ticked and the owner has not signed; ticked and signed, it is handed over.
registry.category("web_tour.tours").add("property_unit_handover_complete", {
    steps: () => [
        {
            content: "Complete the handover",
            trigger: ".o_form_view button[name=action_complete]",
            run: "click",
        },
        {
            content: "Refused: the covenant and the signature are missing",
            trigger: ".modal .modal-body:contains(Management Covenant Signed):contains(has not signed)",
        },
        {
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The keys and documents",
            trigger: ".o_notebook .nav-link:contains(Keys and Documents)",
            run: "click",
        },
        {
            content: "The owner signed the management covenant",
            trigger: ".o_field_widget[name=doc_covenant] input",
            run: "click",
        },
        {
            content: "The signature",
            trigger: ".o_notebook .nav-link:contains(Signature)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=signed_by] input",
            run: "edit 王芳",
        },
        {
            content: "The owner signs",
            trigger: ".o_field_widget[name=signature] .o_signature",
            run: "click",
        },
        {
            content: "Adopt the signature",
            trigger: ".modal .modal-footer button.btn-primary:enabled",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Complete the handover again",
            trigger: ".o_form_saved button[name=action_complete]",
            run: "click",
        },
        {
            content: "Handed over",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Handed Over)",
        },
    ],
});
