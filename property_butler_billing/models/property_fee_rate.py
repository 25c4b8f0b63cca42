from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_amount, format_date

from odoo.addons.property_butler.models.property_unit import UNIT_TYPES

BILLING_CYCLES = [
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("half_yearly", "Half-Yearly"),
    ("yearly", "Yearly"),
]


class PropertyFeeRate(models.Model):
    """A rate of a fee schedule: per project and unit type, from a date (to a date), per month,
    billed every month or in advance for a calendar quarter, half-year or year."""

    _name = "property.fee.rate"
    _description = "Fee Rate"
    _order = "project_id, unit_type, fee_type_id, date_from desc"
    _check_company_auto = True

    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    unit_type = fields.Selection(UNIT_TYPES, required=True, default="residential")
    fee_type_id = fields.Many2one(
        "property.fee.type", required=True, index=True, check_company=True, ondelete="restrict"
    )
    computation = fields.Selection(related="fee_type_id.computation")
    currency_id = fields.Many2one(related="company_id.currency_id")
    rate = fields.Monetary(required=True, help="Per m², per unit, per space or per metered unit.")
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="Until", help="Inclusive; empty: until a later rate replaces it.")
    billing_cycle = fields.Selection(
        BILLING_CYCLES,
        required=True,
        default="monthly",
        help="Billed in advance on the statement of the cycle's first month, for the whole "
        "cycle: quarters start in January, April, July and October, half-years in January and "
        "July. The rate stays a monthly rate.",
    )

    _sql_constraints = [
        ("rate_positive", "CHECK(rate >= 0)", "A rate cannot be negative."),
        (
            "dates_check",
            "CHECK(date_to IS NULL OR date_to >= date_from)",
            "A rate cannot end before it starts.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        rates = super().create(vals_list)
        rates._mark_units_prepaid_check()
        return rates

    def write(self, vals):
        billed = {"rate", "date_from", "date_to", "unit_type", "project_id", "fee_type_id"}
        if billed.isdisjoint(vals):
            return super().write(vals)
        self._mark_units_prepaid_check()
        result = super().write(vals)
        self._mark_units_prepaid_check()
        return result

    def unlink(self):
        self._mark_units_prepaid_check()
        return super().unlink()

    def _mark_units_prepaid_check(self):
        """A rate changed: the units it bills are looked at for fees billed in advance."""
        if not self:
            return
        self.flush_recordset(["project_id", "unit_type"])
        self.env["property.unit"].flush_model(["project_id", "unit_type", "property_prepaid_check"])
        self.env.cr.execute(
            """
            UPDATE property_unit unit SET property_prepaid_check = TRUE
              FROM property_fee_rate rate
             WHERE rate.id = ANY(%s) AND unit.project_id = rate.project_id
               AND unit.unit_type = rate.unit_type AND unit.property_prepaid_check IS NOT TRUE
            """,
            [self.ids],
        )
        self.env["property.unit"].invalidate_model(["property_prepaid_check"])

    @api.depends("fee_type_id.name", "rate", "date_from", "currency_id")
    def _compute_display_name(self):
        for rate in self:
            if not rate.fee_type_id:
                rate.display_name = self.env._("New")
                continue
            name = rate.fee_type_id.name
            if rate.rate:
                name = f"{name} {format_amount(self.env, rate.rate, rate.currency_id)}"
            if rate.date_from:
                name = f"{name} ({format_date(self.env, rate.date_from)})"
            rate.display_name = name

    @api.constrains("billing_cycle", "fee_type_id")
    def _check_billing_cycle(self):
        for rate in self:
            if rate.billing_cycle != "monthly" and rate.fee_type_id.computation == "metered":
                raise ValidationError(
                    self.env._(
                        "%(fee)s is metered: it is billed every month on the month's reading.",
                        fee=rate.fee_type_id.name,
                    )
                )

    @api.constrains("project_id", "unit_type", "fee_type_id", "date_from", "date_to")
    def _check_overlap(self):
        others = self.search(
            [
                ("project_id", "in", self.project_id.ids),
                ("fee_type_id", "in", self.fee_type_id.ids),
            ]
        )
        far = fields.Date.to_date("9999-12-31")
        for rate in self:
            for other in others:
                if other == rate or (other.project_id, other.unit_type, other.fee_type_id) != (
                    rate.project_id,
                    rate.unit_type,
                    rate.fee_type_id,
                ):
                    continue
                if rate.date_from <= (other.date_to or far) and other.date_from <= (
                    rate.date_to or far
                ):
                    raise ValidationError(
                        self.env._(
                            "%(fee)s already has a rate for %(project)s from %(start)s: end it "
                            "before the new rate starts.",
                            fee=rate.fee_type_id.name,
                            project=rate.project_id.name,
                            start=other.date_from,
                        )
                    )
