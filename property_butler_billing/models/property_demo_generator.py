import logging
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.modules.module import get_manifest

from odoo.addons.property_butler.models.property_demo_generator import demo_step

from .property_billing import quarter_start

_logger = logging.getLogger(__name__)

# The demo file by which an addon takes part in the fee history (see _generate_demo_fees).
FEE_HISTORY_DEMO = "demo/property_fee_history_demo.xml"


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    def _demo_accounting(self, company):
        """The company's chart of accounts (the Chinese one when l10n_cn is installed, as bin/start
        does) with its VAT on the fee products, in yuan.

        The company itself (name, address, logo, A4) is in the base addon's demo data."""
        Chart = self.env["account.chart.template"]
        l10n_cn = self.env["ir.module.module"].search(
            [("name", "=", "l10n_cn"), ("state", "in", ("installed", "to upgrade"))]
        )
        if l10n_cn and company.chart_template != "cn":
            # In a demo database account's demo data gave the main company the generic chart
            # and its demo entries: loading the Chinese chart replaces both.
            Chart.try_loading("cn", company, install_demo=False)
        elif not company.chart_template:
            Chart.try_loading("generic_coa", company, install_demo=False)
        cny = self.env.ref("base.CNY")
        if company.currency_id != cny and not company.root_id._existing_accounting():
            company.currency_id = cny
        # Account's install hook loads the guessed chart on the main company once every module
        # is loaded: the company has its chart now, and loading another one then would delete
        # the demo's journal entries.
        if hasattr(self.env.registry, "_auto_install_template"):
            del self.env.registry._auto_install_template
        if company.chart_template == "cn":
            ChartCompany = Chart.with_company(company)
            taxes = {
                "property_butler_billing.product_management_fee": "l10n_cn_sales_excluded_6",
                "property_butler_billing.product_parking_fee": "l10n_cn_sales_excluded_9",
                "property_butler_billing.product_water_fee": "l10n_cn_sales_excluded_9",
            }
            for product_xmlid, tax_xmlid in taxes.items():
                tax = ChartCompany.ref(tax_xmlid, raise_if_not_found=False)
                if tax:
                    self.env.ref(product_xmlid).taxes_id = tax

    # ------------------------------------------------------------------
    # The fee history: schedules, six months of billing, payments (and what the fee-side
    # addons add: auto-debit lists, dunning runs, late fees)
    # ------------------------------------------------------------------
    @api.model
    @demo_step
    def _generate_demo_fees(self, module=None):
        """Six months of the monthly fee cycle, replayed day by day up to today with the real
        methods: meter readings and the billing run on the billing day, the supervisor's
        confirmation, residents' payments (the day's collections booked as one bank entry and
        reconciled). The addons of the fee side add their part of each day through the hooks
        ``_demo_fee_history_start``, ``_demo_fee_day``, ``_demo_fee_payments_day`` and
        ``_demo_fee_history_end``.

        Each addon of the fee side (billing, dunning, auto-debit) calls this from its
        ``demo/property_fee_history_demo.xml``: the history is replayed once, by the last of
        them that this install loads (``module`` is the caller), so that dunning cases and
        debit lists follow the payments day by day."""
        project = self._demo_project()
        if not project or self._demo_fee_history_pending(module):
            return
        if self.env["property.fee.rate"].search_count([("project_id", "=", project.id)], limit=1):
            return
        self._demo_accounting(project.company_id)
        if not project.company_id.chart_template:
            return
        # The history's invoices, collections and debits without tracking messages of their
        # computed fields (amounts, payment status): the demo's chatter is its own messages.
        self = self.with_context(tracking_disable=True)  # noqa: PLW0642
        history = self._demo_fee_history_start(project)
        day = history["first"] - relativedelta(months=1)
        day = day.replace(day=history["billing_day"])
        while day <= history["today"]:
            self._demo_fee_day(history, day)
            day += timedelta(days=1)
        self._demo_fee_history_end(history)

    @api.model
    def _demo_fee_history_pending(self, module):
        """Whether another addon of the fee side is still to be loaded by this install (it
        replays the history then)."""
        if not module:
            return False
        loaded = self.pool._init_modules
        pending = self.env["ir.module.module"].search(
            [("state", "in", ("to install", "to upgrade")), ("name", "not in", [module, *loaded])]
        )
        for addon in pending:
            manifest = get_manifest(addon.name) or {}
            if FEE_HISTORY_DEMO in manifest.get("demo", []):
                _logger.info("demo fee history: left to %s", addon.name)
                return True
        return False

    @api.model
    def _demo_fee_history_start(self, project):
        """The fee schedule (the management fee billed by the quarter, in advance, with a rise
        two months in) and how each billing contact pays: promptly, late, by the quarter, or
        stops paying."""
        rng = self._demo_rng("fees")
        company = project.company_id
        ref = self.env.ref
        today = fields.Date.context_today(self)
        current = today.replace(day=1)
        first = current - relativedelta(months=5)
        management = ref("property_butler_billing.property_fee_type_management")
        parking = ref("property_butler_billing.property_fee_type_parking")
        water = ref("property_butler_billing.property_fee_type_water")
        raise_day = first + relativedelta(months=2)
        since = first - relativedelta(years=2)
        schedule = [
            (management, "residential", 2.50, since, raise_day, "quarterly"),
            (management, "residential", 2.80, raise_day + timedelta(days=1), False, "quarterly"),
            (management, "commercial", 5.50, since, False, "quarterly"),
            (management, "storage", 1.20, since, False, "monthly"),
            (parking, "parking", 150.0, since, False, "monthly"),
            (water, "residential", 3.46, since, False, "monthly"),
            (water, "commercial", 4.80, since, False, "monthly"),
        ]
        self.env["property.fee.rate"].create(
            [
                {
                    "project_id": project.id,
                    "fee_type_id": fee.id,
                    "unit_type": unit_type,
                    "rate": rate,
                    "date_from": date_from,
                    "date_to": date_to - timedelta(days=1) if date_to else False,
                    "billing_cycle": cycle,
                }
                for fee, unit_type, rate, date_from, date_to, cycle in schedule
            ]
        )
        billed = self.env["property.occupancy"].search(
            [("project_id", "=", project.id), ("is_billing_contact", "=", True)]
        )
        profiles = {}
        for partner in billed.partner_id.sorted("id"):
            roll = rng.random()
            if roll < 0.07:
                profiles[partner.id] = ("debit", None)
            elif roll < 0.62:
                profiles[partner.id] = ("prompt", None)
            elif roll < 0.80:
                profiles[partner.id] = ("late", None)
            elif roll < 0.90:
                profiles[partner.id] = ("quarterly", None)
            else:  # stops paying: arrears of one to six months
                profiles[partner.id] = (
                    "defaulter",
                    current - relativedelta(months=rng.randint(0, 5)),
                )
        return {
            "rng": rng,
            "project": project,
            "company": company,
            "today": today,
            "current": current,
            "first": first,
            "water": water,
            "billed_partners": billed.partner_id,
            "profiles": profiles,
            "journal": self.env["account.journal"].search(
                [("company_id", "=", company.id), ("type", "=", "bank")], limit=1
            ),
            "supervisor": project.supervisor_id or self.env.user,
            "billing_day": min(company.property_billing_day or 28, 28),
            "payments": defaultdict(list),  # {date: [invoices]}
        }

    @api.model
    def _demo_fee_day(self, history, day):
        """One day of the history: the billing run on the billing day, then the payments."""
        if day.day == history["billing_day"]:
            month = day.replace(day=1) + relativedelta(months=1)
            project = history["project"]
            self._demo_meter_readings(history["rng"], project, history["water"], month)
            moves = self.env["property.billing"]._bill_period(month, project)
            if month <= history["current"]:
                moves.with_user(history["supervisor"]).action_property_confirm()
                self._demo_plan_payments(
                    history["rng"],
                    moves,
                    history["profiles"],
                    history["payments"],
                    history["today"],
                )
        return self._demo_fee_payments_day(history, day)

    @api.model
    def _demo_fee_payments_day(self, history, day):
        """The day's collections."""
        if history["payments"].get(day):
            self._demo_collect(history["journal"], history["payments"].pop(day), day)
        return True

    @api.model
    def _demo_fee_history_end(self, history):
        """What is left to do once the history has reached today."""
        return True

    @api.model
    def _demo_meter_readings(self, rng, project, water, month):
        units = self.env["property.unit"].search(
            [("project_id", "=", project.id), ("unit_type", "=", "residential")]
        )
        self.env["property.meter.reading"].create(
            [
                {
                    "unit_id": unit.id,
                    "fee_type_id": water.id,
                    "period": month,
                    "quantity": round(rng.uniform(7, 24), 1) if unit.state == "occupied" else 0.0,
                }
                for unit in units
            ]
        )

    @api.model
    def _demo_plan_payments(self, rng, moves, profiles, payments, today):
        """When each resident pays the invoice just posted (nothing after today)."""
        for move in moves:
            profile, since = profiles.get(move.partner_id.id, ("prompt", None))
            due = move.invoice_date_due
            if profile == "prompt":
                day = move.invoice_date + timedelta(
                    days=rng.randint(0, (due - move.invoice_date).days)
                )
            elif profile == "late":
                day = due + timedelta(days=rng.randint(8, 50))
            elif profile == "quarterly":
                quarter_end = quarter_start(due) + relativedelta(months=3)
                day = quarter_end - timedelta(days=rng.randint(3, 9))
            elif profile == "defaulter" and move.property_period < since:
                day = due + timedelta(days=rng.randint(0, 20))
            else:  # auto-debit, or stopped paying
                continue
            if day <= today:
                payments[day].append(move)

    @api.model
    def _demo_collect(self, journal, invoices, day):
        """The day's collections (counter, WeChat Pay, bank transfer) booked as one bank entry
        with a receivable line per invoice, reconciled with the invoices."""
        invoices = (
            self.env["account.move"]
            .concat(*invoices)
            .filtered(lambda m: m.payment_state in ("not_paid", "partial"))
        )
        receivables = invoices.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable" and not line.reconciled
        )
        if not receivables:
            return
        entry = (
            self.env["account.move"]
            .with_context(tracking_disable=True)
            .create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "date": day,
                    "ref": self.env._("Fee collections of %s", fields.Date.to_string(day)),
                    "line_ids": [
                        fields.Command.create(
                            {
                                "account_id": line.account_id.id,
                                "partner_id": line.partner_id.id,
                                "name": line.move_id.name,
                                "credit": line.amount_residual,
                            }
                        )
                        for line in receivables
                    ]
                    + [
                        fields.Command.create(
                            {
                                "account_id": journal.default_account_id.id,
                                "name": self.env._(
                                    "Fee collections of %s", fields.Date.to_string(day)
                                ),
                                "debit": sum(receivables.mapped("amount_residual")),
                            }
                        )
                    ],
                }
            )
        )
        entry.action_post()
        counterparts = entry.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        by_name = {line.name: line for line in counterparts}
        self.env["account.move.line"]._reconcile_plan(
            [line | by_name[line.move_id.name] for line in receivables]
        )
