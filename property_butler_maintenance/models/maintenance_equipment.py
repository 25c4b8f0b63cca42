from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MaintenanceEquipment(models.Model):
    """Equipment of an estate (lift, pump, fire panel …), located by project, building and
    patrol checkpoint."""

    _inherit = "maintenance.equipment"

    property_project_id = fields.Many2one(
        "property.project",
        string="Project",
        index="btree_not_null",
        check_company=True,
        tracking=True,
        ondelete="restrict",
    )
    # "=?": before a project is chosen (a New form) every building and checkpoint is offered;
    # choosing one fills in the project.
    property_building_id = fields.Many2one(
        "property.building",
        string="Building",
        index="btree_not_null",
        check_company=True,
        tracking=True,
        ondelete="restrict",
        domain="[('project_id', '=?', property_project_id)]",
    )
    property_checkpoint_id = fields.Many2one(
        "property.checkpoint",
        string="Checkpoint",
        index="btree_not_null",
        check_company=True,
        tracking=True,
        ondelete="restrict",
        domain="[('project_id', '=?', property_project_id), '|', ('building_id', '=', False), "
        "('building_id', '=?', property_building_id)]",
        help="The patrol checkpoint where the equipment stands: findings of its checks can "
        "name it.",
    )
    property_ticket_ids = fields.One2many(
        "property.ticket", "equipment_id", string="Findings and Tickets"
    )
    property_ticket_count = fields.Integer(
        string="Findings", compute="_compute_property_ticket_count"
    )
    preventive_plan_count = fields.Integer(
        string="Preventive Plans", compute="_compute_preventive_plan_count"
    )

    def _compute_property_ticket_count(self):
        counts = dict(
            self.env["property.ticket"]._read_group(
                [("equipment_id", "in", self.ids)], ["equipment_id"], ["__count"]
            )
        )
        for equipment in self:
            equipment.property_ticket_count = counts.get(equipment, 0)

    def _preventive_plan_domain(self):
        return [
            ("equipment_id", "in", self.ids),
            ("maintenance_type", "=", "preventive"),
            ("recurring_maintenance", "=", True),
            ("stage_id.done", "=", False),
            ("archive", "=", False),
        ]

    def _compute_preventive_plan_count(self):
        counts = dict(
            self.env["maintenance.request"]._read_group(
                self._preventive_plan_domain(), ["equipment_id"], ["__count"]
            )
        )
        for equipment in self:
            equipment.preventive_plan_count = counts.get(equipment, 0)

    @api.onchange("property_project_id")
    def _onchange_property_project_id(self):
        if self.property_project_id:
            self.company_id = self.property_project_id.company_id
        if self.property_building_id.project_id != self.property_project_id:
            self.property_building_id = False
        if self.property_checkpoint_id.project_id != self.property_project_id:
            self.property_checkpoint_id = False

    @api.onchange("property_building_id")
    def _onchange_property_building_id(self):
        building = self.property_building_id
        if building:
            self.property_project_id = building.project_id
            self.company_id = building.company_id
            checkpoint_building = self.property_checkpoint_id.building_id
            if checkpoint_building and checkpoint_building != building:
                self.property_checkpoint_id = False

    @api.onchange("property_checkpoint_id")
    def _onchange_property_checkpoint_id(self):
        checkpoint = self.property_checkpoint_id
        if checkpoint:
            self.property_project_id = checkpoint.project_id
            self.company_id = checkpoint.company_id
            if checkpoint.building_id:
                self.property_building_id = checkpoint.building_id

    @api.constrains("property_project_id", "property_building_id", "property_checkpoint_id")
    def _check_property_location(self):
        for equipment in self:
            project = equipment.property_project_id
            building = equipment.property_building_id
            checkpoint = equipment.property_checkpoint_id
            if (building or checkpoint) and not project:
                raise ValidationError(
                    self.env._("Equipment %s: choose the project of its location.", equipment.name)
                )
            if building and building.project_id != project:
                raise ValidationError(
                    self.env._(
                        "Equipment %(equipment)s: building %(building)s is not in project "
                        "%(project)s.",
                        equipment=equipment.name,
                        building=building.display_name,
                        project=project.display_name,
                    )
                )
            if checkpoint and checkpoint.project_id != project:
                raise ValidationError(
                    self.env._(
                        "Equipment %(equipment)s: checkpoint %(checkpoint)s is not in project "
                        "%(project)s.",
                        equipment=equipment.name,
                        checkpoint=checkpoint.display_name,
                        project=project.display_name,
                    )
                )
            if checkpoint.building_id and building and checkpoint.building_id != building:
                raise ValidationError(
                    self.env._(
                        "Equipment %(equipment)s: checkpoint %(checkpoint)s is in another "
                        "building than %(building)s.",
                        equipment=equipment.name,
                        checkpoint=checkpoint.display_name,
                        building=building.display_name,
                    )
                )

    def action_view_property_tickets(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Findings and Tickets"),
            "res_model": "property.ticket",
            "view_mode": "list,form",
            "domain": [("equipment_id", "=", self.id)],
            "context": {"default_equipment_id": self.id},
        }

    def action_view_preventive_plans(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Preventive Plans"),
            "res_model": "maintenance.request",
            "view_mode": "list,form,calendar",
            "domain": self._preventive_plan_domain(),
            "context": self._preventive_plan_context(),
        }

    def _preventive_plan_context(self):
        return {
            "default_equipment_id": self.id,
            "default_maintenance_type": "preventive",
            "default_recurring_maintenance": True,
            "default_repeat_interval": 1,
            "default_repeat_unit": "month",
            "default_repeat_type": "forever",
            "default_company_id": self.company_id.id,
        }

    def action_plan_preventive_maintenance(self):
        """A new recurring preventive request of this equipment: Maintenance schedules the next
        one each time a request of the plan is done."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Plan Preventive Maintenance"),
            "res_model": "maintenance.request",
            "view_mode": "form",
            "target": "current",
            "context": {
                **self._preventive_plan_context(),
                "default_name": self.env._("Preventive maintenance of %s", self.name),
            },
        }

    def _property_of_other_company(self, company):
        """Whether this equipment belongs to another company than ``company`` (equipment of
        no company serves them all; nor does a record of no company refuse any)."""
        self.ensure_one()
        return bool(company) and self.company_id not in (company, company.browse())
