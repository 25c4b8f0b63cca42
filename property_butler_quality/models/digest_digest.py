from odoo import fields, models
from odoo.exceptions import AccessError

GROUP = "property_butler.property_butler_group_"


class DigestDigest(models.Model):
    """The managers' periodic digest (Odoo's digest e-mail): the period's figures behind the
    quality targets: major complaints, major safety incidents, adopted ideas, plans submitted
    late and exams failed."""

    _inherit = "digest.digest"

    kpi_property_major_complaints = fields.Boolean("Major Complaints")
    kpi_property_major_complaints_value = fields.Integer(
        compute="_compute_kpi_property_values", export_string_translation=False
    )
    kpi_property_incidents = fields.Boolean("Emergency Incidents")
    kpi_property_incidents_value = fields.Integer(
        compute="_compute_kpi_property_values", export_string_translation=False
    )
    kpi_property_ideas_adopted = fields.Boolean("Adopted Ideas")
    kpi_property_ideas_adopted_value = fields.Integer(
        compute="_compute_kpi_property_values", export_string_translation=False
    )
    kpi_property_plans_late = fields.Boolean("Plans Submitted Late")
    kpi_property_plans_late_value = fields.Integer(
        compute="_compute_kpi_property_values", export_string_translation=False
    )
    kpi_property_exams_failed = fields.Boolean("Exams Failed")
    kpi_property_exams_failed_value = fields.Integer(
        compute="_compute_kpi_property_values", export_string_translation=False
    )

    def _property_kpis(self):
        """{value field: (model, date field, domain)} of the customer-service KPIs."""
        return {
            "kpi_property_major_complaints_value": (
                "property.ticket",
                "date_received",
                [("kind", "=", "complaint"), ("is_major", "=", True)],
            ),
            "kpi_property_incidents_value": ("property.incident", "date", []),
            "kpi_property_ideas_adopted_value": (
                "property.improvement.idea",
                "date_adopted",
                [("state", "=", "adopted")],
            ),
            "kpi_property_plans_late_value": (
                "property.work.plan",
                "date_due",
                [("is_late", "=", True)],
            ),
            "kpi_property_exams_failed_value": (
                "property.training.attendance",
                "date",
                [("session_state", "=", "done"), ("present", "=", True), ("passed", "=", False)],
            ),
        }

    def _compute_kpi_property_values(self):
        if not self.env.user.has_group(GROUP + "supervisor"):
            raise AccessError(
                self.env._("Do not have access, skip this data for user's digest email")
            )
        for field_name, (model, date_field, domain) in self._property_kpis().items():
            self._calculate_company_based_kpi(
                model, field_name, date_field=date_field, additional_domain=domain
            )

    def _compute_kpis_actions(self, company, user):
        res = super()._compute_kpis_actions(company, user)
        menu = self.env.ref("property_butler_management.property_butler_management_menu").id
        res.update(
            {
                "kpi_property_major_complaints": (
                    f"property_butler_ticket.property_ticket_action?menu_id={menu}"
                ),
                "kpi_property_incidents": (
                    f"property_butler_management.property_incident_action?menu_id={menu}"
                ),
                "kpi_property_ideas_adopted": (
                    f"property_butler_management.property_improvement_idea_action?menu_id={menu}"
                ),
                "kpi_property_plans_late": (
                    f"property_butler_management.property_work_plan_action?menu_id={menu}"
                ),
                "kpi_property_exams_failed": (
                    f"property_butler_training.property_training_attendance_action?menu_id={menu}"
                ),
            }
        )
        return res
