from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, models

from .property_parking_contract import months_of

BILLED_STATES = ("active", "expired", "ended")


class PropertyBilling(models.AbstractModel):
    """The monthly run also bills the parking rental contracts: each period paid in advance
    (a month, a quarter or a year from the contract's start) by the run of the month it starts
    in, at the contract's rate, on the tenant's statement. Periods of a contract not billed yet
    whose start has come (a contract signed late) are billed together on one line.

    Once per period: the last day billed of each contract is read from its lines before each
    batch, and the unique index of the billing lines (space, fee, month, tenant) is the last
    guard (a renewal whose first period starts in the month the previous contract was billed
    is billed by the next month's run)."""

    _inherit = "property.billing"

    @api.model
    def _parking_contracts(self, projects, start, end, partners=None):
        domain = [
            ("project_id", "in", projects.ids),
            ("state", "in", BILLED_STATES),
            ("date_start", "<=", end),
            ("date_end", ">=", start - relativedelta(months=12)),
        ]
        if partners is not None:
            domain.append(("partner_id", "in", partners.ids))
        return self.env["property.parking.contract"].sudo().search(domain)

    @api.model
    def _billed_contacts(self, projects, start, end):
        contacts = super()._billed_contacts(projects, start, end)
        tenants = self._parking_contracts(projects, start, end).partner_id
        return (contacts | tenants.with_env(self.env)).sorted("id")

    @api.model
    def _bill_partners(self, partners, projects, start, end):
        moves = super()._bill_partners(partners, projects, start, end)
        lines = self._parking_lines(partners, projects, start, end)
        if lines:
            moves |= self._write_invoices(lines, start)
        return moves

    @api.model
    def _parking_lines(self, partners, projects, start, end):
        """The lines of the contacts' parking contracts: their periods starting by the end of
        the month, not billed yet."""
        contracts = self._parking_contracts(projects, start, end, partners)
        if not contracts:
            return {}
        Line = self.env["account.move.line"].sudo()
        billed_until = {
            contract.id: last
            for contract, last in Line._read_group(
                [
                    ("property_parking_contract_id", "in", contracts.ids),
                    ("parent_state", "!=", "cancel"),
                ],
                ["property_parking_contract_id"],
                ["property_date_to:max"],
            )
        }
        taken = {
            (line.property_unit_id.id, line.property_fee_type_id.id, line.partner_id.id)
            for line in Line.search(
                [
                    ("property_unit_id", "in", contracts.space_id.ids),
                    ("property_fee_type_id", "in", contracts.fee_type_id.ids),
                    ("property_period", "=", start),
                    ("parent_state", "!=", "cancel"),
                ]
            )
        }
        lines_by_partner = defaultdict(list)
        for contract in contracts.sorted(lambda c: (c.partner_id.id, c.date_start, c.id)):
            key = (contract.space_id.id, contract.fee_type_id.id, contract.partner_id.id)
            if key in taken:
                continue
            after = billed_until.get(contract.id)
            periods = [
                (first, last)
                for first, last in contract._periods()
                if first <= end and (not after or first > after)
            ]
            if not periods:
                continue
            taken.add(key)
            first, last = periods[0][0], periods[-1][1]
            months = months_of(first, last)
            amount = contract._amount_for(first, last)
            detail = f"{contract.monthly_rate:g} × {months:.4g}"
            label = first.strftime("%Y-%m-%d") + "~" + last.strftime("%Y-%m-%d")
            line = self._line_values(
                contract.fee_type_id, contract.space_id, start, label, amount, [detail]
            )
            line.update(
                name=f"{line['name']} {contract.name} {contract.plates}",
                property_quantity=months,
                property_rate=contract.monthly_rate,
                property_date_from=first,
                property_date_to=last,
                property_parking_contract_id=contract.id,
            )
            lines_by_partner[contract.partner_id.with_env(self.env)].append(line)
        return lines_by_partner

    @api.model
    def _prepaid_computations(self):
        return [*super()._prepaid_computations(), "parking_contract"]

    @api.model
    def _amount_due(self, line, occupancies, rates):
        """A parking contract's line is due for the days of the contract's term it billed."""
        contract = line.sudo().property_parking_contract_id
        if contract:
            return contract._amount_for(line.property_date_from, line.property_date_to)
        return super()._amount_due(line, occupancies, rates)
