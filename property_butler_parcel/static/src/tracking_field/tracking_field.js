/** @odoo-module **/

import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { scanBarcode } from "@web/core/barcode/barcode_dialog";
import { isBarcodeScannerSupported } from "@web/core/barcode/barcode_video_scanner";
import { useService } from "@web/core/utils/hooks";
import { CharField, charField } from "@web/views/fields/char/char_field";

/**
 * The tracking number of a registered letter or parcel: typed (a barcode reader types it
 * too), or scanned with the phone's or the desk's camera through Odoo's barcode scanner.
 */
export class ParcelTrackingField extends CharField {
    static template = "property_butler_parcel.ParcelTrackingField";

    setup() {
        super.setup();
        this.notification = useService("notification");
    }

    get canScan() {
        return !this.props.readonly && isBarcodeScannerSupported();
    }

    async onScan() {
        let code;
        try {
            code = await scanBarcode(this.env);
        } catch (error) {
            this.notification.add(error.message || _t("The camera could not read a code."), {
                type: "warning",
            });
            return;
        }
        if (code) {
            await this.props.record.update({ [this.props.name]: code.trim().toUpperCase() });
        }
    }
}

export const parcelTrackingField = {
    ...charField,
    component: ParcelTrackingField,
    displayName: _t("Tracking number (scan)"),
};

registry.category("fields").add("property_parcel_tracking", parcelTrackingField);
