from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.property_butler.models.ir_cron import CronBatch

CHANNELS = [
    ("in_person", "By the Butler in Person"),
    ("security", "Through the Security Team"),
    ("post", "By Post"),
    ("electronic", "Portal and E-mail"),
]
LINE_STATES = [
    ("prepared", "Prepared"),
    ("handed_over", "Handed Over"),
    ("posted", "Posted"),
    ("sent", "Sent by E-mail"),
    ("received", "Received"),
]
CALL_RESULTS = [
    ("will_collect", "Reached: will collect it"),
    ("already_has", "Reached: already has it"),
    ("resend", "Reached: send it again"),
    ("no_answer", "No answer"),
    ("wrong_number", "Wrong number"),
]
# Copies out of the service centre, waiting for their recipient.
OUT_STATES = ("handed_over", "posted", "sent")
# "超過兩周仍無人領取的,電話告知客戶"
UNCLAIMED_DAYS = 14


class PropertyDocumentLine(models.Model):
    """One copy of a document for one unit and recipient (a row of 《文件發放登記表》)."""

    _name = "property.document.line"
    _description = "Document Distribution Line"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "issue_id desc, unit_id, id"
    _check_company_auto = True

    issue_id = fields.Many2one(
        "property.document.issue",
        string="Document Issue",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    document_type = fields.Selection(related="issue_id.document_type", store=True, string="Type")
    issue_name = fields.Char(related="issue_id.name", string="Document")
    issue_date = fields.Date(related="issue_id.date", string="Issue Date")
    project_id = fields.Many2one(
        related="issue_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="issue_id.company_id", store=True, index=True, precompute=True
    )
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, check_company=True, ondelete="restrict"
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True, index=True)
    butler_id = fields.Many2one(related="unit_id.butler_id", store=True, string="Butler")
    partner_id = fields.Many2one(
        "res.partner", string="Recipient", required=True, index=True, ondelete="restrict"
    )
    key_customer = fields.Boolean(related="unit_id.key_customer")
    channel = fields.Selection(CHANNELS, required=True, default="security", tracking=True)
    state = fields.Selection(
        LINE_STATES, default="prepared", required=True, readonly=True, tracking=True, index=True
    )
    mailing_address = fields.Text(
        help="Where the copy is posted: the unit's mailing address, else the recipient's."
    )
    date_handed = fields.Datetime(string="Handed Over / Posted On", readonly=True, copy=False)
    # The service centre's own records of the copy: staff only (residents read their lines).
    handed_by_id = fields.Many2one(
        "res.users",
        string="Handed Over / Posted By",
        readonly=True,
        copy=False,
        groups="base.group_user",
    )
    date_received = fields.Date(string="Received On", copy=False)
    received_by = fields.Char(copy=False, help="Who signed for it, when not the recipient.")
    signature = fields.Binary(copy=False, attachment=True)
    note = fields.Char(groups="base.group_user")
    call_scheduled = fields.Boolean(
        readonly=True,
        copy=False,
        groups="base.group_user",
        help="Still unclaimed after two weeks: the butler was given a call activity (once).",
    )
    date_call = fields.Datetime(
        string="Called On", readonly=True, copy=False, groups="base.group_user"
    )
    call_user_id = fields.Many2one(
        "res.users", string="Called By", readonly=True, copy=False, groups="base.group_user"
    )
    call_result = fields.Selection(
        CALL_RESULTS, readonly=True, copy=False, groups="base.group_user"
    )
    call_note = fields.Text(readonly=True, copy=False, groups="base.group_user")
    is_unclaimed = fields.Boolean(
        string="Unclaimed",
        compute="_compute_is_unclaimed",
        search="_search_is_unclaimed",
        help="Handed over or posted more than two weeks ago and not received.",
    )

    _sql_constraints = [
        (
            "issue_unit_partner_uniq",
            "unique(issue_id, unit_id, partner_id)",
            "The document already has a copy for this unit and recipient.",
        ),
    ]

    @api.depends("issue_id.name", "unit_id.code")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.issue_id.name or ''} · {line.unit_id.code or ''}"

    @api.constrains("unit_id", "issue_id")
    def _check_unit_project(self):
        for line in self:
            if line.unit_id.project_id != line.issue_id.project_id:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s is not in the project of %(issue)s.",
                        unit=line.unit_id.code,
                        issue=line.issue_id.name,
                    )
                )

    @api.model
    def _unclaimed_limit(self):
        return fields.Datetime.now() - timedelta(days=UNCLAIMED_DAYS)

    @api.depends("state", "date_handed")
    def _compute_is_unclaimed(self):
        limit = self._unclaimed_limit()
        for line in self:
            line.is_unclaimed = bool(
                line.state in OUT_STATES and line.date_handed and line.date_handed <= limit
            )

    def _search_is_unclaimed(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on unclaimed copies."))
        domain = [
            ("state", "in", OUT_STATES),
            ("date_handed", "<=", self._unclaimed_limit()),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.model
    def _channel_of(self, unit, partner=None):
        """A recipient who chose paperless documents (and has an e-mail) on the portal and by
        e-mail; otherwise key customers from their butler in person, occupied units through
        the security team, empty units by post."""
        if partner and partner.property_paperless and partner.email:
            return "electronic"
        if unit.key_customer:
            return "in_person"
        if unit.resident_ids:
            return "security"
        return "post"

    @api.model
    def _prepare_line_values(self, issue, unit, partner):
        return {
            "issue_id": issue.id,
            "unit_id": unit.id,
            "partner_id": partner.id,
            "channel": self._channel_of(unit, partner),
            "mailing_address": unit.mailing_address or self._partner_address(partner),
        }

    @api.model
    def _partner_address(self, partner):
        address = partner._display_address(without_company=True).strip()
        return address or False

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _check_state(self, states, message):
        wrong = self.filtered(lambda line: line.state not in states)
        if wrong:
            raise UserError(message % ", ".join(wrong.mapped("unit_id.code")))

    def action_hand_over(self):
        """Handed to the recipient or to the security team (in person, through security)."""
        self._check_state(("prepared",), self.env._("Only prepared copies can be handed over: %s."))
        by_post = self.filtered(lambda line: line.channel == "post")
        if by_post:
            raise UserError(
                self.env._(
                    "These copies go by post, mark them posted: %s.",
                    ", ".join(by_post.mapped("unit_id.code")),
                )
            )
        electronic = self.filtered(lambda line: line.channel == "electronic")
        if electronic:
            raise UserError(
                self.env._(
                    "These copies go by e-mail, send them: %s.",
                    ", ".join(electronic.mapped("unit_id.code")),
                )
            )
        not_briefed = self.filtered(
            lambda line: line.channel == "security" and not line.issue_id.security_briefed
        )
        if not_briefed:
            raise UserError(
                self.env._(
                    "Brief the security team on what %s says before handing them the copies.",
                    ", ".join(set(not_briefed.mapped("issue_id.name"))),
                )
            )
        self.write(
            {
                "state": "handed_over",
                "date_handed": fields.Datetime.now(),
                "handed_by_id": self.env.user.id,
            }
        )
        return True

    def action_post(self):
        self._check_state(("prepared",), self.env._("Only prepared copies can be posted: %s."))
        not_post = self.filtered(lambda line: line.channel != "post")
        if not_post:
            raise UserError(
                self.env._(
                    "These copies are not sent by post: %s.",
                    ", ".join(not_post.mapped("unit_id.code")),
                )
            )
        no_address = self.filtered(lambda line: not (line.mailing_address or "").strip())
        if no_address:
            raise UserError(
                self.env._(
                    "Fill in the mailing address first: %s.",
                    ", ".join(no_address.mapped("unit_id.code")),
                )
            )
        self.write(
            {"state": "posted", "date_handed": fields.Datetime.now(), "handed_by_id": self.env.uid}
        )
        return True

    def action_send(self):
        """E-mail the recipients of paperless copies a link to their copy on the portal (the
        mail queue sends them); the copy counts as received once opened there."""
        self._check_state(("prepared",), self.env._("Only prepared copies can be sent: %s."))
        wrong = self.filtered(lambda line: line.channel != "electronic")
        if wrong:
            raise UserError(
                self.env._(
                    "These copies are not sent by e-mail: %s.",
                    ", ".join(wrong.mapped("unit_id.code")),
                )
            )
        no_email = self.filtered(lambda line: not line.partner_id.email)
        if no_email:
            raise UserError(
                self.env._(
                    "The recipients of these copies have no e-mail address: %s.",
                    ", ".join(no_email.mapped("unit_id.code")),
                )
            )
        template = self.env.ref("property_butler_distribution.mail_template_document_line")
        # sudo: the recipient's e-mail and the queue (mail.mail) are not the butler's to read.
        # One batch: the template renders every copy (each in its recipient's language) at once.
        template.sudo().send_mail_batch(self.ids, email_layout_xmlid="mail.mail_notification_light")
        self.write(
            {"state": "sent", "date_handed": fields.Datetime.now(), "handed_by_id": self.env.uid}
        )
        return True

    def _mark_opened(self):
        """The recipient opened a sent copy on the portal: it is received (superuser: the
        resident cannot write the line)."""
        opened = self.filtered(lambda line: line.state == "sent")
        if opened:
            opened.sudo().write(
                {
                    "state": "received",
                    "date_received": fields.Date.context_today(self),
                    "received_by": self.env._("Opened on the portal"),
                }
            )
            opened.sudo().activity_feedback(
                ["mail.mail_activity_data_call"],
                feedback=self.env._("The copy was opened on the portal."),
            )

    def action_receive(self):
        """The recipient has the copy (in person: with his signature)."""
        for line in self:
            if line.state == "received":
                raise UserError(
                    self.env._("The copy of %s is already received.", line.unit_id.code)
                )
            if line.channel == "in_person" and not line.signature:
                raise UserError(
                    self.env._(
                        "The recipient of %s signs for a copy handed in person.",
                        line.unit_id.code,
                    )
                )
            if line.state == "prepared" and line.channel != "in_person":
                raise UserError(
                    self.env._(
                        "Hand over, post or send the copy of %s before it is received.",
                        line.unit_id.code,
                    )
                )
        today = fields.Date.context_today(self)
        now = fields.Datetime.now()
        for line in self:
            vals = {"state": "received", "date_received": line.date_received or today}
            if not line.date_handed:
                vals.update(date_handed=now, handed_by_id=self.env.uid)
            line.write(vals)
        self.activity_feedback(
            ["mail.mail_activity_data_call"], feedback=self.env._("The copy was received.")
        )
        return True

    def action_reset(self):
        """Back to prepared (a copy returned, or marked by mistake)."""
        self.write(
            {
                "state": "prepared",
                "date_handed": False,
                "handed_by_id": False,
                "date_received": False,
            }
        )
        return True

    def action_log_call(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log the Call"),
            "res_model": "property.document.call.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_line_id": self.id},
        }

    def _log_call(self, result, note):
        """The butler phoned the recipient of an unclaimed copy."""
        self.ensure_one()
        if not result:
            raise UserError(self.env._("Choose the result of the call."))
        self.write(
            {
                "date_call": fields.Datetime.now(),
                "call_user_id": self.env.uid,
                "call_result": result,
                "call_note": note or False,
            }
        )
        label = dict(self._fields["call_result"]._description_selection(self.env))[result]
        self.activity_feedback(
            ["mail.mail_activity_data_call"],
            feedback=f"{label}: {note}" if note else label,
        )
        return True

    def _portal_download_url(self):
        self.ensure_one()
        return self.issue_id.sudo()._portal_download_url(self)

    # ------------------------------------------------------------------
    # Cron: unclaimed after two weeks, phone the customer
    # ------------------------------------------------------------------
    @api.model
    def _cron_unclaimed_calls(self, batch_size=200):
        """Give the unit's butler one call activity for each copy still unclaimed two weeks
        after it was handed over or posted (once per line)."""
        return self.env["ir.cron"]._property_run_batches(
            lambda cursor: self._unclaimed_calls_batch(batch_size)
        )

    @api.model
    def _unclaimed_calls_batch(self, batch_size):
        domain = [("is_unclaimed", "=", True), ("call_scheduled", "=", False)]
        lines = self.search(domain, limit=batch_size, order="id")
        if not lines:
            return CronBatch(lines, 0, 0)
        # Lock the batch: a second run waiting here finds them scheduled.
        self.env.cr.execute(
            "SELECT id FROM property_document_line WHERE id IN %s AND call_scheduled IS NOT TRUE "
            "FOR UPDATE SKIP LOCKED",
            [tuple(lines.ids)],
        )
        locked = set(row[0] for row in self.env.cr.fetchall())
        lines = lines.filtered(lambda line: line.id in locked)
        activity_type = self.env.ref("mail.mail_activity_data_call")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        values = []
        for line in lines:
            user = line.butler_id or line.issue_id.user_id or self.env.user
            values.append(
                {
                    "activity_type_id": activity_type.id,
                    "res_model_id": model_id,
                    "res_id": line.id,
                    "user_id": user.id,
                    "date_deadline": today,
                    "automated": True,
                    "summary": self.env._(
                        "Unclaimed for two weeks: phone about %(document)s",
                        document=line.issue_id.name,
                    ),
                }
            )
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(values)
        lines.write({"call_scheduled": True})
        remaining = self.search_count(domain)
        return CronBatch(lines, len(lines), remaining)
