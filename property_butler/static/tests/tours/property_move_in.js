/** @odoo-module */
// Front desk records a move-in from Estate › Occupancies.
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("property_move_in", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="property_butler.property_butler_menu_root"]',
            run: "click",
        },
        {
            trigger: '.o_menu_sections [data-menu-xmlid="property_butler.property_butler_menu_estate"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="property_butler.property_occupancy_menu"]',
            run: "click",
        },
        { trigger: ".o_control_panel .o_list_button_add, .o_control_panel .o-kanban-button-new", run: "click" },
        { trigger: ".o_form_view .o_breadcrumb:contains('New')" },
        { trigger: '.o_field_widget[name="unit_id"] input', run: "edit TG9-0801" },
        { trigger: '.o-autocomplete--dropdown-item a:contains("TG9-0801")', run: "click" },
        { trigger: '.o_field_widget[name="partner_id"] input', run: "edit Tour Resident" },
        { trigger: '.o-autocomplete--dropdown-item a:contains("Tour Resident")', run: "click" },
        { trigger: '.o_field_widget[name="role"] select', run: 'select "tenant"' },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: '.o_breadcrumb:contains("TG9-0801 · Tour Resident")' },
        { trigger: '.o_statusbar_status button.o_arrow_button_current:contains("Current")' },
    ],
});
