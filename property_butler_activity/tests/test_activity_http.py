from odoo import http
from odoo.tests import tagged

from odoo.addons.property_butler.tests.common import PropertyHttpCase

from .common import ActivityCase


@tagged("post_install", "-at_install")
class TestActivityPortal(PropertyHttpCase, ActivityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity = cls._activity(seats_limited=True, seats_max=10)
        cls.draft = cls._activity(name="未批准的活动", approved=False)
        cls.past = cls._activity(name="去年的联谊会", days=-30)
        cls.far_project = cls.env["property.project"].create({"name": "Far Garden", "code": "FG"})
        cls.elsewhere = cls._activity(name="别的小区的活动", project=cls.far_project)

    def _post(self, url, **data):
        return self.url_open(
            url, data={"csrf_token": http.Request.csrf_token(self), **data}, allow_redirects=False
        )

    def test_list_and_sign_up(self):
        self._login(self.resident)
        home = self.url_open("/my")
        self.assertIn("/my/activities", home.text)
        page = self.url_open("/my/activities")
        self.assertEqual(page.status_code, 200)
        self.assertIn("中秋赏月晚会", page.text)
        for hidden in ("未批准的活动", "去年的联谊会", "别的小区的活动"):
            self.assertNotIn(hidden, page.text)
        response = self._post(f"/my/activities/{self.activity.id}/signup", party_size="3")
        self.assertEqual(response.status_code, 303)
        registration = self.env["event.registration"].search([("event_id", "=", self.activity.id)])
        self.assertEqual(registration.partner_id, self.owner)
        self.assertEqual(registration.unit_id, self.unit)
        self.assertEqual(registration.property_party_size, 3)
        self.assertEqual(self.activity.property_headcount, 3)
        detail = self.url_open(f"/my/activities/{self.activity.id}")
        self.assertIn(registration.barcode, detail.text)
        self.assertIn(f"/report/barcode/QR/{registration.barcode}", detail.text)
        # Twice: refused, still one sign-up.
        response = self._post(f"/my/activities/{self.activity.id}/signup", party_size="1")
        self.assertIn("error=already", response.headers["Location"])
        # Too many people.
        self._login(self.neighbour)
        response = self._post(f"/my/activities/{self.activity.id}/signup", party_size="8")
        self.assertIn("error=full", response.headers["Location"])
        response = self._post(f"/my/activities/{self.activity.id}/signup", party_size="0")
        self.assertIn("error=size", response.headers["Location"])
        self.assertEqual(self.activity.property_headcount, 3)

    def test_last_places_to_the_first(self):
        """The resident takes the last 2 places; the neighbour, signing up next for 1, is
        refused and has no sign-up."""
        self._signup(self.activity, self.tenant, self.unit2, size=8)
        self._login(self.resident)
        response = self._post(f"/my/activities/{self.activity.id}/signup", party_size="2")
        self.assertEqual(response.status_code, 303)
        self.assertNotIn("error=", response.headers["Location"])
        self._login(self.neighbour)
        response = self._post(f"/my/activities/{self.activity.id}/signup", party_size="1")
        self.assertIn("error=full", response.headers["Location"])
        detail = self.url_open(response.headers["Location"])
        self.assertIn("Not enough places are left", detail.text)
        Registration = self.env["event.registration"]
        self.assertFalse(
            Registration.search_count(
                [("event_id", "=", self.activity.id), ("partner_id", "=", self.other_owner.id)]
            )
        )
        self.assertEqual(self.activity.property_headcount, 10)

    def test_isolation(self):
        mine = self._signup(self.activity, self.owner, self.unit, size=2)
        theirs = self._signup(self.activity, self.other_owner, self.unit_b)
        self._login(self.resident)
        detail = self.url_open(f"/my/activities/{self.activity.id}")
        self.assertIn(mine.barcode, detail.text)
        self.assertNotIn(theirs.barcode, detail.text)
        self.assertNotIn("张伟", detail.text)
        self.assertNotIn("13800000004", detail.text)
        # Not approved, of another project: not shown, no sign-up.
        for event in (self.draft, self.elsewhere):
            response = self.url_open(f"/my/activities/{event.id}", allow_redirects=False)
            self.assertEqual(response.status_code, 303)
            self.assertTrue(response.headers["Location"].endswith("/my"))
            self._post(f"/my/activities/{event.id}/signup", party_size="1")
            self.assertFalse(
                self.env["event.registration"].search_count([("event_id", "=", event.id)])
            )
        # Over: no sign-up any more.
        self._post(f"/my/activities/{self.past.id}/signup", party_size="1")
        self.assertFalse(
            self.env["event.registration"].search_count([("event_id", "=", self.past.id)])
        )
        # Cancelling cancels the resident's own sign-up only.
        self._post(f"/my/activities/{self.activity.id}/cancel")
        self.assertEqual(mine.state, "cancel")
        self.assertEqual(theirs.state, "open")
        self._post(f"/my/activities/{self.activity.id}/cancel")
        self.assertEqual(theirs.state, "open")
        # A resident with no right on sign-ups cannot reach them through the ORM routes.
        response = self.url_open(
            "/web/dataset/call_kw/event.registration/search_read",
            data='{"jsonrpc": "2.0", "method": "call", "params": {"model": "event.registration",'
            ' "method": "search_read", "args": [[], ["name", "barcode"]], "kwargs": {}}}',
            headers={"Content-Type": "application/json"},
        )
        self.assertNotIn(theirs.barcode, response.text)
        self.assertIn("error", response.json())

    def test_checked_in_cannot_cancel(self):
        mine = self._signup(self.activity, self.owner, self.unit)
        mine.action_set_done()
        self._login(self.resident)
        response = self._post(f"/my/activities/{self.activity.id}/cancel")
        self.assertIn("error=checked_in", response.headers["Location"])
        self.assertEqual(mine.state, "done")

    def test_outsiders(self):
        self._login(self.front_desk)
        response = self.url_open(f"/my/activities/{self.activity.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.authenticate(None, None)
        response = self.url_open(f"/my/activities/{self.activity.id}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
