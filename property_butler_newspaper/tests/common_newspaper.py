from datetime import date

from odoo.addons.property_butler.tests.common import PropertyButlerCase

DAY = date(2026, 3, 10)


class NewspaperCase(PropertyButlerCase):
    """Building 2: the owner of 1502 takes 2 × Youth Daily and 1 × Morning Post; building 5: the
    other owner of 301 takes 1 × Youth Daily; an old subscription of 1501 has ended."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._households()
        (cls.front_desk | cls.supervisor).write({"tz": "Asia/Shanghai"})
        # The demo estate's subscriptions are none of these tests' business.
        cls.env["property.newspaper.subscription"].search([]).unlink()
        Title = cls.env["property.newspaper.title"]
        cls.youth, cls.morning = Title.create([{"name": "Youth Daily"}, {"name": "Morning Post"}])
        cls.Subscription = cls.env["property.newspaper.subscription"]
        cls.sub_youth, cls.sub_morning, cls.sub_neighbour, cls.sub_old = cls.Subscription.create(
            [
                cls._sub(cls.unit, cls.owner, cls.youth, 2),
                cls._sub(cls.unit, cls.owner, cls.morning, 1),
                cls._sub(cls.unit_b, cls.other_owner, cls.youth, 1),
                cls._sub(cls.unit2, cls.owner, cls.morning, 5, date(2025, 1, 1), date(2026, 2, 28)),
            ]
        )
        cls.Delivery = cls.env["property.newspaper.delivery"]

    @classmethod
    def _sub(cls, unit, partner, title, quantity, start=date(2026, 1, 1), end=date(2026, 12, 31)):
        return {
            "unit_id": unit.id,
            "partner_id": partner.id,
            "title_id": title.id,
            "quantity": quantity,
            "date_start": start,
            "date_end": end,
        }
