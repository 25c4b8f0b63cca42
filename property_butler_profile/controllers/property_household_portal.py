from odoo import http
from odoo.exceptions import AccessError, MissingError, ValidationError
from odoo.http import request

from odoo.addons.property_butler.controllers.portal import PropertyButlerPortal

from ..models.property_household import CONTACT_CHANNELS, PORTAL_FIELDS
from ..models.property_household_pet import PET_KINDS

TEXT_FIELDS = (
    "emergency_name",
    "emergency_phone",
    "emergency_relation",
    "special_needs",
    "preferences",
)
FLAGS = ("elderly_alone", "disability", "infant", "no_special_needs", "no_vehicle", "no_pet")


class PropertyHouseholdPortal(PropertyButlerPortal):
    """A resident's own household profile (/my/units/<unit>/profile): read through the record
    rules (their current unit only) and corrected there; the page writes only the fields a
    resident may change (``PORTAL_FIELDS``, vehicles and pets), as the superuser on that one
    profile, and the butler is asked to verify the changes."""

    def _own_unit(self, unit_id):
        try:
            return self._document_check_access("property.unit", unit_id)
        except (AccessError, MissingError):
            return None

    def _posted_pet_rows(self):
        """The pet rows of the form (a kind and a name per row), without the empty ones."""
        form = request.httprequest.form
        kinds, names = form.getlist("pet_kind"), form.getlist("pet_name")
        rows = [
            ((kind or "").strip(), (name or "").strip())
            for kind, name in zip(kinds, names + [""] * (len(kinds) - len(names)), strict=False)
        ]
        return [(kind, name) for kind, name in rows if kind or name]

    def _profile_values(self, unit, household, error=None, posted=None):
        if posted:
            form = {field: posted.get(field) or "" for field in (*PORTAL_FIELDS, "plates")}
            form.update({flag: bool(posted.get(flag)) for flag in FLAGS})
            form["pets"] = [{"kind": kind, "name": name} for kind, name in self._posted_pet_rows()]
        elif household:
            form = {field: household[field] or "" for field in PORTAL_FIELDS}
            form.update({flag: household[flag] for flag in FLAGS})
            form["plates"] = "\n".join(household.vehicle_ids.mapped("plate"))
            form["pets"] = [{"kind": pet.kind, "name": pet.name or ""} for pet in household.pet_ids]
        else:
            form = dict.fromkeys((*PORTAL_FIELDS, "plates"), "")
            form.update(dict.fromkeys(FLAGS, False))
            form["pets"] = []
        # Two empty rows to add pets.
        form["pets"] = [pet for pet in form["pets"] if pet["kind"] or pet["name"]]
        form["pets"] += [{"kind": "", "name": ""}] * 2
        Household = request.env["property.household"]
        Pet = request.env["property.household.pet"]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "unit": unit,
                "household": household,
                "form": form,
                # The channels in the resident's language.
                "channels": Household._fields["contact_channel"]._description_selection(
                    request.env
                ),
                # The kinds of pets in the resident's language.
                "pet_kinds": Pet._fields["kind"]._description_selection(request.env),
                "error": error,
                "page_name": "property_unit",
            }
        )
        return values

    @http.route(
        ["/my/units/<int:unit_id>/profile"], type="http", auth="user", methods=["GET"], website=True
    )
    def portal_my_household(self, unit_id, saved=None, **kw):
        unit = self._own_unit(unit_id)
        if unit is None:
            return request.redirect("/my")
        household = request.env["property.household"].search([("unit_id", "=", unit.id)], limit=1)
        values = self._profile_values(unit, household)
        values["saved"] = saved
        return request.render("property_butler_profile.portal_my_household", values)

    @http.route(
        ["/my/units/<int:unit_id>/profile"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_household_save(self, unit_id, **post):
        unit = self._own_unit(unit_id)
        if unit is None:
            return request.redirect("/my")
        Household = request.env["property.household"]
        household = Household.search([("unit_id", "=", unit.id)], limit=1)
        channel = post.get("contact_channel") or False
        if channel and channel not in dict(CONTACT_CHANNELS):
            channel = False
        vals = {field: (post.get(field) or "").strip() or False for field in TEXT_FIELDS}
        vals.update({flag: bool(post.get(flag)) for flag in FLAGS})
        vals["contact_channel"] = channel
        vals = {field: value for field, value in vals.items() if field in PORTAL_FIELDS}
        plates = [p.strip() for p in (post.get("plates") or "").splitlines() if p.strip()]
        pets = [
            {"kind": kind if kind in dict(PET_KINDS) else "other", "name": name or False}
            for kind, name in self._posted_pet_rows()
        ]
        if plates:
            vals["no_vehicle"] = False
        if pets:
            vals["no_pet"] = False
        vals["vehicle_ids"] = [(5, 0, 0)] + [(0, 0, {"plate": plate}) for plate in plates]
        vals["pet_ids"] = [(5, 0, 0)] + [(0, 0, pet) for pet in pets]
        try:
            # sudo: residents cannot write profiles; this one is theirs (checked above), and
            # only the fields they may correct are written. A savepoint: a refused value
            # leaves nothing half-written.
            with request.env.cr.savepoint():
                if household:
                    household.sudo().write(vals)
                else:
                    household = Household.sudo().create({"unit_id": unit.id, **vals})
                household.sudo()._resident_corrected(request.env.user.partner_id)
        except ValidationError as exc:
            values = self._profile_values(unit, household, error=exc.args[0], posted=post)
            return request.render("property_butler_profile.portal_my_household", values, status=422)
        return request.redirect(f"/my/units/{unit.id}/profile?saved=1", code=303)
