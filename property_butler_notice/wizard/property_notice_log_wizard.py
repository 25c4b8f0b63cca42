from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyNoticeLogWizard(models.TransientModel):
    """Print the notice log (公告登記表) of a period."""

    _name = "property.notice.log.wizard"
    _description = "Print Notice Log"

    date_from = fields.Date(
        required=True,
        default=lambda self: fields.Date.start_of(fields.Date.context_today(self), "month"),
    )
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    project_id = fields.Many2one("property.project", required=True)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise UserError(self.env._("The end date is before the start date."))

    def action_print(self):
        self.ensure_one()
        notices = self.env["property.notice"].search(
            [
                ("project_id", "=", self.project_id.id),
                ("state", "!=", "draft"),
                ("date_post", ">=", self.date_from),
                ("date_post", "<=", self.date_to),
            ],
            order="date_post, id",
        )
        if not notices:
            raise UserError(self.env._("No notice was posted in this period."))
        return self.env.ref(
            "property_butler_notice.property_notice_log_report_action"
        ).report_action(
            notices,
            data={
                "date_from": fields.Date.to_string(self.date_from),
                "date_to": fields.Date.to_string(self.date_to),
                "project": self.project_id.display_name,
            },
        )
