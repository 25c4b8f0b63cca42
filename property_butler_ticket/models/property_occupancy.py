from odoo import fields, models


class PropertyOccupancy(models.Model):
    _inherit = "property.occupancy"

    def _on_move_out(self):
        """People who moved out stop following their former unit's tickets, and the links they
        were e-mailed stop working (new access tokens)."""
        today = fields.Date.context_today(self)
        gone = self.filtered(lambda o: o.date_end and o.date_end < today)
        if not gone:
            return
        Ticket = self.env["property.ticket"].sudo()
        tickets = Ticket.search(
            [
                ("unit_id", "in", gone.unit_id.ids),
                ("message_partner_ids", "in", gone.partner_id.ids),
            ]
        )
        for occupancy in gone:
            still_there = occupancy.unit_id.occupancy_ids.filtered(
                lambda o, p=occupancy.partner_id: o.partner_id == p and o._is_current(today)
            )
            if still_there:
                continue
            mine = tickets.filtered(lambda t, o=occupancy: t.unit_id == o.unit_id)
            mine.message_unsubscribe(partner_ids=occupancy.partner_id.ids)
        tickets.write({"access_token": False})
