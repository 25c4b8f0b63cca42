from odoo import api, models
from odoo.exceptions import UserError


class ReportPropertyLawyerLetter(models.AbstractModel):
    _name = "report.property_butler_dunning.report_lawyer_letter"
    _inherit = ["property.report.mixin"]
    _description = "Lawyer's Letter"

    @api.model
    def _get_report_values(self, docids, data=None):
        cases = self._check_report_access(docids)
        innocent = cases.filtered(lambda c: not c.malicious)
        if innocent:
            raise UserError(
                self.env._(
                    "A lawyer's letter is only for malicious defaulters: %s.",
                    ", ".join(innocent.mapped("display_name")),
                )
            )
        late_fees = self.env["property.late.fee"]
        return {
            "doc_ids": docids,
            "doc_model": "property.dunning.case",
            "docs": cases,
            "letters": {case.id: late_fees._letter_values(case) for case in cases},
        }
