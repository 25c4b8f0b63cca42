import os
import shutil
import subprocess
import tempfile
from datetime import timedelta
from unittest.mock import patch

import pytz
import zxingcpp
from PIL import Image

from odoo import fields, http
from odoo.tests import tagged

from odoo.addons.property_butler_patrol.controllers import property_patrol
from odoo.addons.property_butler_patrol.report.report_property_patrol_route_qr import qr_svg_src

from odoo.addons.property_butler.tests.common import PropertyHttpCase, png_bytes

from .common_patrol import TZ, PatrolPagesCase

# A guard's photo of a checkpoint.
PNG = png_bytes(color=(40, 120, 200))


@tagged("post_install", "-at_install")
class TestPatrolPages(PropertyHttpCase, PatrolPagesCase):
    def _post(self, token, files=None, **data):
        values = {
            "csrf_token": http.Request.csrf_token(self),
            f"item_{self.fire_panel.id}": "problem",
            f"note_{self.fire_panel.id}": "Fault light on zone 4",
            f"item_{self.cctv.id}": "ok",
            "remark": "Door was unlocked, locked it.",
            **data,
        }
        return self.url_open(
            f"/property/checkin/{token}", data=values, files=files or [], allow_redirects=False
        )

    def _checkins(self):
        return self.env["property.patrol.checkin"].search([("round_id", "=", self.round.id)])

    # ------------------------------------------------------------------
    # Pages
    # ------------------------------------------------------------------
    def test_patrol_page_lists_todays_rounds(self):
        self._login(self.guard)
        response = self.url_open("/property/patrol")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Cluster 3 night route", response.text)
        self.assertIn(f'data-round-id="{self.round.id}"', response.text)
        self.assertIn("North Gate", response.text)
        self.assertIn("Control Room", response.text)
        self.assertIn("0 / 2 checked in", response.text)
        # The page never gives away the QR tokens: a check-in proves the guard was there.
        self.assertNotIn(self.gate.qr_token, response.text)
        self.assertNotIn(self.control_room.qr_token, response.text)
        # Another guard has no round today.
        self._login(self.guard2)
        response = self.url_open("/property/patrol")
        self.assertIn("You have no open round today.", response.text)
        self.assertNotIn("Cluster 3 night route", response.text)

    def test_checkin_page_shows_the_checklist(self):
        self._login(self.guard)
        response = self.url_open(f"/property/checkin/{self.control_room.qr_token}")
        self.assertEqual(response.status_code, 200)
        text = response.text
        self.assertIn("Control Room", text)
        self.assertIn("Check the CCTV wall and the fire panel.", text)
        self.assertIn("Fire panel without alarm", text)
        self.assertIn("CCTV screens all on", text)
        self.assertIn(f'name="item_{self.fire_panel.id}"', text)
        self.assertIn('name="remark"', text)
        self.assertIn('name="is_problem"', text)
        self.assertIn('capture="environment"', text)
        self.assertIn('name="csrf_token"', text)

    def test_checkin_records_answers_and_raises_findings(self):
        self._login(self.guard)
        before = fields.Datetime.now().replace(microsecond=0)
        response = self._post(
            self.control_room.qr_token, files={"photo": ("door.png", PNG, "image/png")}
        )
        self.assertEqual(response.status_code, 303, response.text[:2000])
        self.assertIn("/property/patrol?done=", response.headers["Location"])
        checkin = self._checkins()
        self.assertEqual(len(checkin), 1)
        self.assertEqual(checkin.checkpoint_id, self.control_room)
        self.assertEqual(checkin.guard_id, self.guard)
        self.assertGreaterEqual(checkin.date, before)
        self.assertLessEqual(checkin.date, fields.Datetime.now() + timedelta(seconds=1))
        self.assertEqual(checkin.remark, "Door was unlocked, locked it.")
        self.assertFalse(checkin.is_problem)
        self.assertTrue(checkin.photo)
        answers = {a.item_id: (a.ok, a.note) for a in checkin.answer_ids}
        self.assertEqual(
            answers,
            {
                self.fire_panel: (False, "Fault light on zone 4"),
                self.cctv: (True, False),
            },
        )
        self.assertEqual(self.round.state, "in_progress")
        # The failed item became a finding for its department; the OK one did not.
        finding = checkin.ticket_ids
        self.assertEqual(len(finding), 1)
        self.assertEqual(finding.kind, "finding")
        self.assertEqual(finding.department_id, self.engineering)
        self.assertIn("Fire panel without alarm", finding.title)
        # Back on the patrol page with the confirmation.
        page = self.url_open(response.headers["Location"])
        self.assertIn("Checked in at", page.text)
        self.assertIn(finding.name, page.text)
        self.assertIn("1 / 2 checked in", page.text)

    def test_problem_remark_becomes_a_finding(self):
        self._login(self.guard)
        response = self._post(
            self.gate.qr_token, remark="Broken lamp at the gate", is_problem="1"
        )  # the gate has no checklist: the extra answers are ignored
        self.assertEqual(response.status_code, 303)
        checkin = self._checkins()
        self.assertTrue(checkin.is_problem)
        self.assertEqual(len(checkin.ticket_ids), 1)
        self.assertIn("Broken lamp at the gate", checkin.ticket_ids.title)

    def test_second_checkin_is_refused(self):
        self._login(self.guard)
        self.assertEqual(self._post(self.gate.qr_token).status_code, 303)
        response = self._post(self.gate.qr_token)
        self.assertEqual(response.status_code, 422)
        self.assertIn("You already checked in at North Gate on this round.", response.text)
        self.assertEqual(len(self._checkins()), 1)
        # Scanning the code again shows the same refusal, not the form.
        response = self.url_open(f"/property/checkin/{self.gate.qr_token}")
        self.assertIn("You already checked in at North Gate on this round.", response.text)
        self.assertNotIn('name="remark"', response.text)

    def test_rescan_says_already_checked_in_not_the_next_rounds_form(self):
        """An hourly plan: the next round starts within half an hour (it could be started early),
        but scanning a code already done on the current round says so instead of offering the
        next round's form; once the next round has started, its form is offered."""
        next_round = self.env["property.patrol.round"].create(
            {
                "plan_id": self.plan.id,
                "route_id": self.route.id,
                "guard_id": self.guard.id,
                "date_start": self.round.date_start + timedelta(minutes=20),
            }
        )
        self._login(self.guard)
        self.assertEqual(self._post(self.gate.qr_token).status_code, 303)
        checkin = self._checkins()
        response = self.url_open(f"/property/checkin/{self.gate.qr_token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Already checked in", response.text)
        self.assertIn("You already checked in at North Gate on this round.", response.text)
        self.assertIn(
            f"Your check-in was recorded at {self._local_time(checkin.date, seconds=False)}.",
            response.text,
        )
        self.assertIn(
            "Your next round here starts at "
            f"{self._local_time(next_round.date_start, seconds=False)}.",
            response.text,
        )
        self.assertNotIn('name="remark"', response.text)
        # Posting the form anyway (an old page) checks in nowhere.
        self.assertEqual(self._post(self.gate.qr_token).status_code, 422)
        self.assertFalse(next_round.checkin_ids)
        # The control room, not done yet on the current round, is still offered for it.
        response = self.url_open(f"/property/checkin/{self.control_room.qr_token}")
        self.assertIn('name="remark"', response.text)
        # The next round has started: its form is offered at the gate.
        next_round.date_start = self.round.date_start - timedelta(minutes=1)
        self.round.date_start -= timedelta(minutes=2)
        response = self.url_open(f"/property/checkin/{self.gate.qr_token}")
        self.assertIn('name="remark"', response.text)
        self.assertEqual(self._post(self.gate.qr_token).status_code, 303)
        self.assertEqual(next_round.checkin_ids.checkpoint_id, self.gate)

    def test_times_are_in_the_viewers_time_zone_as_hh_mm(self):
        """The plan is in Shanghai; a guard whose own time zone is Paris sees Paris times."""
        self.guard.tz = "Europe/Paris"
        self._login(self.guard)
        response = self.url_open("/property/patrol")
        start = pytz.utc.localize(self.round.date_start)
        paris = start.astimezone(pytz.timezone("Europe/Paris")).strftime("%H:%M")
        shanghai = start.astimezone(pytz.timezone(TZ)).strftime("%H:%M")
        self.assertNotEqual(paris, shanghai)
        self.assertIn(paris, response.text)
        self.assertNotIn(shanghai, response.text)
        self.assertNotRegex(response.text, r"\d\d:\d\d:\d\d")
        self.assertNotIn("时", response.text)
        self.assertEqual(self._post(self.gate.qr_token).status_code, 303)
        page = self.url_open(f"/property/patrol?done={self._checkins().id}")
        done = pytz.utc.localize(self._checkins().date).astimezone(pytz.timezone("Europe/Paris"))
        self.assertRegex(page.text, rf"<strong>North Gate</strong>\s+at <span>{done:%H:%M}</span>")
        self.assertNotRegex(page.text, r"\d\d:\d\d:\d\d")

    def test_checkin_records_the_client_ip_and_the_shared_position(self):
        self.gate.write({"latitude": 22.5431, "longitude": 114.0579})
        self._login(self.guard)
        page = self.url_open(f"/property/checkin/{self.gate.qr_token}")
        for name in ("geo_latitude", "geo_longitude", "geo_accuracy"):
            self.assertIn(f'name="{name}"', page.text)
        self.assertIn("Your location is not shared", page.text)
        response = self._post(
            self.gate.qr_token, geo_latitude="22.5611", geo_longitude="114.0579", geo_accuracy="12"
        )
        self.assertEqual(response.status_code, 303)
        checkin = self._checkins().sudo()
        self.assertEqual(checkin.client_ip, "127.0.0.1")
        self.assertTrue(checkin.has_position)
        self.assertAlmostEqual(checkin.latitude, 22.5611, places=6)
        self.assertEqual(checkin.accuracy, 12.0)
        self.assertTrue(checkin.is_suspicious, "2 km from the gate")
        # Nonsense (or no) position: the check-in is recorded without one.
        response = self._post(
            self.control_room.qr_token, geo_latitude="nan", geo_longitude="1e999", geo_accuracy="x"
        )
        self.assertEqual(response.status_code, 303)
        checkin = self._checkins().sudo().filtered(lambda c: c.checkpoint_id == self.control_room)
        self.assertFalse(checkin.has_position)
        self.assertEqual(checkin.client_ip, "127.0.0.1")

    def test_another_guard_is_refused(self):
        self._login(self.guard2)
        response = self.url_open(f"/property/checkin/{self.gate.qr_token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("North Gate is not on any of your open rounds", response.text)
        self.assertNotIn('name="remark"', response.text)
        response = self._post(self.gate.qr_token)
        self.assertEqual(response.status_code, 422)
        self.assertIn("North Gate is not on any of your open rounds", response.text)
        self.assertFalse(self._checkins())

    def test_checkpoint_not_on_the_route_is_refused(self):
        self._login(self.guard)
        response = self.url_open(f"/property/checkin/{self.vacant_unit.qr_token}")
        self.assertIn("Vacant 1501 is not on any of your open rounds", response.text)
        response = self._post(self.vacant_unit.qr_token)
        self.assertEqual(response.status_code, 422)
        self.assertIn("Vacant 1501 is not on any of your open rounds", response.text)
        self.assertFalse(self._checkins())

    def test_old_and_unknown_tokens_are_refused(self):
        old_token = self.gate.qr_token
        self.gate.action_regenerate_token()
        self._login(self.guard)
        message = "This QR code is not valid: it is old, was replaced"
        for token in (old_token, "not-a-token"):
            response = self.url_open(f"/property/checkin/{token}")
            self.assertEqual(response.status_code, 200)
            self.assertIn(message, response.text)
            response = self._post(token)
            self.assertEqual(response.status_code, 422)
            self.assertIn(message, response.text)
        self.assertFalse(self._checkins())
        # The new code works.
        self.assertEqual(self._post(self.gate.qr_token).status_code, 303)

    def test_closed_round_is_refused(self):
        self.round.action_close()
        self._login(self.guard)
        response = self._post(self.gate.qr_token)
        self.assertIn("North Gate is not on any of your open rounds", response.text)
        self.assertEqual(len(self._checkins()), 0)

    def test_form_errors_keep_the_answers(self):
        self._login(self.guard)
        # A problem without a note, a problem remark without text.
        response = self._post(self.control_room.qr_token, **{f"note_{self.fire_panel.id}": ""})
        self.assertEqual(response.status_code, 422)
        self.assertIn("Describe the problem found for: Fire panel without alarm.", response.text)
        self.assertIn("Door was unlocked, locked it.", response.text)
        response = self._post(self.gate.qr_token, remark="", is_problem="1")
        self.assertIn("Describe the problem in the remark.", response.text)
        # Unanswered checklist item.
        response = self._post(self.control_room.qr_token, **{f"item_{self.cctv.id}": ""})
        self.assertIn("Answer every item of the checklist", response.text)
        self.assertFalse(self._checkins())

    def test_photo_is_checked(self):
        self._login(self.guard)
        response = self._post(
            self.gate.qr_token, files={"photo": ("notes.pdf", b"%PDF-1.4 fake", "image/png")}
        )
        self.assertEqual(response.status_code, 422)
        self.assertIn("The photo must be a JPEG, PNG, GIF or WebP image.", response.text)
        with patch.object(property_patrol, "MAX_PHOTO_SIZE", 100):
            response = self._post(
                self.gate.qr_token, files={"photo": ("big.png", png_bytes((300, 300)), "")}
            )
        self.assertIn("The photo is too large", response.text)
        self.assertFalse(self._checkins())

    def test_anonymous_is_sent_to_login(self):
        self.authenticate(None, None)
        for url in ("/property/patrol", f"/property/checkin/{self.gate.qr_token}"):
            response = self.url_open(url, allow_redirects=False)
            self.assertIn(response.status_code, (302, 303))
            self.assertIn("/web/login", response.headers["Location"])
        response = self.url_open(
            f"/property/checkin/{self.gate.qr_token}",
            data={"csrf_token": http.Request.csrf_token(self), "remark": "x"},
            allow_redirects=False,
        )
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
        self.assertFalse(self._checkins())

    def test_portal_and_other_internal_users_have_no_access(self):
        portal_user = self._portal_user("pb_patrol_portal")
        for user in (portal_user, self.butler):
            self._login(user)
            for url in ("/property/patrol", f"/property/checkin/{self.gate.qr_token}"):
                response = self.url_open(url, allow_redirects=False)
                self.assertEqual(response.status_code, 403, (user.login, url))
                self.assertIn("Only patrol guards can use the patrol pages.", response.text)
            response = self._post(self.gate.qr_token)
            self.assertEqual(response.status_code, 403)
        self.assertFalse(self._checkins())


@tagged("post_install", "-at_install")
class TestPatrolReports(PatrolPagesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        round_as_guard = cls.round.with_user(cls.guard)
        cls.checkin = round_as_guard.check_in(
            cls.control_room.qr_token,
            answers={
                cls.fire_panel.id: (False, "Fault light on zone 4"),
                cls.cctv.id: (True, False),
            },
            remark="Window of the control room left open",
            is_problem=True,
        )
        cls.round.action_close()  # the gate was missed
        cls.finding = cls.checkin.ticket_ids.filtered(lambda t: t.department_id == cls.engineering)

    def test_qr_sheet(self):
        xmlid = "property_butler_patrol.property_patrol_route_report_qr"
        html = self._render_html(xmlid, self.route, user=self.supervisor)
        self.assertIn("North Gate", html)
        self.assertIn("Control Room", html)
        self.assertIn("Key Area", html)
        self.assertIn("Building 2", html)
        # The QR codes are embedded images (SVG) of the check-in links, tokens included.
        self.assertEqual(html.count('class="o_patrol_qr"'), 2)
        for checkpoint in (self.gate, self.control_room):
            url = checkpoint.with_user(self.supervisor).qr_url
            self.assertTrue(url.endswith(f"/property/checkin/{checkpoint.qr_token}"))
            self.assertIn(f'src="{qr_svg_src(url)}"', html)
            self.assertNotIn(checkpoint.qr_token, html.replace(qr_svg_src(url), ""))
        self.assertNotIn("Vacant 1501", html)
        self._render_pdf(xmlid, self.route)

    def test_printed_qr_codes_decode_to_the_checkin_links(self):
        """The printed sheet (wkhtmltopdf, then rasterised at 200 dpi as a phone camera would see
        it) decodes with a strict decoder back to each checkpoint's check-in link."""
        if not shutil.which("pdftoppm"):
            self.fail("pdftoppm (poppler-utils) is required to read the printed QR codes back")
        report = self.env.ref("property_butler_patrol.property_patrol_route_report_qr")
        pdf, _format = (
            report.with_user(self.supervisor)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report.report_name, self.route.ids)
        )
        self.assertTrue(pdf.startswith(b"%PDF"))
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "qr.pdf")
            with open(path, "wb") as file:
                file.write(pdf)
            subprocess.run(
                ["pdftoppm", "-png", "-r", "200", path, os.path.join(tmp, "page")], check=True
            )
            pages = sorted(name for name in os.listdir(tmp) if name.endswith(".png"))
            self.assertTrue(pages)
            decoded = []
            for name in pages:
                with Image.open(os.path.join(tmp, name)) as page:
                    decoded += [
                        code.text
                        for code in zxingcpp.read_barcodes(page)
                        if code.format == zxingcpp.BarcodeFormat.QRCode
                    ]
        urls = (self.gate | self.control_room).with_user(self.supervisor).mapped("qr_url")
        self.assertEqual(sorted(decoded), sorted(urls))

    def test_checkin_sheet(self):
        xmlid = "property_butler_patrol.property_patrol_round_report_checkin_sheet"
        html = self._render_html(xmlid, self.round, user=self.supervisor)
        self.assertIn("Patrol Check-in Sheet", html)
        self.assertIn("Cluster 3 night route", html)
        self.assertIn(self.guard.name, html)
        self.assertIn(self._local_time(self.checkin.date, seconds=False), html)
        self.assertNotRegex(html, r"\d\d:\d\d:\d\d", "times as HH:MM")
        self.assertIn("MISSED", html)
        # Route order: the gate (missed) before the control room.
        self.assertLess(html.index("North Gate"), html.index("Control Room"))
        self._render_pdf(xmlid, self.round)

    def test_checkin_sheet_groups_by_guard_route_and_day(self):
        other = self.env["property.patrol.round"].create(
            {
                "route_id": self.route.id,
                "guard_id": self.guard2.id,
                "date_start": self.round.date_start + timedelta(hours=1),
            }
        )
        later = self.env["property.patrol.round"].create(
            {
                "plan_id": self.plan.id,
                "route_id": self.route.id,
                "guard_id": self.guard.id,
                "date_start": self.round.date_start + timedelta(minutes=1),
            }
        )
        xmlid = "property_butler_patrol.property_patrol_round_report_checkin_sheet"
        html = self._render_html(xmlid, self.round | other | later, user=self.supervisor)
        self.assertEqual(html.count("<h2>Patrol Check-in Sheet</h2>"), 2)
        self.assertEqual(html.count('class="table table-sm table-bordered o_patrol_round"'), 3)

    def test_inspection_record(self):
        xmlid = "property_butler_patrol.property_patrol_round_report_inspection"
        html = self._render_html(xmlid, self.round, user=self.supervisor)
        self.assertIn("Patrol Inspection Record", html)
        self.assertIn("Fire panel without alarm", html)
        self.assertIn("Fault light on zone 4", html)
        self.assertIn("CCTV screens all on", html)
        self.assertIn("Window of the control room left open", html)
        self.assertIn("(problem)", html)
        self.assertEqual(len(self.checkin.ticket_ids), 2)
        for ticket in self.checkin.ticket_ids:
            self.assertIn(ticket.name, html)
            self.assertIn(ticket.department_id.name, html)
        self.assertIn(self.engineering.name, html)
        self.assertIn("Missed:", html)
        self.assertIn(self._local_time(self.checkin.date, seconds=False), html)
        self.assertNotRegex(html, r"\d\d:\d\d:\d\d", "times as HH:MM")
        self._render_pdf(xmlid, self.round)
