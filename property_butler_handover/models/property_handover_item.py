from odoo import api, fields, models
from odoo.exceptions import UserError

ITEM_STATES = [
    ("open", "Open"),
    ("closed", "Closed"),
]

# What may still change on the items of a log that was handed over: closing them.
CLOSING_FIELDS = {"state", "closed_by_id", "closed_on", "closing_note"}


class PropertyHandoverItem(models.Model):
    """A matter handed over to the next shift (a letter not picked up, a broken light...).

    An open item passes from log to log (``carried_from_id``) until someone closes it."""

    _name = "property.handover.item"
    _description = "Handover Item"
    _inherit = ["property.company.mixin"]
    _order = "log_id, sequence, id"
    _rec_name = "description"
    _check_company_auto = True

    log_id = fields.Many2one(
        "property.handover.log",
        string="Handover",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="log_id.company_id", store=True, index=True, precompute=True
    )
    kind = fields.Selection(related="log_id.kind")
    project_id = fields.Many2one(related="log_id.project_id")
    log_state = fields.Selection(related="log_id.state", string="Handover Status")
    date_acknowledged = fields.Datetime(related="log_id.date_acknowledged")
    sequence = fields.Integer(default=10)
    description = fields.Char(required=True)
    state = fields.Selection(ITEM_STATES, default="open", required=True, index=True)
    date_opened = fields.Datetime(
        string="Open Since",
        default=fields.Datetime.now,
        help="When the matter was first handed over; carried items keep the original date.",
    )
    carried_from_id = fields.Many2one(
        "property.handover.item",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        check_company=True,
        help="The item of the previous handover that this one continues.",
    )
    carried_from_log_id = fields.Many2one(related="carried_from_id.log_id", string="From Handover")
    carried_to_ids = fields.One2many("property.handover.item", "carried_from_id", readonly=True)
    closed_by_id = fields.Many2one("res.users", readonly=True)
    closed_on = fields.Datetime(readonly=True)
    closing_note = fields.Char()

    @api.model_create_multi
    def create(self, vals_list):
        log_ids = {vals.get("log_id") for vals in vals_list}
        logs = self.env["property.handover.log"].browse(log_ids - {None, False})
        if logs.filtered(lambda log: log.state != "draft"):
            raise UserError(
                self.env._("Items can only be added to a handover log before it is handed over.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - CLOSING_FIELDS and self.filtered(lambda i: i.log_id.state != "draft"):
            raise UserError(
                self.env._("The items of a handed-over log can only be closed, not changed.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda i: i.log_id.state != "draft"):
            raise UserError(self.env._("The items of a handed-over log stay on record."))

    def action_close(self):
        """Close the matter, here and in the earlier handovers it was carried from."""
        items = self.filtered(lambda i: i.state == "open")
        chain = items
        sources = items.carried_from_id
        while sources:
            chain |= sources
            sources = sources.carried_from_id - chain
        chain.filtered(lambda i: i.state == "open").write(
            {
                "state": "closed",
                "closed_by_id": self.env.user.id,
                "closed_on": fields.Datetime.now(),
            }
        )
        return True

    def action_reopen(self):
        self.filtered(lambda i: i.state == "closed").write(
            {"state": "open", "closed_by_id": False, "closed_on": False}
        )
        return True
