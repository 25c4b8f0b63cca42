from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

DOCUMENT_FIELDS = ("doc_quality_guarantee", "doc_instructions", "doc_handbook", "doc_covenant")
# only the buttons change these (written under sudo once they checked what they must)
STATE_FIELDS = {"state", "occupancy_id"}
# what a completed handover was completed on: final once it is done
FINAL_FIELDS = {"unit_id", "partner_id", "date_handover", "line_ids", "meter_ids"}


class PropertyUnitHandover(models.Model):
    """The handover of a unit to its owner (交樓 / 收樓): appointment, joint inspection, meters,
    keys and documents, signature; completing it starts the owner's occupancy and billing."""

    _name = "property.unit.handover"
    _description = "Unit Handover to the Owner"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.company.mixin",
        "property.client.mixin",
    ]
    _order = "date_appointment desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True, index=True)
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    grid_id = fields.Many2one(related="unit_id.grid_id", store=True, index=True)
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Owner",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Handled By",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    date_appointment = fields.Datetime(string="Appointment", tracking=True)
    date_handover = fields.Date(
        string="Handover Date",
        default=fields.Date.context_today,
        tracking=True,
        help="The owner's occupancy, and billing, start on this day.",
    )
    state = fields.Selection(
        [("appointed", "Appointed"), ("done", "Handed Over"), ("cancelled", "Cancelled")],
        string="Status",
        default="appointed",
        required=True,
        tracking=True,
    )
    line_ids = fields.One2many(
        "property.unit.handover.line", "handover_id", string="Joint Inspection"
    )
    meter_ids = fields.One2many(
        "property.unit.handover.meter", "handover_id", string="Opening Meter Indexes"
    )
    doc_quality_guarantee = fields.Boolean(string="Quality Guarantee", tracking=True)
    doc_instructions = fields.Boolean(string="Instructions for Use", tracking=True)
    doc_handbook = fields.Boolean(string="Residents' Handbook", tracking=True)
    doc_covenant = fields.Boolean(string="Management Covenant Signed", tracking=True)
    key_count = fields.Integer(string="Keys Handed Over", tracking=True)
    signature = fields.Image(
        string="Owner's Signature", copy=False, attachment=True, max_width=1024, max_height=1024
    )
    signed_by = fields.Char(copy=False)
    date_signed = fields.Datetime(string="Signed On", copy=False, readonly=True)
    occupancy_id = fields.Many2one("property.occupancy", readonly=True, copy=False, index=True)
    ticket_count = fields.Integer(compute="_compute_ticket_count", string="Rectification Tickets")
    defect_count = fields.Integer(compute="_compute_ticket_count", string="Defects")
    note = fields.Text()

    _sql_constraints = [
        (
            "occupancy_uniq",
            "unique(occupancy_id)",
            "This occupancy was already started by another handover.",
        ),
    ]

    @api.depends("line_ids.ticket_id", "line_ids.result")
    def _compute_ticket_count(self):
        for handover in self:
            handover.ticket_count = len(handover.line_ids.ticket_id)
            handover.defect_count = len(
                handover.line_ids.filtered(lambda line: line.result == "defect")
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su and (
                vals.get("occupancy_id") or vals.get("state", "appointed") != "appointed"
            ):
                raise UserError(
                    self.env._("A handover is created appointed: use the buttons to complete it.")
                )
            if vals.get("signature"):
                vals["date_signed"] = fields.Datetime.now()
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.unit.handover") or "/"
        handovers = super().create(vals_list)
        handovers._generate_lines()
        return handovers

    def write(self, vals):
        if not self.env.su and STATE_FIELDS & vals.keys():
            raise UserError(self.env._("The status of a handover changes with its buttons only."))
        if FINAL_FIELDS & vals.keys() and any(h.state == "done" for h in self):
            raise UserError(
                self.env._(
                    "A completed handover cannot be changed: its unit, owner, date, inspection "
                    "and meter indexes are final."
                )
            )
        if "signature" in vals:
            vals["date_signed"] = fields.Datetime.now() if vals["signature"] else False
        return super().write(vals)

    def _metered_fee_types(self):
        """The metered fees of each unit: those with a rate for its project and unit type,
        read once for the whole batch. Returns {handover id: fee types}."""
        rates = self.env["property.fee.rate"].search(
            [
                ("project_id", "in", self.project_id.ids),
                ("unit_type", "in", list(set(self.unit_id.mapped("unit_type")))),
                ("fee_type_id.computation", "=", "metered"),
            ]
        )
        by_key = {}
        for rate in rates:
            key = (rate.project_id.id, rate.unit_type)
            by_key[key] = by_key.get(key, rate.fee_type_id.browse()) | rate.fee_type_id
        empty = self.env["property.fee.type"]
        return {
            handover.id: by_key.get((handover.project_id.id, handover.unit_id.unit_type), empty)
            for handover in self
        }

    def _generate_lines(self):
        """The joint inspection from the takeover checklist (its items of each unit) and one
        opening index per metered fee of the unit; what is already there is not added again."""
        items = self.env["property.takeover.checklist.item"].search([("scope", "=", "unit")])
        lines, meters = [], []
        metered_fees = self._metered_fee_types()
        for handover in self:
            present = set(handover.line_ids.item_id.ids)
            lines += [
                {"handover_id": handover.id, "item_id": item.id, "sequence": item.sequence}
                for item in items
                if item.company_id in (handover.company_id, item.company_id.browse())
                and item.id not in present
            ]
            metered = set(handover.meter_ids.fee_type_id.ids)
            meters += [
                {"handover_id": handover.id, "fee_type_id": fee_type.id}
                for fee_type in metered_fees[handover.id]
                if fee_type.id not in metered
            ]
        self.env["property.unit.handover.line"].create(lines)
        self.env["property.unit.handover.meter"].create(meters)

    def action_generate_lines(self):
        if self.filtered(lambda h: h.state != "appointed"):
            raise UserError(self.env._("Only a handover not completed yet can be changed."))
        self._generate_lines()

    def _rectification_ticket_vals(self, lines):
        ticket_type = self.env.ref("property_butler_ticket.property_ticket_type_repair")
        engineering = self.env.ref("property_butler_ticket.property_department_engineering")
        return [
            {
                "title": self.env._("Handover defect: %s", line.item_id.name),
                "description": line.note or line.item_id.name,
                "ticket_type_id": ticket_type.id,
                "channel": "butler_visit",
                "unit_id": line.handover_id.unit_id.id,
                # the owner is the ticket's resident once the handover started the occupancy
                "partner_id": line.handover_id.occupancy_id.partner_id.id,
                "company_id": line.handover_id.company_id.id,
                "department_id": engineering.id,
            }
            for line in lines
        ]

    def action_create_tickets(self):
        """A rectification ticket for every defect the owner pointed out that has none yet
        (跟蹤業主提出的工程整改問題)."""
        lines = self.line_ids.filtered(lambda line: line.result == "defect" and not line.ticket_id)
        tickets = self.env["property.ticket"].create(self._rectification_ticket_vals(lines))
        # the lines of a completed handover are final: their ticket is linked under sudo
        lines.check_access("write")
        for line, ticket in zip(lines.sudo(), tickets, strict=True):
            line.ticket_id = ticket
        return tickets

    def _completion_problems(self, metered_fees=None):
        self.ensure_one()
        problems = []
        if self.state != "appointed":
            problems.append(self.env._("The handover is already completed or cancelled."))
        if not self.date_handover:
            problems.append(self.env._("Enter the handover date."))
        elif self.date_handover > fields.Date.context_today(self):
            problems.append(self.env._("The handover date cannot be later than today."))
        if not self.line_ids or self.line_ids.filtered(lambda line: not line.result):
            problems.append(self.env._("Check every item of the joint inspection."))
        # an index of 0 is a new meter: what counts is that the meter was read
        unread = self.meter_ids.filtered(lambda meter: not meter.reading_taken)
        if unread:
            problems.append(
                self.env._(
                    "Enter the opening index of every meter (%s).",
                    ", ".join(unread.fee_type_id.mapped("name")),
                )
            )
        if metered_fees is None:
            metered_fees = self._metered_fee_types()
        missing_fees = metered_fees[self.id] - self.meter_ids.fee_type_id
        if missing_fees:
            problems.append(
                self.env._("Read the meter of %s.", ", ".join(missing_fees.mapped("name")))
            )
        labels = [
            self._fields[name].get_description(self.env)["string"] for name in DOCUMENT_FIELDS
        ]
        missing_docs = [
            label for name, label in zip(DOCUMENT_FIELDS, labels, strict=True) if not self[name]
        ]
        if missing_docs:
            problems.append(
                self.env._("Tick the documents handed over: %s.", ", ".join(missing_docs))
            )
        if self.key_count <= 0:
            problems.append(self.env._("Enter the number of keys handed over."))
        if not self.signature:
            problems.append(self.env._("The owner has not signed the handover."))
        return problems

    def action_complete(self):
        """The unit is handed over: rectification tickets for the defects found, and the
        owner's occupancy, as billing contact, from the handover date — all or nothing."""
        # a second click, or a colleague completing it at the same time, waits and is refused
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id IN %s FOR UPDATE",
                SQL.identifier(self._table),
                tuple(self.ids),
            )
        )
        self.check_access("write")
        self.invalidate_recordset(["state", "occupancy_id"])
        metered_fees = self._metered_fee_types()
        for handover in self:
            problems = handover._completion_problems(metered_fees)
            if problems:
                raise UserError(
                    self.env._(
                        "Handover %(name)s cannot be completed:\n%(problems)s",
                        name=handover.name,
                        problems="\n".join(f"- {p}" for p in problems),
                    )
                )
        occupancies = self.env["property.occupancy"].create(
            [
                {
                    "unit_id": handover.unit_id.id,
                    "partner_id": handover.partner_id.id,
                    "role": "owner",
                    "date_start": handover.date_handover,
                    "is_billing_contact": True,
                }
                for handover in self
            ]
        )
        for handover, occupancy in zip(self.sudo(), occupancies, strict=True):
            handover.write({"state": "done", "occupancy_id": occupancy.id})
        self.action_create_tickets()
        return True

    def action_cancel(self):
        if self.filtered(lambda h: h.state == "done"):
            raise UserError(
                self.env._("A completed handover cannot be cancelled: end the occupancy instead.")
            )
        self.check_access("write")
        self.sudo().state = "cancelled"

    def action_reset(self):
        self.check_access("write")
        self.filtered(lambda h: h.state == "cancelled").sudo().state = "appointed"

    def action_view_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_ticket.property_ticket_action"
        )
        action["domain"] = [("id", "in", self.line_ids.ticket_id.ids)]
        action["context"] = {}
        return action
