import re

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

CONTACT_CHANNELS = [
    ("phone", "Phone Call"),
    ("sms", "Text Message"),
    ("wechat", "WeChat"),
    ("email", "E-mail"),
    ("portal", "Portal"),
    ("visit", "In Person"),
]
# A phone number as residents write it: digits, spaces, dashes, an optional leading +.
PHONE = re.compile(r"^\+?[0-9][0-9 \-]{5,19}$")
# What makes a profile complete: each item counts the same in the completeness score.
COMPLETENESS_ITEMS = 6
# A profile verified longer ago than this is due to be verified again ("隨時動態更新").
VERIFY_MONTHS = 12
VERIFY_ACTIVITY = "property_butler_profile.mail_activity_data_profile_verify"
# What a resident may correct on the portal (the rest is the butler's).
PORTAL_FIELDS = (
    "contact_channel",
    "emergency_name",
    "emergency_phone",
    "emergency_relation",
    "elderly_alone",
    "disability",
    "infant",
    "no_special_needs",
    "special_needs",
    "preferences",
    "no_vehicle",
    "no_pet",
)


class PropertyHousehold(models.Model):
    """The customer profile of a household (客戶資料, S3 duty 1: "客戶資料的收集、整理、存檔
    及隨時動態更新"): who lives there (the unit's occupancies), their vehicles and pets, special
    needs (elderly living alone, disability, infants), preferences and the preferred contact
    channel, an emergency contact; when the butler last verified it and how complete it is.

    Protected like the residents' contact data: butlers of a restricted company see their
    grids' profiles, the front desk those of its companies, guards and department staff none;
    residents read their own household's on the portal and correct it there."""

    _name = "property.household"
    _description = "Customer Profile"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "unit_id"
    _rec_name = "unit_id"
    _check_company_auto = True

    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        check_company=True,
        ondelete="cascade",
        domain="[('unit_type', 'in', ('residential', 'commercial'))]",
    )
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    grid_id = fields.Many2one(related="unit_id.grid_id", store=True, index=True)
    butler_id = fields.Many2one(related="unit_id.butler_id", string="Butler")
    key_customer = fields.Boolean(related="unit_id.key_customer")
    resident_ids = fields.Many2many(related="unit_id.resident_ids", string="Residents")
    occupancy_ids = fields.One2many(related="unit_id.current_occupancy_ids", string="Members")

    vehicle_ids = fields.One2many("property.household.vehicle", "household_id", string="Vehicles")
    no_vehicle = fields.Boolean(tracking=True)
    pet_ids = fields.One2many("property.household.pet", "household_id", string="Pets")
    no_pet = fields.Boolean(string="No Pets", tracking=True)
    elderly_alone = fields.Boolean(string="Elderly Living Alone", tracking=True)
    disability = fields.Boolean(string="Person with a Disability", tracking=True)
    infant = fields.Boolean(string="Infants", tracking=True)
    no_special_needs = fields.Boolean(tracking=True)
    special_needs = fields.Text(
        string="Special Needs Details",
        help="What the butler and the front desk should know: mobility, medical equipment, "
        "a carer's visits...",
    )
    preferences = fields.Text(
        help="Interests, hobbies, preferred times for visits, services they use."
    )
    contact_channel = fields.Selection(
        CONTACT_CHANNELS, string="Preferred Contact Channel", tracking=True
    )
    emergency_name = fields.Char(string="Emergency Contact", tracking=True)
    emergency_phone = fields.Char(tracking=True)
    emergency_relation = fields.Char(string="Relation", help="e.g. son, daughter, neighbour.")

    date_verified = fields.Date(
        string="Last Verified", readonly=True, copy=False, tracking=True, index=True
    )
    verified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    completeness = fields.Integer(
        compute="_compute_completeness",
        store=True,
        string="Completeness (%)",
        help="Share of the profile's six items filled in: contact channel, emergency contact, "
        "vehicles (or none), pets (or none), special needs (or none), preferences.",
    )
    to_verify = fields.Boolean(
        compute="_compute_to_verify",
        search="_search_to_verify",
        help="Never verified, or last verified more than a year ago.",
    )

    _sql_constraints = [
        ("unit_uniq", "unique(unit_id)", "The unit already has a customer profile."),
    ]

    @api.depends(
        "contact_channel",
        "emergency_name",
        "emergency_phone",
        "vehicle_ids",
        "no_vehicle",
        "pet_ids",
        "no_pet",
        "elderly_alone",
        "disability",
        "infant",
        "no_special_needs",
        "preferences",
    )
    def _compute_completeness(self):
        for household in self:
            items = (
                household.contact_channel,
                household.emergency_name and household.emergency_phone,
                household.vehicle_ids or household.no_vehicle,
                household.pet_ids or household.no_pet,
                household.elderly_alone
                or household.disability
                or household.infant
                or household.no_special_needs,
                household.preferences,
            )
            household.completeness = round(100 * sum(1 for item in items if item) / len(items))

    def _verify_limit(self):
        return fields.Date.context_today(self) - relativedelta(months=VERIFY_MONTHS)

    @api.depends("date_verified")
    def _compute_to_verify(self):
        limit = self._verify_limit()
        for household in self:
            household.to_verify = not household.date_verified or household.date_verified < limit

    def _search_to_verify(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValueError(self.env._("Unsupported search on To Verify."))
        domain = ["|", ("date_verified", "=", False), ("date_verified", "<", self._verify_limit())]
        if (operator == "=") != value:
            domain = [("date_verified", "!=", False), ("date_verified", ">=", self._verify_limit())]
        return domain

    @api.constrains("emergency_phone")
    def _check_emergency_phone(self):
        for household in self:
            if household.emergency_phone and not PHONE.match(household.emergency_phone.strip()):
                raise ValidationError(
                    self.env._("%(phone)s is not a phone number.", phone=household.emergency_phone)
                )

    @api.constrains("no_vehicle", "vehicle_ids", "no_pet", "pet_ids")
    def _check_none_and_some(self):
        for household in self:
            if household.no_vehicle and household.vehicle_ids:
                raise ValidationError(
                    self.env._("The household has vehicles: it cannot also have none.")
                )
            if household.no_pet and household.pet_ids:
                raise ValidationError(
                    self.env._("The household has pets: it cannot also have none.")
                )

    def action_verify(self):
        """The butler went through the profile with the household: verified today."""
        self.write(
            {"date_verified": fields.Date.context_today(self), "verified_by_id": self.env.uid}
        )
        self.activity_feedback([VERIFY_ACTIVITY])
        return True

    def _resident_corrected(self, partner):
        """A resident corrected the profile on the portal: the butler verifies the changes."""
        for household in self:
            household.message_post(
                body=self.env._("%(name)s corrected the profile on the portal.", name=partner.name),
                author_id=partner.id,
            )
            user = household.butler_id or household.project_id.supervisor_id
            if user:
                household.activity_schedule(
                    VERIFY_ACTIVITY,
                    user_id=user.id,
                    summary=self.env._("Verify the profile corrected by the resident"),
                )

    @api.model
    def action_create_missing(self):
        """A profile for each household unit (residential and shop units with an owner) the
        user may read that has none yet; the list of profiles to verify opens."""
        units = self.env["property.unit"].search(
            [
                ("unit_type", "in", ("residential", "commercial")),
                ("state", "!=", "unsold"),
                ("household_ids", "=", False),
            ]
        )
        self.create([{"unit_id": unit.id} for unit in units])
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_profile.property_household_action"
        )
        action["context"] = {"search_default_to_verify": 1}
        return action
