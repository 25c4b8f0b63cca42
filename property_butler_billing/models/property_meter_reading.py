from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyMeterReading(models.Model):
    """A unit's consumption of a metered fee (water...) for a month, imported or typed in:
    the consumption itself, or the meter's index at the end of the month, from which the
    consumption is counted (the index less the previous one: the last month's reading, or the
    opening index when the unit was handed over)."""

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
    meter_index = fields.Float(
        digits=(12, 3),
        help="The meter's index read at the end of the month: the consumption is the index less "
        "the previous one. Empty: type the consumption.",
    )
    previous_index = fields.Float(
        digits=(12, 3),
        compute="_compute_previous_index",
        help="The index the consumption is counted from: the last reading's, or the opening "
        "index of the unit's handover.",
    )
    has_previous_index = fields.Boolean(compute="_compute_previous_index")
    quantity = fields.Float(
        string="Consumption",
        required=True,
        digits=(12, 3),
        compute="_compute_quantity",
        store=True,
        readonly=False,
        precompute=True,
        help="Consumption of the month: typed, or counted from the meter index.",
    )

    _sql_constraints = [
        (
            "unit_fee_period_uniq",
            "unique(unit_id, fee_type_id, period)",
            "This unit already has a reading of this meter for that month.",
        ),
        ("quantity_positive", "CHECK(quantity >= 0)", "A consumption cannot be negative."),
        ("index_positive", "CHECK(meter_index >= 0)", "A meter index cannot be negative."),
    ]

    def _previous_indexes(self):
        """{reading: (index, since)} of the readings whose previous index is known: the index
        of the unit's latest earlier reading of the same meter, ``since`` its month. Addons
        add other sources (the opening index of a handover), the latest one counting."""
        result = {}
        readings = self.filtered(lambda r: r.unit_id and r.fee_type_id and r.period)
        if not readings:
            return result
        earlier = self.sudo().search(
            [
                ("unit_id", "in", readings.unit_id.ids),
                ("fee_type_id", "in", readings.fee_type_id.ids),
                ("period", "<", max(readings.mapped("period"))),
                ("meter_index", ">", 0),
                ("id", "not in", readings._origin.ids),
            ],
            order="period desc",
        )
        # (newest first: the first earlier month of each meter is its previous reading)
        by_meter = defaultdict(list)
        for other in earlier:
            by_meter[other.unit_id.id, other.fee_type_id.id].append(other)
        for reading in readings:
            previous = next(
                (
                    other
                    for other in by_meter.get((reading.unit_id.id, reading.fee_type_id.id), ())
                    if other.period < reading.period
                ),
                None,
            )
            if previous:
                result[reading] = (previous.meter_index, previous.period)
        return result

    @api.depends("unit_id", "fee_type_id", "period")
    def _compute_previous_index(self):
        previous = self._previous_indexes()
        for reading in self:
            known = previous.get(reading)
            reading.previous_index = known[0] if known else 0.0
            reading.has_previous_index = bool(known)

    @api.depends("meter_index", "unit_id", "fee_type_id", "period")
    def _compute_quantity(self):
        indexed = self.filtered(lambda r: r.meter_index)
        previous = indexed._previous_indexes()
        for reading in self:
            known = previous.get(reading)
            if known:
                reading.quantity = max(reading.meter_index - known[0], 0.0)
            else:
                # (no index, or none to count from: the consumption typed)
                reading.quantity = reading.quantity or 0.0

    @api.constrains("meter_index")
    def _check_meter_index(self):
        previous = self.filtered("meter_index")._previous_indexes()
        for reading, (index, _since) in previous.items():
            if reading.meter_index < index:
                raise ValidationError(
                    self.env._(
                        "The index %(index)s of %(unit)s is lower than the previous one "
                        "(%(previous)s): if the meter was replaced, type the month's consumption "
                        "and leave the index empty.",
                        index=reading.meter_index,
                        unit=reading.unit_id.code,
                        previous=index,
                    )
                )
