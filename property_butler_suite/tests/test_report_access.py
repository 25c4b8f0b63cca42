from datetime import date

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_butler_patrol.tests.common_patrol import PatrolPagesCase

MODULE = "property_butler"  # and every addon of the suite (property_butler_*)
SAMPLE_SIZE = 300


@tagged("post_install", "-at_install")
class TestReportAccess(HttpCase, PatrolPagesCase):
    """Every report of the product, printed through Odoo's report routes with real sessions.

    Odoo's ``/report/html`` and ``/report/pdf`` render any report for any logged-in user: the
    report models refuse the data to users outside the report action's groups, and records the
    user may not read. The reports are taken from the registry, not listed by hand, so that a
    new report is covered at once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resident = cls._portal_user("pb_resident")
        cls._occupy(cls.unit, cls.resident.partner_id)
        # A complaint the resident may read (his own): still not his to print.
        cls.resident_ticket = cls.env["property.ticket"].create(
            {
                "title": "Noise at night",
                "description": "<p>Loud music after midnight.</p>",
                "ticket_type_id": cls.env.ref(
                    "property_butler_ticket.property_ticket_type_complaint"
                ).id,
                "unit_id": cls.unit.id,
                "partner_id": cls.resident.partner_id.id,
            }
        )
        # Another guard's round: the guard may not read it.
        cls.round_guard2 = cls.env["property.patrol.round"].create(
            {
                "route_id": cls.route.id,
                "guard_id": cls.guard2.id,
                "date_start": cls.round.date_start,
            }
        )
        cls._one_record_per_report_model()
        cls.roles = {
            "guard": cls.guard,
            "front desk": cls.front_desk,
            "butler": cls.butler,
            "staff": cls.staff,
            "resident": cls.resident,
            "supervisor": cls.supervisor,
        }
        # The lawyer's letter is for malicious defaulters only (a UserError otherwise).
        cls.env["property.dunning.case"].search([]).write({"malicious": True})

    @classmethod
    def _one_record_per_report_model(cls):
        """A record of each model the product prints (whatever the demo data holds)."""
        ref = cls.env.ref
        cls._grid(cls.butler, building_ids=cls._set(cls.building))
        cls._occupy(cls.unit2, cls.owner, date_start=date(2024, 1, 1), is_billing_contact=True)
        cls.env["property.inspection"].create(
            {
                "template_id": ref(
                    "property_butler_patrol.property_inspection_template_vacant_unit"
                ).id,
                "unit_id": cls.unit_b.id,
            }
        )
        cls.env["property.dunning.case"].create(
            {
                "unit_id": cls.unit2.id,
                "partner_id": cls.owner.id,
                "quarter": date(2026, 1, 1),
                "butler_id": cls.butler.id,
            }
        )
        cls.env["property.decoration.permit"].create(
            {
                "unit_id": cls.unit2.id,
                "applicant_id": cls.owner.id,
                "contractor_name": "美家裝飾",
                "scope": "Kitchen renovation",
                "date_start": date(2026, 11, 20),
                "date_end": date(2026, 12, 20),
                "guard_ids": [Command.set(cls.guard.ids)],
            }
        )
        cls.env["property.storm.alert"].create(
            {
                "name": "Rainstorm",
                "kind": "rainstorm",
                "project_ids": [Command.set(cls.project.ids)],
            }
        )
        Log = cls.env["property.handover.log"]
        Log.with_user(cls.guard).create({"kind": "security", "project_id": cls.project.id})
        Log.with_user(cls.front_desk).create({"kind": "front_desk", "project_id": cls.project.id})

    def _reports(self):
        """All report actions of the product: its own (by XML id) and any other printing one of
        its report templates."""
        data = self.env["ir.model.data"].search(
            [("module", "=like", f"{MODULE}%"), ("model", "=", "ir.actions.report")]
        )
        reports = self.env["ir.actions.report"].browse(data.mapped("res_id"))
        return reports | self.env["ir.actions.report"].search(
            [("report_name", "=like", f"{MODULE}%.%")]
        )

    def _samples(self, report, user):
        """Records of the report's model: (one the user may read, one he may not)."""
        Model = self.env[report.model]
        if Model._transient:
            # A wizard of the user's own (when he may create one), and one of someone else.
            vals = (
                {"cluster_id": self.cluster.id}
                if "cluster_id" in Model._fields
                else {"project_id": self.project.id}
                if "project_id" in Model._fields
                else {}
            )
            sample = Model.create(vals)
            if Model.with_user(user).has_access("create"):
                sample |= Model.with_user(user).create(vals)
        else:
            sample = Model.search([], limit=SAMPLE_SIZE)
        if report.model == "property.ticket":
            sample |= self.resident_ticket
        self.assertTrue(sample, f"no {report.model} record to print {report.name} with")
        readable = sample.with_user(user)._filtered_access("read").with_env(self.env)
        return readable[:1], (sample - readable)[:1]

    def _get(self, converter, report, records):
        url = f"/report/{converter}/{report.report_name}/{','.join(map(str, records.ids))}"
        response = self.url_open(url, allow_redirects=False)
        self.env.invalidate_all()
        return response

    def test_every_report_checks_access_in_its_report_model(self):
        reports = self._reports()
        self.assertGreaterEqual(len(reports), 13)
        mixin = self.env.registry["property.report.mixin"]
        for report in reports:
            with self.subTest(report=report.report_name):
                self.assertTrue(report.groups_id, "every report is printed by some roles only")
                model = self.env.registry.get(f"report.{report.report_name}")
                self.assertIsNotNone(model, "a report model checks the access")
                self.assertTrue(issubclass(model, mixin))

    def test_report_routes_refuse_roles_outside_the_groups_and_unreadable_records(self):
        printed = refused = 0
        for report in self._reports():
            for role, user in self.roles.items():
                in_groups = bool(report.groups_id & user.groups_id)
                readable, unreadable = self._samples(report, user)
                self.authenticate(user.login, user.login)
                for converter in ("html", "pdf"):
                    with self.subTest(report=report.report_name, role=role, converter=converter):
                        if not in_groups:
                            response = self._get(converter, report, readable or unreadable)
                            self.assertEqual(response.status_code, 403)
                            self.assertNotIn('class="page', response.text)
                            refused += 1
                            continue
                        if unreadable:
                            response = self._get(converter, report, unreadable)
                            self.assertEqual(response.status_code, 403)
                            refused += 1
                        if readable:
                            response = self._get(converter, report, readable)
                            self.assertEqual(response.status_code, 200, response.text[:500])
                            self.assertIn('class="page', response.text)
                            printed += 1
        self.assertGreater(printed, 20)
        self.assertGreater(refused, 50)

    def test_qr_sheet_is_printed_by_supervisors_only(self):
        report = self.env.ref("property_butler_patrol.property_patrol_route_report_qr")
        for user in (self.guard, self.front_desk, self.butler, self.staff, self.resident):
            self.authenticate(user.login, user.login)
            for converter in ("html", "pdf"):
                with self.subTest(user=user.login, converter=converter):
                    response = self._get(converter, report, self.route)
                    self.assertEqual(response.status_code, 403)
                    self.assertNotIn(self.gate.qr_token, response.text)
                    self.assertNotIn("/property/checkin/", response.text)
        self.authenticate(self.supervisor.login, self.supervisor.login)
        response = self._get("html", report, self.route)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.text.count('class="o_patrol_qr"'), 2)

    def test_guards_never_compute_the_check_in_links(self):
        """qr_url is computed as the user, never through sudo: empty for guards, also when a
        supervisor computed it first in the same transaction."""
        self.assertTrue(self.gate.with_user(self.supervisor).qr_url)
        for user in (self.guard, self.front_desk):
            self.assertFalse(self.gate.with_user(user).qr_url)
        self.assertIn(self.gate.qr_token, self.gate.qr_url)
