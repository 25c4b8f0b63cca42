from odoo import fields, models


class PropertyVisitTopic(models.Model):
    """What a visit was about (fees, repairs, decoration, environment, safety...): the tags of
    the visit log, counted in the monthly visit report."""

    _name = "property.visit.topic"
    _description = "Visit Topic"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [("name_uniq", "unique(name)", "A visit topic of this name exists.")]
