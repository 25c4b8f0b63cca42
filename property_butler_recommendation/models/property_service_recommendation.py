from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

RECOMMENDATION_STATES = [
    ("proposed", "Proposed"),
    ("accepted", "Accepted"),
    ("declined", "Declined"),
]


class PropertyServiceRecommendation(models.Model):
    """A service the butler recommended to a household (服務產品的推薦者, S4): proposed, then
    accepted or declined by the resident. An accepted one becomes a paid-service ticket (its
    quotation carries the offer's product); the accepted share of the recommendations is the
    butler's and the service's conversion rate."""

    _name = "property.service.recommendation"
    _description = "Service Recommendation"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        domain="[('unit_type', 'in', ('residential', 'commercial'))]",
    )
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    grid_id = fields.Many2one(related="unit_id.grid_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Resident",
        tracking=True,
        domain="[('property_occupancy_ids.unit_id', '=?', unit_id)]",
        help="The owner, tenant or household member the service was recommended to.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Butler",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    date = fields.Date(
        string="Recommended On", required=True, default=fields.Date.context_today, index=True
    )
    offer_id = fields.Many2one(
        "property.service.offer",
        string="Service",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    note = fields.Text(help="What the household needs, what was offered, the price discussed.")
    state = fields.Selection(
        RECOMMENDATION_STATES,
        required=True,
        default="proposed",
        index=True,
        tracking=True,
        copy=False,
    )
    date_decided = fields.Date(string="Decided On", readonly=True, copy=False)
    decline_reason = fields.Char(copy=False, tracking=True)
    converted = fields.Boolean(
        compute="_compute_converted",
        store=True,
        index=True,
        help="The resident accepted the recommended service.",
    )
    conversion_rate = fields.Float(
        string="Conversion Rate (%)",
        compute="_compute_converted",
        store=True,
        aggregator="avg",
        help="100 for an accepted recommendation, 0 otherwise: averaged over recommendations, "
        "the share accepted.",
    )
    ticket_id = fields.Many2one(
        "property.ticket",
        readonly=True,
        copy=False,
        check_company=True,
        index="btree_not_null",
        help="The paid-service ticket delivering the accepted service.",
    )

    @api.depends("state")
    def _compute_converted(self):
        for recommendation in self:
            recommendation.converted = recommendation.state == "accepted"
            recommendation.conversion_rate = 100.0 if recommendation.converted else 0.0

    @api.depends("offer_id.name", "unit_id.code")
    def _compute_display_name(self):
        for recommendation in self:
            recommendation.display_name = " · ".join(
                filter(None, [recommendation.offer_id.name, recommendation.unit_id.code])
            )

    @api.constrains("unit_id", "partner_id", "date")
    def _check_partner_occupies_unit(self):
        """The resident is one of the unit's: an occupancy of the unit (owner, tenant or
        household member) not ended before the day of the recommendation (a buyer moving in
        later counts). The units' occupancies are read once for the batch."""
        recommendations = self.filtered("partner_id")
        if not recommendations:
            return
        occupancies = recommendations.unit_id.sudo().occupancy_ids
        for recommendation in recommendations:
            partners = recommendation.partner_id | recommendation.partner_id.commercial_partner_id
            if not occupancies.filtered(
                lambda o, r=recommendation, p=partners: (
                    o.unit_id == r.unit_id
                    and o.partner_id in p
                    and (not o.date_end or not r.date or o.date_end >= r.date)
                )
            ):
                raise ValidationError(
                    self.env._(
                        "%(resident)s does not occupy unit %(unit)s: recommend the service to "
                        "one of the unit's residents or leave the resident empty.",
                        resident=recommendation.partner_id.display_name,
                        unit=recommendation.unit_id.code,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("state", "proposed") != "proposed"
            or vals.get("ticket_id")
            or vals.get("date_decided")
            for vals in vals_list
        ):
            raise UserError(
                self.env._(
                    "A recommendation is created as proposed: use its buttons once the resident "
                    "has decided."
                )
            )
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("property.service.recommendation") or "/"
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and {"state", "ticket_id", "date_decided"} & set(vals):
            raise UserError(
                self.env._(
                    "The status of a recommendation and its ticket change with its buttons only."
                )
            )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_accept(self):
        """The resident takes the service."""
        self.check_access("write")
        if self.filtered(lambda r: r.state != "proposed"):
            raise UserError(self.env._("Only a proposed recommendation can be accepted."))
        self.sudo().write({"state": "accepted", "date_decided": fields.Date.context_today(self)})
        return True

    def action_decline(self):
        """The resident does not want the service (for now)."""
        self.check_access("write")
        if self.filtered(lambda r: r.state != "proposed"):
            raise UserError(self.env._("Only a proposed recommendation can be declined."))
        self.sudo().write({"state": "declined", "date_decided": fields.Date.context_today(self)})
        return True

    def action_reset(self):
        """Back to proposed: the resident reconsiders."""
        self.check_access("write")
        if self.filtered("ticket_id"):
            raise UserError(
                self.env._("A recommendation with a ticket cannot go back to proposed.")
            )
        self.sudo().write({"state": "proposed", "date_decided": False})
        return True

    def _ticket_values(self):
        self.ensure_one()
        ticket_type = self.offer_id.ticket_type_id or self.env.ref(
            "property_butler_ticket.property_ticket_type_service"
        )
        vals = {
            "title": self.offer_id.name,
            "description": Markup("<p>%s</p>") % (self.note or self.offer_id.name),
            "ticket_type_id": ticket_type.id,
            "unit_id": self.unit_id.id,
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "channel": "butler_visit",
            "recommendation_id": self.id,
        }
        if self.offer_id.product_id:
            vals["line_ids"] = [
                fields.Command.create({"product_id": self.offer_id.product_id.id, "quantity": 1})
            ]
        return vals

    def action_create_ticket(self):
        """The accepted service becomes a paid-service ticket, with the offer's product as its
        first quotation line, linked both ways."""
        for recommendation in self:
            if recommendation.state != "accepted":
                raise UserError(
                    self.env._(
                        "%s is not accepted: only an accepted recommendation becomes a ticket.",
                        recommendation.name,
                    )
                )
            if recommendation.ticket_id:
                raise UserError(
                    self.env._(
                        "%(rec)s already has its ticket %(ticket)s.",
                        rec=recommendation.name,
                        ticket=recommendation.ticket_id.name,
                    )
                )
        self.check_access("write")
        tickets = self.env["property.ticket"].create([r._ticket_values() for r in self])
        for recommendation, ticket in zip(self, tickets, strict=True):
            recommendation.sudo().ticket_id = ticket
        if len(tickets) != 1:
            return True
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Ticket"),
            "res_model": "property.ticket",
            "res_id": tickets.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def action_view_ticket(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Ticket"),
            "res_model": "property.ticket",
            "res_id": self.ticket_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
