from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyTakeoverLine(models.Model):
    """An item of the checklist of an inspection, for the building or one of its units."""

    _name = "property.takeover.line"
    _description = "Takeover Checklist Line"
    _order = "takeover_id, unit_id, area, sequence, id"
    _check_company_auto = True

    takeover_id = fields.Many2one(
        "property.takeover", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="takeover_id.company_id", store=True, index=True)
    item_id = fields.Many2one(
        "property.takeover.checklist.item", required=True, ondelete="restrict", check_company=True
    )
    area = fields.Selection(related="item_id.area", store=True)
    sequence = fields.Integer(default=10)
    unit_id = fields.Many2one(
        "property.unit",
        index=True,
        check_company=True,
        ondelete="cascade",
        help="Empty for an item of the building itself.",
    )
    result = fields.Selection(
        [("ok", "Conforms"), ("defect", "Defect"), ("na", "Not Applicable")],
    )
    note = fields.Char()
    defect_ids = fields.One2many("property.takeover.defect", "line_id", string="Defects")

    _sql_constraints = [
        (
            "item_unit_uniq",
            "unique(takeover_id, item_id, unit_id)",
            "This item is already on the checklist for this unit.",
        ),
    ]

    def _check_takeover_open(self, takeovers):
        if not self.env.su and any(t.state == "done" for t in takeovers):
            raise UserError(self.env._("The checklist of a finished inspection cannot be changed."))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        self._check_takeover_open(lines.takeover_id)
        return lines

    def write(self, vals):
        self._check_takeover_open(self.takeover_id)
        res = super().write(vals)
        if "takeover_id" in vals:
            self._check_takeover_open(self.takeover_id)
        return res

    def unlink(self):
        self._check_takeover_open(self.takeover_id)
        return super().unlink()

    def action_add_defect(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.takeover.defect",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_takeover_id": self.takeover_id.id,
                "default_line_id": self.id,
                "default_unit_id": self.unit_id.id,
                "default_area": self.area,
                "default_name": self.item_id.name,
                "default_responsible_partner_id": self.takeover_id.developer_id.id,
            },
        }
