from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step

ITEMS = [
    # name, consignor, price, minimum, received at the start
    ("电影票（万达影城 2D）", "万达影城", 35.0, 10, 60),
    ("电影票（万达影城 3D IMAX）", "万达影城", 60.0, 5, 20),
    ("桶装水水票", "怡宝桶装水站", 15.0, 20, 100),
]


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_consignment(self):
        """Consigned items with the stock received, a week of sales and the daily cash
        hand-overs (one with a difference explained); today's sales not handed over yet."""
        project = self._demo_project()
        Item = self.env["property.consignment.item"]
        if not project or Item.search_count([("project_id", "=", project.id)], limit=1):
            return
        rng = self._demo_rng("consignment")
        today = fields.Date.context_today(self)
        start = today - timedelta(days=7)
        users = self.env["res.users"].search([("login", "in", ("frontdesk", "frontdesk2"))])
        clerks = list(users) or [self.env.user]
        cashier = (
            self.env["res.users"].search([("login", "=", "supervisor")], limit=1) or self.env.user
        )
        consignors = {
            name: partner
            for name, partner in zip(
                {row[1] for row in ITEMS},
                self.env["res.partner"].create(
                    [{"name": name, "is_company": True} for name in {row[1] for row in ITEMS}]
                ),
                strict=True,
            )
        }
        items = Item.create(
            [
                {
                    "name": name,
                    "project_id": project.id,
                    "consignor_id": consignors[consignor].id,
                    "price": price,
                    "min_stock": minimum,
                    "responsible_id": clerks[0].id,
                    "move_ids": [
                        fields.Command.create(
                            {"date": start, "quantity": received, "reference": "送货单 001"}
                        )
                    ],
                }
                for name, consignor, price, minimum, received in ITEMS
            ]
        )
        left = {item: row[4] for item, row in zip(items, ITEMS, strict=True)}
        Sale = self.env["property.consignment.sale"]
        Handover = self.env["property.consignment.handover"]
        for offset in range(7, -1, -1):
            day = today - timedelta(days=offset)
            clerk = clerks[offset % len(clerks)]
            vals_list = []
            for item in items:
                for _i in range(rng.randint(0, 3)):
                    quantity = min(rng.choice([1, 1, 2, 2, 3]), left[item] - 1)
                    if quantity < 1:
                        continue
                    left[item] -= quantity
                    vals_list.append(
                        {
                            "item_id": item.id,
                            "date": day,
                            "quantity": quantity,
                            "buyer": rng.choice(["", "1-2-1502", "3-5-301", ""]) or False,
                        }
                    )
            Sale.with_user(clerk).create(vals_list)
            if offset == 3:
                left[items[0]] += 40
                # The cinema brought more 2D tickets, short of stock.
                self.env["property.consignment.move"].create(
                    {"item_id": items[0].id, "date": day, "quantity": 40, "reference": "送货单 002"}
                )
            if not offset:
                continue  # today's takings are handed over tonight
            handover = Handover.with_user(clerk).create({"project_id": project.id, "date": day})
            vals = {"cashier_id": cashier.id, "amount_handed": handover.amount_expected}
            if offset == 5:
                vals.update(
                    amount_handed=handover.amount_expected - 35,
                    explanation="少收一张 2D 票款，当班前台已补交至出纳处。",
                )
            handover.write(vals)
            handover.with_user(clerk).action_confirm()
