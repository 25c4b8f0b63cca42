import base64
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_ticket import SIGNATURE, TicketCase


@tagged("post_install", "-at_install")
class TestTicket(TicketCase):
    def test_number_type_routing_and_butler(self):
        ticket = self._ticket(self.repair_type, priority="1")
        self.assertTrue(ticket.name.startswith("TK"))
        self.assertEqual(ticket.stage_id.category, "new")
        self.assertEqual(ticket.department_id, self.engineering, "the repair type's department")
        self.assertEqual(ticket.butler_id, self.butler, "the unit's grid butler")
        self.assertEqual(ticket.grid_id, self.grid)
        self.assertIn(self.owner, ticket.message_partner_ids, "the resident follows the ticket")
        leader_activity = ticket.activity_ids.filtered(lambda a: a.user_id == self.staff)
        self.assertTrue(leader_activity, "the department leader is notified")
        second = self._ticket(self.repair_type)
        self.assertNotEqual(ticket.name, second.name)

    def test_numbering_per_company(self):
        other_company, _project, _building, unit = self._moon_bay()
        mine = self._ticket(self.repair_type)
        theirs = self._ticket(self.repair_type, unit=unit)
        self.assertEqual(theirs.company_id, other_company)
        sequences = self.env["ir.sequence"].search([("code", "=", "property.ticket")])
        self.assertIn(other_company, sequences.company_id)
        self.assertEqual(theirs.name[-5:], "00001", "the new company starts its own numbering")
        self.assertEqual(len(sequences.filtered(lambda s: s.company_id == other_company)), 1)
        again = self._ticket(self.repair_type)
        self.assertEqual(int(again.name[-5:]), int(mine.name[-5:]) + 1)
        self.assertEqual(self._ticket(self.repair_type, unit=unit).name[-5:], "00002")

    @freeze_time("2026-11-22 09:00:00")
    def test_targets_overdue_and_escalation(self):
        complaint = self._ticket(self.complaint_type)
        self.assertEqual(complaint.date_response_deadline, datetime(2026, 11, 22, 9, 30))
        self.assertEqual(complaint.date_resolution_deadline, datetime(2026, 11, 24, 9, 0))
        urgent_repair = self._ticket(self.repair_type, priority="1")
        self.assertEqual(urgent_repair.date_response_deadline, datetime(2026, 11, 22, 11, 0))
        self.assertFalse(complaint.is_overdue)
        with freeze_time("2026-11-22 09:45:00"):
            self.env.invalidate_all()
            self.assertTrue(complaint.is_overdue, "nobody contacted the resident within 30 minutes")
            self.assertFalse(urgent_repair.is_overdue)
            overdue = self.env["property.ticket"].search([("is_overdue", "=", True)])
            self.assertIn(complaint, overdue)
            self.assertNotIn(urgent_repair, overdue)
            Ticket = self.env["property.ticket"]
            escalated = Ticket._cron_escalate_overdue()
            self.assertIn(complaint, escalated)
            activity = complaint.activity_ids.filtered(lambda a: a.user_id == self.supervisor)
            self.assertEqual(len(activity), 1, "the supervisor gets an activity")
            self.assertEqual(activity.summary, "Overdue ticket: follow up")
            self.assertIn(self.supervisor.partner_id, complaint.message_partner_ids)
            again = Ticket._cron_escalate_overdue()
            self.assertNotIn(complaint, again, "a re-run escalates nothing twice")
            self.assertEqual(
                len(complaint.activity_ids.filtered(lambda a: a.user_id == self.supervisor)), 1
            )
            complaint.action_respond()
            self.assertFalse(complaint.is_overdue, "responded: the response target is met")
            self.assertEqual(complaint.stage_id.category, "progress")

    @freeze_time("2026-11-22 09:00:00")
    def test_escalation_runs_a_batch_per_call(self):
        """The scheduler escalates a batch per call, told each time how many are left."""
        Ticket = self.env["property.ticket"]
        Ticket._cron_escalate_overdue()  # what was overdue before these complaints
        complaints = Ticket.concat(*(self._ticket(self.complaint_type) for _index in range(3)))
        with freeze_time("2026-11-22 09:45:00"):
            self.env.invalidate_all()
            escalated, calls = self._run_as_scheduled(
                "property_butler_ticket.property_ticket_cron_escalate",
                "_cron_escalate_overdue",
                batch_size=2,
            )
        self.assertEqual(escalated & complaints, complaints)
        self.assertEqual(calls, self._batched_calls(len(escalated), 2))
        self.assertEqual(
            len(complaints.activity_ids.filtered(lambda a: a.user_id == self.supervisor)), 3
        )

    def test_empty_description_refused(self):
        Ticket = self.env["property.ticket"]
        before = Ticket.search_count([])
        for description in ("", "<p><br></p>", "<p>   </p>"):
            with self.assertRefused(ValidationError, "description cannot be empty"):
                self._ticket(self.repair_type, description=description)
        self.assertEqual(Ticket.search_count([]), before)

    def test_resident_must_occupy_unit(self):
        with self.assertRefused(ValidationError, "张伟 does not occupy unit 3-2-1502"):
            self._ticket(self.repair_type, partner_id=self.other_owner.id)
        ticket = self._ticket(self.repair_type, partner_id=self.member.id)
        self.assertEqual(ticket.partner_id, self.member, "a household member may raise it")

    def test_complaint_closes_only_judged_and_signed(self):
        complaint = self._ticket(self.complaint_type)
        with self.assertRefused(ValidationError, "judgement.*reply.*signature"):
            complaint.action_done()
        complaint.write({"judgement": "valid", "reply": "<p>Sorry</p>"})
        with self.assertRefused(ValidationError, "department responsible.*signature"):
            complaint.action_done()
        self.assertEqual(complaint.stage_id.category, "new", "nothing half-written")
        complaint.write(self._close_complaint_fields())
        complaint.action_done()
        self.assertEqual(complaint.stage_id.category, "done")
        self.assertTrue(complaint.is_closed)
        self.assertTrue(complaint.date_done)
        callback = complaint.callback_ids
        self.assertEqual(len(callback), 1)
        self.assertEqual(callback.user_id, self.butler, "the grid's butler calls back")
        self.assertEqual(complaint.callback_state, "scheduled")
        self.assertTrue(
            complaint.activity_ids.filtered(
                lambda a: (
                    a.user_id == self.butler
                    and a.activity_type_id == self.env.ref("mail.mail_activity_data_call")
                )
            )
        )

    def test_invalid_complaint_needs_no_department(self):
        complaint = self._ticket(self.complaint_type)
        complaint.write(
            {
                "judgement": "invalid",
                "judgement_reason": "Outside the company's responsibility",
                "reply": "<p>Explained</p>",
                "signature": SIGNATURE,
            }
        )
        complaint.action_done()
        self.assertTrue(complaint.is_closed)

    def test_inquiry_answered_on_the_spot_closes_at_once(self):
        inquiry = self._ticket(self.inquiry_type, title="Parking fee?")
        with self.assertRefused(UserError, "Write the answer"):
            inquiry.action_answer_on_spot()
        inquiry.reply = "<p>200 a month</p>"
        inquiry.action_answer_on_spot()
        self.assertEqual(inquiry.stage_id.category, "done")
        self.assertTrue(inquiry.date_responded)
        self.assertFalse(inquiry.callback_ids, "inquiries need no callback")
        with self.assertRefused(UserError, "Only inquiries"):
            self._ticket(self.repair_type).action_answer_on_spot()

    def test_inquiry_transferred_to_a_department(self):
        inquiry = self._ticket(self.inquiry_type, title="Who fixes the gate?")
        inquiry.write({"department_id": self.engineering.id})
        inquiry.action_respond()
        self.assertEqual(inquiry.stage_id.name, "Transferred")
        self.assertTrue(inquiry.activity_ids.filtered(lambda a: a.user_id == self.staff))

    def test_callback_scores_and_low_score_reopens(self):
        repair = self._ticket(self.repair_type)
        repair.action_done()
        callback = repair.callback_ids
        self.assertEqual(
            callback.date_scheduled,
            fields.Date.context_today(repair, repair.date_done) + timedelta(days=1),
        )
        with self.assertRefused(UserError, "Score every item"):
            callback.action_done()
        with self.assertRefused(ValidationError, "scored from 1 to 5, not 6"):
            callback.write({"score_attitude": 6})
        with self.assertRefused(ValidationError, "scored from 1 to 5, not -1"):
            callback.write({"score_quality": -1})
        callback.write(
            {
                "score_attitude": 5,
                "score_quality": 2,
                "score_timeliness": 4,
                "score_etiquette": 5,
                "comment": "Still dripping",
            }
        )
        callback.action_done()
        self.assertEqual(callback.state, "done")
        self.assertAlmostEqual(callback.satisfaction, 75.0, "3 of 4 answers scored 4 or 5")
        self.assertEqual(repair.satisfaction, 75.0)
        self.assertEqual(repair.stage_id.category, "progress", "a low score reopens the ticket")
        self.assertTrue(
            repair.activity_ids.filtered(
                lambda a: a.user_id == self.supervisor and "Low satisfaction" in a.summary
            )
        )
        # Done again: a new callback is scheduled.
        repair.action_done()
        self.assertEqual(len(repair.callback_ids), 2)

    def test_good_score_keeps_ticket_closed(self):
        repair = self._ticket(self.repair_type)
        repair.action_done()
        callback = repair.callback_ids
        callback.write(
            {"score_attitude": 5, "score_quality": 5, "score_timeliness": 4, "score_etiquette": 5}
        )
        callback.action_done()
        self.assertTrue(repair.is_closed)
        self.assertEqual(repair.callback_state, "done")
        self.assertAlmostEqual(repair.satisfaction, 100.0, "every answer scored 4 or 5")

    def test_satisfaction_per_department_against_targets(self):
        Callback = self.env["property.ticket.callback"]
        for scores in ((5, 5, 5, 5), (5, 3, 5, 5)):
            repair = self._ticket(self.repair_type)
            repair.action_done()
            repair.callback_ids.write(
                dict(
                    zip(
                        ("score_attitude", "score_quality", "score_timeliness", "score_etiquette"),
                        scores,
                        strict=True,
                    )
                )
            )
            repair.callback_ids.action_done()
        stats = Callback._satisfaction([("unit_id", "=", self.unit.id)], "department_id")
        engineering = stats[self.engineering]
        self.assertEqual(engineering["count"], 2)
        self.assertAlmostEqual(engineering["satisfaction"], 87.5)
        self.assertAlmostEqual(engineering["items"]["score_quality"], 50.0)
        self.assertFalse(engineering["meets_target"])
        by_butler = Callback._satisfaction([("unit_id", "=", self.unit.id)], "butler_id")
        self.assertIn(self.butler, by_butler)
        by_month = Callback._satisfaction([("unit_id", "=", self.unit.id)], "date_done:month")
        self.assertEqual(len(by_month), 1)

    def test_stage_must_belong_to_type(self):
        ticket = self._ticket(self.repair_type)
        quoted = self.env.ref("property_butler_ticket.property_ticket_stage_quoted")
        with self.assertRefused(ValidationError, "not used by Repair tickets"):
            ticket.stage_id = quoted


@tagged("post_install", "-at_install")
class TestTicketAccess(TicketCase):
    def test_department_staff_see_their_department(self):
        repair = self._ticket(self.repair_type)
        complaint = self._ticket(self.complaint_type)
        visible = self.env["property.ticket"].with_user(self.staff).search([])
        self.assertIn(repair, visible)
        self.assertNotIn(complaint, visible)
        repair.with_user(self.staff).action_respond()
        with self.assertRaises(AccessError):
            complaint.with_user(self.staff).read(["title"])

    def test_guard_reports_findings_and_sees_them(self):
        finding = (
            self.env["property.ticket"]
            .with_user(self.guard)
            .create(
                {
                    "title": "Broken lamp in the lobby",
                    "description": "<p>Lamp out on floor 3</p>",
                    "ticket_type_id": self.repair_type.id,
                    "unit_id": self.unit_b.id,
                    "channel": "patrol",
                }
            )
        )
        other = self._ticket(self.repair_type)
        visible = self.env["property.ticket"].with_user(self.guard).search([])
        self.assertEqual(visible, finding)
        self.assertNotIn(other, visible)

    def test_butler_grid_restriction(self):
        mine = self._ticket(self.repair_type)
        theirs = self._ticket(self.repair_type, unit=self.unit_b)
        Ticket = self.env["property.ticket"].with_user(self.butler)
        self.assertIn(theirs, Ticket.search([]), "setting off: the whole company")
        self.company.property_grid_restricted = True
        self.assertEqual(Ticket.search([("id", "in", (mine | theirs).ids)]), mine)
        for user in (self.supervisor, self.front_desk):
            found = (
                self.env["property.ticket"]
                .with_user(user)
                .search([("id", "in", (mine | theirs).ids)])
            )
            self.assertEqual(found, mine | theirs, user.login)

    def test_portal_residents_share_their_unit_tickets(self):
        owner_user = self._portal_user("pb_res_owner", self.owner)
        member_user = self._portal_user("pb_res_member", self.member)
        neighbour = self._portal_user("pb_res_neighbour", self.other_owner)
        ticket = self._ticket(self.repair_type, partner_id=self.member.id)
        self.assertEqual(self.env["property.ticket"].with_user(owner_user).search([]), ticket)
        self.assertEqual(self.env["property.ticket"].with_user(member_user).search([]), ticket)
        self.assertFalse(self.env["property.ticket"].with_user(neighbour).search([]))
        with self.assertRaises(AccessError):
            ticket.with_user(neighbour).read(["title"])
        with self.assertRaises(AccessError):
            ticket.with_user(owner_user).write({"title": "Changed"})
        with self.assertRaises(AccessError):
            self.env["property.ticket"].with_user(owner_user).create(
                {
                    "title": "x",
                    "description": "<p>x</p>",
                    "ticket_type_id": self.repair_type.id,
                    "unit_id": self.unit.id,
                }
            )


@tagged("post_install", "-at_install")
class TestTicketAttachments(TicketCase):
    """What residents attach (through the portal, which creates the attachment as superuser
    on their behalf) is checked by its bytes; staff may attach any document."""

    PNG = base64.b64decode(SIGNATURE)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resident_user = cls._portal_user("pb_attach_resident", cls.owner)

    def _attach(self, ticket, name, raw, user=None):
        Attachment = self.env["ir.attachment"].with_user(user or self.resident_user).sudo()
        return Attachment.create(
            {"name": name, "raw": raw, "res_model": "property.ticket", "res_id": ticket.id}
        )

    def test_photos_and_pdfs_are_accepted(self):
        ticket = self._ticket(self.repair_type)
        photo = self._attach(ticket, "leak.png", self.PNG)
        self.assertEqual(photo.mimetype, "image/png")
        pdf = self._attach(ticket, "quote.pdf", b"%PDF-1.4\n%%EOF\n")
        self.assertEqual(pdf.mimetype, "application/pdf")

    def test_forbidden_type_and_oversize_refused(self):
        ticket = self._ticket(self.repair_type)
        Attachment = self.env["ir.attachment"]
        before = Attachment.search_count([("res_model", "=", "property.ticket")])
        with self.assertRefused(ValidationError, "run.sh is not a photo or a PDF"):
            self._attach(ticket, "run.sh", b"#!/bin/sh\nrm -rf /\n")
        big = self.PNG + b"\0" * (5 * 1024 * 1024)
        with self.assertRefused(ValidationError, r"big.png is too large \(5.0 MB\)"):
            self._attach(ticket, "big.png", big)
        self.assertEqual(Attachment.search_count([("res_model", "=", "property.ticket")]), before)
        with self.assertRefused(ValidationError, "evil.png is not a photo or a PDF"):
            self._attach(ticket, "evil.png", b"#!/bin/sh\nrm -rf /\n")
        self.assertEqual(Attachment.search_count([("res_model", "=", "property.ticket")]), before)
        # Staff attach what they need; other documents are not concerned.
        sheet = self._attach(ticket, "costs.xlsx", b"PK\x03\x04 spreadsheet", user=self.butler)
        self.assertTrue(sheet)
        other = self.env["ir.attachment"].create(
            {"name": "run.sh", "raw": b"#!/bin/sh\n", "res_model": "res.partner", "res_id": 1}
        )
        self.assertTrue(other)


@tagged("post_install", "-at_install")
class TestTicketCompanies(TicketCase):
    def test_other_company_tickets_departments_and_callbacks_are_invisible(self):
        other_company, _project, _building, unit = self._moon_bay()
        department = self.env["property.department"].create(
            {"name": "Moon Engineering", "kind": "engineering", "company_id": other_company.id}
        )
        ticket = self._ticket(self.repair_type, unit=unit, department_id=department.id)
        ticket.action_done()
        callback = ticket.callback_ids
        self.assertEqual(callback.company_id, other_company)
        for record in (ticket, department, callback):
            with self.assertRaises(AccessError):
                record.with_user(self.manager).read(["display_name"])


@tagged("post_install", "-at_install")
class TestTicketIntegrity(TicketCase):
    """What the forms hide is refused by the server too."""

    def test_past_tickets_stay_with_the_butler_of_their_time(self):
        ticket = self._ticket(self.repair_type)
        ticket.action_done()
        self.grid.write({"butler_id": self.butler2.id, "backup_butler_id": False})
        self.assertEqual(self.unit.butler_id, self.butler2)
        self.assertEqual(ticket.butler_id, self.butler, "KPIs stay with the butler of the time")
        self.assertEqual(ticket.callback_ids.butler_id, self.butler)
        self.assertEqual(self._ticket(self.repair_type).butler_id, self.butler2)

    def test_units_change_grid_only_through_grids(self):
        other_grid = self._grid(self.butler2, name="Other")
        with self.assertRefused(UserError, "edit the grid instead"):
            self.unit.with_user(self.butler).write({"grid_id": other_grid.id})
        with self.assertRefused(UserError, "edit the grid instead"):
            self.unit.with_user(self.manager).write({"grid_id": False})
        self.assertEqual(self.unit.grid_id, self.grid)

    def test_closed_complaint_stays_judged_and_signed(self):
        complaint = self._ticket(self.complaint_type)
        complaint.write(self._close_complaint_fields())
        complaint.action_done()
        with self.assertRefused(ValidationError, "signature"):
            complaint.signature = False
        with self.assertRefused(UserError, "keeps its type"):
            complaint.ticket_type_id = self.repair_type
        open_complaint = self._ticket(self.complaint_type)
        open_complaint.ticket_type_id = self.repair_type  # still open: a mistake is corrected
        self.assertEqual(open_complaint.kind, "repair")
        with self.assertRefused(ValidationError, "reason for the judgement.*solution"):
            self._ticket(self.complaint_type).write(
                {
                    **self._close_complaint_fields(),
                    "judgement_reason": False,
                    "solution": False,
                    "stage_id": self.env.ref(
                        "property_butler_ticket.property_ticket_stage_done"
                    ).id,
                }
            )

    def test_callbacks_are_recorded_once_through_their_button(self):
        repair = self._ticket(self.repair_type)
        repair.action_done()
        callback = repair.callback_ids.with_user(self.butler)
        with self.assertRefused(UserError, "Record Scores button"):
            callback.write({"state": "done", "score_attitude": 1})
        callback.write(
            {"score_attitude": 5, "score_quality": 5, "score_timeliness": 5, "score_etiquette": 5}
        )
        callback.action_done()
        with self.assertRefused(UserError, "cannot be changed"):
            callback.write({"score_quality": 1})
        self.assertEqual(callback.satisfaction, 100.0)

    def test_accepted_quotation_lines_are_frozen(self):
        service = self._ticket(self.service_type)
        service.line_ids = [
            Command.create(
                {"product_id": self.env.ref("property_butler_ticket.product_home_cleaning").id}
            )
        ]
        service.action_send_quotation()
        service.action_accept_on_paper()
        line = service.line_ids.with_user(self.butler)
        for change in (
            lambda: line.write({"price_unit": 1.0}),
            lambda: line.unlink(),
            lambda: (
                self.env["property.ticket.line"]
                .with_user(self.butler)
                .create({"ticket_id": service.id, "product_id": line.product_id.id})
            ),
        ):
            with self.assertRefused(UserError, "was accepted: its lines cannot change"):
                change()

    def test_residents_do_not_read_internal_fields(self):
        resident = self._portal_user("pb_internal_resident", self.owner)
        complaint = self._ticket(self.complaint_type)
        complaint.write(self._close_complaint_fields())
        mine = complaint.with_user(resident)
        self.assertEqual(mine.title, complaint.title)
        for field in ("judgement_reason", "solution", "corrective_action", "responsible_user_id"):
            with self.assertRaises(AccessError):
                mine.read([field])

    def test_ended_occupancy_is_not_reopened_but_by_a_manager(self):
        ended = self._occupy(
            self.unit2,
            self.tenant,
            role="tenant",
            date_start=date(2020, 1, 1),
            date_end=date(2021, 1, 1),
        )
        with self.assertRefused(UserError, "only a property manager can reopen"):
            ended.with_user(self.butler).write({"date_end": False})
        with self.assertRefused(UserError, "only a property manager can reopen"):
            ended.with_user(self.butler).write({"date_end": date(2030, 1, 1)})
        ended.with_user(self.butler).write({"date_end": date(2020, 12, 1)})  # earlier: fine
        ended.with_user(self.manager).write({"date_end": date(2021, 6, 30)})
        self.assertEqual(ended.date_end, date(2021, 6, 30))
        # Writing the same start date again, as a string, is no change.
        ended.with_user(self.butler).write({"date_start": "2020-01-01"})
