import calendar
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
# The fees billed by the schedule's rates over the days of the billing occupancies, in advance
# by their cycle: what a move-out or a lower rate may leave billed and not due.
SCHEDULE_COMPUTATIONS = ("area", "fixed", "parking")
ONE_DAY = relativedelta(days=1)


def _overlap_days(start_a, end_a, start_b, end_b):
    start, end = max(start_a, start_b), min(end_a or FAR, end_b or FAR)
    return max((end - start).days + 1, 0)


# Months of each billing cycle of the fee schedule: cycles start in January and every that many
# months after (quarters on January, April, July and October; half-years on January and July).
CYCLE_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}


def cycle_bounds(cycle, day):
    """First and last day of the billing cycle ``cycle`` that ``day`` is in."""
    months = CYCLE_MONTHS[cycle]
    start = date(day.year, (day.month - 1) // months * months + 1, 1)
    return start, start + relativedelta(months=months, days=-1)


def _subtract(start, end, covered):
    """The parts of [start, end] outside the ``covered`` (start, end) ranges."""
    parts = [(start, end)] if start <= end else []
    for cover_start, cover_end in covered:
        kept = []
        for part_start, part_end in parts:
            if cover_end < part_start or cover_start > part_end:
                kept.append((part_start, part_end))
                continue
            if part_start < cover_start:
                kept.append((part_start, cover_start - ONE_DAY))
            if cover_end < part_end:
                kept.append((cover_end + ONE_DAY, part_end))
        parts = kept
    return parts


def _month_fractions(parts):
    """The months of ``parts`` as (days billed, days of the month), in order."""
    days = defaultdict(int)
    for part_start, part_end in parts:
        month = part_start.replace(day=1)
        while month <= part_end:
            month_end = month + relativedelta(months=1, days=-1)
            days[month] += _overlap_days(part_start, part_end, month, month_end)
            month += relativedelta(months=1)
    return [
        (days[month], calendar.monthrange(month.year, month.month)[1]) for month in sorted(days)
    ]


def _fractions_label(fractions):
    """`` × 20/30``, `` × 3`` or `` × (19/28 + 1)``: the months billed, whole months counted
    together; nothing for one whole month."""
    terms, whole = [], 0
    for days, month_days in fractions:
        if days == month_days:
            whole += 1
            continue
        if whole:
            terms.append(str(whole))
            whole = 0
        terms.append(f"{days}/{month_days}")
    if whole:
        terms.append(str(whole))
    if terms == ["1"]:
        return ""
    return " × " + (terms[0] if len(terms) == 1 else f"({' + '.join(terms)})")


class PropertyBilling(models.AbstractModel):
    """The monthly fee run: one draft invoice per billing contact and month, a line per unit
    and fee, prorated for rate changes, move-ins and move-outs.

    A fee of the schedule billed by the quarter, half-year or year is billed in advance in the
    cycle's first month, for the whole cycle (one line, its months in the label); the other
    months of the cycle bill only what no line covers yet (a contact who moved in since: the
    rest of the cycle from the move-in day).

    Idempotent and safe: what is billed is looked up before each batch, transaction-level
    advisory locks serialise runs of the same company and year (a cycle is within a year), and
    a unique index on the invoice lines (unit, fee, month, contact) is the last guard; the
    scheduler runs one batch per call and commits each, so a run killed half-way resumes where
    it stopped."""

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
                # The month, and the year (YYYY00) that its cycles are in: a quarter billed in
                # January is looked up by the runs of February and March.
                self.env.cr.execute(
                    "SELECT pg_advisory_xact_lock(%s, %s), pg_advisory_xact_lock(%s, %s)",
                    [company.id, int(start.strftime("%Y%m")), company.id, start.year * 100],
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
        """What billing the occupancies' units needs, read once: the rates of the month's year
        (its cycles) by (project, unit type), the meter readings, what is billed already of the
        cycles (unit, fee, contact: [(month, first day, last day)]) and, per unit, the contact
        billed the most days (who gets the metered fees)."""
        units = occupancies.unit_id
        year_start, year_end = cycle_bounds("yearly", start)
        rates = self.env["property.fee.rate"].search(
            [
                ("project_id", "in", units.project_id.ids),
                ("date_from", "<=", year_end),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", year_start),
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
        billed = defaultdict(list)
        # A line of a cycle is on the invoice of the month it was billed in, within the cycle:
        # the lines of the months of the rates' cycles around this one.
        cycles = [cycle_bounds(cycle, start) for cycle in set(rates.mapped("billing_cycle"))]
        for line in self.env["account.move.line"].search(
            [
                ("property_unit_id", "in", units.ids),
                ("property_period", ">=", min((c[0] for c in cycles), default=start)),
                ("property_period", "<=", max((c[1] for c in cycles), default=end)),
                ("parent_state", "!=", "cancel"),
            ]
        ):
            period = line.property_period
            billed[
                (line.property_unit_id.id, line.property_fee_type_id.id, line.partner_id.id)
            ].append(
                (
                    period,
                    line.property_date_from or period,
                    line.property_date_to or period + relativedelta(months=1, days=-1),
                )
            )
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
    def _billing_window(self, fee_rates, start, end):
        """The days a run of the month may bill of a fee: its cycle (that of its first rate of
        the month), cut where a rate of another cycle starts or ended; None without a rate."""
        month_rates = [r for r in fee_rates if r.date_from <= end and (r.date_to or FAR) >= start]
        if not month_rates:
            return None
        cycle = month_rates[0].billing_cycle
        window_start, window_end = cycle_bounds(cycle, start)
        for rate in fee_rates:
            if rate.billing_cycle == cycle:
                continue
            if rate.date_from > start:
                window_end = min(window_end, rate.date_from - ONE_DAY)
            elif (rate.date_to or FAR) < start:
                window_start = max(window_start, rate.date_to + ONE_DAY)
        return window_start, window_end

    @api.model
    def _fee_line(self, occupancy, fee, fee_rates, start, end, known):
        """The invoice line values of ``fee`` for the occupancy's unit in the month's run:
        prorated by day over its rates' dates and the occupancy's days, in advance for the rest
        of the fee's cycle that no line covers yet (metered: the month's reading, for the main
        contact); None when there is nothing to bill."""
        unit, partner = occupancy.unit_id, occupancy.partner_id
        billed = known["billed"].get((unit.id, fee.id, partner.id), [])
        if any(period == start for period, _first, _last in billed):
            return None  # the month's line of the fee is there: nothing more from this run
        if fee.computation == "metered":
            return self._metered_line(occupancy, fee, fee_rates, start, end, known)
        window = self._billing_window(fee_rates, start, end)
        if not window:
            return None
        covered = [(first, last) for _period, first, last in billed]
        amount, details, days_billed = 0.0, [], []
        billed_quantity = billed_rate = 0.0
        base = unit.area if fee.computation == "area" else 1.0
        for rate in fee_rates:
            parts = _subtract(
                max(occupancy.date_start, rate.date_from, window[0]),
                min(occupancy.date_end or FAR, rate.date_to or FAR, window[1]),
                covered,
            )
            if not parts:
                continue
            fractions = _month_fractions(parts)
            amount += rate.rate * base * sum(days / month_days for days, month_days in fractions)
            billed_quantity, billed_rate = base, rate.rate
            details.append(f"{base:g} × {rate.rate:g}{_fractions_label(fractions)}")
            days_billed += [parts[0][0], parts[-1][1]]
        if not details:
            return None
        first, last = min(days_billed), max(days_billed)
        months = first.strftime("%Y-%m")
        if last.strftime("%Y-%m") != months:
            months = f"{months}~{last.strftime('%Y-%m')}"
        return self._line_values(fee, unit, start, months, amount, details) | {
            "property_quantity": billed_quantity,
            "property_rate": billed_rate,
            "property_date_from": first,
            "property_date_to": last,
        }

    @api.model
    def _metered_line(self, occupancy, fee, fee_rates, start, end, known):
        """The month's reading of a metered fee, whole, for the unit's main contact."""
        unit, partner = occupancy.unit_id, occupancy.partner_id
        if known["main_contact"][unit.id] != partner.id:
            return None
        quantity = known["readings"].get((unit.id, fee.id))
        if quantity is None:
            return None
        amount, details, billed_rate = 0.0, [], 0.0
        for rate in fee_rates:
            if rate.date_from > end or (rate.date_to or FAR) < start:
                continue
            amount += rate.rate * quantity
            details.append(f"{quantity:g} × {rate.rate:g}")
            billed_rate = rate.rate
        if not details:
            return None
        return self._line_values(fee, unit, start, start.strftime("%Y-%m"), amount, details) | {
            "property_quantity": quantity,
            "property_rate": billed_rate,
            "property_date_from": start,
            "property_date_to": end,
        }

    @api.model
    def _line_values(self, fee, unit, start, months, amount, details):
        """The line of ``fee`` for ``unit`` on the statement of ``start``, for ``months``
        (2026-01 or 2026-01~2026-03) as computed in ``details``."""
        return {
            "product_id": fee.product_id.id,
            "name": f"{fee.name} {unit.code} {months} ({', '.join(details)})",
            "quantity": 1.0,
            "price_unit": fee.company_id.currency_id.round(amount),
            "property_unit_id": unit.id,
            "property_fee_type_id": fee.id,
            "property_period": start,
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

    # -- Cycles billed in advance, credited back -------------------------------------------
    # A move-out or a lower rate entered after a quarter, half-year or year was billed in
    # advance leaves days paid for that are no longer due: a credit note gives them back. The
    # units to look at are marked when their occupancies or rates change
    # (``property_prepaid_check``); a daily job goes through them.

    @api.model
    def _cron_prepaid_credits(self, batch_size=200):
        """Credit what the marked units' posted fee lines billed and is no longer due:
        ``batch_size`` units per call of the scheduler.

        Returns the credit notes created."""
        return self.env["ir.cron"]._property_run_batches(
            lambda _cursor: self._prepaid_credit_batch(batch_size)
        )

    @api.model
    def _prepaid_credit_batch(self, batch_size):
        """The next ``batch_size`` marked units (locked: two runs at once share the work, never
        a unit), credited and unmarked."""
        self.env["property.unit"].flush_model(["property_prepaid_check"])
        self.env.cr.execute(
            """
            SELECT id FROM property_unit
             WHERE property_prepaid_check
             ORDER BY id
             LIMIT %s
               FOR UPDATE SKIP LOCKED
            """,
            [batch_size],
        )
        units = self.env["property.unit"].browse(row[0] for row in self.env.cr.fetchall())
        if not units:
            return CronBatch(self.env["account.move"], 0, 0)
        credits = self._credit_prepaid(units)
        self.env.cr.execute(
            "UPDATE property_unit SET property_prepaid_check = FALSE WHERE id = ANY(%s)",
            [units.ids],
        )
        units.invalidate_recordset(["property_prepaid_check"], flush=False)
        self.env.cr.execute(
            "SELECT count(*) FROM property_unit WHERE property_prepaid_check AND id != ALL(%s)",
            [units.ids],
        )
        return CronBatch(credits, len(units), self.env.cr.fetchone()[0])

    @api.model
    def _credit_prepaid(self, units):
        """One draft credit note per invoice whose posted fee lines of ``units`` billed more
        than is due now (by the occupancies and the rates of today), for the difference not
        credited yet. A line of a draft invoice that bills another amount than is due now is
        billed again instead (``_rebill_drafts``)."""
        lines = self.env["account.move.line"].search(
            [
                ("property_unit_id", "in", units.ids),
                ("property_period", "!=", False),
                ("property_date_to", "!=", False),
                ("parent_state", "in", ("draft", "posted")),
                ("move_id.move_type", "=", "out_invoice"),
                ("property_fee_type_id.computation", "in", self._prepaid_computations()),
            ]
        )
        if not lines:
            return self.env["account.move"]
        credited = defaultdict(float)
        for credited_line, amount in self.env["account.move.line"]._read_group(
            [("property_credited_line_id", "in", lines.ids), ("parent_state", "!=", "cancel")],
            ["property_credited_line_id"],
            ["price_subtotal:sum"],
        ):
            credited[credited_line.id] = amount
        occupancies = defaultdict(list)
        for occupancy in self.env["property.occupancy"].search(
            [
                ("unit_id", "in", units.ids),
                ("partner_id", "in", lines.partner_id.ids),
                ("is_billing_contact", "=", True),
            ]
        ):
            occupancies[(occupancy.unit_id.id, occupancy.partner_id.id)].append(occupancy)
        rates = defaultdict(list)
        for rate in self.env["property.fee.rate"].search(
            [
                ("project_id", "in", units.project_id.ids),
                ("fee_type_id", "in", lines.property_fee_type_id.ids),
            ]
        ):
            rates[(rate.project_id.id, rate.unit_type, rate.fee_type_id.id)].append(rate)
        credits_by_move, rebill = defaultdict(list), self.env["account.move.line"]
        for line in lines:
            unit, fee = line.property_unit_id, line.property_fee_type_id
            due = self._amount_due(
                line,
                occupancies[(unit.id, line.partner_id.id)],
                rates[(unit.project_id.id, unit.unit_type, fee.id)],
            )
            if line.parent_state == "draft":
                if abs(line.currency_id.round(line.price_subtotal - due)) >= 0.01:
                    rebill |= line
                continue
            credit = line.currency_id.round(line.price_subtotal - credited[line.id] - due)
            if credit >= 0.01:
                credits_by_move[line.move_id].append((line, credit))
        self._rebill_drafts(rebill)
        return self._write_credit_notes(credits_by_move)

    @api.model
    def _rebill_drafts(self, lines):
        """Draft invoice lines billed before a move-out or a rate change: taken off their draft
        and billed again by the run of their month, as due now (amount, days and label), before
        anyone confirms them; a draft left with no line is deleted."""
        if not lines:
            return
        partners_by_period = defaultdict(lambda: self.env["res.partner"])
        for line in lines:
            partners_by_period[line.property_period] |= line.partner_id
        projects = lines.property_unit_id.project_id
        moves = lines.move_id
        for move in moves:
            move.write(
                {
                    "invoice_line_ids": [
                        fields.Command.unlink(line.id) for line in lines if line.move_id == move
                    ]
                }
            )
        for period, partners in sorted(partners_by_period.items()):
            start, end = self._period_bounds(period)
            self._bill_batch(partners, projects, start, end)
        moves.filtered(lambda move: not move.invoice_line_ids and not move.posted_before).unlink()

    @api.model
    def _prepaid_computations(self):
        """The fee computations whose lines billed in advance are credited back: the schedule's
        (metered fees are billed after the reading); an addon billing its own contracts adds
        its computation and the amount due (``_amount_due``)."""
        return list(SCHEDULE_COMPUTATIONS)

    @api.model
    def _amount_due(self, line, occupancies, rates):
        """What the days of ``line`` cost by the occupancies and the rates as they are now."""
        unit, fee = line.property_unit_id, line.property_fee_type_id
        base = unit.area if fee.computation == "area" else 1.0
        amount = 0.0
        for occupancy in occupancies:
            for rate in rates:
                parts = _subtract(
                    max(occupancy.date_start, rate.date_from, line.property_date_from),
                    min(occupancy.date_end or FAR, rate.date_to or FAR, line.property_date_to),
                    [],
                )
                amount += (
                    rate.rate
                    * base
                    * sum(days / month_days for days, month_days in _month_fractions(parts))
                )
        return line.currency_id.round(amount)

    @api.model
    def _write_credit_notes(self, credits_by_move):
        if not credits_by_move:
            return self.env["account.move"]
        today = fields.Date.context_today(self)
        vals_list = []
        for move, credits in credits_by_move.items():
            vals_list.append(
                {
                    "move_type": "out_refund",
                    "partner_id": move.partner_id.id,
                    "company_id": move.company_id.id,
                    "invoice_date": today,
                    "reversed_entry_id": move.id,
                    "ref": self.env._("Prepaid fees not due: %(invoice)s", invoice=move.name),
                    "invoice_line_ids": [
                        fields.Command.create(
                            {
                                "product_id": line.product_id.id,
                                "name": self.env._("Not due any more: %(line)s", line=line.name),
                                "quantity": 1.0,
                                "price_unit": credit,
                                "tax_ids": [fields.Command.set(line.tax_ids.ids)],
                                "property_unit_id": line.property_unit_id.id,
                                "property_fee_type_id": line.property_fee_type_id.id,
                                "property_credited_line_id": line.id,
                            }
                        )
                        for line, credit in credits
                    ],
                }
            )
        Move = self.env["account.move"].with_context(mail_create_nolog=True, tracking_disable=True)
        return Move.create(vals_list)

    @api.model
    def _check_period(self, period):
        if not period:
            raise UserError(self.env._("Choose the month to bill."))
        return period.replace(day=1)
