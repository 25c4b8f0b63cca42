/** @odoo-module **/

import { waitUntil } from "@odoo/hoot-dom";
import { registry } from "@web/core/registry";

// The front desk logs a registered letter for 3-2-1502 (the resident is told at once), then
// the resident's son collects it at the desk and signs for it.
registry.category("web_tour.tours").add("property_parcel_pickup", {
    steps: () => [
        {
            content: "Log a new item",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Tracking number (typed, or scanned with the camera)",
            trigger: ".o_field_widget[name=tracking_number] input",
            run: "edit XA778812345CN",
        },
        {
            content: "Addressee as written on the letter",
            trigger: ".o_field_widget[name=addressee_name] input",
            run: "edit 王芳",
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
            content: "The resident is recognised from the name",
            trigger: ".o_field_widget[name=partner_id] input:value(王芳)",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The resident collects it",
            trigger: ".o_form_saved button[name=action_pick_up]",
            run: "click",
        },
        {
            content: "The resident collects it himself",
            trigger: ".modal .o_field_widget[name=collector_name] input:value(王芳)",
        },
        {
            content: "Her son collects it for her",
            trigger: ".modal .o_field_widget[name=collector_kind] input[data-value=family]",
            run: "click",
        },
        {
            content: "His name",
            trigger: ".modal .o_field_widget[name=collector_name] input",
            run: "edit Wang Xiaoming",
        },
        {
            content: "His relation to the resident",
            trigger: ".modal .o_field_widget[name=collector_relation] input",
            run: "edit son",
        },
        {
            content: "Open the signature pad",
            trigger: ".modal .o_field_widget[name=signature] .o_signature",
            run: "click",
        },
        {
            content: "The signature is drawn",
            trigger: ".modal canvas.o_web_sign_signature",
            async run(helpers) {
                await waitUntil(() => {
                    const canvas = helpers.anchor;
                    const context = canvas.getContext("2d");
                    const image = context.getImageData(0, 0, canvas.width, canvas.height);
                    return new Uint32Array(image.data.buffer).some((pixel) => pixel !== 0);
                });
            },
        },
        {
            content: "Adopt the signature",
            trigger: ".modal:has(.o_web_sign_name_and_signature) .modal-footer button.btn-primary:enabled",
            run: "click",
        },
        {
            content: "Confirm the pick-up",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The item is collected",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=collected]",
        },
    ],
});
