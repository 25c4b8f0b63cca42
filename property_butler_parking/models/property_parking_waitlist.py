from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.property_butler_profile.models.property_household_vehicle import (
    PLATE,
    normalize_plate,
)

WAITLIST_STATES = [
    ("waiting", "Waiting"),
    ("offered", "Offered"),
    ("done", "Contract Signed"),
    ("cancelled", "Cancelled"),
]
OFFER_ACTIVITY = "property_butler_parking.mail_activity_data_parking_offer"


class PropertyParkingWaitlist(models.Model):
    """The waiting list of a project's parking spaces: when every space is taken, people queue
    by the date they asked; when a space becomes free, the first in line is offered it."""

    _name = "property.parking.waitlist"
    _description = "Parking Waiting List Entry"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.company.mixin",
        "property.client.mixin",
    ]
    _order = "project_id, state, date, id"
    _check_company_auto = True

    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True, tracking=True
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Applicant", required=True, index=True, tracking=True
    )
    grid_id = fields.Many2one(
        "property.grid",
        compute="_compute_grid_id",
        store=True,
        index=True,
        help="The grid of the applicant's home in the project, if they live there.",
    )
    plate = fields.Char(required=True, tracking=True)
    date = fields.Date(
        string="Requested On", required=True, default=fields.Date.context_today, tracking=True
    )
    position = fields.Integer(
        compute="_compute_position", help="Place in the project's queue (1: next to be offered)."
    )
    state = fields.Selection(
        WAITLIST_STATES,
        string="Status",
        required=True,
        default="waiting",
        tracking=True,
        index=True,
    )
    space_id = fields.Many2one(
        "property.unit",
        string="Offered Space",
        readonly=True,
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    offer_date = fields.Date(string="Offered On", readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        help="Who calls the applicant when a space is offered.",
    )
    contract_ids = fields.One2many("property.parking.contract", "waitlist_id", string="Contracts")
    note = fields.Text()

    @api.depends("partner_id", "project_id")
    def _compute_grid_id(self):
        # (whoever records the entry: the front desk reads no occupancy outside the register)
        homes = self.env["property.occupancy"]._homes_by_project(self.partner_id)
        for entry in self:
            home = homes.get((entry.partner_id.id, entry.project_id.id))
            entry.grid_id = home.grid_id[:1].id if home else False

    @api.depends("state", "date", "project_id")
    def _compute_position(self):
        queue = self.search(
            [("project_id", "in", self.project_id.ids), ("state", "=", "waiting")],
            order="date, id",
        )
        positions, counters = {}, {}
        for entry in queue:
            counters[entry.project_id.id] = counters.get(entry.project_id.id, 0) + 1
            positions[entry.id] = counters[entry.project_id.id]
        for entry in self:
            entry.position = positions.get(entry.id, 0)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su and (
                vals.get("state", "waiting") != "waiting" or vals.get("space_id")
            ):
                raise UserError(
                    self.env._("An applicant joins the waiting list waiting for a space.")
                )
            vals["plate"] = self._check_plate(vals.get("plate"))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and {"state", "space_id", "offer_date"} & set(vals):
            raise UserError(
                self.env._(
                    "Spaces are offered in the order of the waiting list: the status of an "
                    "entry changes with its buttons only."
                )
            )
        if "plate" in vals:
            vals["plate"] = self._check_plate(vals["plate"])
        return super().write(vals)

    @api.model
    def _check_plate(self, plate):
        plate_norm = normalize_plate(plate)
        if not PLATE.match(plate_norm):
            raise UserError(
                self.env._("%(plate)s is not a plate number such as 粤A·12345.", plate=plate or "")
            )
        return plate_norm

    @api.model
    def _offer_spaces(self, spaces):
        """Offer each free space to the first waiting applicant of its project (one space each,
        in order), with an activity for the person responsible."""
        if not spaces:
            return self
        waiting = self.search(
            [("project_id", "in", spaces.project_id.ids), ("state", "=", "waiting")],
            order="date, id",
        )
        today = fields.Date.context_today(self)
        offered = self
        for space in spaces.sorted("id"):
            entry = (waiting - offered).filtered(lambda e, s=space: e.project_id == s.project_id)[
                :1
            ]
            if not entry:
                continue
            entry.sudo().write({"state": "offered", "space_id": space.id, "offer_date": today})
            offered |= entry
        for entry in offered:
            entry.sudo().activity_schedule(
                act_type_xmlid=OFFER_ACTIVITY,
                user_id=(entry.user_id or self.env.user).id,
                summary=self.env._(
                    "Parking space %(space)s is free: offer it to %(applicant)s.",
                    space=entry.space_id.display_name,
                    applicant=entry.partner_id.name,
                ),
            )
        return offered

    def action_create_contract(self):
        """The contract of the offered space for the applicant, as a draft to complete."""
        self.ensure_one()
        if self.state != "offered":
            raise UserError(self.env._("Only an offered space can be contracted."))
        today = fields.Date.context_today(self)
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.parking.contract",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_space_id": self.space_id.id,
                "default_partner_id": self.partner_id.id,
                "default_plates": self.plate,
                "default_waitlist_id": self.id,
                "default_date_start": fields.Date.to_string(today),
            },
        }

    def action_cancel(self):
        """The applicant gives up (or declines the offered space): the space goes to the next
        in line."""
        spaces = self.filtered(lambda e: e.state == "offered").space_id
        self.check_access("write")
        self.sudo().write({"state": "cancelled", "space_id": False})
        self._offer_spaces(spaces)
        return True
