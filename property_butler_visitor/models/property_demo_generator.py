from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step
from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

VISITORS = ["刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴娜", "徐涛", "孙丽", "马超"]
PLATES = ["粤A·3K721", "", "粤B·6Q208", "", "粤A·9M115", "湘C·2D306", "", ""]


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_visitors(self):
        """A week of visits (walk-ins at the desk), passes for resident1, a goods release note."""
        project = self._demo_project()
        Pass = self.env["property.visitor.pass"]
        if not project or Pass.search_count([("project_id", "=", project.id)], limit=1):
            return
        rng = self._demo_rng("visitors")
        zone = pytz.timezone(self.env.user.tz or DEFAULT_TZ)
        front_desk = self.env.ref("property_butler.user_front_desk", raise_if_not_found=False)
        units = self.env["property.unit"].search(
            [("project_id", "=", project.id), ("resident_ids", "!=", False)], limit=20
        )
        if not units:
            return
        today = datetime.now(zone).date()

        def utc(day, hour, minute=0):
            local = zone.localize(datetime.combine(day, time(hour, minute)))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        pass_vals, visits = [], []
        for offset in range(7, 0, -1):
            day = today - timedelta(days=offset)
            for _i in range(rng.randint(2, 4)):
                unit = rng.choice(units)
                hour = rng.randint(9, 18)
                pass_vals.append(
                    {
                        "name": rng.choice(VISITORS),
                        "project_id": project.id,
                        "unit_id": unit.id,
                        "host_partner_id": unit.resident_ids[:1].id,
                        "walk_in": True,
                        "host_confirmed": True,
                        "date_start": utc(day, hour),
                        "date_end": utc(day, hour + 3),
                        "vehicle_plate": rng.choice(PLATES) or False,
                        "purpose": rng.choice(["探亲", "访友", "送货", "维修"]),
                    }
                )
                visits.append((utc(day, hour, 5), utc(day, hour + 1, rng.randint(0, 59))))
        resident = self.env["res.users"].search([("login", "=", "resident1")], limit=1)
        resident_unit = (
            self.env["property.unit"].search(
                [("project_id", "=", project.id), ("resident_ids", "in", resident.partner_id.ids)],
                limit=1,
            )
            if resident
            else units[:1]
        ) or units[:1]
        host = resident.partner_id if resident else resident_unit.resident_ids[:1]
        for name, day, kind, days, plate in (
            ("林晓", today, "once", 0, "粤A·5T880"),
            ("何伟", today + timedelta(days=1), "once", 0, False),
            ("家政 张阿姨", today, "period", 30, False),
        ):
            pass_vals.append(
                {
                    "name": name,
                    "project_id": project.id,
                    "unit_id": resident_unit.id,
                    "host_partner_id": host.id,
                    "kind": kind,
                    "date_start": utc(day, 8),
                    "date_end": utc(day + timedelta(days=days), 22),
                    "vehicle_plate": plate,
                    "purpose": "访友",
                }
            )
        passes = Pass.create(pass_vals)
        self.env["property.visitor.log"].create(
            [
                {
                    "pass_id": visit_pass.id,
                    "entry_time": entry,
                    "exit_time": leave,
                    "vehicle_plate": visit_pass.vehicle_plate,
                    "entry_user_id": front_desk.id if front_desk else False,
                    "exit_user_id": front_desk.id if front_desk else False,
                }
                for visit_pass, (entry, leave) in zip(passes, visits, strict=False)
            ]
        )
        self.env["property.goods.release"].create(
            {
                "project_id": project.id,
                "unit_id": resident_unit.id,
                "partner_id": host.id,
                "date": fields.Date.context_today(self),
                "items": "旧沙发一张\n纸箱三个",
                "vehicle_plate": "粤A·7H532",
            }
        )
