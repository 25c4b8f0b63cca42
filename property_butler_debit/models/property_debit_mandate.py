from odoo import api, fields, models
from odoo.exceptions import ValidationError

MANDATE_STATES = [
    ("draft", "Draft"),
    ("active", "Active"),
    ("suspended", "Suspended"),
    ("cancelled", "Cancelled"),
]


class PropertyDebitMandate(models.Model):
    """An owner's authorisation to debit the fees from a bank account every week."""

    _name = "property.debit.mandate"
    _description = "Bank Auto-Debit Mandate"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        "Reference", required=True, copy=False, readonly=True, default="/", index=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Owner", required=True, index=True, check_company=True, tracking=True
    )
    bank_account_id = fields.Many2one(
        "res.partner.bank",
        required=True,
        check_company=True,
        domain="[('partner_id', '=', partner_id)]",
        tracking=True,
    )
    date = fields.Date(
        string="Mandate Date", required=True, default=fields.Date.context_today, tracking=True
    )
    state = fields.Selection(
        MANDATE_STATES, required=True, default="draft", tracking=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    line_ids = fields.One2many("property.debit.line", "mandate_id", string="Debits")

    _sql_constraints = [
        ("name_company_uniq", "UNIQUE(name, company_id)", "A mandate reference must be unique."),
    ]

    def init(self):
        self.env.cr.execute(
            """CREATE UNIQUE INDEX IF NOT EXISTS property_debit_mandate_active_partner_uniq
                   ON property_debit_mandate (partner_id, company_id) WHERE state = 'active'"""
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.debit.mandate") or "/"
        return super().create(vals_list)

    @api.constrains("partner_id", "bank_account_id")
    def _check_bank_account(self):
        for mandate in self:
            if mandate.bank_account_id.partner_id != mandate.partner_id:
                raise ValidationError(
                    self.env._(
                        "The bank account %(account)s of mandate %(mandate)s does not belong to "
                        "%(partner)s.",
                        account=mandate.bank_account_id.display_name,
                        mandate=mandate.name,
                        partner=mandate.partner_id.display_name,
                    )
                )

    @api.constrains("state", "partner_id", "company_id")
    def _check_one_active(self):
        active = self.filtered(lambda m: m.state == "active")
        if not active:
            return
        groups = self._read_group(
            [
                ("state", "=", "active"),
                ("partner_id", "in", active.partner_id.ids),
                ("company_id", "in", active.company_id.ids),
            ],
            ["partner_id", "company_id"],
            ["__count"],
        )
        dupes = [partner for partner, _company, count in groups if count > 1]
        if dupes:
            raise ValidationError(
                self.env._(
                    "An owner has one active auto-debit mandate at a time: %s.",
                    ", ".join(p.display_name for p in dupes),
                )
            )

    def action_activate(self):
        others = self.search(
            [
                ("state", "=", "active"),
                ("partner_id", "in", self.partner_id.ids),
                ("id", "not in", self.ids),
            ]
        )
        clash = others.partner_id & self.partner_id
        if clash or len(self.partner_id) < len(self):
            raise ValidationError(
                self.env._(
                    "An owner has one active auto-debit mandate at a time: %s.",
                    ", ".join(clash.mapped("display_name")) or self.partner_id[:1].display_name,
                )
            )
        self.write({"state": "active"})

    def action_suspend(self):
        self.write({"state": "suspended"})

    def action_cancel(self):
        self.write({"state": "cancelled"})

    def action_draft(self):
        self.write({"state": "draft"})
