from odoo import fields, models


class PropertyArchiveRequirement(models.Model):
    """A document that every file of a type must hold."""

    _name = "property.archive.requirement"
    _description = "Required Archive Document"
    _order = "type_id, sequence, id"

    type_id = fields.Many2one("property.archive.type", required=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Document", required=True, translate=True)
