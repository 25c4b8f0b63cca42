from odoo import fields, models
from odoo.tools import plaintext2html


class PropertyPatrolCheckin(models.Model):
    """A guard's check-in at a checkpoint (簽到): server time, answers, remark, photo."""

    _name = "property.patrol.checkin"
    _description = "Patrol Check-in"
    _order = "date desc, id desc"
    _check_company_auto = True

    round_id = fields.Many2one(
        "property.patrol.round", required=True, ondelete="cascade", index=True, check_company=True
    )
    checkpoint_id = fields.Many2one(
        "property.checkpoint", required=True, ondelete="restrict", index=True, check_company=True
    )
    company_id = fields.Many2one(related="round_id.company_id", store=True, index=True)
    guard_id = fields.Many2one("res.users", required=True, index=True)
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    is_late = fields.Boolean(string="Late", readonly=True)
    remark = fields.Text()
    is_problem = fields.Boolean(
        string="Problem", help="The remark describes a problem: it becomes a finding."
    )
    photo = fields.Image(max_width=1920, max_height=1920)
    answer_ids = fields.One2many("property.patrol.checkin.answer", "checkin_id", string="Answers")
    ticket_ids = fields.One2many("property.ticket", "patrol_checkin_id", string="Findings")

    _sql_constraints = [
        (
            "round_checkpoint_uniq",
            "unique(round_id, checkpoint_id)",
            "A checkpoint is checked in once per round.",
        ),
    ]

    def _raise_findings(self):
        """Failed checklist items and problem remarks become findings (tickets) for the
        department responsible."""
        finding_type = self.env.ref("property_butler.property_ticket_type_finding")
        vals_list = []
        for checkin in self:
            checkpoint = checkin.checkpoint_id
            base = {
                "ticket_type_id": finding_type.id,
                "channel": "patrol",
                "project_id": checkpoint.project_id.id,
                "cluster_id": (checkpoint.cluster_id or checkpoint.building_id.cluster_id).id,
                "unit_id": checkpoint.unit_id.id,
                "company_id": checkin.company_id.id,
                "patrol_checkin_id": checkin.id,
            }
            for answer in checkin.answer_ids.filtered(lambda a: not a.ok):
                department = answer.item_id.department_id or finding_type.department_id
                vals_list.append(
                    {
                        **base,
                        "title": f"{checkpoint.name}: {answer.item_id.name}",
                        # The guard's note is plain text, not markup.
                        "description": plaintext2html(answer.note or answer.item_id.name),
                        "department_id": department.id,
                    }
                )
            if checkin.is_problem and checkin.remark:
                vals_list.append(
                    {
                        **base,
                        "title": f"{checkpoint.name}: {checkin.remark[:80]}",
                        "description": plaintext2html(checkin.remark),
                        "department_id": finding_type.department_id.id,
                    }
                )
        return self.env["property.ticket"].create(vals_list)
