from odoo import fields, models

from ..models.property_document_line import CALL_RESULTS


class PropertyDocumentCallWizard(models.TransientModel):
    """The butler's call about a copy still unclaimed after two weeks."""

    _name = "property.document.call.wizard"
    _description = "Log a Call about an Unclaimed Document"

    line_id = fields.Many2one("property.document.line", required=True, ondelete="cascade")
    unit_id = fields.Many2one(related="line_id.unit_id")
    partner_id = fields.Many2one(related="line_id.partner_id", string="Recipient")
    result = fields.Selection(CALL_RESULTS, required=True)
    note = fields.Text()

    def action_log(self):
        self.ensure_one()
        self.line_id._log_call(self.result, self.note)
        return {"type": "ir.actions.act_window_close"}
