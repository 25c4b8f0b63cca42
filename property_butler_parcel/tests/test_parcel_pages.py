import logging

from odoo.tests import tagged

from odoo.addons.property_butler.tests.common import PropertyHttpCase

from .common_parcel import ParcelCase

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestParcelPages(PropertyHttpCase, ParcelCase):
    def test_residents_see_only_their_own_mail(self):
        mine = self._parcel(tracking_number="XA-MINE-1")
        theirs = self._parcel(
            tracking_number="XA-THEIRS-1",
            partner_id=self.other_owner.id,
            unit_id=self.unit_b.id,
            addressee_name=self.other_owner.name,
        )
        self._login(self.resident)
        home = self.url_open("/my")
        self.assertIn("/my/parcels", home.text)
        response = self.url_open("/my/parcels")
        self.assertEqual(response.status_code, 200)
        self.assertIn("XA-MINE-1", response.text)
        self.assertNotIn("XA-THEIRS-1", response.text)
        response = self.url_open(f"/my/parcels/{mine.id}")
        self.assertIn("o_parcel_waiting", response.text)
        # Another resident's item: back to /my, nothing of it shown.
        response = self.url_open(f"/my/parcels/{theirs.id}")
        self.assertNotIn("XA-THEIRS-1", response.text)
        self.assertTrue(response.url.endswith("/my"))
        self._login(self.neighbour)
        response = self.url_open("/my/parcels")
        self.assertIn("XA-THEIRS-1", response.text)
        self.assertNotIn("XA-MINE-1", response.text)
        response = self.url_open(f"/my/parcels/{mine.id}")
        self.assertNotIn("XA-MINE-1", response.text)
        # Collected: who collected it is shown to the resident.
        self._pick_up(
            mine, collector_kind="family", collector_name="王小明", collector_relation="son"
        )
        self._login(self.resident)
        response = self.url_open(f"/my/parcels/{mine.id}")
        self.assertIn("王小明", response.text)
        self.assertIn("o_parcel_collected", response.text)

    def _queries(self, url):
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        self.url_open(url)  # warm the caches
        before = self.cr.sql_log_count
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return self.cr.sql_log_count - before

    def _estate_mail(self, count):
        """``count`` items for the resident and as many for the neighbour."""
        self.Parcel.with_context(property_parcel_no_notify=True).create(
            [
                {
                    "project_id": self.project.id,
                    "addressee_name": partner.name,
                    "unit_id": unit.id,
                    "partner_id": partner.id,
                    "tracking_number": f"XA{index:09d}CN",
                }
                for index in range(count)
                for partner, unit in ((self.owner, self.unit), (self.other_owner, self.unit_b))
            ]
        )

    def test_portal_query_counts(self):
        """The portal pages' queries do not grow with the size of the register."""
        self._login(self.resident)
        pages = ["/my", "/my/parcels"]
        self._estate_mail(2)
        small = {url: self._queries(url) for url in pages}
        self._estate_mail(60)
        large = {url: self._queries(url) for url in pages}
        _logger.info("portal query counts (4 then 124 items in the register): %s %s", small, large)
        for url in pages:
            self.assertLessEqual(large[url], small[url] + 2, url)
