from odoo import api, fields, models

from .property_custody_contract import TEMPLATE


class PropertyInspection(models.Model):
    _inherit = "property.inspection"

    custody_contract_id = fields.Many2one(
        "property.custody.contract",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
        readonly=True,
        help="The home custody contract whose monthly inspection this is.",
    )

    @api.model
    def _create_custody_inspections(self, contracts, day):
        """The month's custody inspection of those active ``contracts`` that have none yet, for
        their butler, due at the month's end, the contract's scope as checklist."""
        template = self.env.ref(TEMPLATE)
        contracts = contracts.filtered(
            lambda c: (
                c.state == "active"
                and c.date_start <= day
                and (not c.date_end or c.date_end >= day)
            )
        )
        if not template.active or not contracts:
            return self.browse()
        period = day.strftime("%Y-%m")
        done = self.search(
            [
                ("template_id", "=", template.id),
                ("period", "=", period),
                ("unit_id", "in", contracts.unit_id.ids),
            ]
        ).unit_id
        todo = contracts.filtered(lambda c: c.unit_id not in done)
        return self.create(
            [
                {
                    "template_id": template.id,
                    "unit_id": contract.unit_id.id,
                    "custody_contract_id": contract.id,
                    "user_id": (contract.user_id or contract.unit_id.project_id.supervisor_id).id,
                    "date_planned": day,
                    "date_deadline": fields.Date.end_of(day, "month"),
                    "period": period,
                    "line_ids": [
                        fields.Command.create(
                            {
                                "item_id": item.id,
                                "category": item.category,
                                "name": item.name,
                                "sequence": item.sequence,
                            }
                        )
                        for item in contract.scope_item_ids.sorted("sequence")
                    ],
                }
                for contract in todo
            ]
        )

    def action_done(self):
        result = super().action_done()
        self.filtered("custody_contract_id")._report_to_custody_owner()
        return result

    def _report_to_custody_owner(self):
        """The owner of the home in custody is told the month's result (a message on the
        contract, e-mailed to them)."""
        for inspection in self:
            contract = inspection.custody_contract_id
            problems = inspection.line_ids.filtered(lambda line: line.result == "problem")
            body = (
                self.env._(
                    "Home custody: we looked after %(unit)s on %(date)s (%(items)s): "
                    "everything is in order.",
                    unit=inspection.unit_id.code,
                    date=inspection.date_done,
                    items=", ".join(inspection.line_ids.mapped("name")),
                )
                if not problems
                else self.env._(
                    "Home custody: we looked after %(unit)s on %(date)s and found: "
                    "%(problems)s. We are taking care of it.",
                    unit=inspection.unit_id.code,
                    date=inspection.date_done,
                    problems="; ".join(
                        f"{line.name}{': ' + line.note if line.note else ''}" for line in problems
                    ),
                )
            )
            contract.message_post(
                body=body,
                partner_ids=contract.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
            )
