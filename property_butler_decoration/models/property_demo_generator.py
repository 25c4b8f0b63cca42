import base64
from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step
from odoo.addons.property_butler.models.property_project import DEFAULT_TZ


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_decoration(self):
        """A permit in progress for fourteen empty flats (approved with the signed agreement,
        workers with passes, the last week's checks by the guards, today's and tomorrow's
        planned), two finished decorations and an application waiting for approval."""
        project = self._demo_project()
        Permit = self.env["property.decoration.permit"]
        if not project or Permit.search_count([("project_id", "=", project.id)], limit=1):
            return
        units = self._demo_decorating_units(project)
        if not units:
            return
        rng = self._demo_rng("decoration")
        owners_by_unit = {
            unit.id: unit.occupancy_ids.filtered(lambda o: o.role == "owner" and not o.date_end)[
                :1
            ].partner_id
            for unit in units
        }
        guards = self.env["res.users"].search([("login", "in", ("guard", "guard2"))])
        today = fields.Date.context_today(self)
        agreement = base64.b64encode(b"%PDF-1.4\n% signed responsibility agreement (demo)\n")
        contractors = self.env["res.partner"].create(
            [
                {"name": name, "is_company": True, "phone": phone, "city": project.city}
                for name, phone in (
                    ("广州美家装饰工程有限公司", "020-83336688"),
                    ("佳居装饰设计有限公司", "020-87651234"),
                    ("匠心家装工作室", "13922226666"),
                )
            ]
        )
        scopes = [
            "水电改造、墙面翻新、铺贴地砖",
            "厨房卫生间改造、吊顶",
            "全屋硬装：拆改非承重墙、水电、泥木、油漆",
        ]
        trades = ["水电工", "泥水工", "木工", "油漆工"]
        vals_list = []
        for index, unit in enumerate(units):
            if index < len(units) - 3:
                start = today - timedelta(days=rng.randint(8, 45))
                end = start + timedelta(days=rng.choice([60, 75, 90]))
            elif index < len(units) - 1:  # finished
                start = today - timedelta(days=rng.randint(120, 200))
                end = start + timedelta(days=60)
            else:  # applied for, to approve
                start = today + timedelta(days=7)
                end = start + timedelta(days=60)
            vals_list.append(
                {
                    "unit_id": unit.id,
                    "applicant_id": owners_by_unit[unit.id].id,
                    "contractor_id": rng.choice(contractors).id,
                    "scope": rng.choice(scopes),
                    "date_start": start,
                    "date_end": end,
                    "tz": DEFAULT_TZ,
                    "guard_ids": [fields.Command.set(guards.ids)],
                    "agreement_file": agreement if index < len(units) - 1 else False,
                    "agreement_filename": "装修工程施工责任书.pdf",
                    "worker_ids": [
                        fields.Command.create(
                            {
                                "name": self._chinese_names(rng, 1)[0],
                                "id_number": f"44010{rng.randint(10**12, 10**13 - 1)}",
                                "phone": f"139{rng.randint(10000000, 99999999)}",
                                "trade": trade,
                                "pass_number": f"ZX-{unit.code}-{number + 1}",
                                # One pass expired this week, to be caught on a check.
                                "pass_expiry": today - timedelta(days=2)
                                if index == 0 and number == 0
                                else end,
                            }
                        )
                        for number, trade in enumerate(rng.sample(trades, rng.randint(2, 4)))
                    ],
                }
            )
        permits = Permit.create(vals_list)
        in_progress = permits[: len(units) - 3]
        finished = permits[len(units) - 3 : len(units) - 1]
        (in_progress | finished).action_approve()
        finished._activate()
        finished.action_done()
        self._demo_decoration_certificates(in_progress)
        self._demo_decoration_checks(rng, in_progress, guards)

    @api.model
    def _demo_decoration_certificates(self, permits):
        """The first worker of each permit in progress holds a welding certificate (one of them
        expired), and two workers of the first permit stay overnight this week."""
        today = fields.Date.context_today(self)
        for index, permit in enumerate(permits):
            worker = permit.worker_ids[:1]
            worker.write(
                {
                    "certificate_kind": "welding",
                    "hot_work_certificate": f"T{44010000 + permit.id * 7:08d}",
                    "certificate_expiry": today - timedelta(days=30)
                    if index == 1
                    else permit.date_end,
                }
            )
        first = permits[:1]
        self.env["property.decoration.stay"].create(
            [
                {
                    "worker_id": worker.id,
                    "date_from": max(today - timedelta(days=2), first.date_start),
                    "date_to": min(today + timedelta(days=5), first.date_end),
                    "notes": "服务中心办理留宿证明",
                }
                for worker in first.worker_ids[:2]
            ]
        )

    @api.model
    def _demo_decoration_checks(self, rng, permits, guards):
        """The last week's checks of the permits in progress, done by the guards (one missed,
        two with a problem); today's and tomorrow's planned."""
        today = fields.Date.context_today(self)
        # The last week's checks, done by the guards (one missed, two with a problem).
        # Today's checks already past too (those to come were planned at activation).
        days = [today - timedelta(days=offset) for offset in range(7, -1, -1)]
        now = fields.Datetime.now()
        checks = self.env["property.decoration.check"].create(
            [
                {
                    "permit_id": permit.id,
                    "date_planned": planned,
                    "guard_id": guards[turn % len(guards)].id,
                }
                for permit in permits
                for day in days
                if permit.date_start <= day
                for turn, planned in enumerate(permit._check_slots(day))
                if planned < now
            ]
        )
        checks |= permits.check_ids
        past = checks.filtered(lambda c: c.date_planned < now).sorted("date_planned")
        for index, check in enumerate(past[1:]):
            vals = {
                "state": "done",
                "date_done": check.date_planned + timedelta(minutes=rng.randint(-10, 25)),
                "guard_id": check.guard_id.id or guards[:1].id,
            }
            if index % 37 == 5:
                vals.update(
                    problem_fire_passage=True, violation="楼道堆放装修材料", action_taken="warning"
                )
            elif index % 37 == 20:
                vals.update(
                    problem_debris=True, violation="白天清运建筑垃圾", action_taken="warning"
                )
            check.with_context(property_decoration_recording=True).write(vals)
        self.env["property.decoration.check"]._cron_mark_missed()

    @api.model
    def _demo_decorating_units(self, project):
        """The sold flats standing empty that the decoration demo puts under decoration."""
        owned = self.env["property.occupancy"].search(
            [
                ("project_id", "=", project.id),
                ("role", "=", "owner"),
                ("date_end", "=", False),
                ("unit_id.unit_type", "=", "residential"),
                ("unit_id.state", "=", "vacant"),
            ]
        )
        return owned.unit_id.sorted("id")[:14]
