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
    # What would expose a check-in made away from the checkpoint (a copied QR code): where the
    # request came from, where the phone was (when the guard shares it), and how fast it followed
    # the previous one. Supervisors only: guards are not told how check-ins are checked.
    client_ip = fields.Char(
        string="Client IP", readonly=True, groups="property_butler.property_butler_group_supervisor"
    )
    latitude = fields.Float(
        digits=(10, 7), readonly=True, groups="property_butler.property_butler_group_supervisor"
    )
    longitude = fields.Float(
        digits=(10, 7), readonly=True, groups="property_butler.property_butler_group_supervisor"
    )
    accuracy = fields.Float(
        string="Accuracy (m)",
        digits=(10, 1),
        readonly=True,
        groups="property_butler.property_butler_group_supervisor",
        help="The phone's own estimate of its position's accuracy.",
    )
    has_position = fields.Boolean(
        string="Position Shared",
        readonly=True,
        groups="property_butler.property_butler_group_supervisor",
    )
    distance = fields.Integer(
        string="Distance (m)",
        readonly=True,
        groups="property_butler.property_butler_group_supervisor",
        help="From the phone's position to the checkpoint's coordinates.",
    )
    is_suspicious = fields.Boolean(
        string="Suspicious",
        readonly=True,
        index=True,
        groups="property_butler.property_butler_group_supervisor",
    )
    suspicious_reason = fields.Text(
        string="Why Suspicious",
        readonly=True,
        groups="property_butler.property_butler_group_supervisor",
    )
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
        finding_type = self.env.ref("property_butler_ticket.property_ticket_type_finding")
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
