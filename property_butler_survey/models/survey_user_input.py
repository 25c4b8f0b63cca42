from odoo import fields, models


class SurveyUserInput(models.Model):
    """A survey answer of a satisfaction campaign knows its household: the unit, the grid and
    the butler at the draw."""

    _inherit = "survey.user_input"

    property_campaign_id = fields.Many2one(
        "property.survey.campaign", string="Survey Campaign", index="btree_not_null", readonly=True
    )
    property_company_id = fields.Many2one(
        related="property_campaign_id.company_id", store=True, string="Campaign Company"
    )
    property_unit_id = fields.Many2one("property.unit", string="Unit", readonly=True)
    property_grid_id = fields.Many2one("property.grid", string="Grid", readonly=True)
    property_butler_id = fields.Many2one("res.users", string="Butler", readonly=True)

    def _mark_done(self):
        result = super()._mark_done()
        campaign_inputs = self.filtered("property_campaign_id")
        if campaign_inputs:
            self.env["property.survey.invitation"].sudo().search(
                [("user_input_id", "in", campaign_inputs.ids)]
            )._on_answered()
        return result
