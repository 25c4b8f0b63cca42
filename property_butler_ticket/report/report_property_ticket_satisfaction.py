from odoo import api, models


class ReportPropertyTicketSatisfaction(models.AbstractModel):
    """Satisfaction Report (access checked by property.report.mixin; the callbacks are read
    with the user's rights)."""

    _name = "report.property_butler_ticket.property_ticket_satisfaction_document"
    _inherit = ["property.report.mixin"]
    _table = "report_property_ticket_satisfaction"
    _description = "Satisfaction Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        values["reports"] = {wizard.id: wizard._get_report_data() for wizard in values["docs"]}
        return values
