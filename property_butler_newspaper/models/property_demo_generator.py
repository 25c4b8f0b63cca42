from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step
from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

TITLES = [("北京青年报", "北京青年报社"), ("北京晨报", "北京日报报业集团"), ("参考消息", "新华社")]


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_newspapers(self):
        """Residents' subscriptions (resident1's among them) and a week of deliveries, today's
        waiting to be counted."""
        project = self._demo_project()
        Subscription = self.env["property.newspaper.subscription"]
        if not project or Subscription.search_count([("project_id", "=", project.id)], limit=1):
            return
        rng = self._demo_rng("newspapers")
        zone = pytz.timezone(DEFAULT_TZ)
        today = datetime.now(zone).date()
        titles = self.env["property.newspaper.title"].create(
            [
                {"name": name, "publisher": publisher, "company_id": project.company_id.id}
                for name, publisher in TITLES
            ]
        )
        units = self.env["property.unit"].search(
            [("project_id", "=", project.id), ("resident_ids", "!=", False)], limit=40
        )
        resident = self.env["res.users"].search([("login", "=", "resident1")], limit=1)
        mine = self.env["property.unit"].search(
            [("project_id", "=", project.id), ("resident_ids", "in", resident.partner_id.ids)],
            limit=1,
        )
        vals_list = []
        for unit in mine | units:
            partner = resident.partner_id if unit == mine else unit.resident_ids[:1]
            for title in rng.sample(list(titles), rng.choice([1, 1, 2])):
                start = today.replace(day=1) - timedelta(days=rng.choice([0, 31, 92, 185]))
                vals_list.append(
                    {
                        "unit_id": unit.id,
                        "partner_id": partner.id,
                        "title_id": title.id,
                        "quantity": rng.choice([1, 1, 1, 2]),
                        "date_start": start.replace(day=1),
                        "date_end": today.replace(month=12, day=31),
                    }
                )
        # One subscription that ended last month: not expected any more.
        vals_list[-1]["date_end"] = today.replace(day=1) - timedelta(days=1)
        vals_list[-1]["date_start"] = vals_list[-1]["date_end"].replace(day=1)
        Subscription.create(vals_list)

        users = {
            user.login: user
            for user in self.env["res.users"].search([("login", "in", ("frontdesk", "frontdesk2"))])
        }
        clerks = list(users.values()) or [self.env.user]
        Delivery = self.env["property.newspaper.delivery"]
        for offset in range(7, -1, -1):
            day = today - timedelta(days=offset)
            clerk = clerks[offset % len(clerks)]
            delivery = Delivery.with_user(clerk).create({"project_id": project.id, "date": day})
            if not offset:
                continue  # today's newspapers are still to be counted
            for line in delivery.line_ids:
                received = line.expected_qty + rng.choice([0, 0, 0, 0, -1, 1])
                line.write(
                    {
                        "received_qty": max(received, 0),
                        "leftover_qty": 1 if received > 0 and rng.random() < 0.1 else 0,
                    }
                )
            minute = 45 if offset == 2 else rng.choice([5, 12, 20, 25, 28, 40])
            sorted_at = zone.localize(datetime.combine(day, time(8, minute)))
            delivery.sudo().write(
                {
                    "state": "done",
                    "sorted_at": sorted_at.astimezone(pytz.utc).replace(tzinfo=None),
                    "sorted_by_id": clerk.id,
                }
            )
        self.env.flush_all()
        return fields.Date.to_string(today)
