from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyUnitHandoverLine(models.Model):
    """An item of the joint inspection of a unit with its owner."""

    _name = "property.unit.handover.line"
    _description = "Handover Inspection Line"
    _order = "handover_id, area, sequence, id"
    _check_company_auto = True

    handover_id = fields.Many2one(
        "property.unit.handover", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="handover_id.company_id", store=True, index=True)
    item_id = fields.Many2one(
        "property.takeover.checklist.item", required=True, ondelete="restrict", check_company=True
    )
    area = fields.Selection(related="item_id.area", store=True)
    sequence = fields.Integer(default=10)
    result = fields.Selection(
        [("ok", "Conforms"), ("defect", "Defect"), ("na", "Not Applicable")],
    )
    note = fields.Char(help="What the owner pointed out: the rectification ticket describes it.")
    ticket_id = fields.Many2one(
        "property.ticket",
        string="Rectification Ticket",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )

    def _check_handover_open(self, handovers):
        if not self.env.su and any(h.state == "done" for h in handovers):
            raise UserError(
                self.env._("The joint inspection of a completed handover cannot be changed.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        self._check_handover_open(lines.handover_id)
        return lines

    def write(self, vals):
        self._check_handover_open(self.handover_id)
        res = super().write(vals)
        if "handover_id" in vals:
            self._check_handover_open(self.handover_id)
        return res

    def unlink(self):
        self._check_handover_open(self.handover_id)
        return super().unlink()
