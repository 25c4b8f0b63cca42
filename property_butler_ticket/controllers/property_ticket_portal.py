import re
import uuid

import psycopg2
from werkzeug.urls import url_encode

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request
from odoo.tools import plaintext2html
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.property_ticket_callback import SCORE_FIELDS

MAX_PHOTO_SIZE = 5 * 1024 * 1024  # bytes, per photo
MAX_PHOTOS = 10  # photos per ticket
MAX_TITLE_LENGTH = 200
MAX_DESCRIPTION_LENGTH = 10000
VALID_SCORES = frozenset({"1", "2", "3", "4", "5"})
# The new-ticket form's one-time token (uuid4 hex): sending the form twice creates one ticket.
FORM_TOKEN_RE = re.compile(r"^[0-9a-f]{32}$")
ALLOWED_PHOTO_MIMETYPES = frozenset(
    {"image/jpeg", "image/png", "image/gif", "image/webp", "image/heic"}
)
# ISO base media "ftyp" brands of HEIC/HEIF photos (iPhone): Odoo's own sniffer does not know
# them when python-magic is not installed, python-magic may call them image/heif.
HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"})
# What residents may raise from the portal (not, e.g., patrol findings).
PORTAL_TICKET_KINDS = ("complaint", "repair", "inquiry", "service", "suggestion")
TICKET_LIST_FIELDS = (
    "name",
    "title",
    "create_date",
    "unit_id",
    "ticket_type_id",
    "stage_id",
    "is_closed",
)


def photo_mimetype(data):
    """The mimetype of a photo, sniffed from its bytes (never the client's content-type)."""
    mimetype = guess_mimetype(data, default="application/octet-stream")
    if (
        mimetype not in ALLOWED_PHOTO_MIMETYPES
        and data[4:8] == b"ftyp"
        and data[8:12] in HEIF_BRANDS
    ):
        return "image/heic"
    return mimetype


class PropertyTicketPortal(CustomerPortal):
    """Residents' ticket pages: submit, follow, accept quotations, rate.

    The helpers that query take the environment explicitly (``env``: the resident's own
    environment, never sudo) so that tests and the benchmark can call and measure them without
    an HTTP request. Access is the record rules' job: a resident reads the tickets of the units
    he occupies now; sudo is used only to create a ticket and its photos (residents have no
    create right), for the documents ``_document_check_access`` has checked, and to record a
    quotation acceptance or a rating on such a document.
    """

    # ------------------------------------------------------------------
    # Domains and helpers
    # ------------------------------------------------------------------
    def _ticket_unit_domain(self, env):
        """Units the user occupies today (owner, tenant or household member)."""
        occupancy_domain = [
            ("partner_id", "=", env.user.partner_id.id),
            *env["property.occupancy"]._current_domain(),
        ]
        return [("occupancy_ids", "any", occupancy_domain)]

    def _ticket_domain(self, env):
        """Tickets of the units the user occupies today, whoever raised them."""
        return [("unit_id", "any", self._ticket_unit_domain(env))]

    def _ticket_searchbar_sortings(self, env):
        return {
            "date": {"label": env._("Newest"), "order": "create_date desc, id desc"},
            "name": {"label": env._("Number"), "order": "name desc, id desc"},
            "stage": {"label": env._("Stage"), "order": "stage_id, create_date desc, id desc"},
        }

    def _ticket_searchbar_filters(self, env):
        return {
            "all": {"label": env._("All"), "domain": []},
            "open": {"label": env._("Open"), "domain": [("is_closed", "=", False)]},
            "closed": {"label": env._("Closed"), "domain": [("is_closed", "=", True)]},
        }

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if not counters:
            # The home page itself: residents of a unit see My Tickets and Report a Problem
            # before their first ticket.
            env = request.env
            Unit = env["property.unit"]
            values["property_can_report"] = Unit.has_access("read") and bool(
                Unit.search_count(self._ticket_unit_domain(env), limit=1)
            )
        if "property_ticket_count" in counters:
            env = request.env
            Ticket = env["property.ticket"]
            values["property_ticket_count"] = (
                Ticket.search_count(self._ticket_domain(env)) if Ticket.has_access("read") else 0
            )
        return values

    def _prepare_ticket_list_values(self, env, page=1, sortby=None, filterby=None):
        """One page of the user's tickets, with everything the list shows already read:
        a fixed number of queries whatever the number of tickets in the database."""
        Ticket = env["property.ticket"]
        sortings = self._ticket_searchbar_sortings(env)
        filters = self._ticket_searchbar_filters(env)
        sortby = sortby if sortby in sortings else "date"
        filterby = filterby if filterby in filters else "all"
        if Ticket.has_access("read"):
            domain = [*self._ticket_domain(env), *filters[filterby]["domain"]]
            count = Ticket.search_count(domain)
        else:
            domain, count = None, 0
        pager = portal_pager(
            url="/my/tickets",
            url_args={"sortby": sortby, "filterby": filterby},
            total=count,
            page=page,
            step=self._items_per_page,
        )
        tickets = Ticket
        if count:
            # The page and what its rows show: one query per model (the record rules apply).
            tickets = Ticket.search_fetch(
                domain,
                TICKET_LIST_FIELDS,
                order=sortings[sortby]["order"],
                limit=self._items_per_page,
                offset=pager["offset"],
            )
            tickets.unit_id.fetch(["code"])
            tickets.ticket_type_id.fetch(["name"])
            tickets.stage_id.fetch(["name"])
        return {
            "tickets": tickets,
            "ticket_count": count,
            "pager": pager,
            "searchbar_sortings": sortings,
            "searchbar_filters": filters,
            "sortby": sortby,
            "filterby": filterby,
            "page_name": "property_ticket",
            "default_url": "/my/tickets",
        }

    def _ticket_form_choices(self, env):
        """The units the user occupies and the ticket types residents may raise."""
        units = env["property.unit"].search(self._ticket_unit_domain(env))
        ticket_types = env["property.ticket.type"].search([("kind", "in", PORTAL_TICKET_KINDS)])
        return units, ticket_types

    @staticmethod
    def _to_id(value):
        """A database id from a form value, 0 when it is not one (PostgreSQL int4)."""
        try:
            number = int(value)
        except (TypeError, ValueError):
            return 0
        return number if 0 < number < 2**31 else 0

    def _check_ticket_input(self, env, values, files):
        """Validate the new-ticket form with the user's own rights.

        :param values: the form's fields (title, description, unit_id, ticket_type_id)
        :param files: list of (filename, bytes) read with at most MAX_PHOTO_SIZE + 1 bytes each
        :return: (clean values, photos [(name, bytes, mimetype)], errors {field: [messages]})
        """
        errors = {}
        title, description = self._check_ticket_text(env, values, errors)
        clean = {
            "title": title,
            "description": description,
            "unit": self._check_ticket_unit(env, values, errors),
            "ticket_type": self._check_ticket_type(env, values, errors),
        }
        photos = self._check_ticket_photos(env, files, errors)
        return clean, photos, errors

    @staticmethod
    def _add_error(errors, field, message):
        errors.setdefault(field, []).append(message)

    def _check_ticket_text(self, env, values, errors):
        """The subject and the description, stripped: both required, within their lengths."""
        title = (values.get("title") or "").strip()
        description = (values.get("description") or "").strip()
        if not title:
            self._add_error(
                errors, "title", env._("Give your request a subject: the subject cannot be empty.")
            )
        elif len(title) > MAX_TITLE_LENGTH:
            self._add_error(
                errors,
                "title",
                env._("Shorten the subject to %(count)s characters.", count=MAX_TITLE_LENGTH),
            )
        if not description:
            self._add_error(
                errors,
                "description",
                env._("Describe your request: the description cannot be empty."),
            )
        elif len(description) > MAX_DESCRIPTION_LENGTH:
            self._add_error(
                errors,
                "description",
                env._(
                    "Shorten the description to %(count)s characters.",
                    count=MAX_DESCRIPTION_LENGTH,
                ),
            )
        return title, description

    def _check_ticket_unit(self, env, values, errors):
        """The unit, read with the user's rights: one he may read AND occupies today."""
        unit_id = self._to_id(values.get("unit_id"))
        unit = (
            env["property.unit"].search(
                [("id", "=", unit_id), *self._ticket_unit_domain(env)], limit=1
            )
            if unit_id
            else env["property.unit"]
        )
        if not unit:
            self._add_error(
                errors,
                "unit_id",
                env._("Choose one of the units you live in: you can only report for them."),
            )
        return unit

    def _check_ticket_type(self, env, values, errors):
        """The ticket type: one residents may raise."""
        type_id = self._to_id(values.get("ticket_type_id"))
        ticket_type = (
            env["property.ticket.type"].search(
                [("id", "=", type_id), ("kind", "in", PORTAL_TICKET_KINDS)], limit=1
            )
            if type_id
            else env["property.ticket.type"]
        )
        if not ticket_type:
            self._add_error(errors, "ticket_type_id", env._("Choose the type of request."))
        return ticket_type

    def _check_ticket_photos(self, env, files, errors):
        """The photos [(name, bytes, mimetype)]: at most MAX_PHOTOS, none empty or larger than
        MAX_PHOTO_SIZE, each an image by its bytes (never the client's content type)."""
        photos = []
        files = [(name, data) for name, data in files or [] if name or data]
        if len(files) > MAX_PHOTOS:
            self._add_error(
                errors, "photos", env._("Attach at most %(count)s photos.", count=MAX_PHOTOS)
            )
        for index, (filename, data) in enumerate(files, start=1):
            name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip()[:200]
            name = name or env._("Photo %(number)s", number=index)
            if not data:
                self._add_error(errors, "photos", env._("%(file)s is empty.", file=name))
                continue
            if len(data) > MAX_PHOTO_SIZE:
                self._add_error(
                    errors,
                    "photos",
                    env._(
                        "%(file)s is too large: a photo may be at most %(size)s MB.",
                        file=name,
                        size=MAX_PHOTO_SIZE // (1024 * 1024),
                    ),
                )
                continue
            mimetype = photo_mimetype(data)
            if mimetype not in ALLOWED_PHOTO_MIMETYPES:
                self._add_error(
                    errors,
                    "photos",
                    env._(
                        "%(file)s is not a photo: attach JPEG, PNG, GIF, WebP or HEIC images only.",
                        file=name,
                    ),
                )
                continue
            photos.append((name, data, mimetype))
        return photos

    def _create_portal_ticket(self, env, values, files):
        """Create a ticket from the portal form, or nothing at all.

        :param env: the resident's environment (not sudo)
        :return: (ticket (sudo) or an empty recordset, errors {field: [messages]})
        """
        clean, photos, errors = self._check_ticket_input(env, values, files)
        Ticket = env["property.ticket"]
        if errors:
            return Ticket, errors
        form_token = self._form_token(values)
        if form_token and (sent := self._ticket_sent_with(env, form_token)):
            return sent, {}
        unit = clean["unit"]
        try:
            with env.cr.savepoint():
                # sudo: residents have no create right on tickets; only whitelisted fields.
                ticket = Ticket.sudo().create(
                    {
                        "title": clean["title"],
                        "description": plaintext2html(clean["description"]),
                        "ticket_type_id": clean["ticket_type"].id,
                        "unit_id": unit.id,
                        "partner_id": env.user.partner_id.id,
                        "channel": "portal",
                        "company_id": unit.company_id.id,
                        "portal_form_token": form_token,
                    }
                )
                if photos:
                    Attachment = env["ir.attachment"]
                    # sudo: the photos of the ticket just created (portal users cannot create
                    # attachments); they are served only through the ticket's own photo route.
                    Attachment.sudo().create(
                        [
                            {
                                "name": name,
                                "raw": data,
                                "mimetype": mimetype,
                                "res_model": ticket._name,
                                "res_id": ticket.id,
                            }
                            for name, data, mimetype in photos
                        ]
                    )
        except UserError as error:  # also ValidationError: nothing is kept
            return Ticket, {"form": [str(error)]}
        except psycopg2.errors.UniqueViolation:
            # The same form sent at the same time: the other request created the ticket.
            if sent := self._ticket_sent_with(env, form_token):
                return sent, {}
            return Ticket, {
                "form": [env._("This request was already sent: you will find it in My Tickets.")]
            }
        return ticket, {}

    @staticmethod
    def _form_token(values):
        token = values.get("form_token")
        return token if isinstance(token, str) and FORM_TOKEN_RE.match(token) else None

    def _ticket_sent_with(self, env, form_token):
        """The user's ticket created from the form of this token (sudo), if any."""
        # sudo: the token field is not readable by residents; the ticket is the user's own.
        return (
            env["property.ticket"]
            .sudo()
            .search(
                [
                    ("portal_form_token", "=", form_token),
                    ("partner_id", "=", env.user.partner_id.id),
                ],
                limit=1,
            )
        )

    def _ticket_scheduled_callback(self, ticket_sudo):
        if ticket_sudo.stage_category != "done":
            return ticket_sudo.env["property.ticket.callback"]
        return ticket_sudo.callback_ids.filtered(lambda c: c.state == "scheduled").sorted("id")[:1]

    def _score_labels(self, env):
        Callback = env["property.ticket.callback"]
        return [(name, Callback._fields[name]._description_string(env)) for name in SCORE_FIELDS]

    def _rate_portal_ticket(self, env, ticket, post):
        """Record the resident's scores on the ticket's scheduled callback.

        :param env: the current user's environment
        :param ticket: a ticket the user was checked to have access to
        :return: an error message, or None when recorded
        """
        callback = self._ticket_scheduled_callback(ticket.sudo())
        if not callback:
            return env._("This ticket is not waiting for your rating.")
        scores, wrong = {}, []
        for name, label in self._score_labels(env):
            raw = str(post.get(name) or "").strip()
            # ASCII digits only: str.isdigit() also accepts "²" or "①", which int() refuses.
            score = int(raw) if raw in VALID_SCORES else 0
            if not score:
                wrong.append(label)
            scores[name] = score
        if wrong:
            return env._(
                "Score each item with a whole number from 1 to 5: %(items)s.",
                items=", ".join(wrong),
            )
        comment = str(post.get("comment") or "").strip()[:2000]
        # sudo: residents cannot write callbacks; this one belongs to a ticket they may see.
        callback = env["property.ticket.callback"].sudo().browse(callback.id)
        try:
            with env.cr.savepoint():
                callback.write({**scores, "comment": comment or False})
                callback.action_done(channel="portal")
        except UserError as error:
            return str(error)
        return None

    def _accept_portal_quotation(self, env, ticket):
        """Accept the quotation of a ticket the user was checked to have access to.

        :return: an error message, or None when accepted
        """
        user = env.user
        if user._is_public():
            accepted_by = ticket.sudo().partner_id.name or env._("Resident (via link)")
        else:
            accepted_by = user.partner_id.name
        # sudo: residents have no write right on tickets.
        ticket = env["property.ticket"].sudo().browse(ticket.id)
        try:
            with env.cr.savepoint():
                ticket._accept_quotation(accepted_by)
        except UserError as error:
            return str(error)
        return None

    def _ticket_photos(self, ticket_sudo):
        """Photos residents attached to the ticket (not the chatter's attachments, nor the
        documents staff attach in the back office)."""
        attachments = (
            ticket_sudo.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", ticket_sudo._name),
                    ("res_id", "=", ticket_sudo.id),
                    ("create_uid.share", "=", True),
                ],
                order="id",
            )
        )
        attachments -= ticket_sudo.message_ids.attachment_ids
        return attachments

    def _ticket_messages(self, env):
        return {
            "created": env._("Thank you: your request was sent to the service centre."),
            "accepted": env._("You accepted the quotation: the work will be scheduled."),
            "rated": env._("Thank you for your rating."),
        }

    def _ticket_url(self, ticket, access_token=None, **params):
        if access_token:
            params["access_token"] = access_token
        return f"{ticket.access_url}?{url_encode(params)}" if params else ticket.access_url

    def _ticket_page_values(self, ticket_sudo, access_token, message=None, error=None, post=None):
        env = request.env
        callback = self._ticket_scheduled_callback(ticket_sudo)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "property_ticket",
                "ticket": ticket_sudo,
                "photos": self._ticket_photos(ticket_sudo),
                "can_accept": ticket_sudo.quotation_state == "sent",
                "can_rate": bool(callback),
                "score_labels": self._score_labels(env),
                "rating_input": post or {},
                "ticket_error": error,
                "ticket_message": self._ticket_messages(env).get(message),
                "access_token": access_token,
            }
        )
        # Chatter values; no records history (prev/next links would hand out tokens).
        return self._get_page_view_values(
            ticket_sudo, access_token, values, "my_tickets_history", False
        )

    def _service_centres(self, units):
        """Name and phone of the service centre (project) of each of these units."""
        return [
            {"name": project.name, "phone": project.phone}
            for project in units.project_id
            if project.phone
        ]

    def _ticket_form_values(self, env, values=None, errors=None):
        units, ticket_types = self._ticket_form_choices(env)
        layout = self._prepare_portal_layout_values()
        values = values or {}
        layout.update(
            {
                "form_token": self._form_token(values) or uuid.uuid4().hex,
                "service_centres": self._service_centres(units),
                "page_name": "property_ticket",
                "new_ticket": True,
                "units": units,
                "ticket_types": ticket_types,
                "form": values,
                "selected_unit_id": self._to_id(values.get("unit_id"))
                or (units.id if len(units) == 1 else 0),
                "selected_type_id": self._to_id(values.get("ticket_type_id")),
                "errors": errors or {},
                "max_photo_mb": MAX_PHOTO_SIZE // (1024 * 1024),
                "max_photos": MAX_PHOTOS,
                "max_title_length": MAX_TITLE_LENGTH,
                "max_description_length": MAX_DESCRIPTION_LENGTH,
            }
        )
        return layout

    # ------------------------------------------------------------------
    # Routes
    # ------------------------------------------------------------------
    @http.route(
        ["/my/tickets", "/my/tickets/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_tickets(self, page=1, sortby=None, filterby=None, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            self._prepare_ticket_list_values(
                request.env, page=page, sortby=sortby, filterby=filterby
            )
        )
        return request.render("property_butler_ticket.portal_my_tickets", values)

    @http.route(
        ["/my/tickets/new"],
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_ticket_new(self, **post):
        env = request.env
        if request.httprequest.method != "POST":
            # From a unit's page: that unit is preselected (if it is one of the user's).
            preset = {"unit_id": post["unit_id"]} if isinstance(post.get("unit_id"), str) else {}
            return request.render(
                "property_butler_ticket.portal_ticket_new", self._ticket_form_values(env, preset)
            )
        files = [
            (upload.filename, upload.read(MAX_PHOTO_SIZE + 1))
            for upload in request.httprequest.files.getlist("photos")
            if upload.filename
        ]
        form = {
            key: post.get(key) if isinstance(post.get(key), str) else ""
            for key in ("title", "description", "unit_id", "ticket_type_id", "form_token")
        }
        ticket, errors = self._create_portal_ticket(env, form, files)
        if errors:
            return request.render(
                "property_butler_ticket.portal_ticket_new",
                self._ticket_form_values(env, form, errors),
            )
        return request.redirect(self._ticket_url(ticket, message="created"))

    # Tickets open to the residents of their unit only, through the record rules: a ticket's
    # access token (e-mailed links) does not open it for anybody else, and moving out ends access.
    @http.route(["/my/tickets/<int:ticket_id>"], type="http", auth="user", website=True)
    def portal_my_ticket(self, ticket_id, access_token=None, message=None, **kw):
        access_token = None
        try:
            ticket_sudo = self._document_check_access("property.ticket", ticket_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        return request.render(
            "property_butler_ticket.portal_my_ticket",
            self._ticket_page_values(ticket_sudo, access_token, message=message),
        )

    @http.route(
        ["/my/tickets/<int:ticket_id>/accept"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_ticket_accept(self, ticket_id, access_token=None, **post):
        access_token = None
        try:
            ticket_sudo = self._document_check_access("property.ticket", ticket_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        error = self._accept_portal_quotation(request.env, ticket_sudo)
        if error:
            return request.render(
                "property_butler_ticket.portal_my_ticket",
                self._ticket_page_values(ticket_sudo, access_token, error=error),
            )
        return request.redirect(self._ticket_url(ticket_sudo, access_token, message="accepted"))

    @http.route(
        ["/my/tickets/<int:ticket_id>/rate"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_ticket_rate(self, ticket_id, access_token=None, **post):
        access_token = None
        try:
            ticket_sudo = self._document_check_access("property.ticket", ticket_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        error = self._rate_portal_ticket(request.env, ticket_sudo, post)
        if error:
            return request.render(
                "property_butler_ticket.portal_my_ticket",
                self._ticket_page_values(ticket_sudo, access_token, error=error, post=post),
            )
        return request.redirect(self._ticket_url(ticket_sudo, access_token, message="rated"))

    @http.route(
        [
            "/my/tickets/<int:ticket_id>/photos/<int:attachment_id>",
            "/my/tickets/<int:ticket_id>/photos/<int:attachment_id>/<string:size>",
        ],
        type="http",
        auth="user",
    )
    def portal_ticket_photo(self, ticket_id, attachment_id, size=None, **kw):
        """A photo of a ticket, for whoever may read the ticket (record rules), and nobody else."""
        try:
            ticket_sudo = self._document_check_access("property.ticket", ticket_id)
        except (AccessError, MissingError):
            raise request.not_found() from None
        photo = self._ticket_photos(ticket_sudo).filtered(lambda a: a.id == attachment_id)
        if not photo:
            raise request.not_found()
        Binary = request.env["ir.binary"]
        if size == "thumb":
            stream = Binary._get_image_stream_from(photo, width=256, height=256, crop=True)
        else:
            stream = Binary._get_stream_from(photo)
        return stream.get_response()
