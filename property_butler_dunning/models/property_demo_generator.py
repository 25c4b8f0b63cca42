from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.property_butler_billing.models.property_billing import quarter_start

# What the butler writes in the dunning log when the reason is found, per reason category.
REASON_SUMMARIES = {
    "not_received": "业主称未收到对账单，已重新送达。",
    "forgot": "业主工作忙忘记缴费，已告知缴费方式并建议办理银行代扣。",
    "financial": "业主近期资金困难，希望分期缴纳。",
    "service_problem": "业主反映服务问题未解决，已开单转相关部门跟进。",
    "dispute": "业主对费用金额有异议，已解释收费标准。",
    "absent": "业主长期不在本地，电话多次未接通。",
    "malicious": "业主无正当理由拒绝缴费。",
}

# What the butler hears from owners with strong grievances, for the management.
GRIEVANCES = {
    "service_problem": "业主对维修拖延意见很大，希望物业加快处理并定期回复进度。",
    "dispute": "业主认为收费标准偏高、服务不到位，建议公开收支明细。",
}


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    def _demo_fee_history_start(self, project):
        history = super()._demo_fee_history_start(project)
        history["dunning_days"] = self._demo_dunning_days(history["first"], history["today"])
        return history

    @api.model
    def _demo_fee_day(self, history, day):
        """The dunning run on each stage's first day (and today), after the day's payments."""
        result = super()._demo_fee_day(history, day)
        if day in history["dunning_days"]:
            self._demo_dunning_run(history["rng"], history["project"], day, history["today"])
        return result

    @api.model
    def _demo_dunning_days(self, first, today):
        """The first day of each dunning stage's windows (every month for the monthly call) from
        the first billed month to today, and today."""
        Stage = self.env["property.dunning.stage"]
        stages = Stage.search([("company_id", "=", self.env.company.id)])
        days = {today}
        quarter = quarter_start(first)
        while quarter <= today:
            for stage in stages:
                for start, _end in stage._windows(quarter):
                    if first <= start <= today:
                        days.add(start)
            quarter += relativedelta(months=3)
        return days

    @api.model
    def _demo_dunning_run(self, rng, project, day, today):
        """The dunning run of ``day``, then the butlers' contacts with the cases just given a
        stage activity (the log 《物管費催收記錄表》): the call every month, reasons found at the
        2nd stage (a few owners with strong grievances), a lawyer's letter and late fees at the
        4th for the malicious ones."""
        Case = self.env["property.dunning.case"]
        before = {
            case.id: (case.notified_stage_id.id, case.notified_period)
            for case in Case.search([("state", "=", "open")])
        }
        last_activity = self.env["mail.activity"].search([], order="id desc", limit=1).id
        Case._cron_dunning(today=day)
        # The run closes what was paid "today": on the day of the run.
        Case.search([("date_closed", "=", today), ("state", "!=", "open")]).write(
            {"date_closed": day}
        )
        cases = Case.search([("state", "=", "open"), ("project_id", "=", project.id)])
        moved = cases.filtered(
            lambda c: c.stage_id and before.get(c.id) != (c.notified_stage_id.id, c.notified_period)
        )
        if not moved:
            return
        ref = self.env.ref
        stage_call = ref("property_butler_dunning.property_dunning_stage_call")
        stage_reason = ref("property_butler_dunning.property_dunning_stage_reason")
        stage_lawyer = ref("property_butler_dunning.property_dunning_stage_lawyer")
        reasons = self.env["property.dunning.reason"].search(
            [("company_id", "=", project.company_id.id)]
        )
        refuses = reasons.filtered(lambda r: r.category == "malicious")
        logs, malicious, grieved = [], Case, {}
        for case in moved:
            if rng.random() < 0.15:
                continue  # not reached yet
            when = min(day + timedelta(days=rng.randint(0, 4)), today)
            vals = {
                "case_id": case.id,
                "date": when,
                "butler_id": (case.butler_id or case.grid_id.butler_id or self.env.user).id,
                "channel": "phone",
            }
            if case.stage_id == stage_call:
                vals.update(
                    summary="电话提醒缴费，业主确认已收到对账单，答应尽快缴纳。",
                    statement_received=rng.random() < 0.85,
                    promised_date=when + timedelta(days=rng.randint(5, 20)),
                )
            elif case.stage_id == stage_reason:
                # Service problems are the rarer reasons (each opens a ticket).
                service = reasons.filtered(lambda r: r.category == "service_problem")
                others = reasons - service
                pool = service if service and rng.random() < 0.15 else others or reasons
                reason = case.malicious and refuses[:1] or rng.choice(pool)
                vals.update(
                    summary=REASON_SUMMARIES.get(reason.category, "上门了解欠费原因并记录。"),
                    reason_id=reason.id,
                    channel=rng.choice(["phone", "phone", "visit"]),
                )
                if reason.category == "malicious":
                    malicious |= case
                elif reason.category in ("service_problem", "dispute") and rng.random() < 0.3:
                    grieved[case] = GRIEVANCES[reason.category]
            elif case.stage_id == stage_lawyer:
                if case.malicious:
                    vals.update(
                        channel="letter", summary="多次催缴无果，已寄送律师函，告知滞纳金。"
                    )
                else:
                    vals.update(
                        summary="复查欠费，再次确认缴费日期。",
                        promised_date=when + timedelta(days=10),
                    )
            else:
                vals.update(
                    summary="复查欠费；维修问题已处理，回访并提醒缴费。",
                    channel=rng.choice(["phone", "visit"]),
                    promised_date=when + timedelta(days=rng.randint(3, 14)),
                )
            logs.append(vals)
        reached = self.env["property.dunning.log"].create(logs).case_id
        # The calls made: the stage activities of this run are done.
        reached.activity_ids.filtered(lambda a: a.id > last_activity).action_feedback(
            feedback="已联系，见催收记录。"
        )
        malicious.write({"malicious": True})
        for case, note in grieved.items():
            case.write({"strong_grievance": True, "grievance_note": note})
        # Service tickets opened from the reasons are dated like the contact.
        tickets = moved.ticket_id.filtered(lambda t: t.date_received.date() > day)
        tickets.write(
            {"date_received": datetime.combine(day, datetime.min.time()) + timedelta(hours=3)}
        )
        # The department answered the same day; most problems are fixed within days (the
        # butler then calls back and reminds the owner to pay).
        tickets.action_respond()
        for ticket in tickets:
            ticket.date_responded = ticket.date_received + timedelta(hours=2)
        fixed = tickets.filtered(lambda t: t.kind != "complaint" and rng.random() < 0.6)
        fixed.action_done()
        for ticket in fixed:
            ticket.date_done = ticket.date_responded + timedelta(days=rng.randint(1, 5))
        letters = moved.filtered(lambda c: c.malicious and c.stage_id == stage_lawyer)
        if letters:
            action = (
                self.env["property.late.fee.wizard"]
                .create({"date": day, "dunning_case_ids": [fields.Command.set(letters.ids)]})
                .action_invoice()
            )
            late_fees = self.env["account.move"].search(action["domain"])
            late_fees.write({"invoice_date": day})
            late_fees.action_post()
