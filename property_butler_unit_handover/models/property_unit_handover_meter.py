from odoo import api, fields, models
from odoo.exceptions import UserError


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
    reading_taken = fields.Boolean(
        string="Read",
        copy=False,
        help="The meter was read: set when its opening index is entered, 0 for a new meter.",
    )
    meter_number = fields.Char()

    _sql_constraints = [
        (
            "handover_fee_uniq",
            "unique(handover_id, fee_type_id)",
            "This meter is already read on this handover.",
        ),
        ("index_positive", "CHECK(opening_index >= 0)", "A meter index cannot be negative."),
    ]

    def _check_handover_open(self, handovers):
        if not self.env.su and any(h.state == "done" for h in handovers):
            raise UserError(
                self.env._("The meter indexes of a completed handover cannot be changed.")
            )

    @api.onchange("opening_index")
    def _onchange_opening_index(self):
        self.reading_taken = True

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "opening_index" in vals:
                vals.setdefault("reading_taken", True)
        meters = super().create(vals_list)
        self._check_handover_open(meters.handover_id)
        return meters

    def write(self, vals):
        self._check_handover_open(self.handover_id)
        if "opening_index" in vals:
            vals = {"reading_taken": True, **vals}
        res = super().write(vals)
        if "handover_id" in vals:
            self._check_handover_open(self.handover_id)
        return res

    def unlink(self):
        self._check_handover_open(self.handover_id)
        return super().unlink()
