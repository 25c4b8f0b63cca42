/** @odoo-module */
// A butler issues a document to a building from Front Desk › Document Distribution, prepares
// the copies, briefs the security team, hands a copy over and marks it received.
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("property_document_issue", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="property_butler.property_butler_menu_root"]',
            run: "click",
        },
        {
            trigger: '.o_menu_sections [data-menu-xmlid="property_butler.property_butler_menu_front_desk"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="property_butler_distribution.property_document_issue_menu"]',
            run: "click",
        },
        { trigger: ".o_control_panel .o_list_button_add", run: "click" },
        { trigger: '.o_field_widget[name="name"] input', run: "edit Tour price list" },
        { trigger: '.o_field_widget[name="document_type"] select', run: 'select "price_list"' },
        { trigger: '.o_field_widget[name="project_id"] input', run: "edit Tour Garden" },
        { trigger: '.o-autocomplete--dropdown-item a:contains("Tour Garden")', run: "click" },
        { trigger: '.o_field_widget[name="scope"] select', run: 'select "buildings"' },
        { trigger: '.o_field_widget[name="building_ids"] input', run: "edit Tour Block" },
        { trigger: '.o-autocomplete--dropdown-item a:contains("Tour Block")', run: "click" },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: ".o_form_saved" },
        { trigger: 'button[name="action_generate_lines"]', run: "click" },
        { trigger: '.o_statusbar_status button.o_arrow_button_current:contains("Distributing")' },
        { trigger: 'button[name="action_brief_security"]', run: "click" },
        { trigger: ".modal-footer .btn-primary", run: "click" },
        { trigger: '.o_field_widget[name="security_briefed"]' },
        { trigger: '.o_notebook a[name="lines"]', run: "click" },
        {
            trigger: '.o_field_widget[name="line_ids"] .o_data_row button[name="action_hand_over"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="line_ids"] .o_data_row button[name="action_receive"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="line_ids"] .o_data_row .o_field_badge:contains("Received")',
        },
    ],
});
