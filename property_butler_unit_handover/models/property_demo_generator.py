import base64
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import file_open

from odoo.addons.property_butler.models.property_demo_generator import demo_step


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_unit_handovers(self):
        """The new building 3-5 being handed over: two units handed over to their owners (one
        with a defect that became a rectification ticket), one appointment tomorrow, one unit
        not yet appointed."""
        ref = self.env.ref
        unit_101 = ref("property_butler_takeover.unit_3_5_101", raise_if_not_found=False)
        Handover = self.env["property.unit.handover"]
        if not unit_101 or Handover.search_count([("building_id", "=", unit_101.building_id.id)]):
            return
        units = [
            ref("property_butler_takeover.unit_3_5_101"),
            ref("property_butler_takeover.unit_3_5_102"),
            ref("property_butler_takeover.unit_3_5_201"),
        ]
        owners = self.env["res.partner"].create(
            [
                {
                    "name": "陈静 Chen Jing",
                    "phone": "13900000501",
                    "company_id": units[0].company_id.id,
                },
                {
                    "name": "刘洋 Liu Yang",
                    "phone": "13900000502",
                    "company_id": units[0].company_id.id,
                },
                {
                    "name": "赵敏 Zhao Min",
                    "phone": "13900000503",
                    "company_id": units[0].company_id.id,
                },
            ]
        )
        now = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
        today = fields.Date.context_today(self)
        butler = ref("property_butler.user_butler1")
        # a scribble standing for the owners' signatures
        with file_open("property_butler_unit_handover/demo/owner_signature.png", "rb") as image:
            signature = base64.b64encode(image.read())
        handovers = Handover.create(
            [
                {
                    "unit_id": unit.id,
                    "partner_id": owner.id,
                    "user_id": butler.id,
                    "date_appointment": now + timedelta(days=days),
                    "date_handover": today + timedelta(days=days),
                }
                for unit, owner, days in zip(units, owners, (-6, -2, 1), strict=True)
            ]
        )
        for index, handover in enumerate(handovers[:2]):
            handover.line_ids.result = "ok"
            if index == 1:
                handover.line_ids[:1].write(
                    {"result": "defect", "note": "卫生间地漏排水慢 Bathroom floor drain is slow"}
                )
            handover.meter_ids.opening_index = 12.5 + index
            handover.write(
                {
                    "doc_quality_guarantee": True,
                    "doc_instructions": True,
                    "doc_handbook": True,
                    "doc_covenant": True,
                    "key_count": 3,
                    "signed_by": handover.partner_id.name,
                    "signature": signature,
                }
            )
        handovers[:2].action_complete()
