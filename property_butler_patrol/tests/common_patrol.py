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
