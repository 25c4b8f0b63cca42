from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ, utc_to_local

DELIVERY_STATES = [
    ("draft", "Receiving"),
    ("sorted", "Sorted"),
    ("done", "Handed Out"),
]


def hh_mm(hours):
    """08:30 for 8.5."""
    h, m = divmod(round((hours or 0.0) * 60), 60)
    return f"{h:02d}:{m:02d}"


class PropertyNewspaperDelivery(models.Model):
    """The day's newspapers of a project (收發報刊): per title the copies expected from the
    current subscriptions against those received from the carrier, the sorting time (due by
    08:30) and the copies not handed out, which go to the shift handover."""

    _name = "property.newspaper.delivery"
    _description = "Daily Newspaper Delivery"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "date desc, project_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True, tracking=True
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    state = fields.Selection(
        DELIVERY_STATES, default="draft", required=True, readonly=True, tracking=True
    )
    line_ids = fields.One2many("property.newspaper.delivery.line", "delivery_id", string="Titles")
    received_by_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    sorted_at = fields.Datetime(string="Sorted On", readonly=True, copy=False, tracking=True)
    sorted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    sorted_time = fields.Char(
        string="Sorting Time",
        compute="_compute_lateness",
        store=True,
        help="Local time (HH:MM, in the time zone of who sorted) the sorting was done.",
    )
    deadline = fields.Char(compute="_compute_deadline")
    is_late = fields.Boolean(
        string="Sorted Late",
        compute="_compute_lateness",
        store=True,
        help="Sorted after the company's deadline (08:30 by default) of the delivery's day.",
    )
    expected_total = fields.Integer(compute="_compute_totals", store=True, string="Expected")
    received_total = fields.Integer(compute="_compute_totals", store=True, string="Received")
    leftover_total = fields.Integer(compute="_compute_totals", store=True, string="Not Handed Out")
    has_discrepancy = fields.Boolean(
        compute="_compute_totals",
        store=True,
        string="Shortfall or Surplus",
        help="A title was received in another number than expected from the subscriptions.",
    )
    handover_item_ids = fields.Many2many(
        "property.handover.item",
        string="Handover Items",
        readonly=True,
        copy=False,
        check_company=True,
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "project_date_uniq",
            "unique(project_id, date)",
            "The newspapers of a project are recorded once a day.",
        ),
    ]

    @api.depends("project_id.code", "date")
    def _compute_name(self):
        for delivery in self:
            delivery.name = f"{delivery.project_id.code or ''} {delivery.date or ''}".strip()

    @api.depends("company_id.property_newspaper_deadline")
    def _compute_deadline(self):
        for delivery in self:
            company = delivery.company_id or self.env.company
            delivery.deadline = hh_mm(company.property_newspaper_deadline)

    @api.depends("sorted_at", "sorted_by_id.tz", "date", "company_id.property_newspaper_deadline")
    def _compute_lateness(self):
        for delivery in self:
            if not delivery.sorted_at:
                delivery.sorted_time = False
                delivery.is_late = False
                continue
            local = utc_to_local(delivery.sorted_at, delivery.sorted_by_id.tz or DEFAULT_TZ)
            delivery.sorted_time = local.strftime("%H:%M")
            limit = delivery.company_id.property_newspaper_deadline
            hours = local.hour + local.minute / 60 + local.second / 3600
            delivery.is_late = local.date() > delivery.date or (
                local.date() == delivery.date and hours > limit
            )

    @api.depends("line_ids.expected_qty", "line_ids.received_qty", "line_ids.leftover_qty")
    def _compute_totals(self):
        for delivery in self:
            lines = delivery.line_ids
            delivery.expected_total = sum(lines.mapped("expected_qty"))
            delivery.received_total = sum(lines.mapped("received_qty"))
            delivery.leftover_total = sum(lines.mapped("leftover_qty"))
            delivery.has_discrepancy = any(line.status != "ok" for line in lines)

    def _check_open(self):
        if self.filtered(lambda d: d.state == "done"):
            raise UserError(self.env._("Handed-out newspapers stay on record."))

    # ------------------------------------------------------------------
    # Expected copies
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        deliveries = super().create(vals_list)
        deliveries.filtered(lambda d: not d.line_ids)._fill_expected()
        return deliveries

    def _fill_expected(self):
        """Add a line per title expected from the current subscriptions, and update the
        expected copies of the lines there are (one query per day)."""
        Subscription = self.env["property.newspaper.subscription"]
        new_lines = []
        for day in set(self.mapped("date")):
            deliveries = self.filtered(lambda d, day=day: d.date == day)
            expected = Subscription._expected_by_title(day, deliveries.project_id)
            for delivery in deliveries:
                by_title = {line.title_id.id: line for line in delivery.line_ids}
                for (project_id, title_id), quantity in expected.items():
                    if project_id != delivery.project_id.id:
                        continue
                    line = by_title.pop(title_id, None)
                    if line:
                        line.expected_qty = quantity
                    else:
                        new_lines.append(
                            {
                                "delivery_id": delivery.id,
                                "title_id": title_id,
                                "expected_qty": quantity,
                            }
                        )
                for line in by_title.values():
                    line.expected_qty = 0
        return self.env["property.newspaper.delivery.line"].create(new_lines)

    def action_refresh_expected(self):
        if self.filtered(lambda d: d.state != "draft"):
            raise UserError(
                self.env._("The expected copies are refreshed only before the sorting is done.")
            )
        self._fill_expected()
        return True

    @api.model
    def _cron_create_deliveries(self, batch_size=50):
        """Today's delivery record of every project with current subscriptions, once (unique
        per project and day); reports its progress to the scheduler. The day is the estates'
        (the cron runs at 05:30 Shanghai time, the previous day in UTC)."""
        today = fields.Date.context_today(self.with_context(tz=DEFAULT_TZ))
        groups = self.env["property.newspaper.subscription"]._read_group(
            [("date_start", "<=", today), ("date_end", ">=", today)], ["project_id"]
        )
        projects = self.env["property.project"].union(*(project for (project,) in groups))
        existing = self.search([("project_id", "in", projects.ids), ("date", "=", today)])
        todo = projects - existing.project_id
        batch = todo[:batch_size]
        created = self.create([{"project_id": p.id, "date": today} for p in batch])
        self.env["ir.cron"]._notify_progress(done=len(batch), remaining=len(todo) - len(batch))
        return created

    # ------------------------------------------------------------------
    # Sorting and handing out
    # ------------------------------------------------------------------
    def action_sorted(self):
        """The sorting is done now: the time decides whether it was late."""
        for delivery in self:
            if delivery.state != "draft":
                raise UserError(self.env._("%s was already sorted.", delivery.name))
            if not delivery.line_ids:
                raise UserError(
                    self.env._("Count the received newspapers of %s first.", delivery.name)
                )
        self.write(
            {
                "state": "sorted",
                "sorted_at": fields.Datetime.now(),
                "sorted_by_id": self.env.user.id,
            }
        )
        for delivery in self.filtered("is_late"):
            delivery.message_post(
                body=self.env._(
                    "Sorted at %(time)s, after the %(deadline)s deadline.",
                    time=delivery.sorted_time,
                    deadline=delivery.deadline,
                )
            )
        return True

    def _front_desk_log(self):
        """The draft front-desk handover of this project being written by the user, else a new
        one."""
        self.ensure_one()
        Log = self.env["property.handover.log"]
        log = Log.search(
            [
                ("kind", "=", "front_desk"),
                ("project_id", "=", self.project_id.id),
                ("state", "=", "draft"),
                ("handed_by_id", "=", self.env.user.id),
            ],
            order="date desc, id desc",
            limit=1,
        )
        return log or Log.create({"kind": "front_desk", "project_id": self.project_id.id})

    def action_done(self):
        """Handed out: the copies left over (not handed out today) become items of the user's
        front-desk shift handover (前臺交接日志)."""
        for delivery in self:
            if delivery.state != "sorted":
                raise UserError(self.env._("Sort the newspapers of %s first.", delivery.name))
            leftovers = delivery.line_ids.filtered(lambda line: line.leftover_qty > 0)
            if leftovers:
                log = delivery._front_desk_log()
                items = self.env["property.handover.item"].create(
                    [
                        {
                            "log_id": log.id,
                            "description": self.env._(
                                "%(count)s × %(title)s of %(date)s not handed out%(reason)s",
                                count=line.leftover_qty,
                                title=line.title_id.name,
                                date=delivery.date,
                                reason=f": {line.note}" if line.note else "",
                            ),
                        }
                        for line in leftovers
                    ]
                )
                delivery.handover_item_ids = [fields.Command.link(i.id) for i in items]
        self.write({"state": "done"})
        return True

    def action_reset(self):
        if self.filtered(lambda d: d.state == "done"):
            raise UserError(self.env._("Handed-out newspapers stay on record."))
        self.write({"state": "draft", "sorted_at": False, "sorted_by_id": False})
        return True
