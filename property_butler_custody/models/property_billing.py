from collections import defaultdict

from odoo import api, models


class PropertyBilling(models.AbstractModel):
    """The monthly run also bills the home custody contracts: a line per contract and month on
    the owner's statement, the contract's monthly fee prorated by day in its first and last
    months. Once per contract and month: what is billed is looked up first, and the unique
    index of the billing lines (unit, fee, month, contact) is the last guard."""

    _inherit = "property.billing"

    @api.model
    def _custody_contracts(self, projects, start, end, partners=None):
        extra = [("project_id", "in", projects.ids)]
        if partners is not None:
            extra.append(("partner_id", "in", partners.ids))
        Contract = self.env["property.custody.contract"]
        return Contract.search(Contract._active_in(start, end, extra))

    @api.model
    def _billed_contacts(self, projects, start, end):
        contacts = super()._billed_contacts(projects, start, end)
        owners = self._custody_contracts(projects, start, end).partner_id
        return (contacts | owners).sorted("id")

    @api.model
    def _bill_partners(self, partners, projects, start, end):
        moves = super()._bill_partners(partners, projects, start, end)
        lines = self._custody_lines(partners, projects, start, end)
        if lines:
            moves |= self._write_invoices(lines, start)
        return moves

    @api.model
    def _custody_lines(self, partners, projects, start, end):
        """The month's custody lines of the contacts' contracts not billed yet."""
        contracts = self._custody_contracts(projects, start, end, partners)
        if not contracts:
            return {}
        billed = {
            (line.property_unit_id.id, line.property_fee_type_id.id, line.partner_id.id)
            for line in self.env["account.move.line"].search(
                [
                    ("property_unit_id", "in", contracts.unit_id.ids),
                    ("property_fee_type_id", "in", contracts.fee_type_id.ids),
                    ("property_period", "=", start),
                    ("parent_state", "!=", "cancel"),
                ]
            )
        }
        lines_by_partner = defaultdict(list)
        for contract in contracts.sorted(lambda c: (c.partner_id.id, c.unit_id.code or "")):
            key = (contract.unit_id.id, contract.fee_type_id.id, contract.partner_id.id)
            fraction = contract._billing_fraction(start, end)
            if key in billed or not fraction:
                continue
            billed.add(key)
            first, last = max(contract.date_start, start), min(contract.date_end or end, end)
            detail = f"{contract.monthly_fee:g}"
            if fraction < 1:
                detail += f" × {(last - first).days + 1}/{(end - start).days + 1}"
            amount = contract.monthly_fee * fraction
            line = self._line_values(
                contract.fee_type_id,
                contract.unit_id,
                start,
                start.strftime("%Y-%m"),
                amount,
                [detail],
            )
            line.update(
                name=f"{line['name']} {contract.name}",
                property_quantity=1.0,
                property_rate=contract.monthly_fee,
                property_date_from=first,
                property_date_to=last,
                property_custody_contract_id=contract.id,
            )
            lines_by_partner[contract.partner_id].append(line)
        return lines_by_partner
