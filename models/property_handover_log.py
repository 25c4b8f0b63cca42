from odoo import fields, models


class PropertyHandoverLog(models.Model):
    _name = "property.handover.log"
    _description = "Shift Handover Log"

    name = fields.Char()
