from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestArchive(PropertyButlerCase):
    """Archive files with the documents their type requires, their completeness and the
    borrowing log with its overdue reminders."""

    def _file(self, user=None, **vals):
        Archive = self.env["property.archive"]
        if user:
            Archive = Archive.with_user(user)
        return Archive.create(
            {
                "name": "3-2-1502 resident file",
                "type_id": self.env.ref(
                    "property_butler_archive.property_archive_type_resident"
                ).id,
                "project_id": self.project.id,
                "unit_id": self.unit.id,
                "partner_id": self.owner.id,
                "cabinet": "B",
                "shelf": "2",
                **vals,
            }
        )

    def test_required_documents_and_completeness(self):
        archive = self._file(self.front_desk)
        self.assertTrue(archive.reference.startswith("DA/"))
        required = archive.type_id.requirement_ids
        self.assertEqual(archive.document_ids.requirement_id, required)
        self.assertEqual(archive.missing_count, len(required))
        self.assertFalse(archive.is_complete)
        archive.document_ids[:-1].received = True
        self.assertEqual(archive.missing_count, 1)
        self.assertLess(archive.completeness, 100)
        archive.document_ids.received = True
        self.assertTrue(archive.is_complete)
        self.assertEqual(archive.completeness, 100)
        # An extra document does not count; changing the type adds its documents.
        archive.document_ids = [(0, 0, {"name": "Parking contract copy"})]
        self.assertTrue(archive.is_complete)
        archive.type_id = self.env.ref("property_butler_archive.property_archive_type_decoration")
        self.assertFalse(archive.is_complete)
        self.assertIn(
            self.env.ref("property_butler_archive.property_archive_requirement_decoration_1"),
            archive.document_ids.requirement_id,
        )
        compliance = self.env["property.archive"]._compliance(
            [("project_id", "=", self.project.id)]
        )
        self.assertEqual(compliance[self.project.id], (0, 1))

    def test_loans_and_overdue_reminders(self):
        archive = self._file()
        Loan = self.env["property.archive.loan"].with_user(self.butler)
        loan = Loan.create(
            {
                "archive_id": archive.id,
                "approver_id": self.supervisor.id,
                "date_out": date(2026, 6, 1),
                "date_due": date(2026, 6, 5),
            }
        )
        self.assertTrue(archive.is_out)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            Loan.create(
                {
                    "archive_id": archive.id,
                    "approver_id": self.supervisor.id,
                    "date_out": date(2026, 6, 2),
                    "date_due": date(2026, 6, 9),
                }
            )
        with self.assertRaises(ValidationError), self.cr.savepoint():
            loan.date_due = date(2026, 5, 30)
        with freeze_time("2026-06-04 04:00:00"):
            self.assertFalse(loan.is_overdue)
            self.assertFalse(self.env["property.archive.loan"]._cron_overdue_reminders() & loan)
        with freeze_time("2026-06-07 04:00:00"):
            loan.invalidate_recordset(["is_overdue"])
            self.assertTrue(loan.is_overdue)
            self.assertIn(loan, Loan.search([("is_overdue", "=", True)]))
            self.assertIn(loan, self.env["property.archive.loan"]._cron_overdue_reminders())
            self.assertFalse(
                self.env["property.archive.loan"]._cron_overdue_reminders() & loan, "once"
            )
        with self.assertRefused(UserError, "Returned button"):
            loan.write({"state": "returned"})
        (activity,) = loan.activity_ids
        self.assertEqual(activity.user_id, self.butler)
        loan.action_return()
        self.assertEqual(loan.state, "returned")
        self.assertFalse(loan.activity_ids)
        self.assertFalse(archive.is_out)

    def test_new_loan_form(self):
        """The New form computes before the dates are filled in (it failed on the empty due date)."""
        archive = self._file()
        form = Form(self.env["property.archive.loan"].with_user(self.butler))
        self.assertFalse(form.is_overdue)
        form.archive_id = archive
        form.approver_id = self.supervisor
        form.date_due = date(2026, 12, 31)
        self.assertEqual(form.save().borrower_id, self.butler)

    def test_who_sees_the_archives(self):
        archive = self._file()
        for user in (self.guard, self.staff):
            with self.assertRaises(AccessError):
                archive.with_user(user).read(["name"])
        self.assertEqual(archive.with_user(self.butler).read(["name"])[0]["name"], archive.name)
        company, project, _building, _unit = self._moon_bay()
        other = self.env["property.archive"].create(
            {
                "name": "Moon Bay file",
                "type_id": archive.type_id.id,
                "project_id": project.id,
            }
        )
        self.assertEqual(other.company_id, company)
        self.assertNotIn(other, self.env["property.archive"].with_user(self.supervisor).search([]))

    def test_butler_outside_the_grid(self):
        """With the grid restriction on, a butler reads the resident files of his own grid's
        units only; files about no unit stay the department's."""
        self.company.property_grid_restricted = True
        self._grid(self.butler, building_ids=[(6, 0, self.building.ids)])  # 3-2-1502
        resident_file = self._file()
        takeover = self._file(
            name="Building 2 takeover",
            type_id=self.env.ref("property_butler_archive.property_archive_type_takeover").id,
            unit_id=False,
            partner_id=False,
        )
        Archive = self.env["property.archive"]
        self.assertIn(resident_file, Archive.with_user(self.butler).search([]))
        seen_by_butler2 = Archive.with_user(self.butler2).search([])
        self.assertNotIn(resident_file, seen_by_butler2)
        self.assertIn(takeover, seen_by_butler2)
        with self.assertRaises(AccessError):
            resident_file.with_user(self.butler2).read(["partner_id"])
        self.assertIn(resident_file, Archive.with_user(self.supervisor).search([]))
        self.assertIn(resident_file, Archive.with_user(self.front_desk).search([]))

    def test_demo_archives(self):
        project = self.env.ref("property_butler.project_sunshine", raise_if_not_found=False)
        if not project or not project.unit_ids:
            self.skipTest("no demo estate")
        archives = self.env["property.archive"].search([("project_id", "=", project.id)])
        self.assertGreaterEqual(len(archives), 20)
        self.assertTrue(archives.filtered(lambda a: not a.is_complete))
        self.assertTrue(archives.loan_ids.filtered("is_overdue"))
