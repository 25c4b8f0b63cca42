/** @odoo-module */
// A butler takes a complaint from New to the signed, closed record (《投訴記錄表》).
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

function pick(field, text, option = text) {
    return [
        { trigger: `.o_field_widget[name="${field}"] input`, run: `edit ${text}` },
        { trigger: `.o-autocomplete--dropdown-item a:contains("${option}")`, run: "click" },
    ];
}

registry.category("web_tour.tours").add("property_complaint", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="property_butler.property_butler_menu_root"]',
            run: "click",
        },
        {
            trigger: '.o_menu_sections [data-menu-xmlid="property_butler_ticket.property_butler_menu_tickets"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="property_butler_ticket.property_ticket_menu"]',
            run: "click",
        },
        { trigger: ".o_control_panel .o-kanban-button-new", run: "click" },
        ...pick("ticket_type_id", "Complaint"),
        ...pick("unit_id", "TG9-0802"),
        ...pick("partner_id", "Tour Owner"),
        { trigger: '.o_field_widget[name="title"] input', run: "edit Noise from the gym at night" },
        {
            trigger: '.o_field_widget[name="description"] .odoo-editor-editable',
            run: "editor The gym on the ground floor plays music until midnight.",
        },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: '.o_form_saved button[name="action_respond"]', run: "click" },
        { trigger: '.o_statusbar_status button.o_arrow_button_current:contains("Investigating")' },
        { trigger: '.o_notebook a[name="complaint"]', run: "click" },
        { trigger: '.o_field_widget[name="judgement"] input[data-value="valid"]', run: "click" },
        {
            trigger: '.o_field_widget[name="judgement_reason"] textarea, .o_field_widget[name="judgement_reason"] input',
            run: "edit Music after 22:00 breaks the estate rules",
        },
        ...pick("responsible_department_id", "Customer", "Customer Service"),
        {
            trigger: '.o_field_widget[name="solution"] .odoo-editor-editable',
            run: "editor The gym stops the music at 22:00.",
        },
        {
            trigger: '.o_field_widget[name="corrective_action"] .odoo-editor-editable',
            run: "editor Guards check the gym at 22:00 on their round.",
        },
        { trigger: '.o_field_widget[name="signed_by"] input', run: "edit Tour Owner" },
        { trigger: '.o_notebook a[name="reply"]', run: "click" },
        {
            trigger: '.o_field_widget[name="reply"] .odoo-editor-editable',
            run: "editor We asked the gym to stop the music at 22:00.",
        },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: ".o_form_saved" },
        { trigger: '.o_notebook a[name="complaint"]', run: "click" },
        { trigger: '.o_field_widget[name="signature"] .o_signature', run: "click" },
        { trigger: ".modal .o_web_sign_auto_button, .modal .o_web_sign_name_and_signature" },
        { trigger: ".modal .modal-footer .btn-primary:enabled", run: "click" },
        { trigger: '.o_field_widget[name="signature"] img' },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: '.o_form_saved button[name="action_done"]', run: "click" },
        { trigger: '.o_statusbar_status button.o_arrow_button_current:contains("Done")' },
        { trigger: 'button[name="action_reopen"]' },
    ],
});
