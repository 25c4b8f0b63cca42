from datetime import date

from odoo.tests import HttpCase, tagged

from .common_billing import BillingCase


@tagged("post_install", "-at_install")
class TestMeterIndexTour(HttpCase, BillingCase):
    """The supervisor types a meter index in the browser and sees the consumption counted."""

    def test_supervisor_types_a_meter_index(self):
        water = self.env.ref("property_butler_billing.property_fee_type_water")
        Reading = self.env["property.meter.reading"]
        Reading.create(
            {
                "unit_id": self.unit.id,
                "fee_type_id": water.id,
                "period": date(2026, 1, 1),
                "meter_index": 120.0,
                "quantity": 10.0,
            }
        )
        self.env["res.lang"]._activate_lang("zh_CN")
        self.supervisor.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
        self.start_tour(
            "/odoo/action-property_butler_billing.property_meter_reading_action",
            "property_meter_index",
            login=self.supervisor.login,
        )
        february = Reading.search(
            [("unit_id", "=", self.unit.id), ("period", "=", date(2026, 2, 1))]
        )
        self.assertRecordValues(february, [{"meter_index": 135.5, "quantity": 15.5}])
