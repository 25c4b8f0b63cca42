from odoo import fields, models


class MaintenanceRequest(models.Model):
    _inherit = "maintenance.request"

    property_ticket_id = fields.Many2one(
        "property.ticket",
        string="Finding",
        index="btree_not_null",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The patrol or inspection finding that raised this request.",
    )
    property_project_id = fields.Many2one(
        related="equipment_id.property_project_id", string="Project", store=True, index=True
    )
    property_building_id = fields.Many2one(
        related="equipment_id.property_building_id", string="Building", store=True
    )

    _sql_constraints = [
        (
            "property_ticket_uniq",
            "unique(property_ticket_id)",
            "A finding raises one maintenance request.",
        ),
    ]
