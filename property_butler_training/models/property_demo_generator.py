from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step
from odoo.addons.property_butler.models.property_project import DEFAULT_TZ, local_to_utc

# (days ago, topic, the staff who took it); one butler fails the fee procedure, passed later.
SESSIONS = [
    (300, "scope", "all"),
    (280, "duty_assistant", "butlers"),
    (250, "move_in", "front"),
    (220, "complaints", "front"),
    (190, "repairs", "front"),
    (160, "fees", "front"),
    (120, "fees", "retake"),
    (90, "visits", "butlers"),
    (60, "snow", "all"),
    (-10, "survey", "butlers"),
]


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_training(self):
        """A year of training sessions of the department (the yearly plan), with attendance
        and exam scores: one butler fails the fee procedure and passes it at the retake; the
        survey procedure is still to come."""
        project = self._demo_project()
        Session = self.env["property.training.session"]
        if not project or Session.search_count([("project_id", "=", project.id)], limit=1):
            return
        ref = self.env.ref
        rng = self._demo_rng("training")
        butlers = [
            ref(f"property_butler.user_butler{n}", raise_if_not_found=False) for n in range(1, 5)
        ]
        butlers = [butler for butler in butlers if butler]
        front_desk = [
            ref(xmlid, raise_if_not_found=False)
            for xmlid in ("property_butler.user_front_desk", "property_butler.user_front_desk2")
        ]
        front_desk = [user for user in front_desk if user]
        supervisor = ref("property_butler.user_supervisor", raise_if_not_found=False)
        trainer = ref("property_butler.user_manager", raise_if_not_found=False) or self.env.user
        groups = {
            "all": butlers + front_desk + ([supervisor] if supervisor else []),
            "butlers": butlers,
            "front": butlers + front_desk,
            "retake": butlers[1:2],
        }
        failing = butlers[1] if len(butlers) > 1 else None
        today = fields.Date.context_today(self.with_context(tz=DEFAULT_TZ))
        for days, topic_key, who in SESSIONS:
            topic = ref(f"property_butler_training.property_training_topic_{topic_key}")
            session = Session.with_context(mail_create_nolog=True, tracking_disable=True).create(
                {
                    "topic_id": topic.id,
                    "project_id": project.id,
                    "trainer_id": trainer.id,
                    "location": "管理处会议室",
                    "date": local_to_utc(today - timedelta(days=days), 14.0, DEFAULT_TZ),
                    "attendance_ids": [
                        fields.Command.create(
                            {
                                "user_id": user.id,
                                "score": 52.0
                                if (topic_key, who) == ("fees", "front") and user == failing
                                else float(rng.randint(70, 98)),
                            }
                        )
                        for user in groups[who]
                    ],
                }
            )
            if days > 0:
                session.action_done()
