/** @odoo-module */
// Front desk creates and posts a water outage notice for a building from Front Desk › Outage Notices.
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("property_notice_outage", {
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
            trigger: '.dropdown-item[data-menu-xmlid="property_butler_notice.property_notice_menu_outage"]',
            run: "click",
        },
        { trigger: ".o_control_panel .o_list_button_add", run: "click" },
        { trigger: '.o_field_widget[name="name"] input', run: "edit Tour water outage" },
        { trigger: '.o_field_widget[name="project_id"] input', run: "edit Tour Garden" },
        { trigger: '.o-autocomplete--dropdown-item a:contains("Tour Garden")', run: "click" },
        { trigger: '.o_field_widget[name="utility"] select', run: 'select "water"' },
        { trigger: '.o_notebook a[name="targets"]', run: "click" },
        { trigger: '.o_field_widget[name="building_ids"] input', run: "edit Tour Block" },
        { trigger: '.o-autocomplete--dropdown-item a:contains("Tour Block")', run: "click" },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: ".o_form_saved" },
        { trigger: 'button[name="action_post"]', run: "click" },
        { trigger: '.o_statusbar_status button.o_arrow_button_current:contains("Posted")' },
    ],
});
