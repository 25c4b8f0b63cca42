from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.property_parcel import COLLECTOR_KINDS


class PropertyParcelPickup(models.TransientModel):
    """The resident (or a family member) collects items at the desk and signs for them in
    《業主信件簽收表》."""

    _name = "property.parcel.pickup"
    _description = "Mail Pick-up"

    parcel_ids = fields.Many2many("property.parcel", string="Items", required=True)
    partner_id = fields.Many2one(
        "res.partner", compute="_compute_partner_id", string="Resident", readonly=True
    )
    collector_kind = fields.Selection(
        COLLECTOR_KINDS, string="Collected By", required=True, default="addressee"
    )
    collector_name = fields.Char(string="Collector's Name")
    collector_relation = fields.Char(
        string="Relation to the Resident", help="E.g. spouse, son, daughter, domestic helper."
    )
    signature = fields.Image(max_width=480, max_height=240)

    @api.depends("parcel_ids")
    def _compute_partner_id(self):
        for wizard in self:
            wizard.partner_id = wizard.parcel_ids.partner_id[:1]

    @api.onchange("collector_kind")
    def _onchange_collector_kind(self):
        if self.collector_kind == "addressee":
            self.collector_name = self.partner_id.name
            self.collector_relation = False
        elif self.collector_name == self.partner_id.name:
            self.collector_name = False

    def action_confirm(self):
        self.ensure_one()
        if not self.signature:
            raise UserError(self.env._("The person collecting the items signs for them first."))
        name = (self.collector_name or "").strip()
        if self.collector_kind == "addressee":
            name = name or self.partner_id.name
        elif not name:
            raise UserError(self.env._("Give the name of the person collecting the items."))
        if self.collector_kind == "family" and not (self.collector_relation or "").strip():
            raise UserError(
                self.env._("Give the family member's relation to the resident (e.g. spouse).")
            )
        self.parcel_ids._check_open()
        if self.parcel_ids.filtered(lambda p: p.state != "waiting"):
            raise UserError(
                self.env._("Identify the resident first: an unknown addressee cannot sign for it.")
            )
        self.parcel_ids._mark_collected(
            {
                "collector_kind": self.collector_kind,
                "collector_name": name,
                "collector_relation": (self.collector_relation or "").strip() or False,
                "signature": self.signature,
            }
        )
        return {"type": "ir.actions.act_window_close"}
