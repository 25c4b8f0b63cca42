import base64
from datetime import datetime, time, timedelta

import psycopg2
import pytz

from odoo import fields, http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.property_butler_ticket.controllers.property_ticket_portal import photo_mimetype

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

GUARD_GROUP = "property_butler.property_butler_group_patrol_guard"
OPEN_STATES = ("planned", "in_progress")
EARLY_MINUTES = 30  # a round can be started this long before its planned time
MAX_PHOTO_SIZE = 5 * 1024 * 1024  # bytes
MAX_REMARK_LENGTH = 2000
MAX_NOTE_LENGTH = 500
CHECKIN_PHOTO_MIMETYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})


class PropertyPatrolController(http.Controller):
    """Guards' mobile pages: today's rounds, scan a checkpoint's QR code, check in.

    Everything runs as the guard (never sudo): the record rules limit him to his own rounds
    and check-ins, and ``property.patrol.round.check_in`` does the validation. The pages never
    show a checkpoint's QR token: a check-in proves that the guard stood in front of the code.
    """

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _is_guard(self, env):
        return env.user.has_group(GUARD_GROUP)

    def _forbidden(self):
        env = request.env
        return request.render(
            "property_butler_patrol.patrol_message_page",
            {
                "title": env._("No access"),
                "message": env._("Only patrol guards can use the patrol pages."),
                "level": "danger",
            },
            status=403,
        )

    def _today_bounds(self, env):
        """UTC (naive) start and end of the user's local day."""
        zone = pytz.timezone(env.context.get("tz") or env.user.tz or DEFAULT_TZ)
        today = datetime.now(zone).date()
        start = zone.localize(datetime.combine(today, time.min)).astimezone(pytz.utc)
        end = zone.localize(datetime.combine(today + timedelta(days=1), time.min))
        return start.replace(tzinfo=None), end.astimezone(pytz.utc).replace(tzinfo=None)

    def _today_rounds(self, env):
        """The guard's open rounds of today, and those of last night that are still running."""
        day_start, day_end = self._today_bounds(env)
        now = fields.Datetime.now()
        return env["property.patrol.round"].search(
            [
                ("guard_id", "=", env.user.id),
                ("state", "in", OPEN_STATES),
                ("date_start", "<", day_end),
                "|",
                ("date_start", ">=", day_start),
                ("date_deadline", ">=", now),
            ],
            order="date_start, id",
        )

    def _round_for(self, env, checkpoint):
        """The guard's open round for ``checkpoint``, among those that have started (or start
        within half an hour) whose route passes the checkpoint:

        * the earliest started round not yet checked in there (the round of the hour, not last
          hour's round already done there);
        * else, when a started round was already checked in there, the latest such round: a
          second scan of the same code says "already checked in" rather than offering the
          form of the next round, which has not started yet;
        * else the earliest round starting within half an hour (starting a little early).
        """
        if not checkpoint:
            return env["property.patrol.round"]
        now = fields.Datetime.now()
        rounds = env["property.patrol.round"].search(
            [
                ("guard_id", "=", env.user.id),
                ("state", "in", OPEN_STATES),
                ("date_start", "<=", now + timedelta(minutes=EARLY_MINUTES)),
                ("route_id.line_ids.checkpoint_id", "=", checkpoint.id),
            ],
            order="date_start, id",
        )
        todo = rounds.filtered(lambda r: checkpoint not in r.checkin_ids.checkpoint_id)
        started = rounds.filtered(lambda r: r.date_start <= now)
        return (todo & started)[:1] or (started - todo)[-1:] or todo[:1] or rounds[:1]

    def _already_checked_in(self, env, checkpoint, patrol):
        """The message of a second scan: when, and when the next round starts."""
        checkin = patrol.checkin_ids.filtered(lambda c: c.checkpoint_id == checkpoint)[:1]
        message = " ".join(
            (
                env._("You already checked in at %s on this round.", checkpoint.name),
                env._("Your check-in was recorded at %s.", patrol._format_time(checkin.date)),
            )
        )
        following = env["property.patrol.round"].search(
            [
                ("guard_id", "=", env.user.id),
                ("state", "in", OPEN_STATES),
                ("date_start", ">", patrol.date_start),
                ("route_id.line_ids.checkpoint_id", "=", checkpoint.id),
            ],
            order="date_start, id",
            limit=1,
        )
        if following:
            message += " " + env._(
                "Your next round here starts at %s.", following._format_time(following.date_start)
            )
        return message

    def _refusal(self, env, checkpoint):
        """Why there is nothing to check in with this QR code (same wording as the model)."""
        if not checkpoint:
            return env._(
                "This QR code is not valid: it is old, was replaced, or belongs to another "
                "estate. Report it to your supervisor."
            )
        return env._(
            "Checkpoint %s is not on any of your open rounds. Check your rounds on the patrol "
            "page.",
            checkpoint.name,
        )

    def _checkin_values(self, env, token, patrol, checkpoint, **values):
        return {
            "token": token,
            "patrol": patrol,
            "checkpoint": checkpoint,
            "items": checkpoint.checklist_item_ids,
            "form": {},
            "error": False,
            **values,
        }

    def _read_answers(self, env, checkpoint, form):
        """{item id: (ok, note)} from the form; every item must be answered."""
        answers = {}
        for item in checkpoint.checklist_item_ids:
            state = form.get(f"item_{item.id}")
            if state not in ("ok", "problem"):
                raise UserError(
                    env._("Answer every item of the checklist (OK or problem): %s.", item.name)
                )
            note = (form.get(f"note_{item.id}") or "").strip()[:MAX_NOTE_LENGTH]
            if state == "problem" and not note:
                raise UserError(env._("Describe the problem found for: %s.", item.name))
            answers[item.id] = (state == "ok", note or False)
        return answers

    def _read_position(self, form):
        """(latitude, longitude, accuracy in metres) posted by the page's Geolocation call, or
        None when the guard did not share it (optional) or the values make no sense."""
        try:
            latitude = float(form.get("geo_latitude") or "nan")
            longitude = float(form.get("geo_longitude") or "nan")
            accuracy = float(form.get("geo_accuracy") or 0.0)
        except ValueError:
            return None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180 and 0 <= accuracy < 1e6):
            return None  # also NaN and infinities: every comparison is False
        return latitude, longitude, accuracy

    def _read_photo(self, env):
        """The uploaded photo, base64, after checking its size and that it is an image."""
        upload = request.httprequest.files.get("photo")
        if not upload or not upload.filename:
            return False
        data = upload.read(MAX_PHOTO_SIZE + 1)
        if not data:
            return False
        if len(data) > MAX_PHOTO_SIZE:
            raise UserError(
                env._(
                    "The photo is too large: %(max)s MB at most.",
                    max=MAX_PHOTO_SIZE // (1024 * 1024),
                )
            )
        if photo_mimetype(data) not in CHECKIN_PHOTO_MIMETYPES:
            raise UserError(env._("The photo must be a JPEG, PNG, GIF or WebP image."))
        return base64.b64encode(data)

    # ------------------------------------------------------------------
    # Pages
    # ------------------------------------------------------------------
    @http.route("/property/patrol", type="http", auth="user", methods=["GET"], website=False)
    def patrol_home(self, done=None, **kwargs):
        env = request.env
        if not self._is_guard(env):
            return self._forbidden()
        done_checkin = env["property.patrol.checkin"]
        if done and str(done).isdigit():
            done_checkin = done_checkin.search(
                [("id", "=", int(done)), ("guard_id", "=", env.user.id)], limit=1
            )
        rounds = self._today_rounds(env)
        return request.render(
            "property_butler_patrol.patrol_home_page",
            {"rounds": rounds, "done_checkin": done_checkin, "now": fields.Datetime.now()},
        )

    @http.route(
        "/property/checkin/<string:token>",
        type="http",
        auth="user",
        methods=["GET"],
        website=False,
    )
    def checkin_form(self, token, **kwargs):
        env = request.env
        checkpoint, patrol, refusal = self._checkin_target(env, token)
        if refusal:
            return refusal
        if checkpoint in patrol.checkin_ids.checkpoint_id:
            return self._refused_page(
                env,
                self._already_checked_in(env, checkpoint, patrol),
                patrol,
                title=env._("Already checked in"),
                level="info",
            )
        return request.render(
            "property_butler_patrol.patrol_checkin_page",
            self._checkin_values(env, token, patrol, checkpoint),
        )

    @http.route(
        "/property/checkin/<string:token>",
        type="http",
        auth="user",
        methods=["POST"],
        website=False,
    )
    def checkin_submit(self, token, **form):
        env = request.env
        checkpoint, patrol, refusal = self._checkin_target(env, token, status=422)
        if refusal:
            return refusal
        try:
            answers = self._read_answers(env, checkpoint, form)
            remark = (form.get("remark") or "").strip()[:MAX_REMARK_LENGTH]
            is_problem = bool(form.get("is_problem"))
            photo = self._read_photo(env)
            with env.cr.savepoint():
                checkin = patrol.check_in(
                    token, answers=answers, remark=remark or False, is_problem=is_problem,
                    photo=photo, client_ip=request.httprequest.remote_addr,
                    position=self._read_position(form),
                )  # fmt: skip
        except psycopg2.IntegrityError:
            # Two submissions of the same check-in at once: the unique constraint refused one.
            error = env._("You already checked in at %s on this round.", checkpoint.name)
        except (UserError, AccessError) as exc:
            error = exc.args[0] if exc.args else str(exc)
        else:
            return request.redirect(f"/property/patrol?done={checkin.id}", code=303)
        if checkpoint in patrol.checkin_ids.checkpoint_id:
            return self._refused_page(env, error, patrol, status=422)
        return request.render(
            "property_butler_patrol.patrol_checkin_page",
            self._checkin_values(env, token, patrol, checkpoint, form=form, error=error),
            status=422,
        )

    def _checkin_target(self, env, token, status=200):
        """(checkpoint, the guard's open round for it, None), or a refusal page in third place."""
        if not self._is_guard(env):
            return None, None, self._forbidden()
        checkpoint = env["property.checkpoint"]._from_token(token)
        patrol = self._round_for(env, checkpoint)
        if not patrol:
            refusal = self._refused_page(env, self._refusal(env, checkpoint), status=status)
            return checkpoint, patrol, refusal
        return checkpoint, patrol, None

    def _refused_page(self, env, message, patrol=None, status=200, title=None, level="warning"):
        return request.render(
            "property_butler_patrol.patrol_message_page",
            {
                "title": title or env._("Check-in refused"),
                "message": message,
                "level": level,
                "patrol": patrol,
            },
            status=status,
        )
