from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import unquote


class PropertyCompanyMixin(models.AbstractModel):
    """Company-bound records offered in the dropdowns of a form whose company is not known yet.

    A ``check_company`` many2one gets the domain
    ``company_id and [('company_id', 'in', [company_id, False])] or <no-company domain>``.
    Most of our records take their company from the very record being chosen (a building from
    its project, an occupancy from its unit...): on New, ``company_id`` is still empty, and the
    stock no-company domain ``[('company_id', '=', False)]`` offered nothing at all. Here the
    no-company domain offers the records of the user's allowed companies instead; the company
    check itself (``_check_company``) is unchanged.
    """

    _name = "property.company.mixin"
    _description = "Property Company-Bound Record"

    @api.model
    def _check_company_domain(self, companies):
        # fields.Many2one._description_domain asks for the domain of "no company" with ''.
        if isinstance(companies, str) and not companies:
            return [("company_id", "in", unquote("allowed_company_ids + [False]"))]
        return super()._check_company_domain(companies)

    @api.model
    def name_create(self, name):
        """Quick-create ("Create …" in a dropdown) only when the name is all a record needs.

        Otherwise a ValidationError makes the web client open the full form instead.
        """
        missing = [
            field.string
            for fname, field in self._fields.items()
            if field.required
            and field.store
            and not field.compute
            and not field.default
            and fname != self._rec_name
        ]
        if missing:
            raise ValidationError(
                self.env._("Fill in %(fields)s first.", fields=", ".join(missing))
            )
        return super().name_create(name)
