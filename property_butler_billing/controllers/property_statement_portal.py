import re

from dateutil.relativedelta import relativedelta

from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.portal.controllers.portal import CustomerPortal

MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


class PropertyStatementPortal(CustomerPortal):
    """Residents' statements (對帳單) and fee invoices.

    A resident only ever gets the statement of his own commercial partner: the partner is
    always ``request.env.user``'s, never taken from the URL or the query string. The months
    listed are those of the fee invoices he can read (account's portal record rules, no
    sudo); the PDF is rendered through sudo (residents cannot read the accounting figures
    it sums up, the company's bank accounts or the butler) once the month is one of those.
    The invoices themselves, with online payment where a payment provider is set up, are
    Odoo's own /my/invoices pages.
    """

    def _statement_partner(self, env):
        return env.user.partner_id.commercial_partner_id

    def _statement_months(self, env):
        """The months (first days, newest first) of the user's posted fee invoices, with the
        number of invoices of each: one grouped query under the user's record rules."""
        Move = env["account.move"]
        if not Move.has_access("read"):
            return []
        groups = Move._read_group(
            [
                ("commercial_partner_id", "=", self._statement_partner(env).id),
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("property_period", "!=", False),
            ],
            ["property_period:month"],
            ["__count"],
            order="property_period:month desc",
        )
        return [(month, count) for month, count in groups if month]

    def _statement_closing_balances(self, env, months):
        """The closing balance of each of ``months`` (first days): the contact's receivable
        balance at the month's end, from one grouped query of his posted receivable items by
        month. Residents cannot read payments' journal items: this one read is made through
        sudo, on the user's own commercial partner only."""
        if not months:
            return {}
        last_day = max(months) + relativedelta(months=1, days=-1)
        groups = (
            env["account.move.line"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "=", self._statement_partner(env).id),
                    ("account_id.account_type", "=", "asset_receivable"),
                    ("parent_state", "=", "posted"),
                    ("company_id", "=", env.company.id),
                    ("date", "<=", last_day),
                ],
                ["date:month"],
                ["balance:sum"],
            )
        )
        return {
            month: sum(balance for group_month, balance in groups if group_month <= month)
            for month in months
        }

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_statement_count" in counters:
            values["property_statement_count"] = len(self._statement_months(request.env))
        return values

    @http.route(["/my/statements"], type="http", auth="user", website=True)
    def portal_my_statements(self, **kw):
        values = self._prepare_portal_layout_values()
        env = request.env
        months = self._statement_months(env)
        closing = self._statement_closing_balances(env, [month for month, _count in months])
        values.update(
            {
                "statement_months": [
                    {
                        "month": month,
                        "key": month.strftime("%Y-%m"),
                        "invoice_count": count,
                        "closing": closing[month],
                    }
                    for month, count in months
                ],
                "currency": env.company.currency_id,
                "page_name": "property_statement",
                "default_url": "/my/statements",
            }
        )
        return request.render("property_butler_billing.portal_my_statements", values)

    @http.route(["/my/statements/<string:month>/pdf"], type="http", auth="user", website=True)
    def portal_my_statement_pdf(self, month, **kw):
        """The statement of ``month`` ('YYYY-MM') of the user's own commercial partner. Any
        query parameter (a partner id...) is ignored."""
        if not MONTH_RE.match(month or ""):
            return request.not_found()
        env = request.env
        months = {first_day.strftime("%Y-%m") for first_day, _count in self._statement_months(env)}
        if month not in months:
            return request.redirect("/my/statements")
        partner = self._statement_partner(env)
        pdf, _report_type = (
            env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf(
                "property_butler_billing.property_statement_report",
                partner.ids,
                data={"period": f"{month}-01"},
            )
        )
        filename = env._("Statement %(month)s.pdf", month=month)
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
