from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_moves(self):
        """Two buyers moved into flats never occupied before this week and last week (completed at the front
        desk), and a household of the butler's grid about to move out (in progress)."""
        project = self._demo_project()
        Move = self.env["property.move"]
        if not project or Move.search_count([("project_id", "=", project.id)], limit=1):
            return
        today = fields.Date.context_today(self)
        vacant = self.env["property.unit"].search(
            [
                ("project_id", "=", project.id),
                ("unit_type", "=", "residential"),
                ("state", "=", "unsold"),
            ],
            order="code",
            limit=2,
        )
        partners = self.env["res.partner"].create(
            [{"name": "陈建国"}, {"name": "陈晓燕"}, {"name": "刘思远"}][: len(vacant) + 1]
        )
        checklist = {
            "identity_checked": True,
            "documents_received": True,
            "covenant_signed": True,
            "handbook_given": True,
            "debit_offered": True,
            "cards_issued": True,
        }
        vals_list = []
        if vacant:
            vals_list.append(
                {
                    "kind": "in",
                    "unit_id": vacant[0].id,
                    "partner_id": partners[0].id,
                    "member_ids": [fields.Command.set(partners[1:2].ids)],
                    "role": "owner",
                    "date": today - timedelta(days=8),
                    "debit_accepted": True,
                    "card_numbers": "0031201, 0031202",
                    **checklist,
                }
            )
        if len(vacant) > 1:
            vals_list.append(
                {
                    "kind": "in",
                    "unit_id": vacant[1].id,
                    "partner_id": partners[2].id,
                    "role": "owner",
                    "date": today - timedelta(days=1),
                    "card_numbers": "0031215",
                    **checklist,
                }
            )
        moves_in = Move.create(vals_list)
        moves_in.action_done()
        leaving = self.env["property.occupancy"].search(
            [
                ("project_id", "=", project.id),
                ("role", "=", "tenant"),
                ("date_end", "=", False),
                ("unit_id.grid_id", "!=", False),
            ],
            order="id",
            limit=1,
        )
        if leaving:
            Move.create(
                {
                    "kind": "out",
                    "unit_id": leaving.unit_id.id,
                    "date": today + timedelta(days=3),
                    "occupancy_ids": [fields.Command.set(leaving.ids)],
                    "deposit_amount": 2000.0,
                    "card_numbers": "0020417",
                    "goods_items": "沙发一套、冰箱一台、纸箱十二个",
                    "note": "租约到期，住户预约周六上午搬家",
                }
            )
