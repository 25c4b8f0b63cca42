from odoo import models


class ReportPropertyStatement(models.AbstractModel):
    _name = "report.property_butler.property_statement_document"
    _description = "Property Statement Report"
