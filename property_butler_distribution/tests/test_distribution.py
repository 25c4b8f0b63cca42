import base64

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.property_butler.tests.common import MOVED_IN, PropertyButlerCase, png_bytes

CRON = "property_butler_distribution.property_document_line_cron_unclaimed"


class DistributionCase(PropertyButlerCase):
    """The estate's two grids: 3-2-1502 (the butler's, occupied by its billed owner and a
    household member), 3-2-1501 (the butler's, a key customer), 3-5-301 (butler2's, owned by
    someone who lives elsewhere), and a parking space."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._two_grids_billed()
        cls._occupy(cls.unit, cls.member, role="member", date_start=MOVED_IN)
        cls.env["property.occupancy"].search([("unit_id", "=", cls.unit_b.id)]).resides = False
        cls.key_owner = cls.env["res.partner"].create({"name": "陈静", "phone": "13800000009"})
        cls._billing_contact(cls.unit2, cls.key_owner)
        cls.unit2.key_customer = True
        cls.unit_b.mailing_address = "广州市天河区体育西路 100 号 2001 室"
        cls.parking = cls._parking_space()
        cls._billing_contact(cls.parking, cls.owner, resides=False)
        cls.Issue = cls.env["property.document.issue"]

    @classmethod
    def _issue(cls, **vals):
        return cls.Issue.create(
            {
                "name": vals.pop("name", "特约服务收费标准"),
                "document_type": "price_list",
                "project_id": cls.project.id,
                "file": base64.b64encode(b"price list"),
                "file_name": "price_list.txt",
                **vals,
            }
        )

    def _line(self, issue, unit):
        return issue.line_ids.filtered(lambda line: line.unit_id == unit)


@tagged("post_install", "-at_install")
class TestDistribution(DistributionCase):
    def test_copies_per_unit_with_the_unit_channel(self):
        issue = self._issue()
        issue.action_generate_lines()
        self.assertEqual(issue.state, "distributing")
        self.assertEqual(issue.line_ids.unit_id, self.unit | self.unit2 | self.unit_b)
        self.assertEqual(self._line(issue, self.unit).partner_id, self.owner)
        self.assertEqual(self._line(issue, self.unit).channel, "security")
        self.assertEqual(self._line(issue, self.unit2).channel, "in_person")
        post = self._line(issue, self.unit_b)
        self.assertEqual(post.channel, "post")
        self.assertEqual(post.partner_id, self.other_owner)
        self.assertIn("体育西路", post.mailing_address)
        self.assertEqual(set(issue.line_ids.mapped("state")), {"prepared"})
        # Again: nothing twice.
        issue.action_generate_lines()
        self.assertEqual(len(issue.line_ids), 3)
        self.assertEqual((issue.line_count, issue.security_count, issue.post_count), (3, 1, 1))

    def test_scopes(self):
        issue = self._issue(scope="buildings", building_ids=self._set(self.building_b))
        issue.action_generate_lines()
        self.assertEqual(issue.line_ids.unit_id, self.unit_b)
        units = self._issue(scope="units", unit_ids=self._set(self.unit | self.parking))
        units.action_generate_lines()
        self.assertEqual(units.line_ids.unit_id, self.unit | self.parking)
        clusters = self._issue(scope="clusters")
        with self.assertRefused(UserError, "clusters"):
            clusters.action_generate_lines()
        self.assertFalse(clusters.line_ids)
        self.assertEqual(clusters.state, "draft")
        _company, other_project, _building, other_unit = self._moon_bay()
        self.assertTrue(other_project)
        with self.assertRaises(UserError):
            self._issue(scope="units", unit_ids=self._set(other_unit))

    def test_security_team_briefed_before_handing_over(self):
        issue = self._issue()
        issue.action_generate_lines()
        line = self._line(issue, self.unit).with_user(self.butler)
        with self.assertRefused(UserError, "Brief the security team"):
            line.action_hand_over()
        self.assertEqual(line.state, "prepared")
        issue.with_user(self.butler).action_brief_security()
        self.assertTrue(issue.security_briefed)
        self.assertEqual(issue.briefed_by_id, self.butler)
        issue.with_user(self.butler).action_hand_over_security()
        self.assertEqual(line.state, "handed_over")
        self.assertEqual(line.handed_by_id, self.butler)
        with freeze_time("2026-03-05"):
            line.action_receive()
        self.assertEqual(line.state, "received")
        self.assertEqual(str(line.date_received), "2026-03-05")
        with self.assertRefused(UserError, "already received"):
            line.action_receive()

    def test_in_person_signs_post_needs_an_address(self):
        issue = self._issue()
        issue.action_generate_lines()
        key = self._line(issue, self.unit2).with_user(self.butler)
        with self.assertRefused(UserError, "signs"):
            key.action_receive()
        key.signature = base64.b64encode(png_bytes())
        key.action_receive()
        self.assertEqual(key.state, "received")
        self.assertTrue(key.date_handed)
        post = self._line(issue, self.unit_b)
        with self.assertRefused(UserError, "by post"):
            post.action_hand_over()
        post.mailing_address = False
        with self.assertRefused(UserError, "mailing address"):
            post.action_post()
        post.mailing_address = "广州市天河区"
        post.action_post()
        self.assertEqual(post.state, "posted")
        with self.assertRefused(UserError, "not sent by post"):
            self._line(issue, self.unit).action_post()

    def test_butler_changes_the_channel(self):
        issue = self._issue()
        issue.action_generate_lines()
        line = self._line(issue, self.unit).with_user(self.butler)
        line.channel = "in_person"
        self.assertEqual(line.channel, "in_person")
        # In person: no briefing needed.
        line.action_hand_over()
        self.assertEqual(line.state, "handed_over")

    def test_grid_restriction_and_companies(self):
        issue = self._issue()
        issue.action_generate_lines()
        own, other = self._line(issue, self.unit), self._line(issue, self.unit_b)
        Line = self.env["property.document.line"]
        self.assertEqual(
            Line.with_user(self.butler).search([("issue_id", "=", issue.id)]), issue.line_ids
        )
        self.company.property_grid_restricted = True
        self.env.invalidate_all()
        self.assertEqual(
            Line.with_user(self.butler).search([("issue_id", "=", issue.id)]),
            own | self._line(issue, self.unit2),
        )
        with self.assertRaises(AccessError):
            other.with_user(self.butler).read(["partner_id", "mailing_address"])
        self.assertEqual(issue.with_user(self.butler2).line_ids, other)
        self.assertEqual(
            Line.with_user(self.supervisor).search_count([("issue_id", "=", issue.id)]), 3
        )
        company, *_rest = self._moon_bay()
        outsider = self._user("pb_moon_butler", "butler", company=company)
        with self.assertRaises(AccessError):
            own.with_user(outsider).read(["partner_id"])
        with self.assertRaises(AccessError):
            issue.with_user(outsider).read(["name"])
        with self.assertRaises(AccessError):
            issue.with_user(self.guard).read(["name"])

    def test_paperless_recipient_by_email(self):
        """A contact who chose paperless documents gets them on the portal and by e-mail;
        a paperless contact without an e-mail keeps paper."""
        self.other_owner.write({"property_paperless": True, "email": "li.na@example.com"})
        self.key_owner.property_paperless = True  # no e-mail: in person as before
        issue = self._issue()
        issue.action_generate_lines()
        line = self._line(issue, self.unit_b)
        self.assertEqual(line.channel, "electronic")
        self.assertEqual(self._line(issue, self.unit2).channel, "in_person")
        self.assertEqual(issue.electronic_count, 1)
        with self.assertRaises(UserError):
            line.with_user(self.butler).action_hand_over()
        with self.assertRaises(UserError):
            self._line(issue, self.unit).with_user(self.butler).action_send()
        with freeze_time("2026-03-02 09:15:00"):
            issue.with_user(self.butler).action_send_all()
        self.assertEqual(line.state, "sent")
        self.assertEqual(line.handed_by_id, self.butler)
        self.assertEqual(str(line.date_handed), "2026-03-02 09:15:00")
        self.assertEqual(issue.handed_count, 1)
        mail = self.env["mail.mail"].search([("model", "=", line._name), ("res_id", "=", line.id)])
        self.assertEqual(mail.recipient_ids, self.other_owner)
        self.assertIn(f"/my/documents/{line.id}", mail.body_html)
        # Unopened two weeks later: the butler calls, as for paper copies.
        with freeze_time("2026-03-17 09:00:00"):
            self.assertTrue(line.is_unclaimed)
        # Opened on the portal: received.
        line._mark_opened()
        self.assertEqual(line.state, "received")
        self.assertTrue(line.received_by)
        # An e-mail address removed before sending: a clear message, nothing sent.
        other = self._issue(name="停水通知")
        other.action_generate_lines()
        self.other_owner.email = False
        with self.assertRaises(UserError):
            self._line(other, self.unit_b).action_send()
        self.assertEqual(self._line(other, self.unit_b).state, "prepared")

    def test_residents_see_only_their_copies(self):
        self._residents()
        issue = self._issue()
        issue.action_generate_lines()
        Line = self.env["property.document.line"]
        self.assertEqual(Line.with_user(self.resident).search([]), self._line(issue, self.unit))
        with self.assertRaises(AccessError):
            self._line(issue, self.unit_b).with_user(self.resident).read(["state"])
        with self.assertRaises(AccessError):
            self._line(issue, self.unit).with_user(self.resident).write({"state": "received"})
        self.assertEqual(self.Issue.with_user(self.neighbour).search([]), issue)
        other = self._issue(name="Other", scope="units", unit_ids=self._set(self.unit2))
        other.action_generate_lines()
        with self.assertRaises(AccessError):
            other.with_user(self.resident).read(["name"])

    def test_unclaimed_copies_give_one_call(self):
        issue = self._issue()
        issue.action_generate_lines()
        issue.action_brief_security()
        with freeze_time("2026-03-01 09:00"):
            issue.action_hand_over_security()
            issue.action_post_all()
        Activity = self.env["mail.activity"]
        with freeze_time("2026-03-14 09:00"):
            lines, calls = self._run_as_scheduled(CRON, "_cron_unclaimed_calls")
            self.assertFalse(lines)
        with freeze_time("2026-03-16 09:00"):
            lines, calls = self._run_as_scheduled(CRON, "_cron_unclaimed_calls", batch_size=1)
            self.assertEqual(lines, self._line(issue, self.unit) | self._line(issue, self.unit_b))
            self.assertEqual(calls, self._batched_calls(2, 1))
            again, _calls = self._run_as_scheduled(CRON, "_cron_unclaimed_calls")
            self.assertFalse(again)
        activities = Activity.search(
            [("res_model", "=", "property.document.line"), ("res_id", "in", issue.line_ids.ids)]
        )
        self.assertEqual(len(activities), 2)
        self.assertEqual(
            activities.filtered(lambda a: a.res_id == self._line(issue, self.unit).id).user_id,
            self.butler,
        )
        self.assertEqual(
            activities.filtered(lambda a: a.res_id == self._line(issue, self.unit_b).id).user_id,
            self.butler2,
        )
        line = self._line(issue, self.unit).with_user(self.butler)
        self.assertTrue(line.is_unclaimed)
        wizard = Form(
            self.env["property.document.call.wizard"]
            .with_user(self.butler)
            .with_context(default_line_id=line.id)
        )
        wizard.result = "will_collect"
        wizard.note = "明天到前台领取"
        wizard.save().action_log()
        self.assertEqual(line.call_result, "will_collect")
        self.assertEqual(line.call_note, "明天到前台领取")
        self.assertEqual(line.call_user_id, self.butler)
        self.assertFalse(line.activity_ids)
        with self.assertRefused(UserError, "result"):
            line._log_call(False, "")

    def test_new_form_and_report(self):
        with Form(self.Issue.with_user(self.butler)) as form:
            form.name = "停水通知"
            form.document_type = "outage"
            # The project dropdown offers choices before the company is known.
            field = self.Issue._fields["project_id"]
            self.assertTrue(
                self.env["property.project"]
                .with_user(self.butler)
                .name_search("Sunshine", args=field.get_domain_list(self.Issue) or [])
            )
            form.project_id = self.project
            form.scope = "buildings"
            form.building_ids.add(self.building)
        issue = form.record
        issue.with_user(self.butler).action_generate_lines()
        self.assertEqual(issue.line_ids.unit_id, self.unit | self.unit2)
        line = self._line(issue, self.unit2)
        line.signature = base64.b64encode(png_bytes())
        line.action_receive()
        html = self._render_html(
            "property_butler_distribution.property_document_register_report",
            issue,
            user=self.butler,
            lang="zh_TW",
        )
        self.assertReportFont(html)
        self.assertIn("3-2-1502", html)
        self.assertIn("data:image/png;base64", html)
        with self.assertRaises(AccessError):
            self._render_html(
                "property_butler_distribution.property_document_register_report",
                issue,
                user=self.guard,
            )

    def test_address_labels(self):
        issue = self._issue()
        issue.action_generate_lines()
        html = self._render_html(
            "property_butler_distribution.property_document_labels_report",
            issue,
            user=self.front_desk,
        )
        self.assertIn("体育西路", html)
        self.assertIn(self.other_owner.name, html)
        self.assertNotIn(self.owner.name, html)
        only_security = self._issue(scope="units", unit_ids=self._set(self.unit))
        only_security.action_generate_lines()
        with self.assertRefused(UserError, "by post"):
            only_security.action_print_labels()
        self.assertTrue(issue.action_print_labels())

    def test_cannot_give_both_file_and_report(self):
        with self.assertRefused(ValidationError, "not both"):
            self._issue(report_id=self.env["ir.actions.report"].search([], limit=1).id)

    def test_report_prints_only_recipient_unit_or_copy(self):
        """A document's report prints one recipient's copy: a report of another model (e.g.
        invoices or users) would hand residents other people's records."""
        other = self.env["ir.actions.report"].search(
            [("model", "not in", ("res.partner", "property.unit", "property.document.line"))],
            limit=1,
        )
        with self.assertRefused(ValidationError, "prints"):
            self._issue(report_id=other.id, file=False)
        allowed = self.env["ir.actions.report"].search([("model", "=", "res.partner")], limit=1)
        if allowed:
            self.assertEqual(self._issue(report_id=allowed.id, file=False).report_id, allowed)

    def test_resident_cannot_read_service_centre_fields(self):
        """Residents read their own copies, not the service centre's notes and calls on them."""
        self._residents()
        issue = self._issue()
        issue.action_generate_lines()
        line = issue.line_ids.filtered(lambda line: line.partner_id == self.owner)[:1]
        line.write({"note": "客户脾气急", "call_note": "下午再打"})
        as_resident = line.with_user(self.resident)
        self.assertEqual(as_resident.read(["state"])[0]["state"], line.state)
        for field in ("note", "call_note", "call_result", "call_user_id", "handed_by_id"):
            with self.assertRaises(AccessError, msg=field):
                as_resident.read([field])

    def test_demo_issue(self):
        issue = self.Issue.search(
            [
                ("project_id", "=", self.env.ref("property_butler.project_sunshine").id),
                ("document_type", "=", "price_list"),
            ]
        )
        if not issue:
            self.skipTest("installed without demo data")
        states = set(issue.line_ids.mapped("state"))
        self.assertLessEqual({"prepared", "handed_over", "posted", "received"}, states)
        # Paperless residents' copies are e-mailed, never handed over or posted.
        electronic = issue.line_ids.filtered(lambda line: line.channel == "electronic")
        self.assertLessEqual(set(electronic.mapped("state")), {"prepared", "sent", "received"})
        self.assertTrue(issue.line_ids.filtered("call_scheduled"))
        self.assertTrue(issue.line_ids.filtered("date_call"))
        # Idempotent.
        self.env["property.demo.generator"]._generate_demo_document_issue()
        self.assertEqual(
            self.Issue.search_count(
                [("project_id", "=", issue.project_id.id), ("document_type", "=", "price_list")]
            ),
            1,
        )

    def test_done_issue(self):
        issue = self._issue()
        with self.assertRefused(UserError, "being distributed"):
            issue.action_done()
        issue.action_generate_lines()
        issue.action_done()
        with self.assertRefused(UserError, "is done"):
            issue.action_generate_lines()
        issue.action_reopen()
        self.assertEqual(issue.state, "distributing")
