from collections import defaultdict

from odoo import models


class PropertyPatrolCheckin(models.Model):
    _inherit = "property.patrol.checkin"

    def _raise_findings(self):
        """A finding about equipment names it (and so raises its maintenance request): the
        equipment of the failed check, else for a problem remark the checkpoint's only
        equipment. Findings are made in the order of the failed answers, then the remark."""
        tickets = super()._raise_findings()
        # sudo: guards check in but may not read the equipment register. One write per piece
        # of equipment (each raises the requests of its tickets at once).
        by_equipment = defaultdict(lambda: self.env["property.ticket"].sudo())
        raised = tickets.sudo()
        for checkin in self.sudo():
            equipment = checkin.checkpoint_id.equipment_ids
            found = [
                a.item_id.equipment_id for a in checkin.answer_ids.filtered(lambda a: not a.ok)
            ]
            if checkin.is_problem and checkin.remark:
                found.append(equipment if len(equipment) == 1 else equipment.browse())
            own = raised.filtered(lambda t, c=checkin: t.patrol_checkin_id == c)
            for ticket, item_equipment in zip(own.sorted("id"), found, strict=False):
                if item_equipment:
                    by_equipment[item_equipment] |= ticket
        for item_equipment, equipment_tickets in by_equipment.items():
            equipment_tickets.equipment_id = item_equipment
        return tickets
