from odoo import api, fields, models


class PropertyTicket(models.Model):
    _inherit = "property.ticket"

    storm_alert_id = fields.Many2one(
        "property.storm.alert",
        index="btree_not_null",
        readonly=True,
        copy=False,
        check_company=True,
        help="The storm alert active when this hazard was found: the finding is urgent and "
        "reported to the project's supervisor at once (S0 3.6.4).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.context.get("property_storm_findings"):
            # Findings of patrols and inspections while a storm alert is active for the project.
            projects = self.env["property.project"].browse(
                {vals["project_id"] for vals in vals_list if vals.get("project_id")}
            )
            alerts = self.env["property.storm.alert"]._active_by_project(projects)
            for vals in vals_list:
                alert = alerts.get(vals.get("project_id"))
                if alert and not vals.get("storm_alert_id"):
                    vals["storm_alert_id"] = alert.id
        alert_ids = {vals["storm_alert_id"] for vals in vals_list if vals.get("storm_alert_id")}
        active = (
            self.env["property.storm.alert"]
            .sudo()
            .browse(alert_ids)
            .filtered(lambda alert: alert.state == "active")
        )
        for vals in vals_list:
            if vals.get("storm_alert_id") in active.ids and vals.get("priority", "0") < "1":
                # S0 3.6.4: a hazard found during a storm is urgent.
                vals["priority"] = "1"
        tickets = super().create(vals_list)
        if active:  # nothing to read again for the tickets of no active alert
            tickets.filtered(
                lambda t: t.storm_alert_id.id in active.ids and t.priority >= "1"
            )._notify_storm_hazard()
        return tickets

    def _notify_storm_hazard(self):
        """S0 3.6.4 "立即向控制中心或上級報告": the project's supervisor (else its manager, else
        who raised the alert) gets an activity due today and follows the finding; the alert's
        log lists it."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        for ticket in self:
            alert = ticket.storm_alert_id.sudo()
            superior = (ticket.project_id._get_escalation_user() or alert.raised_by_id).with_env(
                self.env
            )
            if superior:
                ticket.message_subscribe(partner_ids=superior.partner_id.ids)
                if superior != ticket.department_id.leader_id:
                    ticket.activity_schedule(
                        activity_type_id=todo.id,
                        user_id=superior.id,
                        date_deadline=fields.Date.context_today(ticket),
                        summary=self.env._(
                            "Storm hazard: %(ticket)s (%(alert)s)",
                            ticket=ticket.name,
                            alert=alert.name,
                        ),
                        note=self.env._(
                            "A hazard was found during the storm: send help at once to keep "
                            "the losses as small as possible."
                        ),
                    )
            # sudo: guards read the alert but do not write on it.
            alert.message_post(
                body=self.env._(
                    "Hazard found: %(ticket)s %(title)s",
                    ticket=ticket.name,
                    title=ticket.title,
                ),
                subtype_xmlid="mail.mt_note",
            )
