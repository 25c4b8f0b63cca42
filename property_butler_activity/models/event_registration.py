from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class EventRegistration(models.Model):
    """A resident's sign-up for a community activity: the unit they live in, how many people
    come; its barcode is the QR code checked at the door."""

    _inherit = "event.registration"

    unit_id = fields.Many2one(
        "property.unit",
        index=True,
        help="The resident's home in the activity's project.",
    )
    property_party_size = fields.Integer(
        string="People",
        default=1,
        required=True,
        help="How many people come with this sign-up (the resident included).",
    )
    property_project_id = fields.Many2one(related="event_id.property_project_id", store=True)
    property_callback_ids = fields.One2many(
        "property.activity.callback", "registration_id", string="Callbacks"
    )

    @api.constrains("property_party_size")
    def _check_property_party_size(self):
        if any(r.property_party_size < 1 or r.property_party_size > 20 for r in self):
            raise ValidationError(self.env._("A sign-up brings between 1 and 20 people."))

    @api.constrains("unit_id", "event_id")
    def _check_property_unit(self):
        for registration in self.filtered("unit_id"):
            project = registration.event_id.property_project_id
            if project and registration.unit_id.project_id != project:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s is not in %(project)s, the project of the activity.",
                        unit=registration.unit_id.code,
                        project=project.name,
                    )
                )

    @api.constrains("state", "event_id", "property_party_size")
    def _check_property_places(self):
        events = self.filtered(
            lambda r: r.state in ("open", "done") and r.event_id.property_project_id
        ).event_id.filtered("seats_limited")
        if not events:
            return
        people = events._property_people(("open", "done"))
        for event in events:
            if people.get(event.id, 0) > event.seats_max:
                raise ValidationError(
                    self.env._(
                        "%(activity)s has only %(places)s places.",
                        activity=event.name,
                        places=event.seats_max,
                    )
                )

    @api.constrains("unit_id", "event_id")
    def _check_unit_company(self):
        for registration in self.filtered("unit_id"):
            event = registration.event_id
            company = event.company_id or event.property_project_id.company_id
            if company and registration.unit_id.company_id != company:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s is not of %(company)s, the company of the activity.",
                        unit=registration.unit_id.code,
                        company=company.name,
                    )
                )

    def _property_limited_events(self, event_ids):
        return (
            self.env["event.event"]
            .browse(event_ids)
            .exists()
            .filtered(lambda e: e.property_project_id and e.seats_limited)
        )

    @api.model_create_multi
    def create(self, vals_list):
        # The places are counted (constraint) under the activity's lock.
        self._property_limited_events(
            {vals["event_id"] for vals in vals_list if vals.get("event_id")}
        )._property_lock()
        registrations = super().create(vals_list)
        registrations.event_id._property_check_approved()
        return registrations

    def write(self, vals):
        if vals.get("state") in ("open", "done") or {"property_party_size", "event_id"} & set(vals):
            event_ids = {*self.event_id.ids, *([vals["event_id"]] if vals.get("event_id") else [])}
            self._property_limited_events(event_ids)._property_lock()
        return super().write(vals)

    def _update_mail_schedulers(self):
        # A sign-up from the portal is created in a savepoint: its confirmation mail, which may
        # commit, is sent once the savepoint is released.
        if self.env.context.get("property_defer_mail_schedulers"):
            return
        return super()._update_mail_schedulers()

    def _property_check_in(self):
        """Check this sign-up in at the door (found by its code)."""
        self.ensure_one()
        if self.state == "done":
            raise UserError(
                self.env._(
                    "%(name)s is already checked in.", name=self.name or self.partner_id.name
                )
            )
        if self.state == "cancel":
            raise UserError(self.env._("This sign-up was cancelled."))
        self.event_id._property_check_approved()
        self.action_set_done()
