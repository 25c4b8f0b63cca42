from odoo import fields, models


class PropertyInspectionTemplate(models.Model):
    _inherit = "property.inspection.template"

    kind = fields.Selection(
        selection_add=[("custody", "Home Custody Inspection")], ondelete={"custody": "cascade"}
    )


class PropertyInspectionTemplateItem(models.Model):
    _inherit = "property.inspection.template.item"

    category = fields.Selection(
        selection_add=[("custody", "Home Custody")], ondelete={"custody": "cascade"}
    )


class PropertyInspectionLine(models.Model):
    _inherit = "property.inspection.line"

    category = fields.Selection(
        selection_add=[("custody", "Home Custody")], ondelete={"custody": "cascade"}
    )
