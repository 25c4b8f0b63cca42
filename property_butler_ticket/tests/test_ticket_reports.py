import base64
import io
import re
from datetime import date, datetime

from PIL import Image

from odoo.tests import tagged

from .common_ticket import TicketBaseCase


def _signature_png():
    """A small black-on-white scribble, as the resident's signature."""
    image = Image.new("RGB", (60, 20), "white")
    for x in range(5, 55):
        image.putpixel((x, 10 + (x % 7) - 3), (0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue())


class TicketReportCase(TicketBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cleaning = cls.env.ref("property_butler_ticket.property_department_cleaning")
        cls._grid(cls.butler, building_ids=cls._set(cls.building))
        cls._occupy(cls.unit, cls.owner, date_start=date(2024, 1, 1))
        cls._occupy(cls.unit_b, cls.other_owner, date_start=date(2024, 1, 1))
        cls.signature = _signature_png()
        cls.complaint = cls._ticket(
            cls.complaint_type,
            title="楼上装修噪音",
            description="<p>楼上晚上十点后仍在装修施工。</p>",
            channel="front_desk",
            date_received=datetime(2025, 3, 5, 2, 30),
            date_responded=datetime(2025, 3, 5, 2, 45),
            judgement="valid",
            judgement_reason="违反装修时间规定",
            responsible_department_id=cls.cleaning.id,
            responsible_user_id=cls.staff.id,
            solution="<p>当晚制止施工</p>",
            reply="<p>已制止施工，感谢监督</p>",
            is_major=True,
            corrective_action="<p>巡逻加强装修户检查</p>",
            signature=cls.signature,
            signed_by="王芳",
            signed_on=datetime(2025, 3, 6, 1, 0),
        )


@tagged("post_install", "-at_install")
class TestComplaintRecord(TicketReportCase):
    report_xmlid = "property_butler_ticket.property_ticket_report_complaint"

    def test_complaint_record_contents(self):
        html = self._render_html(self.report_xmlid, self.complaint, tz="Asia/Shanghai")
        self.assertIn("Complaint Record", html)
        for text in (
            self.complaint.name,
            "3-2-1502",
            "王芳",
            "13800000001",
            "楼上装修噪音",
            "楼上晚上十点后仍在装修施工。",
            "Front Desk",
            "Valid",
            "违反装修时间规定",
            self.cleaning.name,
            self.staff.name,
            "当晚制止施工",
            "已制止施工，感谢监督",
            "巡逻加强装修户检查",
            self.butler.name,
            # received, responded and signed, in the reader's time zone, as HH:MM
            "03/05/2025 10:30",
            "03/05/2025 10:45",
            "03/06/2025 09:00",
        ):
            self.assertIn(text, html)
        self.assertReportFont(html)
        self.assertNotIn("10:30:00", html, "no seconds")
        self.assertNotIn("02:30", html, "not UTC")
        self.assertRegex(
            html,
            r'<img alt="Signature"[^>]* src="data:image/png;base64,'
            + re.escape(self.complaint.signature.decode())
            + '"',
        )
        self.assertRegex(html, r"Major Complaint</th>\s*<td>\s*<strong>Yes</strong>")

    def test_complaint_record_sign_off(self):
        """The handler and the supervisor sign the record off; the resident's signing time is
        printed in the reader's time zone."""
        html = self._render_html(self.report_xmlid, self.complaint, tz="Asia/Shanghai")
        self.assertRegex(
            html, r'o_property_signoff_handler">\s*' + re.escape(self.butler.name) + r"\s*<"
        )
        self.assertRegex(
            html,
            r'o_property_signoff_supervisor">\s*' + re.escape(self.supervisor.name) + r"\s*<",
        )
        signoff = html[html.index("o_property_ticket_signoff") :]
        self.assertEqual(signoff.count("Signature</th>"), 2, "a signature line each")
        self.assertEqual(signoff.count("Date</th>"), 2, "a date line each")
        self.assertRegex(html, r"Signed On:</strong>\s*<span[^>]*>03/06/2025 09:00</span>")
        # Assigned to someone: he is the handler; another reader's time zone moves the times.
        self.complaint.user_id = self.staff
        html = self._render_html(self.report_xmlid, self.complaint, tz="Europe/Paris")
        self.assertRegex(
            html, r'o_property_signoff_handler">\s*' + re.escape(self.staff.name) + r"\s*<"
        )
        self.assertIn("03/06/2025 02:00", html)
        # The supervisor's sign-off falls to the manager when the project has no supervisor.
        self.project.supervisor_id = False
        html = self._render_html(self.report_xmlid, self.complaint)
        self.assertRegex(
            html,
            r'o_property_signoff_supervisor">\s*' + re.escape(self.manager.name) + r"\s*<",
        )
        # Without a time zone in the context or on the user: the company's, else Shanghai.
        self.env.user.tz = False
        self.company.partner_id.tz = False
        html = self._render_html(self.report_xmlid, self.complaint, tz=False)
        self.assertIn("03/06/2025 09:00", html)
        self.company.partner_id.tz = "Asia/Tokyo"
        html = self._render_html(self.report_xmlid, self.complaint, tz=False)
        self.assertIn("03/06/2025 10:00", html)

    def test_other_tickets_print_without_complaint_sections(self):
        repair = self._ticket(self.repair_type, reply="<p>Fixed the pipe.</p>")
        html = self._render_html(self.report_xmlid, repair)
        self.assertIn("Ticket Record", html)
        self.assertNotIn("Complaint Record", html)
        self.assertIn(repair.name, html)
        self.assertIn("Fixed the pipe.", html)
        for complaint_only in ("Judgement", "Corrective Action", "Signed By"):
            self.assertNotIn(complaint_only, html)
        # The Print menu offers the record only when a complaint is selected.
        report = self.env.ref(self.report_xmlid)
        self.assertFalse(report.get_valid_action_reports("property.ticket", repair.ids))
        self.assertEqual(
            report.get_valid_action_reports("property.ticket", (repair | self.complaint).ids),
            report.ids,
        )

    def test_unsigned_complaint_leaves_room_for_the_signature(self):
        complaint = self._ticket(self.complaint_type, unit=self.unit_b)
        html = self._render_html(self.report_xmlid, complaint)
        self.assertIn("Signed By", html)
        self.assertNotIn('alt="Signature"', html)
        self.assertIn("3-5-301", html)

    def test_complaint_record_prints_in_the_residents_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "property_butler_ticket")]
        )._update_translations(["zh_CN"])
        # Whatever the state of i18n/zh_CN.po, the title has a Chinese translation.
        self.env.ref(
            "property_butler_ticket.property_ticket_report_complaint_document"
        ).update_field_translations("arch_db", {"zh_CN": {"Complaint Record": "投诉记录表"}})
        self.owner.lang = "zh_CN"
        self.other_owner.lang = "en_US"
        complaint_en = self._ticket(
            self.complaint_type,
            unit=self.unit_b,
            partner_id=self.other_owner.id,
            judgement="valid",
            date_received=datetime(2025, 3, 5, 2, 30),
        )
        context = {"lang": "en_US", "tz": "Asia/Shanghai"}

        html = self._render_html(self.report_xmlid, self.complaint, **context)
        self.assertIn('data-oe-lang="zh_CN"', html)
        self.assertIn("投诉记录表", html)
        self.assertNotIn("Complaint Record", html)
        # Dates follow the resident's language (zh_CN writes %Y年%m月%d日), the time is HH:MM
        # (not "10时30分00秒").
        self.assertIn("2025年03月05日 10:30", html)
        self.assertNotRegex(html, r"\d时\d+分|\d秒")
        self.assertNotIn("03/05/2025", html)
        # Selection values take the resident's language too (English until translated).
        valid_zh = dict(
            self.env["property.ticket"]
            .with_context(lang="zh_CN")
            ._fields["judgement"]
            ._description_selection(self.env(context={"lang": "zh_CN"}))
        )["valid"]
        self.assertIn(valid_zh, html)

        html_en = self._render_html(self.report_xmlid, complaint_en, **context)
        self.assertIn('data-oe-lang="en_US"', html_en)
        self.assertIn("Complaint Record", html_en)
        self.assertNotIn("投诉记录表", html_en)
        self.assertIn("03/05/2025 10:30", html_en)
        self.assertNotIn("10:30:00", html_en)
        self.assertNotIn("2025年", html_en)

    def test_complaint_without_resident_prints_in_the_users_language(self):
        complaint = self._ticket(self.complaint_type, unit=self.unit2)
        self.assertFalse(complaint.partner_id)
        html = self._render_html(self.report_xmlid, complaint, lang="en_US")
        self.assertIn('data-oe-lang="en_US"', html)
        self.assertIn("Complaint Record", html)

    def test_complaint_record_pdf(self):
        self._render_pdf(self.report_xmlid, self.complaint)


@tagged("post_install", "-at_install")
class TestTicketRegister(TicketReportCase):
    report_xmlid = "property_butler_ticket.property_ticket_register_report"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_cluster = cls.env["property.cluster"].create(
            {"name": "Cluster 4", "code": "4", "project_id": cls.project.id}
        )
        other_building = cls.env["property.building"].create(
            {
                "name": "Building 8",
                "code": "8",
                "project_id": cls.project.id,
                "cluster_id": cls.other_cluster.id,
                "floor_count": 3,
                "units_per_floor": 1,
            }
        )
        cls.other_unit = cls.env["property.unit"].create(
            {"building_id": other_building.id, "floor": 2, "number": "201", "area": 75.0}
        )
        # March 2025 in Shanghai (UTC+8) runs from 2025-02-28 16:00 to 2025-03-31 16:00 UTC.
        cls.repair = cls._ticket(cls.repair_type, date_received=datetime(2025, 3, 10, 1, 0))
        cls.repair_b = cls._ticket(
            cls.repair_type, unit=cls.unit_b, date_received=datetime(2025, 3, 31, 15, 30)
        )
        cls.inquiry = cls._ticket(
            cls.inquiry_type,
            unit=cls.unit2,
            channel="portal",
            date_received=datetime(2025, 2, 28, 16, 30),
        )
        cls.february = cls._ticket(cls.repair_type, date_received=datetime(2025, 2, 28, 15, 0))
        cls.april = cls._ticket(cls.complaint_type, date_received=datetime(2025, 3, 31, 16, 30))
        cls.other_cluster_ticket = cls._ticket(
            cls.complaint_type, unit=cls.other_unit, date_received=datetime(2025, 3, 12, 3, 0)
        )
        for ticket, score in ((cls.repair, 5), (cls.repair_b, 3)):
            ticket.action_done()
            callback = ticket.callback_ids
            callback.write(
                {
                    "score_attitude": score,
                    "score_quality": score,
                    "score_timeliness": score,
                    "score_etiquette": 5,
                }
            )
            callback.action_done()

    def _wizard(self, cluster=None, month=date(2025, 3, 17), user=None):
        env = self.env(user=user) if user else self.env
        return (
            env["property.ticket.register"]
            .with_context(tz="Asia/Shanghai")
            .create({"cluster_id": (cluster or self.cluster).id, "month": month})
        )

    def test_period_is_the_calendar_month(self):
        wizard = self._wizard()
        self.assertEqual(wizard.date_from, date(2025, 3, 1))
        self.assertEqual(wizard.date_to, date(2025, 3, 31))
        self.assertEqual(
            wizard._get_period_utc(), (datetime(2025, 2, 28, 16, 0), datetime(2025, 3, 31, 16, 0))
        )
        self.assertEqual(self._wizard(month=date(2024, 2, 29)).date_to, date(2024, 2, 29))

    def test_tickets_of_the_cluster_and_month(self):
        wizard = self._wizard()
        with self.assertQueryCount(1):
            tickets = wizard._get_tickets()
        self.assertEqual(
            tickets.ids,
            [self.inquiry.id, self.complaint.id, self.repair.id, self.repair_b.id],
            "received within March in the cluster, oldest first",
        )
        self.assertEqual(
            self._wizard(cluster=self.other_cluster)._get_tickets(), self.other_cluster_ticket
        )
        self.assertEqual(self._wizard(month=date(2025, 4, 1))._get_tickets(), self.april)

    def test_totals_per_type_and_average_satisfaction(self):
        wizard = self._wizard()
        tickets = wizard._get_tickets()
        self.assertEqual(self.repair.satisfaction, 100.0)
        self.assertEqual(self.repair_b.satisfaction, 25.0, "only etiquette scored 4 or 5")
        totals = {line["type"]: line for line in wizard._get_type_totals(tickets)}
        self.assertEqual(list(totals), [self.complaint_type, self.repair_type, self.inquiry_type])
        self.assertEqual(
            {t.name: (line["count"], line["done"], line["scored"]) for t, line in totals.items()},
            {
                self.complaint_type.name: (1, 0, 0),
                self.repair_type.name: (2, 2, 2),
                self.inquiry_type.name: (1, 0, 0),
            },
        )
        self.assertEqual(totals[self.repair_type]["satisfaction"], 62.5)
        self.assertIs(totals[self.complaint_type]["satisfaction"], False)
        self.assertEqual(wizard._get_average_satisfaction(tickets), 62.5)
        self.assertIs(wizard._get_average_satisfaction(self.inquiry), False)

    def test_register_html_as_butler(self):
        wizard = self._wizard(user=self.butler)
        html = self._render_html(self.report_xmlid, wizard, tz="Asia/Shanghai", lang="en_US")
        for ticket in (self.inquiry, self.repair, self.complaint, self.repair_b):
            self.assertIn(ticket.name, html)
        for ticket in (self.february, self.april, self.other_cluster_ticket):
            self.assertNotIn(ticket.name, html)
        self.assertEqual(html.count('class="o_property_ticket_register_line"'), 4)
        self.assertEqual(html.count('class="o_property_ticket_register_total"'), 3)
        for text in ("Cluster 3", "Sunshine Garden", "3-5-301", "2025-03-31 23:30", "Portal"):
            self.assertIn(text, html)
        self.assertIn("Valid", html, "a complaint's outcome is its judgement")
        self.assertRegex(html, r'o_property_ticket_register_average"[^>]*>62\.5<')
        self.assertReportFont(html)

    def test_register_without_tickets(self):
        html = self._render_html(self.report_xmlid, self._wizard(month=date(2024, 1, 1)))
        self.assertIn("No ticket was received in this cluster during the month.", html)
        self.assertNotIn("o_property_ticket_register_average", html)

    def test_print_action_and_pdf(self):
        wizard = self._wizard()
        action = wizard.action_print()
        # A company without a document layout first opens the layout configurator.
        action = action.get("context", {}).get("report_action", action)
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(
            action["report_name"], "property_butler_ticket.property_ticket_register_report_document"
        )
        self.assertEqual(action["context"]["active_ids"], wizard.ids)
        self._render_pdf(self.report_xmlid, wizard)
        window = self.env.ref("property_butler_ticket.property_ticket_register_action")
        self.assertEqual((window.res_model, window.target), ("property.ticket.register", "new"))
