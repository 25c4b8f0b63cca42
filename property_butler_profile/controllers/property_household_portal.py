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

    def _profile_values(self, unit, household, error=None, posted=None):
        if posted:
            form = {field: posted.get(field) or "" for field in (*PORTAL_FIELDS, "plates", "pets")}
            form.update({flag: bool(posted.get(flag)) for flag in FLAGS})
        elif household:
            form = {field: household[field] or "" for field in PORTAL_FIELDS}
            form.update({flag: household[flag] for flag in FLAGS})
            form["plates"] = "\n".join(household.vehicle_ids.mapped("plate"))
            form["pets"] = "\n".join(
                f"{pet.kind} {pet.name or ''}".strip() for pet in household.pet_ids
            )
        else:
            form = dict.fromkeys((*PORTAL_FIELDS, "plates", "pets"), "")
            form.update(dict.fromkeys(FLAGS, False))
        Household = request.env["property.household"]
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
        pets = []
        for line in (post.get("pets") or "").splitlines():
            kind, _sep, name = line.strip().partition(" ")
            if line.strip():
                pets.append(
                    {"kind": kind if kind in dict(PET_KINDS) else "other", "name": name or kind}
                )
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
