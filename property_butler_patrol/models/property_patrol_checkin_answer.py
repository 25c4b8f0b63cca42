from odoo import fields, models


class PropertyPatrolCheckinAnswer(models.Model):
    _name = "property.patrol.checkin.answer"
    _description = "Patrol Check-in Answer"
    _order = "checkin_id, id"

    checkin_id = fields.Many2one(
        "property.patrol.checkin", required=True, ondelete="cascade", index=True
    )
    item_id = fields.Many2one("property.checklist.item", required=True, ondelete="restrict")
    ok = fields.Boolean(string="OK", default=True)
    note = fields.Char()
