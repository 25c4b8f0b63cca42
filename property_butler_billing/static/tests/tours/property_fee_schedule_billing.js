/** @odoo-module */
// A manager sets a fee rate from Fees › Configuration › Fee Schedule and runs Fees › Run Billing.
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import { formatDate } from "@web/core/l10n/dates";

const { DateTime } = luxon;

function openFeesMenu(xmlid) {
    return [
        {
            trigger: '.o_menu_sections [data-menu-xmlid="property_butler_billing.property_butler_menu_fees"]',
            run: "click",
        },
        {
            trigger: `.dropdown-item[data-menu-xmlid="property_butler_billing.${xmlid}"]`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("property_fee_schedule_billing", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="property_butler.property_butler_menu_root"]',
            run: "click",
        },
        ...openFeesMenu("property_fee_rate_menu"),
        { trigger: ".o_list_view .o_list_button_add", run: "click" },
        { trigger: '.o_selected_row [name="project_id"] input', run: "edit Tour Garden" },
        { trigger: '.o-autocomplete--dropdown-item a:contains("Tour Garden")', run: "click" },
        { trigger: '.o_selected_row [name="fee_type_id"] input', run: "edit Tour Fee" },
        { trigger: '.o-autocomplete--dropdown-item a:contains("Tour Fee")', run: "click" },
        { trigger: '.o_selected_row [name="rate"] input', run: "edit 3.2" },
        {
            trigger: '.o_selected_row [name="date_from"] input',
            run: `edit ${formatDate(DateTime.now().startOf("year"))}`,
        },
        { trigger: ".o_list_button_save", run: "click" },
        { trigger: '.o_data_row:not(.o_selected_row):contains("Tour Garden"):contains("3.20")' },
        ...openFeesMenu("property_billing_wizard_menu"),
        { trigger: '.modal [name="project_ids"] input', run: "edit Tour Garden" },
        { trigger: '.o-autocomplete--dropdown-item a:contains("Tour Garden")', run: "click" },
        { trigger: '.modal [name="project_ids"] .o_tag:contains("Tour Garden")' },
        { trigger: '.modal button[name="action_run"]', run: "click" },
        // The run's result: the draft invoices with their customer and units.
        { trigger: '.o_list_view .o_data_row:contains("Tour Owner"):contains("TG9-0802")' },
    ],
});
