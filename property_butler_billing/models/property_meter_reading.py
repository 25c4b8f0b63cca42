from odoo import fields, models


class PropertyMeterReading(models.Model):
    """A unit's consumption of a metered fee (water...) for a month, imported or typed in."""

    _name = "property.meter.reading"
    _description = "Meter Reading"
    _order = "period desc, unit_id"
    _check_company_auto = True

    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, check_company=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="unit_id.company_id", store=True, index=True)
    fee_type_id = fields.Many2one(
        "property.fee.type",
        required=True,
        check_company=True,
        domain="[('computation', '=', 'metered')]",
        ondelete="restrict",
    )
    period = fields.Date(required=True, index=True, help="First day of the month billed.")
    quantity = fields.Float(required=True, digits=(12, 3), help="Consumption of the month.")

    _sql_constraints = [
        (
            "unit_fee_period_uniq",
            "unique(unit_id, fee_type_id, period)",
            "This unit already has a reading of this meter for that month.",
        ),
        ("quantity_positive", "CHECK(quantity >= 0)", "A consumption cannot be negative."),
    ]
