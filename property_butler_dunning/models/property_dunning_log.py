from odoo import api, fields, models

LOG_CHANNELS = [
    ("phone", "Phone"),
    ("visit", "Home Visit"),
    ("sms", "SMS"),
    ("letter", "Letter"),
    ("portal", "Portal"),
]


class PropertyDunningLog(models.Model):
    """One contact with a non-payer: a line of 《物管費催收記錄表》."""

    _name = "property.dunning.log"
    _description = "Dunning Log Entry"
    _order = "date desc, id desc"
    _check_company_auto = True
    _rec_name = "summary"

    case_id = fields.Many2one(
        "property.dunning.case", required=True, index=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)
    unit_id = fields.Many2one(related="case_id.unit_id", store=True)
    grid_id = fields.Many2one(related="case_id.grid_id", store=True)
    partner_id = fields.Many2one(related="case_id.partner_id")
    stage_id = fields.Many2one(
        "property.dunning.stage",
        readonly=True,
        help="The case's stage when the contact was made.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    butler_id = fields.Many2one(
        "res.users", string="By", required=True, default=lambda self: self.env.user
    )
    channel = fields.Selection(LOG_CHANNELS, required=True, default="phone")
    summary = fields.Text(string="What Was Said", required=True)
    statement_received = fields.Boolean(string="Statement Arrived")
    promised_date = fields.Date(string="Promised Payment Date")
    reason_id = fields.Many2one("property.dunning.reason", check_company=True)

    @api.model_create_multi
    def create(self, vals_list):
        cases = self.env["property.dunning.case"].browse(
            {vals["case_id"] for vals in vals_list if vals.get("case_id")}
        )
        stage_of = {case.id: case.stage_id.id for case in cases}
        for vals in vals_list:
            vals.setdefault("stage_id", stage_of.get(vals.get("case_id")))
        logs = super().create(vals_list)
        logs._update_cases()
        return logs

    def _update_cases(self):
        """What the contact learned becomes the case's latest knowledge."""
        for log in self.sorted(lambda entry: (entry.date, entry.id)):
            vals = {}
            if log.statement_received:
                vals["statement_received"] = True
            if log.promised_date:
                vals["promised_date"] = log.promised_date
            if log.reason_id and log.reason_id != log.case_id.reason_id:
                vals["reason_id"] = log.reason_id.id
            if vals:
                log.case_id.write(vals)
