from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_parking(self):
        """Parking rental: the spaces nobody owns rented to residents (their plates from their
        vehicle register) and an outsider, one contract ending within the month, one yearly,
        a draft renewal; the other free spaces taken, and a waiting list of three. Billed by the
        fee history's monthly runs, which come after."""
        project = self._demo_project()
        Contract = self.env["property.parking.contract"]
        if not project or Contract.search_count([("project_id", "=", project.id)], limit=1):
            return
        spaces = (
            self.env["property.unit"]
            .search([("project_id", "=", project.id), ("unit_type", "=", "parking")], order="code")
            .filtered(lambda unit: not unit.owner_ids)
        )
        vehicles = self.env["property.household.vehicle"].search(
            [("household_id.project_id", "=", project.id)], order="id", limit=8
        )
        households = vehicles.household_id
        if len(spaces) < 4 or not households:
            return
        rng = self._demo_rng("parking")
        today = fields.Date.context_today(self)
        tenants = [
            (h.resident_ids[:1], h, h.vehicle_ids[:1].plate) for h in households if h.resident_ids
        ][:4]
        outsider = self.env["res.partner"].create(
            {"name": "赵先生 Mr Zhao (outsider)", "phone": "13900001234"}
        )
        plan = [
            # (start, end, period, rate)
            (
                today - relativedelta(months=11, days=10),
                today + relativedelta(days=20),
                "monthly",
                350.0,
            ),
            (
                today.replace(day=1) - relativedelta(months=2),
                today.replace(day=1) + relativedelta(years=1, months=-2, days=-1),
                "quarterly",
                330.0,
            ),
            (today.replace(month=1, day=1), today.replace(month=12, day=31), "yearly", 300.0),
            (
                today - relativedelta(months=3),
                today + relativedelta(months=9, days=-1),
                "monthly",
                350.0,
            ),
        ]
        vals_list = []
        for index, (partner, household, plate) in enumerate(tenants):
            start, end, period, rate = plan[index % len(plan)]
            vals_list.append(
                {
                    "space_id": spaces[index].id,
                    "partner_id": partner.id,
                    "household_id": household.id,
                    "plates": plate,
                    "date_start": start,
                    "date_end": end,
                    "payment_period": period,
                    "monthly_rate": rate,
                    "deposit": 500.0,
                    "user_id": household.grid_id.butler_id.id or self.env.user.id,
                }
            )
        vals_list.append(
            {
                "space_id": spaces[len(tenants)].id,
                "partner_id": outsider.id,
                "plates": "粤B·8K2J6",
                "date_start": today - relativedelta(months=1),
                "date_end": today + relativedelta(months=5, days=-1),
                "payment_period": "monthly",
                "monthly_rate": 450.0,
                "deposit": 1000.0,
                "user_id": self.env.ref(
                    "property_butler.user_front_desk", raise_if_not_found=False
                ).id
                or self.env.user.id,
            }
        )
        contracts = Contract.create(vals_list)
        contracts.action_activate()
        # The monthly runs of the fee history bill them (see _generate_demo_fees: this addon's
        # fee history demo runs it when no other addon of the fee side is left to load).
        # The contract ending soon: its reminder was given, and its renewal is drafted.
        contracts[:1]._remind_expiry(today)
        contracts[:1].action_renew()
        # People waiting for a space of the project.
        waiting = self.env["res.partner"].search(
            [
                ("property_occupancy_ids.unit_id.project_id", "=", project.id),
                ("id", "not in", contracts.partner_id.ids),
            ],
            order="id desc",
            limit=3,
        )
        letters = "ABCDEF"
        self.env["property.parking.waitlist"].create(
            [
                {
                    "project_id": project.id,
                    "partner_id": partner.id,
                    "plate": f"粤{letters[index]}·{rng.randint(10000, 99999)}",
                    "date": today - relativedelta(days=40 - 10 * index),
                }
                for index, partner in enumerate(waiting)
            ]
        )
