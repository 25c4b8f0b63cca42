from datetime import datetime, timedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step
from odoo.addons.property_butler.models.property_project import DEFAULT_TZ


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_patrols(self):
        """Checkpoints with QR codes, a night route through the key areas, a day route past the
        buildings, the empty flats passed on each shift, their plans for the demo guard, the
        rounds of today and tomorrow, and this month's vacant-unit inspections."""
        project = self._demo_project()
        Checkpoint = self.env["property.checkpoint"]
        if not project or Checkpoint.search_count([("project_id", "=", project.id)], limit=1):
            return
        key_areas, lobbies = self._demo_checkpoints(project)
        self._demo_patrol_plans(project, key_areas, lobbies)
        self.env["property.patrol.plan"]._cron_generate_rounds(days_ahead=1)
        self.env["property.inspection"]._cron_vacant_unit_inspections()
        self._generate_demo_morning_checks(project)

    @api.model
    def _demo_checkpoints(self, project):
        """The key areas (office, archive, control room, store) and a lobby per building, each
        with its checklist, and the central square outside; return (key areas, lobbies)."""
        ref = self.env.ref
        security = ref("property_butler_ticket.property_department_security").id
        engineering = ref("property_butler_ticket.property_department_engineering").id
        Checkpoint = self.env["property.checkpoint"]

        def checklist(*items):
            return [
                fields.Command.create({"name": name, "department_id": department})
                for name, department in items
            ]

        key_areas = Checkpoint.create(
            [
                {
                    "name": name,
                    "project_id": project.id,
                    "is_key_area": True,
                    "checklist_item_ids": checklist(
                        ("门窗已锁好", security),
                        ("灭火器在位", engineering),
                        ("无异味、无异响", security),
                    ),
                }
                for name in ("管理处办公室", "档案室", "监控中心", "仓库")
            ]
        )
        lobbies = Checkpoint.create(
            [
                {
                    "name": f"{building.unit_code_prefix} {building.name} 大堂",
                    "project_id": project.id,
                    "cluster_id": building.cluster_id.id,
                    "building_id": building.id,
                    "checklist_item_ids": checklist(
                        ("大堂照明正常", engineering), ("消防通道畅通", security)
                    ),
                }
                for building in project.building_ids.sorted("unit_code_prefix")
            ]
        )
        # Outside the buildings: the standard checks of the manual (S0 3.2.2 a-g).
        Checkpoint.create(
            {"name": "中心广场 Central square", "project_id": project.id, "area": "outdoor"}
        )
        return key_areas, lobbies

    @api.model
    def _demo_patrol_plans(self, project, key_areas, lobbies):
        """A night route through the key areas every hour, a day route past the lobbies, and
        the empty flats passed once on each shift (S0 3.4.1): all walked by the demo guard."""
        ref = self.env.ref
        guard = ref("property_butler.user_guard", raise_if_not_found=False)
        guards = [fields.Command.set(guard.ids)] if guard else []
        Route = self.env["property.patrol.route"]
        Plan = self.env["property.patrol.plan"]
        night, day = Route.create(
            [
                {
                    "name": name,
                    "project_id": project.id,
                    "expected_duration": duration,
                    "line_ids": [
                        fields.Command.create({"checkpoint_id": c.id, "sequence": i})
                        for i, c in enumerate(checkpoints)
                    ],
                }
                for name, duration, checkpoints in (
                    ("夜间要害部位巡逻 Night key areas", 30, key_areas),
                    ("楼栋巡逻 Buildings", 60, lobbies),
                )
            ]
        )
        Plan.create(
            [
                {
                    "route_id": night.id,
                    "shift_id": ref("property_butler_patrol.property_patrol_shift_night").id,
                    "interval_minutes": 60,
                    "tz": DEFAULT_TZ,
                    "guard_ids": guards,
                },
                {
                    "route_id": day.id,
                    "shift_id": ref("property_butler_patrol.property_patrol_shift_day").id,
                    "tz": DEFAULT_TZ,
                    "guard_ids": guards,
                },
            ]
        )
        empty_flats = Route._create_empty_flat_routes(project)
        Plan.search([("route_id", "in", empty_flats.ids)]).write(
            {"guard_ids": guards, "tz": DEFAULT_TZ}
        )

    @api.model
    def _generate_demo_morning_checks(self, project):
        """The first butler's 9:30 morning checks of the last working days: on time, except
        yesterday's at 09:47 (late)."""
        butler = self.env.ref("property_butler.user_butler1", raise_if_not_found=False)
        if not butler:
            return
        template = self.env.ref("property_butler_patrol.property_inspection_template_morning_check")
        today = fields.Date.context_today(self)
        days = [today - timedelta(days=n) for n in range(1, 8)]
        days = [day for day in days if day.weekday() < 5]
        checks = self.env["property.inspection"].create(
            [
                {
                    "template_id": template.id,
                    "project_id": project.id,
                    "user_id": butler.id,
                    "date_planned": day,
                }
                for day in days
            ]
        )
        checks.line_ids.write({"result": "ok"})
        for check, day in zip(checks, days, strict=True):
            minute = 47 if day == days[0] else 20
            # 09:xx in the estates' time zone (UTC+8).
            done = datetime.combine(day, datetime.min.time()).replace(hour=1, minute=minute)
            check.write({"state": "done", "date_done": day, "datetime_done": done})
