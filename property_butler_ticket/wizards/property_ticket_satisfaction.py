from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

from ..models.property_ticket_callback import SCORE_FIELDS


class PropertyTicketSatisfaction(models.TransientModel):
    """The Satisfaction Report (滿意率): the share of callback answers scored 4 or 5 against
    the quality target, per department, butler and month, and the year's major complaints."""

    _name = "property.ticket.satisfaction"
    _description = "Satisfaction Report"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    project_id = fields.Many2one(
        "property.project",
        domain="[('company_id', '=', company_id)]",
        help="Leave empty for every project of the company.",
    )
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)
    target = fields.Float(related="company_id.property_satisfaction_target")
    item_target = fields.Float(related="company_id.property_satisfaction_item_target")
    major_target = fields.Integer(related="company_id.property_major_complaint_target")

    @api.onchange("company_id")
    def _onchange_company_id(self):
        if self.project_id.company_id != self.company_id:
            self.project_id = False

    def _callback_domain(self):
        self.ensure_one()
        if self.date_to < self.date_from:
            raise UserError(self.env._("The report ends before it starts."))
        domain = [
            ("company_id", "=", self.company_id.id),
            ("date_done", ">=", self.date_from),
            ("date_done", "<=", self.date_to),
        ]
        if self.project_id:
            domain.append(("ticket_id.project_id", "=", self.project_id.id))
        return domain

    def _rows(self, groupby, none_label):
        """The rows of one section, best first (months in order); each flagged when below
        the target."""
        stats = self.env["property.ticket.callback"]._satisfaction(
            self._callback_domain(), groupby, target=self.target, item_target=self.item_target
        )
        rows = []
        for key, values in stats.items():
            if not key:
                label = none_label
            elif groupby.endswith(":month"):
                label = key.strftime("%Y-%m")
            else:
                label = key.display_name
            rows.append(
                {
                    **values,
                    "label": label,
                    "item_rates": [values["items"][name] for name in SCORE_FIELDS],
                }
            )
        if groupby.endswith(":month"):
            return sorted(rows, key=lambda row: row["label"])
        return sorted(rows, key=lambda row: (-row["satisfaction"], row["label"]))

    def _get_report_data(self):
        """Everything the report prints, read with the user's rights (rules apply)."""
        self.ensure_one()
        Callback = self.env["property.ticket.callback"]
        total = Callback._satisfaction(
            self._callback_domain(),
            "company_id",
            target=self.target,
            item_target=self.item_target,
        ).get(self.company_id)
        item_labels = [
            Callback._fields[name]._description_string(self.env) for name in SCORE_FIELDS
        ]
        total_rows = []
        if total:
            total_rows.append(
                {
                    **total,
                    "label": self.project_id.display_name or self.company_id.name,
                    "item_rates": [total["items"][name] for name in SCORE_FIELDS],
                }
            )
        return {
            "total": total,
            "total_rows": total_rows,
            "item_labels": item_labels,
            "sections": [
                (
                    self.env._("Per Department"),
                    self._rows("department_id", self.env._("No department")),
                ),
                (self.env._("Per Butler"), self._rows("butler_id", self.env._("No butler"))),
                (self.env._("Per Month"), self._rows("date_done:month", "")),
            ],
            "major": self._major_complaints(),
        }

    def _major_complaints(self):
        """Major complaints per project in the year of the report's end (at most the target)."""
        self.ensure_one()
        year_start = self.date_to.replace(month=1, day=1)
        tz = pytz.timezone(self.env.user.tz or DEFAULT_TZ)
        start, end = (
            tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
            for day in (year_start, year_start + relativedelta(years=1))
        )
        domain = [
            ("company_id", "=", self.company_id.id),
            ("kind", "=", "complaint"),
            ("is_major", "=", True),
            ("date_received", ">=", start),
            ("date_received", "<", end),
        ]
        if self.project_id:
            domain.append(("project_id", "=", self.project_id.id))
        counts = self.env["property.ticket"]._read_group(domain, ["project_id"], ["__count"])
        return {
            "year": year_start.year,
            "rows": [
                {
                    "label": project.display_name,
                    "count": count,
                    "meets_target": count <= self.major_target,
                }
                for project, count in counts
            ],
        }

    def action_view(self):
        self.ensure_one()
        self._callback_domain()
        report = self.env.ref("property_butler_ticket.property_ticket_satisfaction_report_html")
        return report.report_action(self)

    def action_print(self):
        self.ensure_one()
        self._callback_domain()
        report = self.env.ref("property_butler_ticket.property_ticket_satisfaction_report")
        return report.report_action(self)
