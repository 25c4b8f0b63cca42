from odoo import fields, models


class PropertyArchiveType(models.Model):
    """A kind of archive file and the documents it must hold (S2 4.8)."""

    _name = "property.archive.type"
    _description = "Archive Type"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    requirement_ids = fields.One2many(
        "property.archive.requirement", "type_id", string="Required Documents"
    )
    active = fields.Boolean(default=True)
