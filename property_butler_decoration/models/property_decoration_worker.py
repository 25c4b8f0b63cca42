from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyDecorationWorker(models.Model):
    """A worker of a decoration permit, with the temporary pass (出入證) guards check."""

    _name = "property.decoration.worker"
    _description = "Decoration Worker"
    _order = "permit_id, name, id"
    _check_company_auto = True

    permit_id = fields.Many2one(
        "property.decoration.permit",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    unit_id = fields.Many2one(related="permit_id.unit_id", store=True, index=True)
    company_id = fields.Many2one(
        related="permit_id.company_id", store=True, index=True, precompute=True
    )
    permit_state = fields.Selection(related="permit_id.state", string="Permit Status")
    name = fields.Char(required=True)
    id_number = fields.Char(string="ID Number", required=True)
    phone = fields.Char()
    trade = fields.Char(help="e.g. electrician, plumber, tiler, carpenter.")
    pass_number = fields.Char(required=True, index=True)
    pass_expiry = fields.Date(string="Pass Valid Until", required=True)
    hot_work_certificate = fields.Char(
        string="Hot-work Certificate",
        help="Number of the operator certificate (上崗證) required for hot work such as welding.",
    )
    pass_expired = fields.Boolean(
        compute="_compute_pass_expired",
        search="_search_pass_expired",
        help="The pass has expired today: it must be confiscated and the front desk told.",
    )

    _sql_constraints = [
        (
            "permit_pass_uniq",
            "unique(permit_id, pass_number)",
            "This pass number is already on this permit.",
        ),
    ]

    def _pass_expired_on(self, day):
        self.ensure_one()
        return bool(self.pass_expiry and day and self.pass_expiry < day)

    @api.depends("pass_expiry")
    def _compute_pass_expired(self):
        today = fields.Date.context_today(self)
        for worker in self:
            worker.pass_expired = worker._pass_expired_on(today)

    def _search_pass_expired(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on expired passes."))
        today = fields.Date.context_today(self)
        expired = (operator == "=") == bool(value)
        return [("pass_expiry", "<" if expired else ">=", today)]

    @api.depends("name", "pass_number")
    def _compute_display_name(self):
        for worker in self:
            worker.display_name = (
                f"{worker.name} ({worker.pass_number})" if worker.pass_number else worker.name
            )
