from datetime import date

import pytz

from odoo import Command, fields

from odoo.addons.property_butler.tests.common import PropertyButlerCase

TZ = "Asia/Shanghai"


class PatrolPagesCase(PropertyButlerCase):
    """A route of two checkpoints (a gate and the control room, a key area with a checklist)
    walked by the guard in a round that starts now; a third checkpoint off the route."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.engineering = ref("property_butler_ticket.property_department_engineering")
        cls.security = ref("property_butler_ticket.property_department_security")
        cls.guard2 = cls._user("pb_guard2", "patrol_guard")
        (cls.guard | cls.guard2 | cls.supervisor).write({"tz": TZ})
        Checkpoint = cls.env["property.checkpoint"]
        cls.gate = Checkpoint.create(
            {"name": "North Gate", "project_id": cls.project.id, "cluster_id": cls.cluster.id}
        )
        cls.control_room = Checkpoint.create(
            {
                "name": "Control Room",
                "project_id": cls.project.id,
                "building_id": cls.building.id,
                "is_key_area": True,
                "instructions": "<p>Check the CCTV wall and the fire panel.</p>",
                "checklist_item_ids": [
                    Command.create(
                        {"name": "Fire panel without alarm", "department_id": cls.engineering.id}
                    ),
                    Command.create(
                        {"name": "CCTV screens all on", "department_id": cls.security.id}
                    ),
                ],
            }
        )
        cls.fire_panel, cls.cctv = cls.control_room.checklist_item_ids
        cls.vacant_unit = Checkpoint.create(
            {"name": "Vacant 1501", "project_id": cls.project.id, "unit_id": cls.unit2.id}
        )
        cls.route = cls.env["property.patrol.route"].create(
            {
                "name": "Cluster 3 night route",
                "project_id": cls.project.id,
                "expected_duration": 45,
                "line_ids": [
                    Command.create({"sequence": 1, "checkpoint_id": cls.gate.id}),
                    Command.create({"sequence": 2, "checkpoint_id": cls.control_room.id}),
                ],
            }
        )
        cls.shift = cls.env["property.patrol.shift"].create(
            {"name": "Night", "hour_from": 20.0, "hour_to": 8.0}
        )
        cls.plan = cls.env["property.patrol.plan"].create(
            {
                "route_id": cls.route.id,
                "shift_id": cls.shift.id,
                "guard_ids": [Command.set(cls.guard.ids)],
                "tz": TZ,
            }
        )
        cls.round = cls.env["property.patrol.round"].create(
            {
                "plan_id": cls.plan.id,
                "route_id": cls.route.id,
                "guard_id": cls.guard.id,
                "date_start": fields.Datetime.now().replace(microsecond=0),
            }
        )

    @classmethod
    def _local_time(cls, value, seconds=True):
        local = pytz.utc.localize(value).astimezone(pytz.timezone(TZ))
        return local.strftime("%H:%M:%S" if seconds else "%H:%M")


class PatrolEstateCase(PropertyButlerCase):
    """Two projects, vacant and occupied units in two grids, and a night patrol plan of the
    key areas walked by two guards: the estate of the storm alerts and the handovers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.guard2 = cls._user("pb_guard2", "patrol_guard")
        cls.project2 = cls.env["property.project"].create({"name": "Harbour View", "code": "HV"})
        # Two vacant units (owners living elsewhere) in two grids, one occupied unit.
        for unit in (cls.unit, cls.unit_b):
            cls._occupy(unit, cls.owner, date_start=date(2024, 1, 1), resides=False)
        cls._occupy(cls.unit2, cls.other_owner, date_start=date(2024, 1, 1))
        cls._grid(cls.butler, building_ids=cls._set(cls.building))
        cls._grid(cls.butler2, building_ids=cls._set(cls.building_b))
        # The guards of the estate are those of its patrol plans.
        cls.control_room = cls.env["property.checkpoint"].create(
            {"name": "Control room", "project_id": cls.project.id, "is_key_area": True}
        )
        cls.route = cls.env["property.patrol.route"].create(
            {
                "name": "Key areas",
                "project_id": cls.project.id,
                "line_ids": [Command.create({"checkpoint_id": cls.control_room.id})],
            }
        )
        cls.night = cls.env.ref("property_butler_patrol.property_patrol_shift_night")
        cls.plan = cls.env["property.patrol.plan"].create(
            {
                "route_id": cls.route.id,
                "shift_id": cls.night.id,
                "interval_minutes": 60,
                "guard_ids": cls._set(cls.guard | cls.guard2),
            }
        )
