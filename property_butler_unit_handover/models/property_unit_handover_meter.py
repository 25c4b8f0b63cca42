from odoo import fields, models


class PropertyUnitHandoverMeter(models.Model):
    """The opening index of a metered fee's meter when the unit is handed over: the owner's
    monthly readings (property.meter.reading) are counted from it."""

    _name = "property.unit.handover.meter"
    _description = "Handover Opening Meter Index"
    _order = "handover_id, fee_type_id"
    _check_company_auto = True

    handover_id = fields.Many2one(
        "property.unit.handover", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="handover_id.company_id", store=True, index=True)
    fee_type_id = fields.Many2one(
        "property.fee.type",
        string="Meter",
        required=True,
        check_company=True,
        domain="[('computation', '=', 'metered')]",
        ondelete="restrict",
    )
    opening_index = fields.Float(digits=(12, 3))
    meter_number = fields.Char()

    _sql_constraints = [
        (
            "handover_fee_uniq",
            "unique(handover_id, fee_type_id)",
            "This meter is already read on this handover.",
        ),
        ("index_positive", "CHECK(opening_index >= 0)", "A meter index cannot be negative."),
    ]
