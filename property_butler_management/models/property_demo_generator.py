from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step
from odoo.addons.property_butler.models.property_project import DEFAULT_TZ, local_to_utc

from .property_work_plan import period_end, period_start

WEEKLY_ITEMS = [
    ("完成本组团空置房巡查", "每套空置房"),
    ("回访上周完工的维修工单", "全部回访"),
    ("致电本月未缴费业户", "欠费户全部联系"),
    ("走访重点客户", "不少于3户"),
    ("检查公共区域卫生与绿化", "每栋一次"),
    ("跟进装修单元巡查", "每户每周两次"),
    ("整理业主档案", "新入住业户建档"),
    ("撤除到期通知", "到期当日撤除"),
]
MONTHLY_ITEMS = [
    ("组团物业费收费率达到95%", "≥95%"),
    ("完成空置房月度巡查", "100%"),
    ("客户拜访", "不少于20户"),
    ("组织一次社区活动", "参与不少于30户"),
    ("投诉处理及时率", "100%"),
]
YEARLY_ITEMS = [
    ("全年客户满意度", "≥90%，单项不低于85%"),
    ("每户每年至少拜访一次", "覆盖率100%"),
    ("新增一项有偿服务", "至少1项"),
    ("档案完整率", "100%"),
]
SUMMARIES = [
    "计划项目基本完成。未完成项目已转入下期计划，并已向业户说明原因。",
    "本期工作按计划完成，收费率较上期有所提高；个别欠费户已约定缴费时间。",
    "受天气影响，部分巡查推迟，已在下周补做；其余项目均已完成。",
]


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_management(self):
        """A year of the department's management: the butlers' weekly plans of the last twelve
        weeks, their monthly plans of the last six months and this year's plan, the
        supervisor's monthly plans (past ones summarised, this week's submitted or still
        drafts); the year's emergency incidents and improvement ideas."""
        project = self._demo_project()
        Plan = self.env["property.work.plan"]
        if not project or Plan.search_count([("project_id", "=", project.id)], limit=1):
            return
        rng = self._demo_rng("management")
        today = fields.Date.context_today(self.with_context(tz=DEFAULT_TZ))
        self._demo_work_plans(rng, project, today)
        self._demo_incidents(project, today)
        self._demo_ideas(project, today)

    @api.model
    def _demo_work_plans(self, rng, project, today):
        ref = self.env.ref
        butlers = [
            ref(f"property_butler.user_butler{n}", raise_if_not_found=False) for n in range(1, 5)
        ]
        butlers = [butler for butler in butlers if butler]
        supervisor = ref("property_butler.user_supervisor", raise_if_not_found=False)
        periods = []  # (user, kind, start, item pool, item count)
        for butler in butlers:
            week = period_start("week", today)
            periods += [
                (butler, "week", week - timedelta(weeks=n), WEEKLY_ITEMS, 4) for n in range(13)
            ]
            month = period_start("month", today)
            periods += [
                (butler, "month", month - relativedelta(months=n), MONTHLY_ITEMS, 3)
                for n in range(6)
            ]
            periods.append((butler, "year", period_start("year", today), YEARLY_ITEMS, 4))
        if supervisor:
            periods += [
                (
                    supervisor,
                    "month",
                    period_start("month", today) - relativedelta(months=n),
                    MONTHLY_ITEMS,
                    4,
                )
                for n in range(6)
            ]
        vals_list = []
        for user, kind, start, pool, count in periods:
            end = period_end(kind, start)
            items = rng.sample(pool, count)
            vals_list.append(
                {
                    "user_id": user.id,
                    "project_id": project.id,
                    "period_type": kind,
                    "date_start": start,
                    "item_ids": [
                        fields.Command.create(
                            {
                                "sequence": index,
                                "name": name,
                                "target": target,
                                "date_deadline": min(end, start + timedelta(days=4 + index)),
                                "user_id": user.id,
                            }
                        )
                        for index, (name, target) in enumerate(items)
                    ],
                }
            )
        Plan = self.env["property.work.plan"].with_context(
            mail_create_nolog=True, tracking_disable=True
        )
        plans = Plan.create(vals_list)
        for plan in plans:
            self._demo_plan_history(rng, plan, today)

    @api.model
    def _demo_plan_history(self, rng, plan, today):
        """Past periods summarised with their items' outcome; the running ones approved, and
        this week's submitted by some, still a draft for others."""
        submitted = local_to_utc(plan.date_due, 9 + rng.random() * 2, DEFAULT_TZ)
        if rng.random() < 0.15:  # now and then a day late
            submitted += timedelta(days=1)
        if plan.date_end < today:
            for item in plan.item_ids:
                roll = rng.random()
                if roll < 0.7:
                    item.write({"state": "done", "result": "已完成"})
                elif roll < 0.9:
                    item.write({"state": "in_progress", "progress": rng.choice([50, 60, 80])})
                else:
                    item.write({"state": "dropped", "result": "转入下期计划"})
            plan.write(
                {
                    "state": "done",
                    "date_submitted": submitted,
                    "date_approved": submitted + timedelta(hours=3),
                    "summary": f"<p>{rng.choice(SUMMARIES)}</p>",
                }
            )
        elif plan.period_type != "week" or plan.user_id.login in ("butler1", "butler3"):
            plan.write(
                {
                    "state": "approved" if plan.period_type != "week" else "submitted",
                    "date_submitted": min(submitted, datetime.now()),
                    "date_approved": False if plan.period_type == "week" else submitted,
                }
            )
            if plan.period_type != "week":
                plan.item_ids[:1].write({"state": "in_progress", "progress": 40})
            else:
                plan.activity_schedule(
                    "property_butler_management.mail_activity_type_plan_approve",
                    user_id=plan.approver_id.id or self.env.uid,
                    date_deadline=today,
                )

    @api.model
    def _demo_incidents(self, project, today):
        units = self.env["property.unit"].search([("project_id", "=", project.id)], limit=40)
        incidents = [
            (170, "地下车库消防水管爆裂", "flood", "serious", False, "地下车库B区", 0, 0),
            (128, "3号电梯困人，15分钟内解救", "lift", "serious", True, "3栋电梯", 2, 0),
            (95, "业户厨房油锅起火，已扑灭", "fire", "minor", True, None, 3, 0),
            (60, "台风期间小区停电两小时", "power", "minor", False, "全小区", 400, 0),
            (33, "单车棚电动车电池被盗", "security", "minor", False, "北门单车棚", 1, 0),
            (6, "暴雨导致中心广场积水", "weather", "serious", False, "中心广场", 0, 0),
        ]
        Incident = self.env["property.incident"].with_context(
            mail_create_nolog=True, tracking_disable=True
        )
        records = Incident.create(
            [
                {
                    "name": name,
                    "kind": kind,
                    "severity": severity,
                    "is_safety": safety,
                    "project_id": project.id,
                    "unit_id": units[days % len(units)].id if location is None and units else False,
                    "location": location or False,
                    "date": local_to_utc(today - timedelta(days=days), 14.5, DEFAULT_TZ),
                    "people_affected": affected,
                    "people_injured": injured,
                    "description": name,
                    "actions": "值班安全员到场处置，控制中心通知相关部门，管家通知受影响业户。",
                    "follow_up": "工程部检修，管家回访受影响业户。",
                }
                for days, name, kind, severity, safety, location, affected, injured in incidents
            ]
        )
        # All reported to the company the same day; all but the last two closed.
        for incident in records:
            incident.write(
                {"state": "reported", "date_reported": incident.date + timedelta(hours=2)}
            )
        records[:-2].write({"state": "closed"})

    @api.model
    def _demo_ideas(self, project, today):
        ref = self.env.ref
        proposer = [
            ref(f"property_butler.user_{login}", raise_if_not_found=False)
            for login in ("butler1", "butler2", "front_desk", "guard", "butler3")
        ]
        supervisor = ref("property_butler.user_supervisor", raise_if_not_found=False)
        ideas = [
            (200, "每部电梯张贴报修二维码", "adopted", 0.0, "业户扫码即可报修，减少前台来电。"),
            (
                120,
                "空置房巡查与安全员夜巡合并路线",
                "adopted",
                12000.0,
                "节省人力，每年约节省加班费。",
            ),
            (45, "快递柜旁增设雨棚", "evaluating", 0.0, "雨天取件不淋雨。"),
            (30, "前台改为24小时值班", "rejected", 0.0, "夜间来访可及时接待。"),
            (5, "催费短信模板统一", "proposed", 0.0, "减少管家编写短信的时间。"),
        ]
        Idea = self.env["property.improvement.idea"].with_context(
            mail_create_nolog=True, tracking_disable=True
        )
        for (days, name, state, saving, benefit), user in zip(ideas, proposer, strict=True):
            idea = Idea.create(
                {
                    "name": name,
                    "description": name,
                    "benefit": benefit,
                    "user_id": (user or self.env.user).id,
                    "project_id": project.id,
                    "date": today - timedelta(days=days),
                }
            )
            if state != "proposed":
                idea.write(
                    {
                        "state": state,
                        "evaluator_id": (supervisor or self.env.user).id,
                        "evaluation": "可行，成本低。"
                        if state != "rejected"
                        else "人手不足，暂不采纳。",
                        "saving": saving,
                        "date_adopted": today - timedelta(days=days - 10)
                        if state == "adopted"
                        else False,
                    }
                )
