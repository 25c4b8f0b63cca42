from odoo import api, models


class ReportPropertyScorecard(models.AbstractModel):
    """The butlers' monthly scorecard printed (access checked by property.report.mixin)."""

    _name = "report.property_butler_scorecard.property_scorecard_report"
    _inherit = ["property.report.mixin"]
    _table = "report_property_scorecard"
    _description = "Butler Scorecard Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        values["cards"] = {card.id: card._card_values() for card in values["docs"]}
        return values
