from odoo import api, fields, models
from odoo.osv import expression


class ResPartner(models.Model):
    _inherit = "res.partner"

    property_occupancy_ids = fields.One2many(
        "property.occupancy", "partner_id", string="Occupancies"
    )
    property_unit_ids = fields.Many2many(
        "property.unit",
        compute="_compute_property_units",
        string="Units",
        help="Units this contact currently owns, rents or lives in.",
    )
    property_unit_count = fields.Integer(compute="_compute_property_units", string="Unit Count")
    property_butler_ids = fields.Many2many(
        "res.users",
        compute="_compute_property_units",
        search="_search_property_butler_ids",
        string="Butlers",
        help="Butlers (and backup butlers) of the grids of this contact's current units.",
    )
    property_is_resident = fields.Boolean(
        compute="_compute_property_units",
        search="_search_property_is_resident",
        string="Is a Resident",
    )

    @api.depends("property_occupancy_ids.date_start", "property_occupancy_ids.date_end")
    def _compute_property_units(self):
        today = fields.Date.context_today(self)
        for partner in self:
            current = partner.property_occupancy_ids.filtered(lambda o: o._is_current(today))
            units = current.unit_id
            partner.property_unit_ids = units
            partner.property_unit_count = len(units)
            partner.property_butler_ids = units.grid_id.butler_id | units.grid_id.backup_butler_id
            partner.property_is_resident = bool(current)

    def _search_property_butler_ids(self, operator, value):
        occupancy_domain = expression.AND(
            [
                self.env["property.occupancy"]._current_domain(),
                [
                    "|",
                    ("unit_id.grid_id.butler_id", operator, value),
                    ("unit_id.grid_id.backup_butler_id", operator, value),
                ],
            ]
        )
        return [("property_occupancy_ids", "any", occupancy_domain)]

    def _search_property_is_resident(self, operator, value):
        positive = (operator == "=") == bool(value)
        domain = [
            ("property_occupancy_ids", "any", self.env["property.occupancy"]._current_domain())
        ]
        return domain if positive else ["!", *domain]

    def action_view_property_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler.property_occupancy_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
