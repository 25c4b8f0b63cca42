import logging
from collections import defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta
from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.property_butler.models.ir_cron import CronBatch

_logger = logging.getLogger(__name__)


def quarter_start(day):
    """First day of the quarter of ``day`` (the dunning calendar and quarterly payers)."""
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


FAR = fields.Date.to_date("9999-12-31")


def _overlap_days(start_a, end_a, start_b, end_b):
    start, end = max(start_a, start_b), min(end_a or FAR, end_b or FAR)
    return max((end - start).days + 1, 0)


class PropertyBilling(models.AbstractModel):
    """The monthly fee cycle: one draft invoice per billing contact and month, a line per unit
    and fee, prorated for rate changes, move-ins and move-outs.

    Idempotent and safe: what is billed is looked up before each batch, a transaction-level
    advisory lock serialises runs of the same company, and a unique index on the invoice lines
    (unit, fee, month, contact) is the last guard; the scheduler runs one batch per call and
    commits each, so a run killed half-way resumes where it stopped."""

    _name = "property.billing"
    _description = "Property Fee Billing"

    @api.model
    def _period_bounds(self, period):
        start = period.replace(day=1)
        return start, start + relativedelta(months=1, days=-1)

    @api.model
    def _bill_period(self, period, projects=None, batch_size=200):
        """Create the missing fee invoices of ``period`` (any day of the month), by hand: every
        batch of contacts in the caller's transaction.

        Returns the invoices created or completed."""
        start, end = self._period_bounds(period)
        projects = projects or self.env["property.project"].search(
            [("company_id", "in", self.env.companies.ids)]
        )
        billed_contacts = self._billed_contacts(projects, start, end)
        moves = self.env["account.move"]
        for index in range(0, len(billed_contacts), batch_size):
            partners = billed_contacts[index : index + batch_size]
            moves |= self._bill_batch(partners, projects, start, end)
        return moves

    @api.model
    def _billed_contacts(self, projects, start, end):
        """The billing contacts of ``projects`` between ``start`` and ``end``, by id."""
        return (
            self.env["property.occupancy"]
            .search(
                [
                    ("project_id", "in", projects.ids),
                    ("is_billing_contact", "=", True),
                    ("date_start", "<=", end),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", start),
                ]
            )
            .partner_id.sorted("id")
        )

    @api.model
    def _bill_batch(self, partners, projects, start, end, retry=False):
        """Bill one batch of contacts while holding the company-month lock.

        Runs of the same company and month wait for each other's batch (the lock is released at
        commit). A run that waited may still read from before the other run's commit (the
        transaction's snapshot is older than the lock): the unique index then refuses the
        duplicate; a scheduled run (``retry``: the batch is the scheduler's whole transaction)
        rolls back and reads again, a run by hand is refused with a message."""
        for attempt in range(3):
            for company in projects.company_id:
                self.env.cr.execute(
                    "SELECT pg_advisory_xact_lock(%s, %s)",
                    [company.id, int(start.strftime("%Y%m"))],
                )
            try:
                with self.env.cr.savepoint():
                    # No tracking of the new invoices' computed fields (their amounts, due
                    # dates...): the recomputation at the flush runs in this environment.
                    quiet = self.with_context(tracking_disable=True)
                    moves = quiet._bill_partners(partners, projects, start, end)
                    quiet.env.flush_all()
                return moves
            except UniqueViolation:
                if not retry or attempt == 2:
                    raise UserError(
                        self.env._(
                            "Another billing run is billing %(month)s at the same time. "
                            "Run it again once it is done: what it billed will not be billed "
                            "twice.",
                            month=start.strftime("%Y-%m"),
                        )
                    ) from None
                self.env.cr.rollback()  # pylint: disable=invalid-commit
                self.env.invalidate_all()
                _logger.info(
                    "billing %s: a concurrent run billed the same contacts, retrying", start
                )
        return self.env["account.move"]

    @api.model
    def _bill_partners(self, partners, projects, start, end):
        """Bill the contacts' units for the month: a line per unit and fee not billed yet, on
        the contact's draft of the month or a new invoice."""
        occupancies = self._billing_occupancies(partners, projects, start, end)
        known = self._billing_data(occupancies, start, end)
        lines_by_partner = defaultdict(list)
        for occupancy in occupancies.sorted(lambda o: (o.partner_id.id, o.unit_id.code or "")):
            unit, partner = occupancy.unit_id, occupancy.partner_id
            for fee, fee_rates in self._group_rates(
                known["rates"][(unit.project_id.id, unit.unit_type)]
            ).items():
                if (unit.id, fee.id, partner.id) in known["billed"]:
                    continue
                line = self._fee_line(occupancy, fee, fee_rates, start, end, known)
                if line:
                    lines_by_partner[partner].append(line)
        return self._write_invoices(lines_by_partner, start)

    @api.model
    def _billing_occupancies(self, partners, projects, start, end):
        """The contacts' billing occupancies of ``projects`` during the month."""
        return self.env["property.occupancy"].search(
            [
                ("partner_id", "in", partners.ids),
                ("project_id", "in", projects.ids),
                ("is_billing_contact", "=", True),
                ("date_start", "<=", end),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", start),
            ]
        )

    @api.model
    def _billing_data(self, occupancies, start, end):
        """What billing the occupancies' units needs, read once: the month's rates by (project,
        unit type), the meter readings, what is billed already (unit, fee, contact) and, per
        unit, the contact billed the most days (who gets the metered fees)."""
        units = occupancies.unit_id
        rates = self.env["property.fee.rate"].search(
            [
                ("project_id", "in", units.project_id.ids),
                ("date_from", "<=", end),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", start),
            ]
        )
        rates_by_key = defaultdict(list)
        for rate in rates:
            rates_by_key[(rate.project_id.id, rate.unit_type)].append(rate)
        readings = {
            (reading.unit_id.id, reading.fee_type_id.id): reading.quantity
            for reading in self.env["property.meter.reading"].search(
                [("unit_id", "in", units.ids), ("period", "=", start)]
            )
        }
        billed = {
            (line.property_unit_id.id, line.property_fee_type_id.id, line.partner_id.id)
            for line in self.env["account.move.line"].search(
                [
                    ("property_unit_id", "in", units.ids),
                    ("property_period", "=", start),
                    ("parent_state", "!=", "cancel"),
                ]
            )
        }
        # Metered fees go, whole, to the contact billed the most days of the month.
        main_contact = {}
        for occupancy in occupancies:
            days = _overlap_days(occupancy.date_start, occupancy.date_end, start, end)
            best = main_contact.get(occupancy.unit_id.id)
            if not best or days > best[1]:
                main_contact[occupancy.unit_id.id] = (occupancy.partner_id.id, days)
        return {
            "rates": rates_by_key,
            "readings": readings,
            "billed": billed,
            "main_contact": {unit_id: best[0] for unit_id, best in main_contact.items()},
        }

    @api.model
    def _fee_line(self, occupancy, fee, fee_rates, start, end, known):
        """The invoice line values of ``fee`` for the occupancy's unit and month, prorated
        over its rates' dates and the occupancy's days (metered: the reading, for the main
        contact); None when there is nothing to bill."""
        unit, partner = occupancy.unit_id, occupancy.partner_id
        days_in_month = (end - start).days + 1
        amount, details = 0.0, []
        billed_quantity = billed_rate = 0.0
        for rate in fee_rates:
            if fee.computation == "metered":
                if known["main_contact"][unit.id] != partner.id:
                    continue
                quantity = known["readings"].get((unit.id, fee.id))
                if quantity is None:
                    continue
                amount += rate.rate * quantity
                details.append(f"{quantity:g} × {rate.rate:g}")
                billed_quantity, billed_rate = quantity, rate.rate
                continue
            days = _overlap_days(
                max(occupancy.date_start, rate.date_from),
                min(occupancy.date_end or FAR, rate.date_to or FAR),
                start,
                end,
            )
            if not days:
                continue
            base = unit.area if fee.computation == "area" else 1.0
            amount += rate.rate * base * days / days_in_month
            billed_quantity, billed_rate = base, rate.rate
            details.append(
                f"{base:g} × {rate.rate:g}"
                + (f" × {days}/{days_in_month}" if days != days_in_month else "")
            )
        if not details:
            return None
        return {
            "product_id": fee.product_id.id,
            "name": f"{fee.name} {unit.code} {start.strftime('%Y-%m')} ({', '.join(details)})",
            "quantity": 1.0,
            "price_unit": fee.company_id.currency_id.round(amount),
            "property_unit_id": unit.id,
            "property_fee_type_id": fee.id,
            "property_period": start,
            "property_quantity": billed_quantity,
            "property_rate": billed_rate,
            "property_basis": ", ".join(details),
        }

    @api.model
    def _group_rates(self, rates):
        grouped = defaultdict(list)
        for rate in sorted(rates, key=lambda r: r.date_from):
            grouped[rate.fee_type_id].append(rate)
        return grouped

    @api.model
    def _write_invoices(self, lines_by_partner, start):
        """One invoice per contact and month: lines missing from a draft are added to it,
        otherwise (already posted) a new invoice carries them."""
        if not lines_by_partner:
            return self.env["account.move"]
        partners = self.env["res.partner"].concat(*lines_by_partner)
        drafts = {
            move.partner_id: move
            for move in self.env["account.move"].search(
                [
                    ("partner_id", "in", partners.ids),
                    ("property_period", "=", start),
                    ("state", "=", "draft"),
                    ("move_type", "=", "out_invoice"),
                ]
            )
        }
        vals_list, completed = [], self.env["account.move"]
        for partner, lines in lines_by_partner.items():
            commands = [fields.Command.create(line) for line in lines]
            if partner in drafts:
                drafts[partner].write({"invoice_line_ids": commands})
                completed |= drafts[partner]
                continue
            company = (
                self.env["property.fee.type"].browse(lines[0]["property_fee_type_id"]).company_id
            )
            vals_list.append(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "invoice_date": start,
                    # Due on the company's due day of the billed month, whatever payment
                    # terms the contact has for other sales.
                    "invoice_payment_term_id": False,
                    "invoice_date_due": start.replace(day=company.property_fee_due_day or 14),
                    "property_period": start,
                    "ref": start.strftime("%Y-%m"),
                    "invoice_line_ids": commands,
                }
            )
        Move = self.env["account.move"].with_context(mail_create_nolog=True, tracking_disable=True)
        return completed | Move.create(vals_list)

    @api.model
    def _cron_monthly_billing(self, batch_size=200):
        """From the company's billing day (28th by default), prepare next month's invoices:
        ``batch_size`` contacts per call of the scheduler, company by company, by id.

        Returns the invoices created or completed."""
        today = fields.Date.context_today(self)
        return self.env["ir.cron"]._property_run_batches(
            lambda cursor: self._monthly_billing_batch(today, batch_size, cursor)
        )

    @api.model
    def _monthly_billing_batch(self, today, batch_size, cursor):
        """The next ``batch_size`` contacts of one company after ``cursor`` ([day, company id,
        last contact id] of the previous batch of the day's run)."""
        day = fields.Date.to_string(today)
        after_company, after_partner = cursor[1:] if cursor and cursor[0] == day else (0, 0)
        start, end = self._period_bounds(today.replace(day=1) + relativedelta(months=1))
        # The scheduler's transaction is this batch alone: a collision is retried, not refused.
        retry = bool(self.env.context.get("cron_id"))
        moves, done, remaining, last = self.env["account.move"], 0, 0, None
        companies = self.env["res.company"].search(
            [("property_billing_day", ">", 0), ("id", ">=", after_company)], order="id"
        )
        for company in companies:
            if today.day < (company.property_billing_day or 28):
                continue
            projects = self.env["property.project"].search([("company_id", "=", company.id)])
            contacts = self._billed_contacts(projects, start, end)
            if company.id == after_company:
                contacts = contacts.filtered(lambda p: p.id > after_partner)
            if done:  # the batch is full: what is left for the next ones
                remaining += len(contacts)
                continue
            partners = contacts[:batch_size]
            if not partners:
                continue
            moves = self.with_company(company)._bill_batch(
                partners, projects, start, end, retry=retry
            )
            done, remaining = len(partners), len(contacts) - len(partners)
            last = [day, company.id, partners[-1].id]
        return CronBatch(moves, done, remaining, last)

    @api.model
    def _check_period(self, period):
        if not period:
            raise UserError(self.env._("Choose the month to bill."))
        return period.replace(day=1)
