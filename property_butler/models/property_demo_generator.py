import base64
import functools
import io
import logging
import random
import time
from datetime import timedelta

from PIL import Image, ImageDraw

from odoo import api, fields, models

from .property_project import DEFAULT_TZ

_logger = logging.getLogger(__name__)

# Demo residents' languages: mostly Simplified Chinese, some Traditional Chinese and English.
RESIDENT_LANGS = ["zh_CN"] * 17 + ["zh_TW"] * 2 + ["en_US"]
# Demo staff (logins) whose language is not Simplified Chinese.
STAFF_LANGS = {"butler3": "zh_TW", "staff": "en_US"}
STAFF_LOGINS = [
    "manager",
    "supervisor",
    "frontdesk",
    "frontdesk2",
    "guard",
    "guard2",
    "staff",
    "butler1",
    "butler2",
    "butler3",
    "butler4",
]
DEMO_SEED = 20261122

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺"
    "顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强文博子涵"
    "欣怡浩然梓萱宇轩思远雨桐嘉怡俊杰晓东海燕玉兰春梅国庆建军丽华红梅晓红"
)


def demo_step(method):
    """Log how long a step of the demo took (``demo: _generate_demo_tickets took 4.2 s``)."""

    @functools.wraps(method)
    def timed(self, *args, **kwargs):
        start = time.perf_counter()
        result = method(self, *args, **kwargs)
        _logger.info("demo: %s took %.1f s", method.__name__, time.perf_counter() - start)
        return result

    return timed


class PropertyDemoGenerator(models.AbstractModel):
    """Builds the demo estate, one domain per addon.

    The base addon's demo data holds the company, the staff and the project with its clusters
    and buildings, and calls ``_generate_demo_estate``: units, about 500 residents with
    Chinese names, occupancies, four butler grids and three portal residents. Every other
    addon of the suite inherits this model and adds its own step (``_generate_demo_<domain>``)
    called from its own demo data: tickets and callbacks, patrols and inspections, decoration,
    storms, handovers, fees (billing, payments, auto-debit, dunning, late fees).

    Each step is deterministic (its own seeded random generator), creates in batches through
    the models' own methods, and does nothing when its records already exist: Odoo loads an
    addon's demo data again when the addon is upgraded."""

    _name = "property.demo.generator"
    _description = "Property Demo Estate Generator"

    # ------------------------------------------------------------------
    # Shared helpers of every addon's step
    # ------------------------------------------------------------------
    @api.model
    def _demo_rng(self, step):
        """The random generator of one step: the same figures at every install."""
        return random.Random(f"{DEMO_SEED}-{step}")

    @api.model
    def _demo_project(self):
        """The demo project, or an empty recordset when the base addon's demo is not loaded."""
        return (
            self.env.ref("property_butler.project_sunshine", raise_if_not_found=False)
            or self.env["property.project"]
        )

    @api.model
    def _demo_langs(self):
        return {code for code, _name in self.env["res.lang"].get_installed()}

    @api.model
    def _demo_lang(self, lang, installed):
        """``lang`` when it is loaded in the database (bin/start and bin/test load zh_CN and
        zh_TW), else English."""
        return lang if lang in installed else "en_US"

    @api.model
    def _chinese_names(self, rng, count):
        names = set()
        while len(names) < count:
            given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
            names.add(rng.choice(SURNAMES) + given)
        return sorted(names, key=lambda n: rng.random())

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

    # ------------------------------------------------------------------
    # The estate
    # ------------------------------------------------------------------
    @api.model
    @demo_step
    def _generate_demo_estate(self, project_id, butler_ids, portal_logins=()):
        """Fill the project (with its clusters and buildings) with units, residents and grids."""
        project = self.env["property.project"].browse(project_id)
        if project.unit_ids:
            _logger.info("demo estate of %s already generated", project.name)
            return True
        rng = random.Random(DEMO_SEED)
        self._demo_staff(project.company_id)
        units = self._demo_units(rng, project)
        partners = self._demo_residents(rng, project)
        self._demo_occupancies(rng, units, partners)
        self._demo_grids(project, self.env["res.users"].browse(butler_ids))
        self._demo_portal_users(units, portal_logins)
        return True

    @api.model
    def _demo_staff(self, company):
        """The demo staff's language and time zone."""
        installed = self._demo_langs()
        users = self.env["res.users"].search([("login", "in", ["admin", *STAFF_LOGINS])])
        users.write({"tz": DEFAULT_TZ})
        for user in users - self.env.ref("base.user_admin"):
            user.lang = self._demo_lang(STAFF_LANGS.get(user.login, "zh_CN"), installed)
        company.partner_id.tz = DEFAULT_TZ

    @api.model
    def _demo_units(self, rng, project):
        """Residential floors of every building, plus parking spaces in the basements."""
        unit_vals = []
        for building in project.building_ids.sorted("unit_code_prefix"):
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
        return self.env["property.unit"].create(unit_vals)

    @api.model
    def _demo_residents(self, rng, project):
        """About 500 residents with Chinese names, phones and (half of them) e-mails."""
        langs = self._demo_langs()
        names = self._chinese_names(rng, 560)
        return self.env["res.partner"].create(
            [
                {
                    "name": name,
                    "phone": f"13{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
                    "email": f"resident{index + 1}@example.com" if rng.random() < 0.5 else False,
                    "city": project.city,
                    "country_id": project.country_id.id,
                    "lang": self._demo_lang(rng.choice(RESIDENT_LANGS), langs),
                    "tz": DEFAULT_TZ,
                }
                for index, name in enumerate(names)
            ]
        )

    @api.model
    def _demo_occupancies(self, rng, units, partners):
        """Owners (6 % of the flats unsold, 15 % of the sold ones empty), tenants and household
        members, a few past tenancies, and parking spaces owned by owners of flats."""
        today = fields.Date.context_today(self)
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
            lives_there = roll >= 0.21
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
        return self.env["property.occupancy"].create(occupancy_vals)

    @api.model
    def _demo_grids(self, project, butlers):
        """Four grids of two buildings each (cluster 3 as a whole), each with a backup."""
        buildings = project.building_ids.sorted("unit_code_prefix")
        groups = [buildings[0:2], buildings[2:4], buildings[4:6], buildings[6:8]]
        return self.env["property.grid"].create(
            [
                {
                    "name": f"网格 {index + 1}",
                    "project_id": project.id,
                    "company_id": project.company_id.id,
                    "butler_id": butler.id,
                    "backup_butler_id": butlers[(index + 1) % len(butlers)].id,
                    "building_ids": [fields.Command.set(grid_buildings.ids)],
                }
                for index, (butler, grid_buildings) in enumerate(zip(butlers, groups, strict=False))
            ]
        )

    @api.model
    def _demo_portal_users(self, units, portal_logins):
        """Portal access for a few residents living in the estate."""
        portal_group = self.env.ref("base.group_portal")
        occupied = units.filtered(lambda u: u.unit_type == "residential" and u.state == "occupied")
        vals_list = []
        for login, unit in zip(portal_logins, occupied, strict=False):
            resident = unit.resident_ids[:1]
            vals_list.append(
                {
                    "login": login,
                    "password": login,
                    "partner_id": resident.id,
                    "email": resident.email or f"{login}@example.com",
                    "groups_id": [fields.Command.set([portal_group.id])],
                }
            )
        return self.env["res.users"].with_context(no_reset_password=True).create(vals_list)
