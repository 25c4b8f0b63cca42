import shutil

from odoo.tests import HttpCase, tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase, local_today


@tagged("post_install", "-at_install")
class TestMoveTours(HttpCase, PropertyButlerCase):
    """The front desk, in Chinese, registers a move-in from the Front Desk menu."""

    def test_front_desk_registers_a_move_in(self):
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            self.fail("Chromium is required to run the browser tours")
        self.env["res.lang"]._activate_lang("zh_CN")
        # A desk in China: the web client's today is Shanghai's (not the server's after 16:00 UTC).
        self.front_desk.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
        self.start_tour("/odoo", "property_move_in_desk", login=self.front_desk.login)
        move = self.env["property.move"].search([("unit_id", "=", self.unit2.id)])
        self.assertRecordValues(
            move,
            [
                {
                    "kind": "in",
                    "state": "done",
                    "partner_id": self.tenant.id,
                    "card_numbers": "0031501, 0031502",
                    "user_id": self.front_desk.id,
                }
            ],
        )
        self.assertRecordValues(
            move.occupancy_ids,
            [
                {
                    "partner_id": self.tenant.id,
                    "role": "tenant",
                    "date_start": local_today(self.front_desk),
                }
            ],
        )
