from odoo import api, fields, models

BUTLER = "property_butler.property_butler_group_butler"


class PropertyBuilding(models.Model):
    _inherit = "property.building"

    # Handovers name the owners: for the butlers and above only.
    handover_ids = fields.One2many(
        "property.unit.handover", "building_id", string="Handovers", groups=BUTLER
    )
    handover_done_count = fields.Integer(
        string="Units Handed Over", compute="_compute_handover_counts", groups=BUTLER
    )
    handover_pending_count = fields.Integer(
        string="Units Pending", compute="_compute_handover_counts", groups=BUTLER
    )
    handover_appointed_count = fields.Integer(
        string="Appointments", compute="_compute_handover_counts", groups=BUTLER
    )
    handover_progress = fields.Float(
        string="Handed Over (%)", compute="_compute_handover_counts", groups=BUTLER
    )

    @api.depends("handover_ids.state", "unit_ids")
    def _compute_handover_counts(self):
        Handover = self.env["property.unit.handover"]
        done = dict(
            Handover._read_group(
                [("building_id", "in", self.ids), ("state", "=", "done")],
                ["building_id"],
                ["unit_id:count_distinct"],
            )
        )
        appointed = dict(
            Handover._read_group(
                [("building_id", "in", self.ids), ("state", "=", "appointed")],
                ["building_id"],
                ["__count"],
            )
        )
        for building in self:
            units = building.unit_count
            building.handover_done_count = done.get(building, 0)
            building.handover_pending_count = max(units - building.handover_done_count, 0)
            building.handover_appointed_count = appointed.get(building, 0)
            building.handover_progress = (
                100.0 * building.handover_done_count / units if units else 0.0
            )

    def action_view_handovers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_unit_handover.property_unit_handover_action"
        )
        action["domain"] = [("building_id", "=", self.id)]
        action["context"] = {"search_default_group_state": 1}
        return action
