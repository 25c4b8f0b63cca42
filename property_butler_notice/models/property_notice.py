from collections import defaultdict

import pytz
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext
from odoo.tools.misc import babel_locale_parse, posix_to_ldml

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

NOTICE_STATES = [
    ("draft", "Draft"),
    ("posted", "Posted"),
    ("expired", "Expired"),
    ("removed", "Removed"),
]
NOTICE_CATEGORIES = [
    ("general", "General"),
    ("outage", "Outage"),
    ("fee", "Fees"),
    ("activity", "Community Activity"),
    ("safety", "Safety"),
    ("other", "Other"),
]
UTILITIES = [
    ("water", "Water"),
    ("power", "Power"),
    ("gas", "Gas"),
    ("lift", "Lift"),
    ("other", "Other"),
]
PRIORITIES = [("normal", "Normal"), ("important", "Important"), ("urgent", "Urgent")]


class PropertyNotice(models.Model):
    """A notice posted on the boards (公告) or an outage notice (停水停電停氣通知)."""

    _name = "property.notice"
    _description = "Notice"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "date_post desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    body = fields.Html()
    category = fields.Selection(NOTICE_CATEGORIES, required=True, default="general", index=True)
    is_outage = fields.Boolean(string="Outage Notice", index=True)
    priority = fields.Selection(PRIORITIES, required=True, default="normal", tracking=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True, tracking=True
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    board_ids = fields.Many2many(
        "property.notice.board",
        string="Boards",
        check_company=True,
        domain="[('project_id', '=?', project_id)]",
    )
    cluster_ids = fields.Many2many(
        "property.cluster",
        string="Target Clusters",
        check_company=True,
        domain="[('project_id', '=?', project_id)]",
    )
    building_ids = fields.Many2many(
        "property.building",
        string="Target Buildings",
        check_company=True,
        domain="[('project_id', '=?', project_id)]",
    )
    unit_ids = fields.Many2many(
        "property.unit",
        "property_notice_target_unit_rel",
        string="Target Units",
        check_company=True,
        domain="[('project_id', '=?', project_id)]",
    )
    affected_building_ids = fields.Many2many(
        "property.building",
        "property_notice_affected_building_rel",
        compute="_compute_affected",
        store=True,
        string="Affected Buildings",
    )
    affected_unit_ids = fields.Many2many(
        "property.unit",
        "property_notice_affected_unit_rel",
        compute="_compute_affected",
        store=True,
        string="Affected Units",
        help="The target units, the units of the target buildings and clusters; the whole "
        "project when nothing is targeted.",
    )
    affected_unit_count = fields.Integer(compute="_compute_counts")
    date_post = fields.Date(string="Post Date", default=fields.Date.context_today, index=True)
    date_expiry = fields.Date(string="Expiry Date", index=True)
    state = fields.Selection(
        NOTICE_STATES, default="draft", required=True, readonly=True, tracking=True, index=True
    )
    removed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_removed = fields.Datetime(string="Removed On", readonly=True, copy=False)
    utility = fields.Selection(UTILITIES)
    outage_start = fields.Datetime()
    outage_end = fields.Datetime()
    read_ids = fields.One2many(
        "property.notice.read",
        "notice_id",
        string="Read Confirmations",
        groups="property_butler.property_butler_group_butler",
    )
    read_count = fields.Integer(compute="_compute_counts", string="Read")
    unread_count = fields.Integer(compute="_compute_counts", string="Not Read")
    unread_partner_ids = fields.Many2many(
        "res.partner",
        compute="_compute_counts",
        string="Residents Who Have Not Read",
        groups="property_butler.property_butler_group_butler",
    )
    visible_in_portal = fields.Boolean(
        string="Mine to See",
        compute="_compute_visible_in_portal",
        search="_search_visible_in_portal",
    )
    sent = fields.Boolean(string="Residents Notified", readonly=True, copy=False)

    @api.constrains("date_post", "date_expiry")
    def _check_dates(self):
        for notice in self:
            if notice.date_post and notice.date_expiry and notice.date_expiry < notice.date_post:
                raise ValidationError(self.env._("The expiry date is before the post date."))

    @api.constrains("outage_start", "outage_end", "is_outage", "utility")
    def _check_outage(self):
        for notice in self.filtered("is_outage"):
            if not notice.utility:
                raise ValidationError(self.env._("An outage notice needs its utility."))
            if (
                notice.outage_start
                and notice.outage_end
                and notice.outage_end < notice.outage_start
            ):
                raise ValidationError(self.env._("The outage ends before it starts."))

    @api.onchange("is_outage")
    def _onchange_is_outage(self):
        if self.is_outage:
            self.category = "outage"

    @api.depends("project_id", "cluster_ids", "building_ids", "unit_ids", "unit_ids.building_id")
    def _compute_affected(self):
        projects = self.project_id
        units = self.env["property.unit"]
        if projects:
            units = units.search([("project_id", "in", projects.ids)])
        by_project = defaultdict(lambda: self.env["property.unit"])
        for unit in units:
            by_project[unit.project_id.id] |= unit
        for notice in self:
            pool = by_project[notice.project_id.id] if notice.project_id else units[:0]
            if notice.cluster_ids or notice.building_ids or notice.unit_ids:
                pool = (
                    pool.filtered(
                        lambda u, n=notice: (
                            u.cluster_id in n.cluster_ids or u.building_id in n.building_ids
                        )
                    )
                    | notice.unit_ids
                )
            notice.affected_unit_ids = pool
            notice.affected_building_ids = pool.building_id

    @api.depends("affected_unit_ids")
    @api.depends_context("uid")
    def _compute_counts(self):
        # sudo: the counts only. The names (unread_partner_ids) are for butlers and up, and
        # only those of the residents the user may read (a butler restricted to his grids
        # sees his grids' residents).
        unread_by_notice = {}
        for notice in self:
            notice.affected_unit_count = len(notice.affected_unit_ids)
            residents = notice.sudo()._affected_residents()
            readers = notice.sudo().read_ids.partner_id
            unread = residents - readers
            notice.read_count = len(readers)
            notice.unread_count = len(unread)
            unread_by_notice[notice] = unread
        staff = self.env.su or self.env.user.has_group(
            "property_butler.property_butler_group_butler"
        )
        readable = self.env["res.partner"]
        if staff and not self.env.su:
            all_unread = self.env["res.partner"].concat(*unread_by_notice.values())
            readable = self.env["res.partner"].search([("id", "in", all_unread.ids)])
        for notice, unread in unread_by_notice.items():
            if not staff:
                notice.unread_partner_ids = False
            elif self.env.su:
                notice.unread_partner_ids = unread
            else:
                notice.unread_partner_ids = unread & readable

    def _compute_visible_in_portal(self):
        visible = set(self.search([("id", "in", self.ids), ("visible_in_portal", "=", True)]).ids)
        for notice in self:
            notice.visible_in_portal = notice.id in visible

    def _search_visible_in_portal(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the notices a resident sees."))
        unit_ids = (
            self.env["property.occupancy"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", self.env.user.partner_id.id),
                    *self.env["property.occupancy"]._current_domain(),
                ]
            )
            .unit_id.ids
        )
        domain = [("affected_unit_ids", "in", unit_ids or [0])]
        positive = (operator == "=") == value
        return domain if positive else ["!", *domain]

    def _affected_residents(self):
        """Residents (current occupants) of the affected units."""
        self.ensure_one()
        if not self.affected_unit_ids:
            return self.env["res.partner"]
        occupancies = (
            self.env["property.occupancy"]
            .sudo()
            .search(
                [
                    ("unit_id", "in", self.affected_unit_ids.ids),
                    *self.env["property.occupancy"]._current_domain(),
                ]
            )
        )
        return occupancies.partner_id

    def _local_tz(self):
        """The viewer's time zone, else the company's, else Asia/Shanghai."""
        viewer = self.env.context.get("tz") or self.env.user.tz
        if viewer in pytz.all_timezones_set:
            return viewer
        company = self[:1].company_id or self.env.company
        return company.sudo().partner_id.tz or DEFAULT_TZ

    def _local_datetime_options(self):
        """QWeb ``t-options``: the language's date and HH:MM in the viewer's time zone."""
        lang = self.env["res.lang"]._get_data(code=self.env.lang or "en_US")
        pattern = posix_to_ldml(lang.date_format, locale=babel_locale_parse(lang.code))
        return {"widget": "datetime", "format": f"{pattern} HH:mm", "tz_name": self._local_tz()}

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_post(self):
        if any(n.state != "draft" for n in self):
            raise UserError(self.env._("Only draft notices can be posted."))
        for notice in self:
            if not notice.date_post:
                notice.date_post = fields.Date.context_today(notice)
        self.write({"state": "posted"})
        self.filtered(lambda n: n.priority == "urgent")._notify_residents()
        return True

    def action_remove(self):
        if any(n.state not in ("posted", "expired") for n in self):
            raise UserError(self.env._("Only posted or expired notices can be removed."))
        self.write(
            {
                "state": "removed",
                "removed_by_id": self.env.user.id,
                "date_removed": fields.Datetime.now(),
            }
        )
        return True

    def action_reset_draft(self):
        if any(n.state != "posted" for n in self):
            raise UserError(self.env._("Only posted notices can go back to draft."))
        self.write({"state": "draft"})
        return True

    def _notify_residents(self):
        """E-mail (in each resident's language) and SMS the residents of an urgent notice."""
        template = self.env.ref("property_butler_notice.mail_template_notice_urgent")
        sms_values = []
        for notice in self:
            residents = notice._affected_residents().sudo()
            by_lang = defaultdict(list)
            for partner in residents.filtered("email"):
                by_lang[partner.lang or "en_US"].append(partner.id)
            for lang, partner_ids in by_lang.items():
                template.sudo().with_context(lang=lang).send_mail(
                    notice.id,
                    email_values={"recipient_ids": [fields.Command.set(partner_ids)]},
                )
            for partner in residents.filtered("mobile"):
                sms_values.append(
                    {
                        "number": partner.mobile,
                        "partner_id": partner.id,
                        "body": notice.with_context(lang=partner.lang)._sms_body(),
                    }
                )
        if sms_values:
            self.env["sms.sms"].sudo().create(sms_values)
        self.sudo().write({"sent": True})

    def _sms_body(self):
        text = html2plaintext(self.body or "").strip()
        return self.env._("[Urgent notice] %(title)s: %(text)s", title=self.name, text=text)[:300]

    def _portal_confirm_read(self, partner):
        """Record the resident's read confirmation (idempotent)."""
        self.ensure_one()
        Read = self.env["property.notice.read"].sudo()
        if Read.search_count([("notice_id", "=", self.id), ("partner_id", "=", partner.id)]):
            return False
        unit = self.sudo().affected_unit_ids.filtered(lambda u: partner in u.resident_ids)[:1]
        Read.create({"notice_id": self.id, "partner_id": partner.id, "unit_id": unit.id})
        return True

    # ------------------------------------------------------------------
    # Cron: the morning check of the boards
    # ------------------------------------------------------------------
    @api.model
    def _cron_check_boards(self, batch_size=500):
        """Expire the notices past their expiry date, then give every butler one activity
        listing the expired notices still on the boards of their grids (one a day)."""
        today = fields.Date.context_today(self)
        Cron = self.env["ir.cron"]
        while True:
            due = self.search(
                [("state", "=", "posted"), ("date_expiry", "<", today)], limit=batch_size
            )
            if not due:
                break
            due.write({"state": "expired"})
            Cron._notify_progress(done=len(due), remaining=0)
        self._schedule_butler_activities(today)

    @api.model
    def _schedule_butler_activities(self, today):
        expired = self.search([("state", "=", "expired"), ("board_ids", "!=", False)])
        if not expired:
            return
        grids = self.env["property.grid"].search(
            [("butler_id", "!=", False), ("project_id", "in", expired.project_id.ids)]
        )
        activity_type = self.env.ref("property_butler_notice.mail_activity_type_notice_board")
        Activity = self.env["mail.activity"].sudo()
        existing = Activity.search(
            [
                ("activity_type_id", "=", activity_type.id),
                ("date_deadline", "=", today),
                ("res_model", "=", "property.grid"),
            ]
        )
        done_users = set(existing.user_id.ids)
        # Per butler: the boards of their grids' project without a cluster/building, or on a
        # cluster/building holding units of their grids.
        per_butler = defaultdict(lambda: [self.env["property.grid"], self.browse()])
        for grid in grids:
            units = grid.unit_ids
            for notice in expired.filtered(lambda n, g=grid: n.project_id == g.project_id):
                for board in notice.board_ids:
                    if (
                        (not board.cluster_id and not board.building_id)
                        or (board.building_id and board.building_id in units.building_id)
                        or (
                            board.cluster_id
                            and not board.building_id
                            and board.cluster_id in units.cluster_id
                        )
                    ):
                        per_butler[grid.butler_id.id][1] |= notice
                        break
            per_butler[grid.butler_id.id][0] |= grid
        model_id = self.env["ir.model"]._get_id("property.grid")
        values = []
        for user_id, (user_grids, notices) in per_butler.items():
            if not notices or user_id in done_users:
                continue
            lines = Markup("").join(
                Markup("<li>%s (%s, %s)</li>")
                % (n.name, ", ".join(n.board_ids.mapped("name")), n.date_expiry or "")
                for n in notices
            )
            values.append(
                {
                    "activity_type_id": activity_type.id,
                    "res_model_id": model_id,
                    "res_id": user_grids[:1].id,
                    "user_id": user_id,
                    "date_deadline": today,
                    "summary": self.env._(
                        "Take down %(count)s expired notices", count=len(notices)
                    ),
                    "note": Markup("<ul>%s</ul>") % lines,
                }
            )
        if values:
            Activity.create(values)
