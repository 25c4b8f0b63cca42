/** @odoo-module */
// A butler confirms the draft fee invoices of the grid from Fees › Fee Invoices.
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("property_fee_confirm", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="property_butler.property_butler_menu_root"]',
            run: "click",
        },
        {
            trigger: '.o_menu_sections [data-menu-xmlid="property_butler_billing.property_butler_menu_fees"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="property_butler_billing.account_move_menu_property_fees"]',
            run: "click",
        },
        // Opens on the butler's own grid, the invoices to confirm.
        { trigger: '.o_searchview .o_facet_value:contains("My Grid")' },
        {
            trigger: '.o_data_row:contains("Tour Owner") .o_list_record_selector input',
            run: "click",
        },
        { trigger: 'button[name="action_property_confirm"]', run: "click" },
        // Confirmed: no longer among those to confirm.
        { trigger: '.o_list_view:not(:has(.o_data_row:contains("Tour Owner")))' },
    ],
});
