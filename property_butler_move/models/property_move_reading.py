from odoo import fields, models


class PropertyMoveReading(models.Model):
    """A final meter reading typed in at a move-out: the consumption of the month, billed at
    once when the move-out is completed."""

    _name = "property.move.reading"
    _description = "Move-out Meter Reading"
    _order = "move_id, id"
    _check_company_auto = True

    move_id = fields.Many2one("property.move", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="move_id.company_id", store=True, index=True)
    fee_type_id = fields.Many2one(
        "property.fee.type",
        string="Meter",
        required=True,
        check_company=True,
        domain="[('computation', '=', 'metered')]",
        ondelete="restrict",
    )
    quantity = fields.Float(
        string="Consumption",
        required=True,
        digits=(12, 3),
        help="Consumption of the month up to the move-out, from the final meter reading.",
    )

    _sql_constraints = [
        (
            "move_fee_uniq",
            "unique(move_id, fee_type_id)",
            "A move-out has one final reading of each meter.",
        ),
        ("quantity_positive", "CHECK(quantity >= 0)", "A consumption cannot be negative."),
    ]
