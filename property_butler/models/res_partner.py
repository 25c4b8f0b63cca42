from collections import defaultdict

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression

# Contexts that add details (address, e-mail, tax id) to a contact's display name.
DETAILED_NAME_KEYS = ("show_address", "show_email", "show_vat", "address_inline")


class ResPartner(models.Model):
    _inherit = "res.partner"

    property_occupancy_ids = fields.One2many(
        "property.occupancy", "partner_id", string="Occupancies"
    )
    property_unit_ids = fields.Many2many(
        "property.unit",
        compute="_compute_property_units",
        string="Units",
        help="Units this contact currently owns, rents or lives in.",
    )
    property_unit_count = fields.Integer(compute="_compute_property_units", string="Unit Count")
    property_butler_ids = fields.Many2many(
        "res.users",
        compute="_compute_property_units",
        search="_search_property_butler_ids",
        string="Butlers",
        help="Butlers (and backup butlers) of the grids of this contact's current units.",
    )
    property_is_resident = fields.Boolean(
        compute="_compute_property_units",
        search="_search_property_is_resident",
        string="Is a Resident",
    )
    property_client_company_ids = fields.Many2many(
        "res.company",
        "property_partner_client_company_rel",
        "partner_id",
        "company_id",
        string="Client of",
        readonly=True,
        copy=False,
        help="The companies whose estate this contact is a client of without living there: a "
        "parking tenant, someone waiting for a space, an owner before the handover. Read like "
        "the companies' residents, not by everyone.",
    )
    # Who may read which residents (the record rules of res.partner, res.partner.bank and
    # mail.followers for the property roles): see _property_scope.
    property_staff_visible = fields.Boolean(
        compute="_compute_property_staff_visible",
        search="_search_property_staff_visible",
        string="Visible to Property Staff",
    )
    property_bank_visible = fields.Boolean(
        compute="_compute_property_bank_visible",
        search="_search_property_bank_visible",
        string="Bank Accounts Visible to Property Staff",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any("property_client_company_ids" in vals for vals in vals_list):
            raise AccessError(self.env._("Contacts become clients of an estate by its records."))
        return super().create(vals_list)

    def write(self, vals):
        # Who reads a client's contact follows from these companies: set by the records of the
        # estate's business with them (property.client.mixin), never by hand.
        if not self.env.su and "property_client_company_ids" in vals:
            raise AccessError(self.env._("Contacts become clients of an estate by its records."))
        return super().write(vals)

    @api.depends("property_occupancy_ids.date_start", "property_occupancy_ids.date_end")
    def _compute_property_units(self):
        today = fields.Date.context_today(self)
        for partner in self:
            current = partner.property_occupancy_ids.filtered(lambda o: o._is_current(today))
            units = current.unit_id
            partner.property_unit_ids = units
            partner.property_unit_count = len(units)
            partner.property_butler_ids = units.grid_id.butler_id | units.grid_id.backup_butler_id
            partner.property_is_resident = bool(current)

    def _search_property_butler_ids(self, operator, value):
        occupancy_domain = expression.AND(
            [
                self.env["property.occupancy"]._current_domain(),
                [
                    "|",
                    ("unit_id.grid_id.butler_id", operator, value),
                    ("unit_id.grid_id.backup_butler_id", operator, value),
                ],
            ]
        )
        return [("property_occupancy_ids", "any", occupancy_domain)]

    def _compute_property_staff_visible(self):
        # (record rules evaluate their domain on records in memory: one query here)
        visible = self.with_context(active_test=False).search(
            [("id", "in", self.ids), ("property_staff_visible", "=", True)]
        )
        for partner in self:
            partner.property_staff_visible = partner in visible

    def _compute_property_bank_visible(self):
        visible = self.with_context(active_test=False).search(
            [("id", "in", self.ids), ("property_bank_visible", "=", True)]
        )
        for partner in self:
            partner.property_bank_visible = partner in visible

    @api.model
    def _property_scope(self, bank=False):
        """The residents the current user may read, as a domain on res.partner (their bank
        accounts when ``bank``), or None for no restriction.

        Contacts that occupy no unit (companies, suppliers, staff) are readable by every role,
        but for the estate's clients who live elsewhere (a parking tenant, an owner before the
        handover: see property.client.mixin), read like the residents of their companies.
        Residents, by role:
        - supervisors and managers: those of the allowed companies;
        - butlers: those of their grids when the company restricts butlers to their grid,
          those of the allowed companies otherwise;
        - front desk: those of the allowed companies (look-up by unit), without bank accounts;
        - department staff: the residents of the tickets they can read, without bank accounts;
        - patrol guards: none (unit codes, permits, worker passes and rounds are enough).
        Butlers see the bank accounts of the residents they see, for the auto-debit mandates.
        Finance (invoicing) sees every customer."""
        user = self.env.user
        if self._property_scope_unrestricted():
            return None
        group = "property_butler.property_butler_group_"
        companies = [("company_id", "in", self.env.companies.ids)]
        # (the user's own contact is readable by the rules themselves)
        domain = [
            ("property_occupancy_ids", "=", False),
            ("property_client_company_ids", "=", False),
        ]
        occupancies = None
        if user.has_group(group + "supervisor"):
            occupancies = companies
        elif user.has_group(group + "butler"):
            occupancies = companies + [
                "|",
                ("company_id.property_grid_restricted", "=", False),
                "|",
                ("unit_id.grid_id.butler_id", "=", user.id),
                ("unit_id.grid_id.backup_butler_id", "=", user.id),
            ]
        elif user.has_group(group + "front_desk") and not bank:
            occupancies = companies
        if occupancies is not None:
            clients = [
                ("property_occupancy_ids", "=", False),
                ("property_client_company_ids", "in", self.env.companies.ids),
            ]
            domain = expression.OR(
                [domain, [("property_occupancy_ids", "any", occupancies)], clients]
            )
        return self._property_scope_extend(domain, bank)

    @api.model
    def _property_scope_unrestricted(self):
        """Whether the current user reads every contact (the billing addon adds finance)."""
        return self.env.uid == SUPERUSER_ID

    @api.model
    def _property_scope_extend(self, domain, bank):
        """The scope of ``_property_scope`` widened by the addons of the suite (the ticket
        addon adds the residents of the tickets department staff can read)."""
        return domain

    def _search_property_visible(self, operator, value, bank):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the visibility of contacts."))
        domain = self._property_scope(bank=bank)
        if domain is None:
            domain = expression.TRUE_DOMAIN
        return domain if (operator == "=") == value else ["!", *domain]

    def _search_property_staff_visible(self, operator, value):
        return self._search_property_visible(operator, value, bank=False)

    def _search_property_bank_visible(self, operator, value):
        return self._search_property_visible(operator, value, bank=True)

    @api.depends_context("uid")
    def _compute_display_name(self):
        """Many2one values show the display name of a contact as superuser (Odoo reads it so,
        whoever reads the record naming it): with the ``show_address``/``show_email``/
        ``show_vat`` contexts, a user who may not read the contact gets its name only."""
        context = self.env.context
        if not (
            self.env.su
            and self.env.uid != SUPERUSER_ID
            and any(context.get(key) for key in DETAILED_NAME_KEYS)
        ):
            return super()._compute_display_name()
        real = self.filtered(lambda p: isinstance(p.id, int))
        readable = set(real.with_env(self.env(su=False))._property_readable().ids)
        hidden = real.filtered(lambda p: p.id not in readable)
        super(ResPartner, self - hidden)._compute_display_name()
        plain = hidden.with_context(**dict.fromkeys(DETAILED_NAME_KEYS, False))
        super(ResPartner, plain)._compute_display_name()
        for partner, plain_partner in zip(hidden, plain, strict=True):
            partner.display_name = plain_partner.display_name
        return None

    def _property_readable(self):
        """The contacts of ``self`` the current user may read: related contact details
        (phone, e-mail) of other records are shown only for these."""
        return self._filtered_access("read")

    def _search_property_is_resident(self, operator, value):
        positive = (operator == "=") == bool(value)
        domain = [
            ("property_occupancy_ids", "any", self.env["property.occupancy"]._current_domain())
        ]
        return domain if positive else ["!", *domain]

    def _property_sync_company(self):
        """A resident's contact belongs to the company of its occupancies (past ones included),
        so that other companies' staff never read it; a contact occupying units of several
        companies is shared by them (no company). Contacts without occupancies, and those whose
        users work in another company, keep theirs."""
        groups = (
            self.env["property.occupancy"]
            .sudo()
            .with_context(active_test=False)
            ._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["company_id:array_agg"])
        )
        moves = defaultdict(list)
        for partner, company_ids in groups:
            companies = set(company_ids)
            company_id = companies.pop() if len(companies) == 1 else False
            if partner.company_id.id == company_id:
                continue
            users = partner.with_context(active_test=False).user_ids
            if company_id and users and set(users.company_id.ids) != {company_id}:
                continue
            moves[company_id].append(partner.id)
        for company_id, partner_ids in moves.items():
            self.browse(partner_ids).sudo().write({"company_id": company_id})

    def action_view_property_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler.property_occupancy_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
