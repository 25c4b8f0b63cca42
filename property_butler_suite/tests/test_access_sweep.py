"""Every role probes every model and route of the product as an attacker would (issue 10).

The models are those of the registry that the suite's addons (property_butler*) define or extend, plus the contact
models they link to; the routes are those of the routing map whose endpoint is one of the suite's addons'.
What a role must not see follows the rules of res.partner._property_scope: the phones, e-mails
and bank accounts of residents outside the role's scope, and records of other companies or
(restricted butler) other grids. A new model, field or route is probed at once."""

import json
import re
import threading
from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

CONTACT_MODELS = (
    "res.partner",
    "res.partner.bank",
    "mail.followers",
    "mail.message",
    "ir.attachment",
    "account.move",
    "account.move.line",
)
CONTEXTS = ({}, {"show_email": True}, {"show_address": True, "show_email": True})
# The models probed over HTTP (/web/dataset/call_kw) too.
HTTP_MODELS = (
    "res.partner",
    "res.partner.bank",
    "mail.followers",
    "property.occupancy",
    "property.ticket",
    "property.dunning.case",
)
GROUP = "property_butler.property_butler_group_"
REFUSED = (AccessError, UserError, ValidationError)


@tagged("post_install", "-at_install")
class TestAccessSweep(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.sweep = env["res.company"].create({"name": "Sweep Estate Co."})
        cls.other = env["res.company"].create({"name": "Other Estate Co."})
        company = {"company_id": cls.sweep.id, "company_ids": [Command.set(cls.sweep.ids)]}

        def staff(login, role):
            return new_test_user(env, login, groups=GROUP + role, **company)

        cls.manager = staff("sw_manager", "manager")
        cls.supervisor = staff("sw_supervisor", "supervisor")
        cls.butler = staff("sw_butler", "butler")
        cls.butler2 = staff("sw_butler2", "butler")
        cls.front_desk = staff("sw_front_desk", "front_desk")
        cls.guard = staff("sw_guard", "patrol_guard")
        cls.staff = staff("sw_staff", "department_staff")

        project = env["property.project"].create(
            {"name": "Sweep Garden", "code": "SWG", "company_id": cls.sweep.id}
        )
        building, building2 = env["property.building"].create(
            [
                {"name": "S1", "code": "1", "project_id": project.id, "floor_count": 5},
                {"name": "S2", "code": "2", "project_id": project.id, "floor_count": 5},
            ]
        )
        cls.unit, cls.unit2 = env["property.unit"].create(
            [
                {"building_id": building.id, "floor": 1, "number": "101", "area": 90},
                {"building_id": building2.id, "floor": 1, "number": "101", "area": 90},
            ]
        )
        env["property.grid"].create(
            [
                {
                    "name": "Sweep North",
                    "project_id": project.id,
                    "butler_id": cls.butler.id,
                    "building_ids": [Command.set(building.ids)],
                    "company_id": cls.sweep.id,
                },
                {
                    "name": "Sweep South",
                    "project_id": project.id,
                    "butler_id": cls.butler2.id,
                    "building_ids": [Command.set(building2.ids)],
                    "company_id": cls.sweep.id,
                },
            ]
        )
        other_project = env["property.project"].create(
            {"name": "Other Garden", "code": "OTG", "company_id": cls.other.id}
        )
        other_building = env["property.building"].create(
            {"name": "O1", "code": "1", "project_id": other_project.id, "floor_count": 5}
        )
        cls.other_unit = env["property.unit"].create(
            {"building_id": other_building.id, "floor": 1, "number": "101", "area": 90}
        )
        Partner = env["res.partner"]
        (cls.owner, cls.member, cls.former, cls.neighbour, cls.foreigner) = Partner.create(
            [
                {"name": "Sweep Owner", "phone": "13911110001", "email": "sw.owner@example.com",
                 "street": "Owner Road 1"},
                {"name": "Sweep Member", "phone": "13911110002", "email": "sw.member@example.com"},
                {"name": "Sweep Former", "phone": "13911110003", "email": "sw.former@example.com"},
                {"name": "Sweep Neighbour", "phone": "13911110004",
                 "email": "sw.neighbour@example.com", "street": "Neighbour Road 4"},
                {"name": "Other Resident", "phone": "13911110005",
                 "email": "sw.other@example.com"},
            ]
        )  # fmt: skip
        today = fields.Date.today()
        Occupancy = env["property.occupancy"]
        Occupancy.create(
            [
                {"unit_id": cls.unit.id, "partner_id": cls.owner.id, "is_billing_contact": True,
                 "date_start": date(2024, 1, 1)},
                {"unit_id": cls.unit.id, "partner_id": cls.member.id, "role": "member",
                 "date_start": date(2024, 1, 1)},
                {"unit_id": cls.unit.id, "partner_id": cls.former.id, "role": "tenant",
                 "date_start": date(2022, 1, 1), "date_end": date(2023, 12, 31)},
                {"unit_id": cls.unit2.id, "partner_id": cls.neighbour.id,
                 "is_billing_contact": True, "date_start": date(2024, 1, 1)},
                {"unit_id": cls.other_unit.id, "partner_id": cls.foreigner.id,
                 "date_start": date(2024, 1, 1)},
            ]
        )  # fmt: skip
        self_bank = env["res.partner.bank"].create(
            [
                {"partner_id": cls.owner.id, "acc_number": "SW6222000001"},
                {"partner_id": cls.neighbour.id, "acc_number": "SW6222000004"},
                {"partner_id": cls.foreigner.id, "acc_number": "SW6222000005"},
            ]
        )
        env["property.debit.mandate"].create(
            [
                {"partner_id": bank.partner_id.id, "bank_account_id": bank.id,
                 "company_id": bank.partner_id.company_id.id}
                for bank in self_bank
            ]
        )  # fmt: skip

        def portal(login, partner, company_):
            return new_test_user(
                env,
                login,
                groups="base.group_portal",
                partner_id=partner.id,
                company_id=company_.id,
                company_ids=[Command.set(company_.ids)],
            )

        cls.resident = portal("sw_resident", cls.owner, cls.sweep)
        cls.household = portal("sw_household", cls.member, cls.sweep)
        cls.former_user = portal("sw_former", cls.former, cls.sweep)
        cls.foreign_user = portal("sw_foreign", cls.foreigner, cls.other)

        department = env["property.department"].create(
            {
                "name": "Sweep Engineering",
                "kind": "engineering",
                "company_id": cls.sweep.id,
                "leader_id": cls.staff.id,
                "member_ids": [Command.set(cls.staff.ids)],
            }
        )
        repair = env.ref("property_butler_ticket.property_ticket_type_repair")
        Ticket = env["property.ticket"]
        cls.tickets = Ticket.create(
            [
                {"title": "Tap leaks", "description": "<p>Tap</p>", "ticket_type_id": repair.id,
                 "unit_id": cls.unit.id, "partner_id": cls.owner.id,
                 "department_id": department.id},
                {"title": "Door stuck", "description": "<p>Door</p>",
                 "ticket_type_id": repair.id, "unit_id": cls.unit2.id,
                 "partner_id": cls.neighbour.id},
                {"title": "Old leak", "description": "<p>Old</p>", "ticket_type_id": repair.id,
                 "unit_id": cls.unit.id,
                 "date_received": fields.Datetime.now() - timedelta(days=900)},
                {"title": "Far away", "description": "<p>Far</p>", "ticket_type_id": repair.id,
                 "unit_id": cls.other_unit.id, "partner_id": cls.foreigner.id},
            ]
        )  # fmt: skip
        cls.tickets.action_done()
        for ticket in cls.tickets:
            ticket.message_post(body="Done, thank you", message_type="comment")
        cls.decoration = env["property.decoration.permit"].create(
            {
                "unit_id": cls.unit2.id,
                "applicant_id": cls.neighbour.id,
                "scope": "Kitchen",
                "date_start": today,
                "date_end": today + timedelta(days=30),
            }
        )
        cls.sweep.property_grid_restricted = True
        cls.roles = {
            "anonymous": env.ref("base.public_user"),
            "resident": cls.resident,
            "resident_other_company": cls.foreign_user,
            "former_occupant": cls.former_user,
            "household_member": cls.household,
            "guard": cls.guard,
            "front_desk": cls.front_desk,
            "department_staff": cls.staff,
            "butler_restricted": cls.butler,
            "butler_unrestricted": cls.butler,
            "supervisor": cls.supervisor,
            "manager": cls.manager,
        }

    # ------------------------------------------------------------------
    # What each role may see
    # ------------------------------------------------------------------
    def _residents(self):
        return self.env["property.occupancy"].sudo().search([]).partner_id

    def _allowed_residents(self, role):
        """The residents whose contact details ``role`` may read (res.partner._property_scope)."""
        residents = self._residents()
        user = self.roles[role]
        if role in ("anonymous", "guard"):
            return residents.browse()
        if user.share:
            return user.partner_id
        in_company = residents.filtered(lambda p: self.sweep in p.property_occupancy_ids.company_id)
        if role == "butler_restricted":
            return in_company.filtered(
                lambda p: p.property_occupancy_ids.unit_id.grid_id.butler_id & user
            )
        if role == "department_staff":
            return self.tickets.filtered(lambda t: t.department_id.leader_id == user).partner_id
        return in_company

    def _forbidden_values(self, role):
        """Phones, e-mails and bank accounts of the residents ``role`` may not read (a value
        also held by a resident it may read does not count)."""
        residents = self._residents()
        allowed = self._allowed_residents(role)
        bank_allowed = (
            allowed if role in self._BANK_ROLES or self.roles[role].share else allowed.browse()
        )

        def contact(partners):
            return {v for p in partners for v in (p.phone, p.mobile, p.email) if v}

        def bank(partners):
            return {acc for p in partners for acc in p.bank_ids.mapped("acc_number")}

        forbidden = contact(residents - allowed) | bank(residents - bank_allowed)
        # Contacts that occupy no unit are readable by design: what they share does not count.
        public = self.env["res.partner"].sudo().search([("property_occupancy_ids", "=", False)])
        forbidden -= contact(allowed) | bank(bank_allowed) | contact(public)
        return {value for value in forbidden if len(value) >= 6}

    _BANK_ROLES = ("butler_restricted", "butler_unrestricted", "supervisor", "manager")

    def _scope_violations(self, role, model, ids):
        """Records of ``model`` (ids returned to ``role``) that the role must not see: another
        company's, another grid's (restricted butler), another resident (portal roles)."""
        user = self.roles[role]
        records = self.env[model].sudo().browse(ids).exists()
        bad = []
        company_field = records._fields.get("company_id")
        # (the contacts of internal users are visible across companies, by Odoo's design)
        if (
            company_field
            and company_field.type == "many2one"
            and not user.share
            and model != "res.partner"
        ):
            bad += [r for r in records if r.company_id and r.company_id not in user.company_ids]
        if model == "res.partner":
            residents = records & self._residents()
            bad += list(residents - self._allowed_residents(role) - user.partner_id)
        if role == "butler_restricted" and "unit_id" in records._fields:
            unit_field = records._fields["unit_id"]
            if unit_field.type == "many2one" and unit_field.comodel_name == "property.unit":
                bad += [
                    r for r in records
                    if r.unit_id and not (r.unit_id.grid_id.butler_id & user)
                    and model not in self._GRID_FREE_MODELS
                ]  # fmt: skip
        return bad

    # Models a restricted butler reads outside the grid on purpose (the estate's structure and
    # inspections, which name no resident).
    _GRID_FREE_MODELS = (
        "property.inspection",
        "property.inspection.line",
        "property.storm.task",
        "property.decoration.check",
        "property.decoration.worker",
        "property.patrol.checkin",
        "property.grid.assignment",
    )

    # ------------------------------------------------------------------
    # The probes
    # ------------------------------------------------------------------
    def _models(self):
        models = set(CONTACT_MODELS)
        for ir_model in self.env["ir.model"].sudo().search([]):
            if any(
                module.startswith("property_butler")
                for module in (ir_model.modules or "").split(", ")
            ):
                models.add(ir_model.model)
        return sorted(name for name in models if name in self.env and not self.env[name]._abstract)

    def _readable_fields(self, Model):
        return [
            name
            for name, field in Model._fields.items()
            if field.type not in ("binary", "image") and field.is_accessible(Model.env)
        ]

    def _probe_orm(self, role, model, other_ids):
        """Every read-like call of ``model`` as ``role``: (text of the answers, ids returned)."""
        user = self.roles[role]
        answers, ids = [], set()
        for context in CONTEXTS:
            Model = self.env[model].with_user(user).with_context(**context)
            try:
                names = self._readable_fields(Model)
                spec = {
                    name: {"fields": {"display_name": {}}, "context": context}
                    if Model._fields[name].type == "many2one"
                    else {}
                    for name in names
                    if Model._fields[name].type not in ("one2many", "many2many")
                }
                rows = Model.search_read([], names, limit=200)
                ids |= {row["id"] for row in rows}
                answers.append(rows)
                page = Model.web_search_read([], spec, limit=200)
                ids |= {row["id"] for row in page["records"]}
                answers.append(page)
                answers.append(Model.name_search("", limit=200))
                answers.append(Model.search_count([]))
                records = Model.browse(sorted(ids)[:200])
                export = [n for n in names if Model._fields[n].type not in ("one2many",)][:40]
                answers.append(records.export_data(export))
                groupby = next(
                    (n for n in names if Model._fields[n].type == "many2one"
                     and Model._fields[n].store and Model._fields[n].groupable),
                    None,
                )  # fmt: skip
                if groupby:
                    answers.append(Model.web_read_group([], [groupby], [groupby]))
            except REFUSED as error:
                answers.append(f"refused: {type(error).__name__}")
            for other_id in other_ids:
                try:
                    answers.append(Model.browse(other_id).read(names))
                    ids.add(other_id)
                except REFUSED as error:
                    answers.append(f"refused: {type(error).__name__}")
                except Exception as error:  # noqa: BLE001
                    self.fail(f"{role} read {model} {other_id}: {error!r}")
        return answers, ids

    def _assert_clean(self, role, where, text, forbidden):
        leaked = [
            match
            for value in sorted(forbidden)
            if value in text
            for match in re.finditer(rf"(?<![\w.+-]){re.escape(value)}(?![\w-])", text)
        ]
        self.assertFalse(
            leaked,
            f"{role} reads {[m.group(0) for m in leaked]} through {where}: "
            + " | ".join(text[max(m.start() - 120, 0) : m.end() + 20] for m in leaked[:3]),
        )

    def _set_restriction(self, role):
        self.sweep.property_grid_restricted = role != "butler_unrestricted"
        self.env.flush_all()
        self.env.invalidate_all()

    @mute_logger("odoo.models", "odoo.http", "odoo.addons.base.models.ir_rule")
    def test_orm_sweep(self):
        models = self._models()
        self.assertIn("property.ticket", models)
        self.assertIn("property.dunning.case", models)
        self.assertIn("res.partner.bank", models)
        others = {
            model: self.env[model].sudo().search([], order="id desc", limit=8).ids
            for model in models
        }
        probed = 0
        for role in self.roles:
            self._set_restriction(role)
            forbidden = self._forbidden_values(role)
            self.assertTrue(forbidden or role.startswith("butler_un"), role)
            for model in models:
                with self.subTest(role=role, model=model):
                    answers, ids = self._probe_orm(role, model, others[model])
                    probed += 1
                    self._assert_clean(role, model, json.dumps(answers, default=str), forbidden)
                    bad = self._scope_violations(role, model, ids)
                    self.assertFalse(
                        bad,
                        f"{role} reads {model} {[r.display_name for r in bad[:5]]} "
                        f"{[getattr(r, 'property_occupancy_ids', r).mapped('display_name') for r in bad[:3]]}",
                    )
                    self.env.invalidate_all()
        self.assertEqual(probed, len(models) * len(self.roles))

    # ------------------------------------------------------------------
    # Over HTTP
    # ------------------------------------------------------------------
    def _login(self, role):
        user = self.roles[role]
        if role == "anonymous":
            self.authenticate(None, None)
        else:
            self.authenticate(user.login, user.login)

    def _routes(self):
        routes = []
        thread = threading.current_thread()
        thread.dbname = self.env.cr.dbname  # (ir.http builds the map of the thread's database)
        for rule in self.env["ir.http"].routing_map().iter_rules():
            endpoint = rule.endpoint
            original = getattr(endpoint, "original_endpoint", endpoint)
            if original.__module__.startswith("odoo.addons.property_butler"):
                routes.append((rule.rule, endpoint.routing))
        return routes

    def _fill(self, path):
        """The route with other people's ids in it (the first of each kind that fits)."""
        ids = {
            "ticket": self.tickets[1].id,
            "unit": self.unit2.id,
            "checkpoint": self.env["property.checkpoint"].sudo().search([], limit=1).id or 1,
            "month": "2026-11",
            "token": "0" * 32,
        }

        def value(match):
            converter, name = match.group(1), match.group(2)
            for key, val in ids.items():
                if key in name:
                    return str(val)
            return "1" if converter == "int" else "x"

        return re.sub(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>", value, path)

    @mute_logger("odoo.http", "odoo.models", "odoo.addons.base.models.ir_rule", "werkzeug")
    def test_http_sweep(self):
        routes = self._routes()
        self.assertTrue(any(path.startswith("/my/tickets") for path, _routing in routes))
        for role in self.roles:
            self._set_restriction(role)
            forbidden = self._forbidden_values(role)
            self._login(role)
            for path, routing in routes:
                url = self._fill(path)
                with self.subTest(role=role, url=url):
                    if routing.get("type") == "json":
                        response = self.url_open(
                            url,
                            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": {}}),
                            headers={"Content-Type": "application/json"},
                        )
                    elif "GET" in (routing.get("methods") or ["GET"]):
                        response = self.url_open(url, allow_redirects=False)
                    else:
                        response = self.url_open(url, data={"csrf_token": "x"})
                    self.assertLess(response.status_code, 500, f"{role} {url}")
                    self._assert_clean(role, url, response.text, forbidden)
            if role == "anonymous" or self.roles[role].share:
                continue
            for model in HTTP_MODELS:
                with self.subTest(role=role, call_kw=model):
                    Model = self.env[model]
                    names = [
                        n for n in self._readable_fields(Model.with_user(self.roles[role]))
                        if Model._fields[n].type not in ("one2many", "many2many")
                    ]  # fmt: skip
                    for context in CONTEXTS:
                        response = self.url_open(
                            f"/web/dataset/call_kw/{model}/search_read",
                            data=json.dumps(
                                {
                                    "jsonrpc": "2.0",
                                    "method": "call",
                                    "params": {
                                        "model": model,
                                        "method": "search_read",
                                        "args": [[], names],
                                        "kwargs": {"limit": 200, "context": context},
                                    },
                                }
                            ),
                            headers={"Content-Type": "application/json"},
                        )
                        self.assertEqual(response.status_code, 200)
                        self._assert_clean(
                            role, f"call_kw {model} {context}", response.text, forbidden
                        )
