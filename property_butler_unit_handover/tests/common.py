import base64
from datetime import date

from odoo.addons.property_butler_billing.tests.common_billing import BillingCase

from odoo.addons.property_butler.tests.common import png_bytes

SIGNATURE = base64.b64encode(png_bytes((60, 20), (10, 10, 10)))
DOCUMENTS = {
    "doc_quality_guarantee": True,
    "doc_instructions": True,
    "doc_handbook": True,
    "doc_covenant": True,
    "key_count": 3,
}


class HandoverCase(BillingCase):
    """The estate with a checklist of two unit items and one building item, and a water rate
    for flats (a metered fee)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Item = cls.env["property.takeover.checklist.item"]
        Item.search([]).active = False
        cls.item_walls, cls.item_water, cls.item_fire = Item.create(
            [
                {"name": "Walls", "area": "structure", "scope": "unit"},
                {"name": "Taps", "area": "water", "scope": "unit"},
                {"name": "Hydrants", "area": "fire", "scope": "building"},
            ]
        )
        cls.water_rate = cls._fee_rate(cls.water, 3.5)
        cls.Handover = cls.env["property.unit.handover"]

    def _handover(self, unit=None, owner=None, user=None, **vals):
        model = self.Handover.with_user(user) if user else self.Handover
        return model.create(
            {
                "unit_id": (unit or self.unit).id,
                "partner_id": (owner or self.owner).id,
                "date_appointment": "2026-12-10 02:00:00",
                "date_handover": date(2026, 12, 11),
                **vals,
            }
        )

    def _ready(self, handover, signed=True):
        """Everything filled in: the inspection (the taps defective), the meters, the keys and
        documents and, when ``signed``, the owner's signature."""
        handover.line_ids.result = "ok"
        handover.line_ids.filtered(lambda line: line.item_id == self.item_water).write(
            {"result": "defect", "note": "Kitchen tap drips"}
        )
        handover.meter_ids.opening_index = 8.25
        handover.write(DOCUMENTS)
        if signed:
            handover.write({"signature": SIGNATURE, "signed_by": self.owner.name})
