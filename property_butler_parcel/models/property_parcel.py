from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from odoo.addons.property_butler.models.ir_cron import CronBatch

PARCEL_KINDS = [
    ("registered", "Registered Letter"),
    ("remittance", "Remittance Slip"),
    ("parcel_slip", "Parcel Slip"),
    ("parcel", "Parcel"),
    ("printed", "Printed Matter"),
    ("company", "Company Mail"),
]

PARCEL_STATES = [
    ("unknown", "Addressee Unknown"),
    ("waiting", "Waiting for Pick-up"),
    ("collected", "Collected"),
    ("returned", "Returned to the Post Office"),
]

COLLECTOR_KINDS = [
    ("addressee", "The Addressee"),
    ("family", "Family Member"),
    ("other", "Other Person Authorised"),
]

# Still at the desk: what the shift hands over and the reminders chase.
OPEN_STATES = ("unknown", "waiting")

# Set once the item has left the desk: never edited by hand afterwards.
CLOSED_FIELDS = {
    "kind",
    "tracking_number",
    "addressee_name",
    "unit_id",
    "partner_id",
    "quantity",
    "project_id",
    "clerk_id",
    "date_received",
}


class PropertyParcel(models.Model):
    """An item of registered mail or a parcel logged by the front desk: a line of
    《業主信件簽收表》 (addressee, unit, registered-mail number, count, clerk, resident's signature).

    The resident is told when it is logged and again when it is not collected after the
    company's number of days; the item stays on the front desk's shift handovers until it is
    collected (signed for) or returned to the post office. An item whose addressee is not known
    goes to the butler of the unit's grid to identify."""

    _name = "property.parcel"
    _description = "Registered Mail or Parcel"
    _inherit = ["property.portal.mixin", "mail.activity.mixin", "property.company.mixin"]
    _order = "date_received desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    kind = fields.Selection(PARCEL_KINDS, required=True, default="registered", tracking=True)
    tracking_number = fields.Char(
        index="trigram",
        tracking=True,
        help="The registered-mail or parcel number: type it, or scan its barcode with the "
        "phone or desk camera (or a barcode reader).",
    )
    addressee_name = fields.Char(
        string="Addressee",
        required=True,
        tracking=True,
        help="The name written on the item.",
    )
    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
        default=lambda self: self._default_project(),
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    unit_id = fields.Many2one(
        "property.unit",
        check_company=True,
        index="btree_not_null",
        domain="[('project_id', '=?', project_id)]",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Resident",
        index="btree_not_null",
        tracking=True,
        domain="[('property_occupancy_ids.unit_id', '=?', unit_id)]",
        help="The resident the item is for; empty while the addressee is not identified.",
    )
    quantity = fields.Integer(string="Count", required=True, default=1)
    clerk_id = fields.Many2one(
        "res.users",
        string="Received By",
        required=True,
        default=lambda self: self.env.user,
        check_company=True,
        domain="[('share', '=', False)]",
        help="The front-desk clerk (the customer-affairs assistant at weekends) who checked "
        "the item with the postman and logged it.",
    )
    date_received = fields.Datetime(
        string="Received On", required=True, default=fields.Datetime.now, index=True
    )
    checked_with_postman = fields.Boolean(
        string="Checked with the Postman",
        default=True,
        help="The items were checked against the postman's list, who stamped the receipt.",
    )
    state = fields.Selection(
        PARCEL_STATES,
        compute="_compute_state",
        store=True,
        readonly=True,
        index=True,
        tracking=True,
        precompute=True,
    )
    collected = fields.Boolean(readonly=True, copy=False)
    returned = fields.Boolean(readonly=True, copy=False)
    butler_id = fields.Many2one(related="unit_id.butler_id", string="Butler")
    note = fields.Text()

    date_notified = fields.Datetime(string="Resident Told On", readonly=True, copy=False)
    date_reminded = fields.Datetime(string="Reminded On", readonly=True, copy=False)
    waiting_days = fields.Integer(compute="_compute_waiting_days", string="Days Waiting")

    # Pick-up (signed for in the register)
    date_collected = fields.Datetime(string="Collected On", readonly=True, copy=False)
    collector_kind = fields.Selection(
        COLLECTOR_KINDS, string="Collected By", readonly=True, copy=False
    )
    collector_name = fields.Char(string="Collector's Name", readonly=True, copy=False)
    collector_relation = fields.Char(string="Relation to the Resident", readonly=True, copy=False)
    signature = fields.Image(
        max_width=480, max_height=240, readonly=True, copy=False, attachment=True
    )
    handed_out_by_id = fields.Many2one("res.users", readonly=True)

    # Return to the post office (返還記錄)
    return_date = fields.Date(string="Returned On", readonly=True, copy=False)
    returned_by_id = fields.Many2one("res.users", readonly=True)
    return_reason = fields.Text(readonly=True, copy=False)

    handover_item_ids = fields.One2many(
        "property.handover.item", "parcel_id", string="Handover Items", readonly=True
    )

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "The count of an item must be at least 1."),
    ]

    def _default_project(self):
        projects = self.env["property.project"].search(
            [("company_id", "in", self.env.companies.ids)], limit=2
        )
        return projects if len(projects) == 1 else False

    @api.depends("partner_id", "collected", "returned")
    def _compute_state(self):
        for parcel in self:
            if parcel.returned:
                parcel.state = "returned"
            elif parcel.collected:
                parcel.state = "collected"
            elif parcel.partner_id:
                parcel.state = "waiting"
            else:
                parcel.state = "unknown"

    @api.depends_context("uid")
    @api.depends("date_received", "state")
    def _compute_waiting_days(self):
        now = fields.Datetime.now()
        for parcel in self:
            if parcel.state in OPEN_STATES and parcel.date_received:
                parcel.waiting_days = (now - parcel.date_received).days
            else:
                parcel.waiting_days = 0

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for parcel in self:
            parcel.access_url = f"/my/parcels/{parcel.id}"
        return result

    @api.depends("name", "kind", "tracking_number")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for parcel in self:
            label = kinds.get(parcel.kind, "")
            parts = [parcel.name if parcel.name and parcel.name != "/" else "", label]
            if parcel.tracking_number:
                parts.append(parcel.tracking_number)
            parcel.display_name = " ".join(part for part in parts if part)

    @api.constrains("unit_id", "project_id")
    def _check_unit_project(self):
        for parcel in self:
            if parcel.unit_id and parcel.unit_id.project_id != parcel.project_id:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s is not in project %(project)s.",
                        unit=parcel.unit_id.code,
                        project=parcel.project_id.name,
                    )
                )

    @api.onchange("unit_id")
    def _onchange_unit_id(self):
        if self.unit_id:
            self.project_id = self.unit_id.project_id
            residents = self.unit_id.resident_ids
            if self.partner_id and self.partner_id not in residents:
                self.partner_id = False
            if not self.partner_id and self.addressee_name:
                match = residents.filtered(lambda p: p.name == self.addressee_name.strip())
                self.partner_id = match[:1]

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id and not self.addressee_name:
            self.addressee_name = self.partner_id.name

    # ------------------------------------------------------------------
    # Create and write
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"].sudo()
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("property.parcel") or "/"
            if vals.get("tracking_number"):
                vals["tracking_number"] = vals["tracking_number"].strip().upper()
        parcels = super().create(vals_list)
        if not self.env.context.get("property_parcel_no_notify"):
            parcels.filtered(lambda p: p.state == "waiting")._notify_resident()
            parcels.filtered(lambda p: p.state == "unknown")._schedule_identification()
        return parcels

    def write(self, vals):
        if CLOSED_FIELDS.intersection(vals) and self.filtered(lambda p: p.state not in OPEN_STATES):
            raise UserError(
                self.env._("An item that was collected or returned stays as it was recorded.")
            )
        if vals.get("tracking_number"):
            vals["tracking_number"] = vals["tracking_number"].strip().upper()
        unknown = self.filtered(lambda p: p.state == "unknown")
        result = super().write(vals)
        if "partner_id" in vals and not self.env.context.get("property_parcel_no_notify"):
            identified = unknown.filtered(lambda p: p.state == "waiting")
            identified._close_identification()
            identified._notify_resident()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_open(self):
        if self.filtered(lambda p: p.state not in OPEN_STATES):
            raise UserError(
                self.env._("An item that was collected or returned stays in the register.")
            )

    # ------------------------------------------------------------------
    # Telling the resident (portal, e-mail, SMS when the company sends them)
    # ------------------------------------------------------------------
    def _notification_body(self, reminder=False):
        self.ensure_one()
        values = {
            "kind": dict(self._fields["kind"]._description_selection(self.env))[self.kind],
            "number": self.tracking_number or self.name,
            "count": self.quantity,
            "project": self.project_id.name,
        }
        if reminder:
            return self.env._(
                "Reminder: %(count)s × %(kind)s %(number)s is still waiting for you at the "
                "front desk of %(project)s. Please collect it and sign for it.",
                **values,
            )
        return self.env._(
            "%(count)s × %(kind)s %(number)s has arrived for you at the front desk of "
            "%(project)s. Please collect it and sign for it; a family member may collect it "
            "for you.",
            **values,
        )

    def _notify_resident(self, reminder=False):
        """Post the notice on the item for its resident (e-mail, and the portal page), and text
        it when the company sends SMS. Returns the items told."""
        told = self.filtered(lambda p: p.state == "waiting" and p.partner_id)
        now = fields.Datetime.now()
        for parcel in told:
            # sudo: the resident's language and number, for this one message to him.
            partner = parcel.partner_id.sudo()
            local = parcel.with_context(lang=partner.lang or self.env.lang)
            body = local._notification_body(reminder=reminder)
            parcel.message_post(
                body=body,
                partner_ids=partner.ids,
                subtype_xmlid="mail.mt_comment",
                message_type="notification",
            )
            number = partner.mobile or partner.phone
            if parcel.company_id.property_parcel_sms and number:
                parcel._message_sms(
                    body,
                    partner_ids=partner.ids,
                    sms_pid_to_number={partner.id: number},
                    put_in_queue=True,
                )
        told.write({"date_reminded" if reminder else "date_notified": now})
        return told

    def action_notify_again(self):
        """Tell the resident again now (the front desk phoned or the resident asked)."""
        if self.filtered(lambda p: p.state != "waiting"):
            raise UserError(self.env._("Only items waiting for pick-up can be announced again."))
        self._notify_resident(reminder=True)
        return True

    @api.model
    def _reminder_domain(self):
        """Items waiting longer than their company's reminder delay, not reminded yet."""
        now = fields.Datetime.now()
        companies = (
            self.env["res.company"].sudo().search([("property_parcel_reminder_days", ">", 0)])
        )
        if not companies:
            return expression.FALSE_DOMAIN
        per_company = [
            [
                ("company_id", "=", company.id),
                (
                    "date_notified",
                    "<=",
                    now - timedelta(days=company.property_parcel_reminder_days),
                ),
            ]
            for company in companies
        ]
        return expression.AND(
            [
                [("state", "=", "waiting"), ("date_reminded", "=", False)],
                expression.OR(per_company),
            ]
        )

    @api.model
    def _cron_remind_residents(self, batch_size=200):
        """Remind the residents of the items not collected after the company's number of days,
        once per item (idempotent: a reminded item has its date; rows are locked)."""

        def run_batch(_cursor):
            due = self.search(self._reminder_domain(), limit=batch_size, order="id")
            if not due:
                return CronBatch(due, 0, 0)
            self.env.cr.execute(
                "SELECT id FROM property_parcel WHERE id IN %s AND date_reminded IS NULL "
                "FOR UPDATE SKIP LOCKED",
                (tuple(due.ids),),
            )
            locked = self.browse(row[0] for row in self.env.cr.fetchall())
            reminded = locked._notify_resident(reminder=True)
            remaining = self.search_count(self._reminder_domain())
            return CronBatch(reminded, len(due), remaining)

        return self.env["ir.cron"]._property_run_batches(run_batch)

    # ------------------------------------------------------------------
    # Unknown addressee: the butler identifies
    # ------------------------------------------------------------------
    def _identifier(self):
        """Who identifies the addressee: the butler of the unit's grid, else the project's
        customer-affairs supervisor, else the clerk."""
        self.ensure_one()
        # sudo: the grid's butler and the project's supervisor (users the clerk cannot read).
        unit = self.unit_id.sudo()
        return (
            unit.butler_id
            or unit.backup_butler_id
            or self.project_id.sudo().supervisor_id
            or self.clerk_id
        )

    def _schedule_identification(self):
        todo = self.env.ref("mail.mail_activity_data_todo")
        for parcel in self:
            parcel.activity_schedule(
                activity_type_id=todo.id,
                summary=self.env._("Identify the addressee"),
                note=self.env._(
                    "Nobody of this name is known at this address: %(name)s, %(unit)s. "
                    "Find the resident, or tell the front desk to return it to the post office.",
                    name=parcel.addressee_name,
                    unit=parcel.unit_id.code or self.env._("no unit"),
                ),
                user_id=parcel._identifier().id,
            )

    def _close_identification(self):
        if self:
            self.activity_feedback(
                ["mail.mail_activity_data_todo"], feedback=self.env._("Addressee identified.")
            )

    # ------------------------------------------------------------------
    # Pick-up and return
    # ------------------------------------------------------------------
    def _check_open(self):
        closed = self.filtered(lambda p: p.state not in OPEN_STATES)
        if closed:
            raise UserError(
                self.env._(
                    "%s already left the desk (collected or returned).",
                    ", ".join(closed.mapped("display_name")),
                )
            )

    def action_pick_up(self):
        """Open the pick-up form: who collects, signature."""
        self._check_open()
        if self.filtered(lambda p: p.state == "unknown"):
            raise UserError(
                self.env._("Identify the resident first: an unknown addressee cannot sign for it.")
            )
        if len(self.partner_id) > 1:
            raise UserError(self.env._("Hand out the items of one resident at a time."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Pick-up"),
            "res_model": "property.parcel.pickup",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_parcel_ids": self.ids,
                "default_collector_name": self.partner_id.name,
            },
        }

    def action_return(self):
        self._check_open()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return to the Post Office"),
            "res_model": "property.parcel.return",
            "view_mode": "form",
            "target": "new",
            "context": {"default_parcel_ids": self.ids},
        }

    def _mark_collected(self, vals):
        self._check_open()
        self.with_context(property_parcel_no_notify=True).write(
            {
                **vals,
                "collected": True,
                "date_collected": fields.Datetime.now(),
                "handed_out_by_id": self.env.uid,
            }
        )
        self._close_handover_items()

    def _mark_returned(self, reason, day=None):
        self._check_open()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for returning the item."))
        self.with_context(property_parcel_no_notify=True).write(
            {
                "returned": True,
                "return_date": day or fields.Date.context_today(self),
                "returned_by_id": self.env.uid,
                "return_reason": reason.strip(),
            }
        )
        self.activity_unlink(["mail.mail_activity_data_todo"])
        self._close_handover_items()

    def _close_handover_items(self):
        # The items may sit on the logs of any shift of the front desk of the project.
        items = self.env["property.handover.item"].search(
            [("parcel_id", "in", self.ids), ("state", "=", "open")]
        )
        items.action_close()
        items.filtered(lambda i: i.state == "closed" and not i.closing_note).write(
            {"closing_note": self.env._("Collected or returned")}
        )

    # ------------------------------------------------------------------
    # Handovers
    # ------------------------------------------------------------------
    def _handover_description(self):
        self.ensure_one()
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        return self.env._(
            "Uncollected %(kind)s %(number)s for %(name)s (%(unit)s), since %(day)s",
            kind=kinds[self.kind],
            number=self.tracking_number or self.name,
            name=self.partner_id.name or self.addressee_name,
            unit=self.unit_id.code or self.env._("no unit"),
            day=fields.Date.to_string(fields.Datetime.context_timestamp(self, self.date_received)),
        )
