import base64
import io
import random
from datetime import timedelta

from PIL import Image, ImageDraw

from odoo import api, fields, models

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

    Called from the demo data only; deterministic (fixed random seed), batched creates."""

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

        # A handful of units under decoration.
        sold = residential.filtered(lambda u: u.id in owners_by_unit)
        sold.filtered(lambda u: u.state == "vacant")[:14].write({"is_decorating": True})

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

        self._generate_demo_tickets(rng, residential)
        self._generate_demo_patrols(project)
        self.env["property.inspection"]._cron_vacant_unit_inspections()

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
        security = ref("property_butler.property_department_security")
        engineering = ref("property_butler.property_department_engineering")
        guard = ref("property_butler.user_guard", raise_if_not_found=False)
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
                    "shift_id": ref("property_butler.property_patrol_shift_night").id,
                    "interval_minutes": 60,
                    "tz": "Asia/Shanghai",
                    "guard_ids": guards,
                },
                {
                    "route_id": day.id,
                    "shift_id": ref("property_butler.property_patrol_shift_day").id,
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
        """About sixty tickets of every type and stage, with callbacks and scores."""
        ref = self.env.ref
        staff = ref("property_butler.user_staff", raise_if_not_found=False)
        if staff:
            ref("property_butler.property_department_engineering").write(
                {"leader_id": staff.id, "member_ids": [fields.Command.link(staff.id)]}
            )
        samples = {
            "complaint": [
                "楼道灯不亮无人处理",
                "保洁未按时清理垃圾",
                "夜间装修噪音扰民",
                "快递被放在门口丢失",
            ],
            "repair": ["厨房水管漏水", "卫生间下水道堵塞", "入户门锁损坏", "阳台推拉门卡住"],
            "inquiry": ["停车月卡如何办理", "物业费缴费方式", "装修申请需要哪些材料"],
            "service": ["春节前家庭深度保洁", "每周桶装水配送", "空置房托管"],
            "suggestion": ["建议增加儿童游乐设施", "表扬保安小王热心帮忙"],
        }
        occupied = units.filtered(lambda u: u.state == "occupied")
        Ticket = self.env["property.ticket"]
        now = fields.Datetime.now()
        vals_list = []
        for index in range(60):
            kind = rng.choice(["complaint", "repair", "repair", "inquiry", "service", "suggestion"])
            unit = rng.choice(occupied)
            vals_list.append(
                {
                    "title": rng.choice(samples[kind]),
                    "description": f"<p>{rng.choice(samples[kind])}</p>",
                    "ticket_type_id": ref(f"property_butler.property_ticket_type_{kind}").id,
                    "unit_id": unit.id,
                    "partner_id": unit.resident_ids[:1].id,
                    "channel": rng.choice(["phone", "front_desk", "portal", "butler_visit"]),
                    "priority": rng.choice(["0", "0", "0", "1", "2"]),
                    "date_received": now - timedelta(hours=rng.randint(1, 24 * 60), minutes=index),
                }
            )
        tickets = Ticket.create(vals_list)
        for ticket in tickets:
            roll = rng.random()
            if roll < 0.25:
                continue  # still new (some of them overdue)
            ticket.action_respond()
            if roll < 0.45:
                continue  # in progress
            if ticket.kind == "complaint":
                ticket.write(
                    {
                        "judgement": "valid",
                        "judgement_reason": "经核实情况属实",
                        "responsible_department_id": ref(
                            "property_butler.property_department_cleaning"
                        ).id,
                        "solution": "<p>已安排专人处理并加强巡查</p>",
                        "reply": "<p>已向业主致歉并说明处理结果</p>",
                        "signature": self._demo_signature(rng),
                        "signed_by": ticket.partner_id.name,
                    }
                )
            elif ticket.kind == "inquiry":
                ticket.reply = "<p>已当场答复</p>"
            elif ticket.kind == "service":
                ticket.line_ids = [
                    fields.Command.create(
                        {"product_id": ref("property_butler.product_home_cleaning").id}
                    )
                ]
                ticket.action_send_quotation()
                ticket.action_accept_on_paper()
            ticket.action_done()
            for callback in ticket.callback_ids.filtered(lambda c: c.state == "scheduled"):
                if rng.random() < 0.7:
                    callback.write(
                        {
                            name: rng.choice([3, 4, 4, 5, 5, 5])
                            for name in (
                                "score_attitude",
                                "score_quality",
                                "score_timeliness",
                                "score_etiquette",
                            )
                        }
                    )
                    callback.action_done()
        return tickets
