import base64
import csv
import io
import random
from collections import defaultdict
from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta
from PIL import Image, ImageDraw

from odoo import api, fields, models

from odoo.addons.property_butler_dunning.models.property_dunning_stage import quarter_start

# Demo residents' languages: mostly Simplified Chinese, some Traditional Chinese and English.
RESIDENT_LANGS = ["zh_CN"] * 17 + ["zh_TW"] * 2 + ["en_US"]
# Demo staff (logins) whose language is not Simplified Chinese.
STAFF_LANGS = {"butler3": "zh_TW", "staff": "en_US"}
DEMO_TZ = "Asia/Shanghai"
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

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺"
    "顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强文博子涵"
    "欣怡浩然梓萱宇轩思远雨桐嘉怡俊杰晓东海燕玉兰春梅国庆建军丽华红梅晓红"
)


class PropertyDemoGenerator(models.AbstractModel):
    """Builds the demo estate: one project of 3 clusters, 8 buildings and about 400 units,
    about 500 residents with Chinese names, 4 butler grids and a few portal residents.

    Called from the demo data only; deterministic (fixed random seed), batched creates.
    One method per domain: company and accounting (``_generate_demo_company``), the estate
    (``_generate_demo_estate``), tickets and callbacks, patrols, fees (billing, payments,
    auto-debit, dunning, late fees), decoration, storms and handovers. Everything goes through
    the models' own methods (billing run, posting, payments, dunning run...), in batches."""

    _name = "property.demo.generator"
    _description = "Property Demo Estate Generator"

    @api.model
    def _chinese_names(self, rng, count):
        names = set()
        while len(names) < count:
            given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
            names.add(rng.choice(SURNAMES) + given)
        return sorted(names, key=lambda n: rng.random())

    @api.model
    def _generate_demo_estate(self, project_id, butler_ids, portal_logins=()):
        """Fill the project (with its clusters and buildings) with units, residents and grids."""
        project = self.env["property.project"].browse(project_id)
        butlers = self.env["res.users"].browse(butler_ids)
        rng = random.Random(20261122)
        self._generate_demo_company(project.company_id)
        langs = self._demo_langs()
        today = fields.Date.context_today(self)
        Unit = self.env["property.unit"]
        buildings = project.building_ids.sorted("unit_code_prefix")

        # Units: residential floors, plus parking spaces in the basements.
        unit_vals = []
        for building in buildings:
            for floor in range(1, building.floor_count + 1):
                for position in range(1, building.units_per_floor + 1):
                    unit_vals.append(
                        {
                            "building_id": building.id,
                            "floor": floor,
                            "number": f"{floor}{position:02d}",
                            "unit_type": "residential",
                            "area": rng.choice([68.5, 89.0, 98.5, 112.0, 128.8, 143.6]),
                            "key_customer": rng.random() < 0.04,
                        }
                    )
            for floor in range(-building.basement_count, 0):
                for position in range(1, 25):
                    unit_vals.append(
                        {
                            "building_id": building.id,
                            "floor": floor,
                            "number": f"B{-floor}-P{position:02d}",
                            "unit_type": "parking",
                            "area": 13.5,
                        }
                    )
        units = Unit.create(unit_vals)

        # People: about 500 residents with Chinese names.
        names = self._chinese_names(rng, 560)
        partner_vals = [
            {
                "name": name,
                "phone": f"13{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
                "email": f"resident{index + 1}@example.com" if rng.random() < 0.5 else False,
                "city": project.city,
                "country_id": project.country_id.id,
                "lang": self._demo_lang(rng.choice(RESIDENT_LANGS), langs),
                "tz": DEMO_TZ,
            }
            for index, name in enumerate(names)
        ]
        partners = self.env["res.partner"].create(partner_vals)
        pool = list(partners)

        occupancy_vals = []
        owners_by_unit = {}
        residential = units.filtered(lambda u: u.unit_type == "residential")
        for unit in residential:
            roll = rng.random()
            if roll < 0.06 or not pool:
                continue  # unsold: still held by the developer
            owner = pool.pop()
            owners_by_unit[unit.id] = owner
            since = today - timedelta(days=rng.randint(60, 3000))
            lives_there = roll >= 0.21  # about 15 % of the sold units stand empty
            occupancy_vals.append(
                {
                    "unit_id": unit.id,
                    "partner_id": owner.id,
                    "role": "owner",
                    "date_start": since,
                    "resides": lives_there and roll < 0.9,
                    "is_billing_contact": True,
                }
            )
            if not lives_there:
                continue
            if roll >= 0.9 and pool:  # let to a tenant
                occupancy_vals.append(
                    {
                        "unit_id": unit.id,
                        "partner_id": pool.pop().id,
                        "role": "tenant",
                        "date_start": since + timedelta(days=rng.randint(1, 50)),
                    }
                )
            for _member in range(rng.choice([0, 0, 0, 1, 1, 2])):
                if pool:
                    occupancy_vals.append(
                        {
                            "unit_id": unit.id,
                            "partner_id": pool.pop().id,
                            "role": "member",
                            "date_start": since,
                        }
                    )
        # A few past occupancies, to show that the history is kept.
        for unit_id in list(owners_by_unit)[:10]:
            occupancy_vals.append(
                {
                    "unit_id": unit_id,
                    "partner_id": partners[-1 - len(occupancy_vals) % 20].id,
                    "role": "tenant",
                    "date_start": today - timedelta(days=3600),
                    "date_end": today - timedelta(days=3200),
                }
            )
        # Parking spaces belong to owners of flats.
        owners = list(owners_by_unit.values())
        for unit in units - residential:
            if owners and rng.random() < 0.7:
                occupancy_vals.append(
                    {
                        "unit_id": unit.id,
                        "partner_id": rng.choice(owners).id,
                        "role": "owner",
                        "date_start": today - timedelta(days=rng.randint(30, 2000)),
                        "resides": False,
                        "is_billing_contact": True,
                    }
                )
        self.env["property.occupancy"].create(occupancy_vals)

        # A handful of units under decoration: see _generate_demo_decoration.
        sold = residential.filtered(lambda u: u.id in owners_by_unit)
        decorating = sold.filtered(lambda u: u.state == "vacant")[:14]

        # Four grids, two buildings each (cluster 3 as a whole), with backups.
        groups = [buildings[0:2], buildings[2:4], buildings[4:6], buildings[6:8]]
        grid_vals = []
        for index, (butler, grid_buildings) in enumerate(zip(butlers, groups, strict=False)):
            grid_vals.append(
                {
                    "name": f"网格 {index + 1}",
                    "project_id": project.id,
                    "company_id": project.company_id.id,
                    "butler_id": butler.id,
                    "backup_butler_id": butlers[(index + 1) % len(butlers)].id,
                    "building_ids": [fields.Command.set(grid_buildings.ids)],
                }
            )
        self.env["property.grid"].create(grid_vals)

        self._generate_demo_decoration(rng, project, decorating, owners_by_unit)
        self._generate_demo_tickets(rng, residential)
        self._generate_demo_patrols(project)
        self.env["property.inspection"]._cron_vacant_unit_inspections()
        self._generate_demo_fees(rng, project)
        self._generate_demo_storms_handovers(rng, project)

        # Portal access for a few residents living in the estate.
        portal_group = self.env.ref("base.group_portal")
        occupied = residential.filtered(lambda u: u.state == "occupied")
        for login, unit in zip(portal_logins, occupied, strict=False):
            resident = unit.resident_ids[:1]
            self.env["res.users"].with_context(no_reset_password=True).create(
                {
                    "login": login,
                    "password": login,
                    "partner_id": resident.id,
                    "email": resident.email or f"{login}@example.com",
                    "groups_id": [fields.Command.set([portal_group.id])],
                }
            )
        return True

    @api.model
    def _generate_demo_patrols(self, project):
        """Checkpoints with QR codes, a night route through the key areas, a day route past the
        buildings, their plans for the demo guard, and the rounds of today and tomorrow."""
        ref = self.env.ref
        security = ref("property_butler_ticket.property_department_security")
        engineering = ref("property_butler_ticket.property_department_engineering")
        guard = ref("property_butler_suite.user_guard", raise_if_not_found=False)
        key_areas = self.env["property.checkpoint"].create(
            [
                {
                    "name": name,
                    "project_id": project.id,
                    "is_key_area": True,
                    "checklist_item_ids": [
                        fields.Command.create({"name": "门窗已锁好", "department_id": security.id}),
                        fields.Command.create(
                            {"name": "灭火器在位", "department_id": engineering.id}
                        ),
                        fields.Command.create(
                            {"name": "无异味、无异响", "department_id": security.id}
                        ),
                    ],
                }
                for name in ("管理处办公室", "档案室", "监控中心", "仓库")
            ]
        )
        lobbies = self.env["property.checkpoint"].create(
            [
                {
                    "name": f"{building.unit_code_prefix} {building.name} 大堂",
                    "project_id": project.id,
                    "cluster_id": building.cluster_id.id,
                    "building_id": building.id,
                    "checklist_item_ids": [
                        fields.Command.create(
                            {"name": "大堂照明正常", "department_id": engineering.id}
                        ),
                        fields.Command.create(
                            {"name": "消防通道畅通", "department_id": security.id}
                        ),
                    ],
                }
                for building in project.building_ids.sorted("unit_code_prefix")
            ]
        )
        Route = self.env["property.patrol.route"]
        night = Route.create(
            {
                "name": "夜间要害部位巡逻 Night key areas",
                "project_id": project.id,
                "expected_duration": 30,
                "line_ids": [
                    fields.Command.create({"checkpoint_id": c.id, "sequence": i})
                    for i, c in enumerate(key_areas)
                ],
            }
        )
        day = Route.create(
            {
                "name": "楼栋巡逻 Buildings",
                "project_id": project.id,
                "expected_duration": 60,
                "line_ids": [
                    fields.Command.create({"checkpoint_id": c.id, "sequence": i})
                    for i, c in enumerate(lobbies)
                ],
            }
        )
        guards = [fields.Command.set(guard.ids)] if guard else []
        self.env["property.patrol.plan"].create(
            [
                {
                    "route_id": night.id,
                    "shift_id": ref("property_butler_patrol.property_patrol_shift_night").id,
                    "interval_minutes": 60,
                    "tz": "Asia/Shanghai",
                    "guard_ids": guards,
                },
                {
                    "route_id": day.id,
                    "shift_id": ref("property_butler_patrol.property_patrol_shift_day").id,
                    "tz": "Asia/Shanghai",
                    "guard_ids": guards,
                },
            ]
        )
        self.env["property.patrol.plan"]._cron_generate_rounds(days_ahead=1)

    @api.model
    def _demo_signature(self, rng):
        """A hand-drawn-looking squiggle, as the signature widget would store it."""
        image = Image.new("RGBA", (240, 80), (255, 255, 255, 0))
        draw = ImageDraw.Draw(image)
        points = [(10 + 22 * i, 40 + rng.randint(-25, 25)) for i in range(11)]
        draw.line(points, fill=(20, 20, 120, 255), width=3, joint="curve")
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return base64.b64encode(buffer.getvalue())

    @api.model
    def _generate_demo_tickets(self, rng, units):
        """A hundred tickets of every type and stage over twelve months, responded and
        completed at realistic times, with their callbacks and scores."""
        ref = self.env.ref
        staff = ref("property_butler_suite.user_staff", raise_if_not_found=False)
        if staff:
            ref("property_butler_ticket.property_department_engineering").write(
                {"leader_id": staff.id, "member_ids": [fields.Command.link(staff.id)]}
            )
        # (title, description): what the resident said, under a title that sums it up.
        samples = {
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
        occupied = units.filtered(lambda u: u.state == "occupied")
        Ticket = self.env["property.ticket"]
        now = fields.Datetime.now()
        vals_list = []
        # Twelve months of tickets, more of them recent; the last days' are still open.
        for index in range(100):
            kind = rng.choice(["complaint", "repair", "repair", "inquiry", "service", "suggestion"])
            unit = rng.choice(occupied)
            title, description = rng.choice(samples[kind])
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
        scores = ("score_attitude", "score_quality", "score_timeliness", "score_etiquette")
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
        # Callbacks a day or two after the work: most recorded, the last days' still due.
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
        return tickets

    # ------------------------------------------------------------------
    # Company and accounting
    # ------------------------------------------------------------------
    @api.model
    def _demo_langs(self):
        return {code for code, _name in self.env["res.lang"].get_installed()}

    @api.model
    def _demo_lang(self, lang, installed):
        """``lang`` when it is loaded in the database (bin/start and bin/test load zh_CN and
        zh_TW), else English."""
        return lang if lang in installed else "en_US"

    @api.model
    def _generate_demo_company(self, company):
        """The company's chart of accounts (the Chinese one when l10n_cn is installed, as bin/start
        does) with its VAT on the fee products, and the demo staff's language and time zone.

        The company itself (name, address, logo, CNY, A4) is in the demo data."""
        Chart = self.env["account.chart.template"]
        l10n_cn = self.env["ir.module.module"].search(
            [("name", "=", "l10n_cn"), ("state", "in", ("installed", "to upgrade"))]
        )
        if l10n_cn and company.chart_template != "cn":
            # In a demo database account's demo data gave the main company the generic chart
            # and its demo entries: loading the Chinese chart replaces both.
            Chart.try_loading("cn", company, install_demo=False)
        elif not company.chart_template:
            Chart.try_loading("generic_coa", company, install_demo=False)
        cny = self.env.ref("base.CNY")
        if company.currency_id != cny and not company.root_id._existing_accounting():
            company.currency_id = cny
        # Account's install hook loads the guessed chart on the main company once every module
        # is loaded: the company has its chart now, and loading another one then would delete
        # the demo's journal entries.
        if hasattr(self.env.registry, "_auto_install_template"):
            del self.env.registry._auto_install_template
        if company.chart_template == "cn":
            ChartCompany = Chart.with_company(company)
            taxes = {
                "property_butler_billing.product_management_fee": "l10n_cn_sales_excluded_6",
                "property_butler_billing.product_parking_fee": "l10n_cn_sales_excluded_9",
                "property_butler_billing.product_water_fee": "l10n_cn_sales_excluded_9",
            }
            for product_xmlid, tax_xmlid in taxes.items():
                tax = ChartCompany.ref(tax_xmlid, raise_if_not_found=False)
                if tax:
                    self.env.ref(product_xmlid).taxes_id = tax
        installed = self._demo_langs()
        logins = ["admin", "manager", "supervisor", "frontdesk", "frontdesk2", "guard", "guard2"]
        logins += ["staff"] + [f"butler{index}" for index in range(1, 5)]
        users = self.env["res.users"].search([("login", "in", logins)])
        users.write({"tz": DEMO_TZ})
        for user in users - self.env.ref("base.user_admin"):
            user.lang = self._demo_lang(STAFF_LANGS.get(user.login, "zh_CN"), installed)
        company.partner_id.tz = DEMO_TZ

    # ------------------------------------------------------------------
    # Fees: schedules, six months of billing, payments, auto-debit, dunning, late fees
    # ------------------------------------------------------------------
    @api.model
    def _generate_demo_fees(self, rng, project):
        """Six months of the monthly fee cycle, replayed day by day up to today with the real
        methods: meter readings and the billing run on the billing day, the supervisor's
        confirmation, residents' payments (the day's collections booked as one bank entry and
        reconciled), weekly auto-debit lists with the bank's result file, the dunning run on
        each stage's first day with the butlers' contacts, and late fees with a lawyer's
        letter for the malicious defaulters of the last quarter."""
        company = project.company_id
        if not company.chart_template:
            return
        ref = self.env.ref
        today = fields.Date.context_today(self)
        current = today.replace(day=1)
        first = current - relativedelta(months=5)
        management = ref("property_butler_billing.property_fee_type_management")
        parking = ref("property_butler_billing.property_fee_type_parking")
        water = ref("property_butler_billing.property_fee_type_water")
        raise_day = first + relativedelta(months=2)
        schedule = [
            (management, "residential", 2.50, first - relativedelta(years=2), raise_day),
            (management, "residential", 2.80, raise_day + timedelta(days=1), False),
            (management, "commercial", 5.50, first - relativedelta(years=2), False),
            (management, "storage", 1.20, first - relativedelta(years=2), False),
            (parking, "parking", 150.0, first - relativedelta(years=2), False),
            (water, "residential", 3.46, first - relativedelta(years=2), False),
            (water, "commercial", 4.80, first - relativedelta(years=2), False),
        ]
        self.env["property.fee.rate"].create(
            [
                {
                    "project_id": project.id,
                    "fee_type_id": fee.id,
                    "unit_type": unit_type,
                    "rate": rate,
                    "date_from": date_from,
                    "date_to": date_to - timedelta(days=1) if date_to else False,
                }
                for fee, unit_type, rate, date_from, date_to in schedule
            ]
        )
        billed = self.env["property.occupancy"].search(
            [("project_id", "=", project.id), ("is_billing_contact", "=", True)]
        )
        # How each billing contact pays.
        profiles = {}
        for partner in billed.partner_id.sorted("id"):
            roll = rng.random()
            if roll < 0.07:
                profiles[partner.id] = ("debit", None)
            elif roll < 0.62:
                profiles[partner.id] = ("prompt", None)
            elif roll < 0.80:
                profiles[partner.id] = ("late", None)
            elif roll < 0.90:
                profiles[partner.id] = ("quarterly", None)
            else:  # stops paying: arrears of one to six months
                profiles[partner.id] = (
                    "defaulter",
                    current - relativedelta(months=rng.randint(0, 5)),
                )
        mandates = self._demo_debit_mandates(rng, company, billed.partner_id, profiles, first)

        journal = self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "bank")], limit=1
        )
        supervisor = project.supervisor_id or self.env.user
        billing_day = company.property_billing_day or 28
        payments = defaultdict(list)  # {date: [invoices]}
        imports = {}  # {date: debit list}
        dunning_days = self._demo_dunning_days(first, today)
        day = first - relativedelta(months=1)
        day = day.replace(day=min(billing_day, 28))
        Billing = self.env["property.billing"]
        while day <= today:
            if day.day == min(billing_day, 28):
                month = day.replace(day=1) + relativedelta(months=1)
                self._demo_meter_readings(rng, project, water, month)
                moves = Billing._bill_period(month, project)
                if month <= current:
                    moves.with_user(supervisor).action_property_confirm()
                    self._demo_plan_payments(rng, moves, profiles, payments, today)
            if payments.get(day):
                self._demo_collect(journal, payments.pop(day), day)
            if day.weekday() == 0 and mandates:
                batch = self.env["property.debit.batch"]._cron_prepare_debit_list()
                if batch:
                    batch.write({"date": day, "journal_id": journal.id})
                    batch.action_mark_sent()
                    if day + timedelta(days=2) <= today:
                        imports[day + timedelta(days=2)] = batch
            if day in imports:
                self._demo_debit_result(rng, imports.pop(day), day)
            if day in dunning_days:
                self._demo_dunning_run(rng, project, day, today)
            day += timedelta(days=1)
        # This week's list goes to the bank: every enrolled owner's open invoice is on it.
        batch = self.env["property.debit.batch"]._cron_prepare_debit_list()
        if batch:
            batch.write({"date": today, "journal_id": journal.id})
            batch.action_mark_sent()
        # The butler phoned the owners whose debit failed and were debited the next week.
        Activity = self.env["mail.activity"]
        done = Activity.search(
            [
                ("res_model", "=", "account.move"),
                ("activity_type_id", "=", ref("mail.mail_activity_data_call").id),
            ]
        ).filtered(lambda a: self.env["account.move"].browse(a.res_id).payment_state != "not_paid")
        done.action_feedback(feedback=self.env._("Phoned the owner: paid by the next debit."))

    @api.model
    def _demo_meter_readings(self, rng, project, water, month):
        units = self.env["property.unit"].search(
            [("project_id", "=", project.id), ("unit_type", "=", "residential")]
        )
        self.env["property.meter.reading"].create(
            [
                {
                    "unit_id": unit.id,
                    "fee_type_id": water.id,
                    "period": month,
                    "quantity": round(rng.uniform(7, 24), 1) if unit.state == "occupied" else 0.0,
                }
                for unit in units
            ]
        )

    @api.model
    def _demo_plan_payments(self, rng, moves, profiles, payments, today):
        """When each resident pays the invoice just posted (nothing after today)."""
        for move in moves:
            profile, since = profiles.get(move.partner_id.id, ("prompt", None))
            due = move.invoice_date_due
            if profile == "prompt":
                day = move.invoice_date + timedelta(
                    days=rng.randint(0, (due - move.invoice_date).days)
                )
            elif profile == "late":
                day = due + timedelta(days=rng.randint(8, 50))
            elif profile == "quarterly":
                quarter_end = quarter_start(due) + relativedelta(months=3)
                day = quarter_end - timedelta(days=rng.randint(3, 9))
            elif profile == "defaulter" and move.property_period < since:
                day = due + timedelta(days=rng.randint(0, 20))
            else:  # auto-debit, or stopped paying
                continue
            if day <= today:
                payments[day].append(move)

    @api.model
    def _demo_collect(self, journal, invoices, day):
        """The day's collections (counter, WeChat Pay, bank transfer) booked as one bank entry
        with a receivable line per invoice, reconciled with the invoices."""
        invoices = (
            self.env["account.move"]
            .concat(*invoices)
            .filtered(lambda m: m.payment_state in ("not_paid", "partial"))
        )
        receivables = invoices.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable" and not line.reconciled
        )
        if not receivables:
            return
        entry = (
            self.env["account.move"]
            .with_context(tracking_disable=True)
            .create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "date": day,
                    "ref": self.env._("Fee collections of %s", fields.Date.to_string(day)),
                    "line_ids": [
                        fields.Command.create(
                            {
                                "account_id": line.account_id.id,
                                "partner_id": line.partner_id.id,
                                "name": line.move_id.name,
                                "credit": line.amount_residual,
                            }
                        )
                        for line in receivables
                    ]
                    + [
                        fields.Command.create(
                            {
                                "account_id": journal.default_account_id.id,
                                "name": self.env._(
                                    "Fee collections of %s", fields.Date.to_string(day)
                                ),
                                "debit": sum(receivables.mapped("amount_residual")),
                            }
                        )
                    ],
                }
            )
        )
        entry.action_post()
        counterparts = entry.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        by_name = {line.name: line for line in counterparts}
        self.env["account.move.line"]._reconcile_plan(
            [line | by_name[line.move_id.name] for line in receivables]
        )

    @api.model
    def _demo_debit_mandates(self, rng, company, partners, profiles, first):
        """Bank accounts and mandates of the owners paying by auto-debit (one suspended, one
        cancelled)."""
        debit = partners.filtered(lambda p: profiles.get(p.id, ("",))[0] == "debit")
        if not debit:
            return self.env["property.debit.mandate"]
        bank = self.env["res.bank"].create(
            {"name": "中国工商银行广州天河支行", "bic": "ICBKCNBJGDG"}
        )
        accounts = self.env["res.partner.bank"].create(
            [
                {
                    "partner_id": partner.id,
                    "bank_id": bank.id,
                    "acc_number": f"6222 0236 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)} {index:03d}",
                    "company_id": company.id,
                }
                for index, partner in enumerate(debit)
            ]
        )
        mandates = self.env["property.debit.mandate"].create(
            [
                {
                    "partner_id": account.partner_id.id,
                    "bank_account_id": account.id,
                    "company_id": company.id,
                    "date": first - timedelta(days=rng.randint(30, 700)),
                }
                for account in accounts
            ]
        )
        mandates.action_activate()
        if len(mandates) > 4:
            mandates[-1].action_suspend()
            mandates[-2].action_cancel()
            for mandate in mandates[-2:]:
                profiles[mandate.partner_id.id] = ("late", None)
            mandates = mandates[:-2]
        return mandates

    @api.model
    def _demo_debit_result(self, rng, batch, day):
        """The bank's result file two days after the list: most debits go through."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["reference", "amount", "status", "reason"])
        for line in batch.line_ids:
            failed = rng.random() < 0.08
            writer.writerow(
                [
                    line.reference,
                    f"{line.amount:.2f}",
                    "FAILED" if failed else "OK",
                    "余额不足 Insufficient funds" if failed else "",
                ]
            )
        self.env["property.debit.import"].create(
            {
                "batch_id": batch.id,
                "file": base64.b64encode(buffer.getvalue().encode()),
                "filename": f"{batch.name}-result.csv",
                "date": day,
            }
        ).action_import()

    @api.model
    def _demo_dunning_days(self, first, today):
        """The first day of each dunning stage from the first billed month to today, and today."""
        Stage = self.env["property.dunning.stage"]
        stages = Stage.search([("company_id", "=", self.env.company.id)])
        days = {today}
        quarter = quarter_start(first)
        while quarter <= today:
            for stage in stages:
                start = stage._window(quarter)[0]
                if first <= start <= today:
                    days.add(start)
            quarter += relativedelta(months=3)
        return days

    @api.model
    def _demo_dunning_run(self, rng, project, day, today):
        """The dunning run of ``day``, then the butlers' contacts with the cases just moved to
        a stage (the log 《物管費催收記錄表》); reasons found at the 2nd stage, a lawyer's letter
        and late fees at the 4th for the malicious ones."""
        Case = self.env["property.dunning.case"]
        before = {case.id: case.stage_id.id for case in Case.search([("state", "=", "open")])}
        Case._cron_dunning(today=day)
        # The run closes what was paid "today": on the day of the run.
        Case.search([("date_closed", "=", today), ("state", "!=", "open")]).write(
            {"date_closed": day}
        )
        cases = Case.search([("state", "=", "open"), ("project_id", "=", project.id)])
        moved = cases.filtered(lambda c: c.stage_id and before.get(c.id) != c.stage_id.id)
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
        logs, malicious = [], Case
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
        self.env["property.dunning.log"].create(logs)
        malicious.write({"malicious": True})
        # Service tickets opened from the reasons are dated like the contact.
        tickets = moved.ticket_id.filtered(lambda t: t.date_received.date() > day)
        tickets.write(
            {"date_received": datetime.combine(day, datetime.min.time()) + timedelta(hours=3)}
        )
        # The department answered the same day.
        tickets.action_respond()
        for ticket in tickets:
            ticket.date_responded = ticket.date_received + timedelta(hours=2)
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

    # ------------------------------------------------------------------
    # Decoration
    # ------------------------------------------------------------------
    @api.model
    def _generate_demo_decoration(self, rng, project, units, owners_by_unit):
        """A permit in progress for each decorating unit (approved with the signed agreement,
        workers with passes, the last week's checks by the guards, today's and tomorrow's
        planned), two finished decorations and an application waiting for approval."""
        if not units:
            return
        guards = self.env["res.users"].search([("login", "in", ("guard", "guard2"))])
        today = fields.Date.context_today(self)
        agreement = base64.b64encode(b"%PDF-1.4\n% signed responsibility agreement (demo)\n")
        contractors = self.env["res.partner"].create(
            [
                {"name": name, "is_company": True, "phone": phone, "city": project.city}
                for name, phone in (
                    ("广州美家装饰工程有限公司", "020-83336688"),
                    ("佳居装饰设计有限公司", "020-87651234"),
                    ("匠心家装工作室", "13922226666"),
                )
            ]
        )
        scopes = [
            "水电改造、墙面翻新、铺贴地砖",
            "厨房卫生间改造、吊顶",
            "全屋硬装：拆改非承重墙、水电、泥木、油漆",
        ]
        trades = ["水电工", "泥水工", "木工", "油漆工"]
        Permit = self.env["property.decoration.permit"]
        vals_list = []
        for index, unit in enumerate(units):
            if index < len(units) - 3:
                start = today - timedelta(days=rng.randint(8, 45))
                end = start + timedelta(days=rng.choice([60, 75, 90]))
            elif index < len(units) - 1:  # finished
                start = today - timedelta(days=rng.randint(120, 200))
                end = start + timedelta(days=60)
            else:  # applied for, to approve
                start = today + timedelta(days=7)
                end = start + timedelta(days=60)
            vals_list.append(
                {
                    "unit_id": unit.id,
                    "applicant_id": owners_by_unit[unit.id].id,
                    "contractor_id": rng.choice(contractors).id,
                    "scope": rng.choice(scopes),
                    "date_start": start,
                    "date_end": end,
                    "tz": DEMO_TZ,
                    "guard_ids": [fields.Command.set(guards.ids)],
                    "agreement_file": agreement if index < len(units) - 1 else False,
                    "agreement_filename": "装修工程施工责任书.pdf",
                    "worker_ids": [
                        fields.Command.create(
                            {
                                "name": self._chinese_names(rng, 1)[0],
                                "id_number": f"44010{rng.randint(10**12, 10**13 - 1)}",
                                "phone": f"139{rng.randint(10000000, 99999999)}",
                                "trade": trade,
                                "pass_number": f"ZX-{unit.code}-{number + 1}",
                                # One pass expired this week, to be caught on a check.
                                "pass_expiry": today - timedelta(days=2)
                                if index == 0 and number == 0
                                else end,
                            }
                        )
                        for number, trade in enumerate(rng.sample(trades, rng.randint(2, 4)))
                    ],
                }
            )
        permits = Permit.create(vals_list)
        in_progress = permits[: len(units) - 3]
        finished = permits[len(units) - 3 : len(units) - 1]
        (in_progress | finished).action_approve()
        finished._activate()
        finished.action_done()
        # The last week's checks, done by the guards (one missed, two with a problem).
        days = [today - timedelta(days=offset) for offset in range(7, 0, -1)]
        now = fields.Datetime.now()
        checks = self.env["property.decoration.check"].create(
            [
                {
                    "permit_id": permit.id,
                    "date_planned": planned,
                    "guard_id": guards[turn % len(guards)].id,
                }
                for permit in in_progress
                for day in days
                if permit.date_start <= day
                for turn, planned in enumerate(permit._check_slots(day))
            ]
        )
        checks |= in_progress.check_ids
        past = checks.filtered(lambda c: c.date_planned < now).sorted("date_planned")
        for index, check in enumerate(past[1:]):
            vals = {
                "state": "done",
                "date_done": check.date_planned + timedelta(minutes=rng.randint(-10, 25)),
                "guard_id": check.guard_id.id or guards[:1].id,
            }
            if index % 37 == 5:
                vals.update(
                    problem_fire_passage=True, violation="楼道堆放装修材料", action_taken="warning"
                )
            elif index % 37 == 20:
                vals.update(
                    problem_debris=True, violation="白天清运建筑垃圾", action_taken="warning"
                )
            check.with_context(property_decoration_recording=True).write(vals)
        self.env["property.decoration.check"]._cron_mark_missed()

    # ------------------------------------------------------------------
    # Storms and shift handovers
    # ------------------------------------------------------------------
    @api.model
    def _generate_demo_storms_handovers(self, rng, project):
        """Last summer's typhoon (raised, checklist done, lifted) and today's rainstorm warning
        (raised, half the checklist done); two weeks of guards' and front-desk handovers."""
        Alert = self.env["property.storm.alert"]
        now = fields.Datetime.now()
        typhoon = Alert.create(
            {
                "name": "台风“摩羯” 八号风球 Typhoon Yagi, signal No. 8",
                "kind": "typhoon",
                "company_id": project.company_id.id,
                "project_ids": [fields.Command.set(project.ids)],
                "note": "关好门窗，检查排水沟和水泵，沙袋到位，低洼设备做好防水。",
            }
        )
        typhoon.action_raise()
        typhoon.task_ids.sudo().write({"state": "done"})
        typhoon.action_lift()
        raised = now - relativedelta(months=3, days=2)
        typhoon.sudo().write({"date_raised": raised, "date_lifted": raised + timedelta(days=2)})
        rainstorm = Alert.create(
            {
                "name": "暴雨黄色预警 Rainstorm yellow warning",
                "kind": "rainstorm",
                "company_id": project.company_id.id,
                "project_ids": [fields.Command.set(project.ids)],
                "note": "检查地下车库排水和应急照明，空置房关好窗户。",
            }
        )
        rainstorm.action_raise()
        tasks = rainstorm.task_ids.sorted("id")
        tasks[: len(tasks) // 2].sudo().write({"state": "done"})

        users = {
            user.login: user
            for user in self.env["res.users"].search(
                [("login", "in", ("guard", "guard2", "frontdesk", "frontdesk2"))]
            )
        }
        ref = self.env.ref
        shifts = {
            "day": ref("property_butler_patrol.property_patrol_shift_day"),
            "night": ref("property_butler_patrol.property_patrol_shift_night"),
        }
        events = {
            "security": [
                ("夜间巡逻正常，无异常情况。", []),
                ("2 栋地下车库一处照明损坏，已报工程部。", ["跟进 2 栋车库照明维修"]),
                ("凌晨有访客车辆未登记驶入，已劝离。", []),
                ("监控中心 3 号摄像头画面模糊。", ["联系厂家检修 3 号摄像头"]),
            ],
            "front_desk": [
                ("今日签收业主挂号信 3 封，已通知业主领取。", ["通知 1-1-802 业主领取挂号信"]),
                ("接待访客 12 人次，装修申请咨询 2 宗。", []),
                ("停水通知已张贴，短信已发送。", []),
                ("业主投诉楼道灯不亮，已开单。", ["回访楼道灯维修结果"]),
            ],
        }
        Log = self.env["property.handover.log"]
        pairs = {"security": ("guard", "guard2"), "front_desk": ("frontdesk", "frontdesk2")}
        for kind, (first, second) in pairs.items():
            if first not in users or second not in users:
                continue
            for offset in range(14, -1, -1):
                day = now - timedelta(days=offset)
                handed, taken = (users[first], users[second])
                if offset % 2:
                    handed, taken = taken, handed
                notes, items = rng.choice(events[kind])
                log = Log.with_user(handed).create(
                    {
                        "kind": kind,
                        "project_id": project.id,
                        "date": day.replace(hour=12, minute=0, second=0, microsecond=0),
                        "shift_id": shifts["day" if offset % 2 else "night"].id,
                        "handed_by_id": handed.id,
                        "taken_by_id": taken.id,
                        "notes": notes,
                        "item_ids": [fields.Command.create({"description": d}) for d in items],
                    }
                )
                # Most matters carried from the last shift are dealt with during this one.
                for item in log.item_ids.filtered("carried_from_id"):
                    if rng.random() < 0.7:
                        item.sudo().write(
                            {"state": "closed", "closing_note": "已处理", "closed_by_id": handed.id}
                        )
                if offset == 0:
                    continue  # today's shift is still being written
                log.with_user(handed).action_hand_over()
                log.with_user(taken).action_acknowledge()
                moment = day.replace(hour=12, minute=0, second=0, microsecond=0)
                log.sudo().write(
                    {"date_handed": moment, "date_acknowledged": moment + timedelta(minutes=5)}
                )
