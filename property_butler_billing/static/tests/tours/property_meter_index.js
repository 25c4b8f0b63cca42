/** @odoo-module */
// The supervisor, in Chinese, types February's water meter index of 3-2-1502 in Fees › Meter
// Readings: the consumption is counted from January's index.
import { registry } from "@web/core/registry";
import { formatDate } from "@web/core/l10n/dates";

const { DateTime } = luxon;

registry.category("web_tour.tours").add("property_meter_index", {
    url: "/odoo/action-property_butler_billing.property_meter_reading_action",
    steps: () => [
        { trigger: ".o_list_view .o_list_button_add", run: "click" },
        { trigger: '.o_selected_row [name="period"] input', run: `edit ${formatDate(DateTime.fromISO("2026-02-01"))}` },
        { trigger: '.o_selected_row [name="unit_id"] input', run: "edit 3-2-1502" },
        { trigger: '.o-autocomplete--dropdown-item a:contains("3-2-1502")', run: "click" },
        { trigger: '.o_selected_row [name="fee_type_id"] input', run: "edit 水费" },
        { trigger: '.o-autocomplete--dropdown-item a:contains("水费")', run: "click" },
        { trigger: '.o_selected_row [name="meter_index"] input', run: "edit 135.5" },
        { trigger: ".o_list_button_save", run: "click" },
        // the consumption counted from the index: 135.5 less January's 120
        { trigger: '.o_data_row:not(.o_selected_row):contains("135.500"):contains("15.500")' },
    ],
});
