from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step

RELATIONS = ["儿子", "女儿", "配偶", "邻居", "兄弟"]
PLATE_LETTERS = "ABCDEFGHJK"


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_profiles(self):
        """A profile for each household of the demo project: most with a contact channel and
        an emergency contact, some vehicles and pets, a few elderly living alone; most verified
        this year, some never (the butlers' lists to verify)."""
        project = self._demo_project()
        Household = self.env["property.household"]
        if not project or Household.search_count([("project_id", "=", project.id)], limit=1):
            return
        rng = self._demo_rng("profiles")
        units = self.env["property.unit"].search(
            [
                ("project_id", "=", project.id),
                ("unit_type", "in", ("residential", "commercial")),
                ("state", "!=", "unsold"),
            ]
        )
        names = self._chinese_names(rng, len(units))
        today = fields.Date.context_today(self)
        channels = ["phone", "phone", "wechat", "wechat", "sms", "portal", "visit"]
        vals_list = []
        for unit, name in zip(units, names, strict=True):
            filled = rng.random() < 0.8
            cars = rng.choice([0, 0, 1, 1, 2]) if filled else 0
            pets = rng.choice([0, 0, 0, 1]) if filled else 0
            elderly = rng.random() < 0.06
            vals_list.append(
                {
                    "unit_id": unit.id,
                    "contact_channel": rng.choice(channels) if filled else False,
                    "emergency_name": name if filled else False,
                    "emergency_phone": f"139{rng.randint(10**7, 10**8 - 1)}" if filled else False,
                    "emergency_relation": rng.choice(RELATIONS) if filled else False,
                    "elderly_alone": elderly,
                    "no_special_needs": filled and not elderly,
                    "special_needs": "独居老人，行动不便，需定期探访" if elderly else False,
                    "no_vehicle": filled and not cars,
                    "vehicle_ids": [
                        (
                            0,
                            0,
                            {"plate": f"粤A·{rng.choice(PLATE_LETTERS)}{rng.randint(1000, 9999)}"},
                        )
                        for _i in range(cars)
                    ],
                    "no_pet": filled and not pets,
                    "pet_ids": [(0, 0, {"kind": "dog", "name": "旺财"}) for _i in range(pets)],
                    "preferences": rng.choice(["喜欢参加社区活动", "晚上 7 点后方便拜访", False]),
                    "date_verified": (
                        fields.Date.subtract(today, days=rng.randint(5, 300))
                        if filled and rng.random() < 0.85
                        else False
                    ),
                }
            )
        Household.create(vals_list)
