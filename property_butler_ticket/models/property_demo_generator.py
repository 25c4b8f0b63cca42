from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step

# (title, description): what the resident said, under a title that sums it up.
TICKET_SAMPLES = {
    "complaint": [
        (
            "楼道灯不亮无人处理",
            "3 楼楼道灯坏了一个多星期，报过一次还是没人来修，晚上回家很不方便。",
        ),
        ("保洁未按时清理垃圾", "单元门口的垃圾桶两天没有清理，气味很大，请尽快处理。"),
        ("夜间装修噪音扰民", "楼上晚上九点以后还在电钻施工，影响小孩休息。"),
        ("快递被放在门口丢失", "快递员把包裹放在门口，回家后发现不见了，希望查看监控。"),
    ],
    "repair": [
        ("厨房水管漏水", "厨房水槽下面的水管接口一直滴水，柜子已经泡湿了。"),
        ("卫生间下水道堵塞", "卫生间地漏下水很慢，今天早上完全堵住了。"),
        ("入户门锁损坏", "入户门锁芯转不动，钥匙插进去打不开门。"),
        ("阳台推拉门卡住", "阳台推拉门滑轨卡住，推不动也关不严。"),
    ],
    "inquiry": [
        ("停车月卡如何办理", "想办理地下车库的停车月卡，需要带什么资料，每月多少钱？"),
        ("物业费缴费方式", "请问物业费可以用微信缴纳吗？能不能办理银行代扣？"),
        (
            "装修申请需要哪些材料",
            "准备下个月装修，请问装修许可证要准备哪些材料，押金多少？",
        ),
    ],
    "service": [
        ("春节前家庭深度保洁", "春节前想预约一次全屋深度保洁，三房两厅。"),
        ("每周桶装水配送", "每周送两桶桶装水到家，周六上午送。"),
        ("空置房托管", "房子暂时空置，希望物业每月帮忙开窗通风、检查水电。"),
    ],
    "suggestion": [
        ("建议增加儿童游乐设施", "小区儿童多，建议在中心花园增加一些儿童游乐设施。"),
        ("表扬保安小王热心帮忙", "保安小王帮我把很重的行李搬上楼，非常感谢，特此表扬。"),
    ],
}


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_tickets(self):
        """A hundred tickets of every type and stage over twelve months, responded and
        completed at realistic times, with their callbacks and scores."""
        project = self._demo_project()
        Ticket = self.env["property.ticket"]
        if not project or Ticket.search_count([("project_id", "=", project.id)], limit=1):
            return Ticket
        rng = self._demo_rng("tickets")
        units = project.unit_ids.filtered(lambda u: u.unit_type == "residential").sorted("id")
        ref = self.env.ref
        staff = ref("property_butler.user_staff", raise_if_not_found=False)
        if staff:
            ref("property_butler_ticket.property_department_engineering").write(
                {"leader_id": staff.id, "member_ids": [fields.Command.link(staff.id)]}
            )
        occupied = units.filtered(lambda u: u.state == "occupied")
        now = fields.Datetime.now()
        vals_list = []
        # Twelve months of tickets, more of them recent; the last days' are still open.
        for index in range(100):
            kind = rng.choice(["complaint", "repair", "repair", "inquiry", "service", "suggestion"])
            unit = rng.choice(occupied)
            title, description = rng.choice(TICKET_SAMPLES[kind])
            age = timedelta(
                hours=rng.randint(1, 24 * 365) if index >= 20 else rng.randint(1, 24 * 4),
                minutes=index,
            )
            vals_list.append(
                {
                    "title": title,
                    "description": f"<p>{description}</p>",
                    "ticket_type_id": ref(f"property_butler_ticket.property_ticket_type_{kind}").id,
                    "unit_id": unit.id,
                    "partner_id": unit.resident_ids[:1].id,
                    "channel": rng.choice(["phone", "front_desk", "portal", "butler_visit"]),
                    "priority": rng.choice(["0", "0", "0", "1", "2"]),
                    "date_received": now - age,
                }
            )
        tickets = Ticket.create(vals_list)
        self._demo_ticket_workflow(rng, tickets)
        self._demo_ticket_callbacks(rng, tickets)
        return tickets

    @api.model
    def _demo_ticket_workflow(self, rng, tickets):
        """Most tickets responded within the target (some late), then finished: complaints
        judged and signed, inquiries answered on the spot, paid services quoted and accepted;
        the last days' partly still new or in progress."""
        ref = self.env.ref
        now = fields.Datetime.now()
        timings = []  # (ticket, responded, done) to write once the workflow has run
        for ticket in tickets:
            recent = now - ticket.date_received < timedelta(days=4)
            roll = rng.random()
            if recent and roll < 0.4:
                continue  # still new (a few of them overdue)
            # Responded within the target mostly, sometimes late.
            responded = ticket.date_received + timedelta(
                minutes=rng.choice([10, 20, 30, 45, 90, 240])
            )
            finished = responded + timedelta(hours=rng.choice([1, 2, 4, 8, 24, 48, 96]))
            ticket.action_respond()
            if (recent and roll < 0.7) or finished > now:
                timings.append((ticket, min(responded, now), False))
                continue  # in progress
            if ticket.kind == "complaint":
                ticket.write(
                    {
                        "judgement": "valid",
                        "judgement_reason": "经核实情况属实",
                        "responsible_department_id": ref(
                            "property_butler_ticket.property_department_cleaning"
                        ).id,
                        "solution": "<p>已安排专人处理并加强巡查</p>",
                        "corrective_action": "<p>保洁班组重新培训公共区域清洁标准，主管每日抽查</p>",
                        "reply": "<p>已向业主致歉并说明处理结果</p>",
                        "signature": self._demo_signature(rng),
                        "signed_by": ticket.partner_id.name,
                    }
                )
            elif ticket.kind == "inquiry":
                ticket.reply = "<p>已当场答复</p>"
                finished = responded
            elif ticket.kind == "service":
                ticket.line_ids = [
                    fields.Command.create(
                        {"product_id": ref("property_butler_ticket.product_home_cleaning").id}
                    )
                ]
                ticket.action_send_quotation()
                ticket.action_accept_on_paper()
            ticket.action_done()
            timings.append((ticket, responded, finished))
        for ticket, responded, finished in timings:
            vals = {"date_responded": responded}
            if finished:
                vals["date_done"] = finished
                if ticket.signature:
                    vals["signed_on"] = finished
            ticket.write(vals)

    @api.model
    def _demo_ticket_callbacks(self, rng, tickets):
        """Callbacks a day or two after the work: most recorded with their scores, the last
        days' still due."""
        now = fields.Datetime.now()
        scores = ("score_attitude", "score_quality", "score_timeliness", "score_etiquette")
        callbacks = tickets.callback_ids.filtered(lambda c: c.state == "scheduled")
        done_callbacks = self.env["property.ticket.callback"]
        for callback in callbacks:
            finished = callback.ticket_id.date_done or now
            planned = (finished + timedelta(days=rng.randint(1, 2))).date()
            callback.date_scheduled = planned
            if planned < fields.Date.context_today(self) and rng.random() < 0.85:
                callback.write({name: rng.choice([3, 4, 4, 5, 5, 5]) for name in scores})
                callback.action_done()
                done_callbacks |= callback
        for callback in done_callbacks:
            callback.with_context(
                property_callback_recording=True
            ).date_done = callback.date_scheduled
