from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

LOAN_STATES = [("out", "Lent Out"), ("returned", "Returned")]


class PropertyArchiveLoan(models.Model):
    """A file borrowed from the archives: who, approved by whom, when it went out, when it is
    due back and when it came back. An overdue loan gives its borrower a reminder."""

    _name = "property.archive.loan"
    _description = "Archive Loan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_out desc, id desc"
    _check_company_auto = True

    archive_id = fields.Many2one(
        "property.archive", required=True, index=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(related="archive_id.company_id", store=True, index=True)
    borrower_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    approver_id = fields.Many2one(
        "res.users",
        string="Approved By",
        required=True,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    purpose = fields.Char()
    date_out = fields.Date(string="Out On", required=True, default=fields.Date.context_today)
    date_due = fields.Date(string="Due Back", required=True, tracking=True)
    date_returned = fields.Date(string="Returned On", readonly=True, copy=False, tracking=True)
    state = fields.Selection(
        LOAN_STATES, required=True, default="out", readonly=True, copy=False, tracking=True
    )
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )

    @api.constrains("date_out", "date_due")
    def _check_dates(self):
        for loan in self:
            if loan.date_due and loan.date_out and loan.date_due < loan.date_out:
                raise ValidationError(self.env._("A file cannot be due back before it goes out."))

    @api.constrains("archive_id", "state")
    def _check_one_loan(self):
        for loan in self.filtered(lambda loan: loan.state == "out"):
            others = loan.archive_id.loan_ids.filtered(
                lambda other, loan=loan: other.state == "out" and other != loan
            )
            if others:
                raise ValidationError(
                    self.env._(
                        "%(file)s is already lent to %(borrower)s.",
                        file=loan.archive_id.display_name,
                        borrower=others[0].borrower_id.name,
                    )
                )

    def write(self, vals):
        if (
            {"state", "date_returned"} & set(vals)
            and not self.env.su
            and not self.env.context.get("property_loan_return")
        ):
            raise UserError(self.env._("A file is returned with the Returned button."))
        return super().write(vals)

    def _today(self):
        return fields.Date.context_today(self.with_context(tz=self.env.user.tz or DEFAULT_TZ))

    @api.depends("state", "date_due")
    @api.depends_context("uid")
    def _compute_is_overdue(self):
        today = self._today()
        for loan in self:
            loan.is_overdue = bool(loan.state == "out" and loan.date_due and loan.date_due < today)

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Search overdue loans with = or !=."))
        overdue = [("state", "=", "out"), ("date_due", "<", self._today())]
        return overdue if (operator == "=") == value else ["!", *overdue]

    def action_return(self):
        if self.filtered(lambda loan: loan.state != "out"):
            raise UserError(self.env._("This file has already been returned."))
        self.with_context(property_loan_return=True).write(
            {"state": "returned", "date_returned": self._today()}
        )
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    @api.model
    def _cron_overdue_reminders(self):
        """A to-do for the borrower of each overdue loan that has none yet (re-runs add
        nothing)."""
        loans = self.search([("is_overdue", "=", True), ("activity_ids", "=", False)])
        for loan in loans:
            loan.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=loan.borrower_id.id,
                date_deadline=loan.date_due,
                summary=self.env._("Return %s to the archives", loan.archive_id.display_name),
            )
        return loans
