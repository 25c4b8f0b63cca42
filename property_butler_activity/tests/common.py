from datetime import timedelta

from odoo import fields

from odoo.addons.property_butler.tests.common import PropertyButlerCase


class ActivityCase(PropertyButlerCase):
    """The estate's households, their portal accounts, two grids (building 2 for the butler,
    building 5 for butler2) and helpers for activities."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._households()
        cls._residents()
        cls.grid = cls._grid(cls.butler, building_ids=cls._set(cls.building))
        cls.grid_b = cls._grid(cls.butler2, building_ids=cls._set(cls.building_b))

    @classmethod
    def _activity(cls, name="中秋赏月晚会", days=10, approved=True, project=None, **vals):
        start = fields.Datetime.now().replace(microsecond=0) + timedelta(days=days)
        event = cls.env["event.event"].create(
            {
                "name": name,
                "property_project_id": (project or cls.project).id,
                "date_begin": start,
                "date_end": start + timedelta(hours=3),
                "date_tz": "Asia/Shanghai",
                **vals,
            }
        )
        if approved:
            event.write({"property_state": "approved"})
        return event

    @classmethod
    def _signup(cls, event, partner, unit, size=1):
        return cls.env["event.registration"].create(
            {
                "event_id": event.id,
                "partner_id": partner.id,
                "unit_id": unit.id,
                "property_party_size": size,
            }
        )
