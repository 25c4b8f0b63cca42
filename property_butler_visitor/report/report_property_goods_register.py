from odoo import api, models

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

from .report_property_visitor_register import day_groups


class ReportPropertyGoodsRegister(models.AbstractModel):
    """物品出入登記表: the release notes by project and day."""

    _name = "report.property_butler_visitor.property_goods_release_report_register"
    _inherit = ["property.report.mixin"]
    _table = "report_property_goods_register"
    _description = "Goods Log Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        notes = values["docs"].sorted(lambda note: (note.project_id.id, note.date, note.id))
        values["groups"] = day_groups(notes, lambda note: note.date, DEFAULT_TZ)
        values["tz_name"] = self.env.user.tz or DEFAULT_TZ
        # The resident's name only for those who may read residents (not the guards: they
        # check the note by its number, unit and items).
        partners = notes.mapped(lambda note: note.partner_id.id)
        values["readable_partner_ids"] = set(
            self.env["res.partner"].search([("id", "in", [p for p in partners if p])]).ids
        )
        return values
