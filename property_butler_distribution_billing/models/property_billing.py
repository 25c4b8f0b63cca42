from odoo import api, models


class PropertyBilling(models.AbstractModel):
    _inherit = "property.billing"

    @api.model
    def _bill_partners(self, partners, projects, start, end):
        """The batch's invoices, then their statements' copies in the month's issue."""
        moves = super()._bill_partners(partners, projects, start, end)
        self.env["property.document.issue"]._record_statements(moves, start)
        return moves
