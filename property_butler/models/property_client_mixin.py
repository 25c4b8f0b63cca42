from odoo import api, fields, models


class PropertyClientMixin(models.AbstractModel):
    """Records of the estate's business with people who do not live in it (yet): a parking
    tenant from outside, someone on the waiting list, an owner before the handover, a family
    before its move-in. Their contacts are the estate's clients: read by the staff who read
    the company's residents (see ``res.partner._property_scope``), not by guards or other
    companies' staff, as residents are.

    ``_property_client_fields`` names the record's contact fields (many2one or many2many to
    res.partner); the record's ``company_id`` is the company whose client they are."""

    _name = "property.client.mixin"
    _description = "Property Client Records"

    _property_client_fields = ("partner_id",)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._property_mark_clients()
        return records

    def write(self, vals):
        result = super().write(vals)
        if set(vals) & set(self._property_client_fields) or "company_id" in vals:
            self._property_mark_clients()
        return result

    def _property_mark_clients(self):
        """Add each record's company to its contacts' client companies (as the system: the
        front desk records a tenant it may not edit)."""
        by_company = {}
        for record in self.sudo():
            company = record.company_id
            if not company:
                continue
            partners = by_company.setdefault(company, self.env["res.partner"].sudo())
            for fname in self._property_client_fields:
                by_company[company] = partners = partners | record[fname]
        for company, partners in by_company.items():
            missing = partners.filtered(lambda p, c=company: c not in p.property_client_company_ids)
            if missing:
                missing.write({"property_client_company_ids": [fields.Command.link(company.id)]})
