from ast import literal_eval
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _inherit = "account.move"

    property_period = fields.Date(
        string="Fee Period", index="btree_not_null", readonly=True, copy=False
    )
    property_butler_ids = fields.Many2many(
        "res.users",
        compute="_compute_property_butler_ids",
        search="_search_property_butler_ids",
        string="Butlers",
    )

    property_unit_ids = fields.Many2many(
        "property.unit",
        compute="_compute_property_unit_ids",
        search="_search_property_unit_ids",
        string="Units",
    )

    def _compute_property_unit_ids(self):
        for move in self:
            move.property_unit_ids = move.invoice_line_ids.property_unit_id

    def _search_property_unit_ids(self, operator, value):
        return [("invoice_line_ids.property_unit_id", operator, value)]

    @api.model
    def action_property_fee_invoices(self):
        """Fee Invoices, on the user's own grid when he owns one (butler or backup)."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_billing.account_move_action_property_fees"
        )
        user = self.env.user
        owns_grid = self.env["property.grid"].search_count(
            ["|", ("butler_id", "=", user.id), ("backup_butler_id", "=", user.id)], limit=1
        )
        context = dict(literal_eval(action.get("context") or "{}"))
        if owns_grid:
            context["search_default_filter_my_grid"] = 1
        action["context"] = context
        return action

    def _compute_property_butler_ids(self):
        for move in self:
            move.property_butler_ids = move.invoice_line_ids.property_unit_id.butler_id

    def _search_property_butler_ids(self, operator, value):
        return [("invoice_line_ids.property_unit_id.butler_id", operator, value)]

    def action_property_confirm(self):
        """The butler confirms the fee invoices of their grid: they are posted.

        Butlers have no accounting rights: once it is checked that every unit billed is in
        their grid (supervisors: any), the posting runs as superuser."""
        user = self.env.user
        supervisor = user.has_group("property_butler.property_butler_group_supervisor")
        for move in self:
            if not move.property_period or move.state != "draft":
                raise UserError(self.env._("%s is not a draft fee invoice.", move.display_name))
            units = move.sudo().invoice_line_ids.property_unit_id
            if not supervisor and units.filtered(
                lambda u: user not in (u.grid_id.butler_id | u.grid_id.backup_butler_id)
            ):
                raise UserError(
                    self.env._(
                        "%s bills units outside your grid: ask their butler or a supervisor.",
                        move.display_name,
                    )
                )
        self.sudo()._property_post_fee_invoices(user)
        return True

    def _property_post_fee_invoices(self, user):
        """Post fee invoices in batch: each customer follows his invoice (added in one insert
        instead of one subscription per invoice) and one line in the chatter says who confirmed
        it, instead of a tracking message per invoice."""
        self.env["mail.followers"]._property_add_batch(
            self, {move.id: move.partner_id for move in self}
        )
        # Their lines are kept in sync at every write of the draft; posting in the company's
        # currency changes no amount, so the dynamic lines are not computed all over again.
        in_company_currency = self.filtered(lambda m: m.currency_id == m.company_currency_id)
        in_company_currency.with_context(
            tracking_disable=True, skip_invoice_sync=True
        ).action_post()
        (self - in_company_currency).with_context(tracking_disable=True).action_post()
        self._message_log_batch(
            {
                move.id: Markup("<p>%s</p>")
                % self.env._("Fee invoice confirmed by %(name)s.", name=user.name)
                for move in self
            }
        )

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        posted.filtered(
            lambda m: m.move_type == "out_invoice" and m.invoice_line_ids.property_fee_type_id
        )._property_consume_prepayments()
        return posted

    def _property_consume_prepayments(self):
        """Pay the fee invoices just posted from their customers' prepayments still open, the
        oldest prepayment and the earliest month first (a partial payment when it runs out)."""
        if not self:
            return
        Line = self.env["account.move.line"]
        credits = Line.search(
            [
                ("move_id.origin_payment_id.property_prepayment", "=", True),
                ("partner_id", "in", self.commercial_partner_id.ids),
                ("company_id", "in", self.company_id.ids),
                ("account_id.account_type", "=", "asset_receivable"),
                ("parent_state", "=", "posted"),
                ("reconciled", "=", False),
                ("amount_residual", "<", 0),
            ],
            order="date, id",
        )
        if not credits:
            return
        available = defaultdict(lambda: Line)
        for credit in credits:
            available[(credit.partner_id, credit.account_id)] |= credit
        for move in self.sorted(lambda m: (m.property_period or m.invoice_date, m.id)):
            for line in move.line_ids.filtered(
                lambda line: (
                    line.account_id.account_type == "asset_receivable" and not line.reconciled
                )
            ):
                key = (line.partner_id, line.account_id)
                open_credits = available[key].filtered(lambda credit: not credit.reconciled)
                if open_credits:
                    (line | open_credits).reconcile()
                available[key] = open_credits

    def _property_period_label(self):
        self.ensure_one()
        return fields.Date.to_string(self.property_period)[:7] if self.property_period else ""
