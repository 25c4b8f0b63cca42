import threading
import time
from datetime import date

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged

# How long the ticket may wait for a lock before the test calls it blocked.
LOCK_TIMEOUT = "5s"


@tagged("post_install", "-at_install")
class TestTicketNumberingLock(TransactionCase):
    """Finding 7: numbering a ticket must not wait for (nor block) an open transaction that
    inserts rows of the same company, such as a billing batch. Two real connections, each
    its own registry cursor in its own thread, both committing."""

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _billing_batch(self, opened, release, result):
        """Thread 1: bill a month for a few contacts of the demo company and keep the
        transaction open (uncommitted) until told to commit."""
        try:
            with self.registry.cursor() as cr:
                env = self._env(cr)
                project = env.ref("property_butler.project_sunshine")
                if not env["account.journal"].search(
                    [("company_id", "=", project.company_id.id), ("type", "=", "sale")], limit=1
                ):
                    env["account.chart.template"].try_loading(
                        "generic_coa", company=project.company_id, install_demo=False
                    )
                # A fee of its own: the demo's schedule already rates the management fee.
                fee_type = env["property.fee.type"].create(
                    {
                        "name": "Lock Test Fee",
                        "product_id": env.ref("property_butler_billing.product_management_fee").id,
                        "computation": "area",
                        "company_id": project.company_id.id,
                    }
                )
                result["fee_type"] = fee_type.id
                rate = env["property.fee.rate"].create(
                    {
                        "project_id": project.id,
                        "unit_type": "residential",
                        "fee_type_id": fee_type.id,
                        "rate": 2.5,
                        "date_from": date(2031, 1, 1),
                    }
                )
                Billing = env["property.billing"]
                start, end = Billing._period_bounds(date(2031, 1, 1))
                contacts = (
                    env["property.occupancy"]
                    .search(
                        [("project_id", "=", project.id), ("is_billing_contact", "=", True)],
                        limit=3,
                    )
                    .partner_id
                )
                moves = Billing._bill_batch(contacts, project, start, end)
                env.flush_all()
                result["company"] = project.company_id.id
                result["moves"] = moves.ids
                result["rate"] = rate.id
                opened.set()
                release.wait(30)
                cr.commit()  # pylint: disable=invalid-commit
        except Exception as error:  # noqa: BLE001 - reported to the main thread
            result["error"] = error
            opened.set()

    def _create_ticket(self, company_id, result):
        """Thread 2: create (and commit) a ticket of the same company, on its own connection."""
        try:
            with self.registry.cursor() as cr:
                cr.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
                env = self._env(cr)
                unit = env["property.unit"].search([("company_id", "=", company_id)], limit=1)
                started = time.monotonic()
                ticket = env["property.ticket"].create(
                    {
                        "title": "Lift stuck on floor 3",
                        "description": "<p>The lift does not move.</p>",
                        "ticket_type_id": env.ref(
                            "property_butler_ticket.property_ticket_type_repair"
                        ).id,
                        "unit_id": unit.id,
                    }
                )
                env.flush_all()
                cr.commit()  # pylint: disable=invalid-commit
                result["seconds"] = time.monotonic() - started
                result["ticket"] = ticket.id
                result["name"] = ticket.name
        except Exception as error:  # noqa: BLE001 - reported to the main thread
            result["error"] = error

    def _cleanup(self, billing, numbering):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            env["property.ticket"].browse(numbering.get("ticket", [])).exists().unlink()
            env["account.move"].browse(billing.get("moves", [])).exists().unlink()
            env["property.fee.rate"].browse(billing.get("rate", [])).exists().unlink()
            env["property.fee.type"].browse(billing.get("fee_type", [])).exists().unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def test_ticket_created_while_a_billing_batch_of_the_company_is_open(self):
        self.assertFalse(self.registry.in_test_mode(), "two real connections are needed")
        opened, release = threading.Event(), threading.Event()
        billing, numbering = {}, {}
        biller = threading.Thread(target=self._billing_batch, args=(opened, release, billing))
        biller.start()
        try:
            self.assertTrue(opened.wait(120), "the billing batch did not start")
            self.assertNotIn("error", billing, billing.get("error"))
            self.assertTrue(billing["moves"], "the billing batch is open with invoices")
            ticket_thread = threading.Thread(
                target=self._create_ticket, args=(billing["company"], numbering)
            )
            ticket_thread.start()
            ticket_thread.join(60)
            self.assertFalse(ticket_thread.is_alive(), "the ticket waited for the billing batch")
            self.assertNotIn("error", numbering, numbering.get("error"))
            self.assertTrue(numbering["name"].startswith("TK"))
            self.assertLess(numbering["seconds"], 5, "the ticket did not wait for a lock")
            self.assertTrue(biller.is_alive(), "the billing batch was still open meanwhile")
        finally:
            release.set()
            biller.join(60)
            self._cleanup(billing, numbering)
        self.assertNotIn("error", billing, billing.get("error"))
