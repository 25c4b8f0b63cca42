from odoo import api, fields, models


class PropertyHandoverItem(models.Model):
    _inherit = "property.handover.item"

    parcel_id = fields.Many2one(
        "property.parcel",
        string="Mail or Parcel",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        check_company=True,
        help="The uncollected item of the mail register this matter is about.",
    )
    parcel_state = fields.Selection(related="parcel_id.state", string="Mail Status")

    @api.model_create_multi
    def create(self, vals_list):
        # An item carried to the next shift stays about the same parcel.
        source_ids = {
            vals["carried_from_id"]
            for vals in vals_list
            if vals.get("carried_from_id") and "parcel_id" not in vals
        }
        if source_ids:
            sources = {item.id: item.parcel_id.id for item in self.browse(source_ids)}
            for vals in vals_list:
                if vals.get("carried_from_id") and "parcel_id" not in vals:
                    vals["parcel_id"] = sources.get(vals["carried_from_id"], False)
        return super().create(vals_list)
