import importlib.util
import io
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PIL import Image

from odoo import Command, fields
from odoo.modules.module import get_module_path
from odoo.tests import HttpCase, TransactionCase, new_test_user

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

GROUP = "property_butler.property_butler_group_"
# The roles of the product (res.groups property_butler_group_<role>), from the highest.
ROLES = ("manager", "supervisor", "butler", "front_desk", "patrol_guard", "department_staff")
# The day the residents of the tests' estate moved in.
MOVED_IN = date(2024, 1, 1)


def password_of(user):
    """The password new_test_user gives a test user: the login, padded to 8 characters."""
    return user.login + "x" * (8 - len(user.login))


def local_today(user):
    """Today where ``user`` is (their time zone, else the product's default): what the pages and
    the web client take as today, which is not the server's date between 16:00 and 24:00 UTC."""
    return fields.Date.context_today(user.with_context(tz=user.tz or DEFAULT_TZ))


def png_bytes(size=(16, 12), color=(200, 40, 40)):
    """A small PNG image, as a photo taken by a phone."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


class PropertyButlerCase(TransactionCase):
    """A small estate with one user per role, built once per test class."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.manager = cls._user("pb_manager", "manager")
        cls.supervisor = cls._user("pb_supervisor", "supervisor")
        cls.butler = cls._user("pb_butler", "butler")
        cls.butler2 = cls._user("pb_butler2", "butler")
        cls.front_desk = cls._user("pb_front_desk", "front_desk")
        cls.guard = cls._user("pb_guard", "patrol_guard")
        cls.staff = cls._user("pb_staff", "department_staff")

        cls.project = cls.env["property.project"].create(
            {
                "name": "Sunshine Garden",
                "code": "SGT",
                "phone": "020-1234",
                "manager_id": cls.manager.id,
                "supervisor_id": cls.supervisor.id,
            }
        )
        cls.cluster = cls.env["property.cluster"].create(
            {"name": "Cluster 3", "code": "3", "project_id": cls.project.id}
        )
        cls.building = cls.env["property.building"].create(
            {
                "name": "Building 2",
                "code": "2",
                "project_id": cls.project.id,
                "cluster_id": cls.cluster.id,
                "floor_count": 18,
                "basement_count": 1,
                "units_per_floor": 2,
            }
        )
        cls.building_b = cls.env["property.building"].create(
            {
                "name": "Building 5",
                "code": "5",
                "project_id": cls.project.id,
                "cluster_id": cls.cluster.id,
                "floor_count": 6,
                "units_per_floor": 2,
            }
        )
        cls.unit, cls.unit2, cls.unit_b = cls.env["property.unit"].create(
            [
                {"building_id": cls.building.id, "floor": 15, "number": "1502", "area": 98.5},
                {"building_id": cls.building.id, "floor": 15, "number": "1501", "area": 120.0},
                {"building_id": cls.building_b.id, "floor": 3, "number": "301", "area": 88.0},
            ]
        )
        cls.owner, cls.member, cls.tenant, cls.other_owner = cls.env["res.partner"].create(
            [
                {"name": "王芳", "phone": "13800000001", "email": "wang.fang@example.com"},
                {"name": "王小明", "phone": "13800000002"},
                {"name": "李强", "phone": "13800000003"},
                {"name": "张伟", "phone": "13800000004", "email": "zhang.wei@example.com"},
            ]
        )

    @classmethod
    def _user(cls, login, role, company=None, **vals):
        """A user of ``role`` (manager, supervisor, butler, front_desk, patrol_guard,
        department_staff), of ``company`` only when given (password: ``password_of``)."""
        if company:
            vals.update(company_id=company.id, company_ids=[Command.set(company.ids)])
        return new_test_user(cls.env, login, groups=GROUP + role, **vals)

    @classmethod
    def _portal_user(cls, login, partner=None, **vals):
        """A resident's portal account (on a new contact unless ``partner`` is given), with the
        password of every test user (``password_of``)."""
        if partner:
            vals["partner_id"] = partner.id
        return new_test_user(cls.env, login, groups="base.group_portal", **vals)

    @classmethod
    def _residents(cls):
        """The portal accounts of the owner of 3-2-1502 (``resident``) and of the owner of
        3-5-301 (``neighbour``)."""
        cls.resident = cls._portal_user("pb_resident", cls.owner)
        cls.neighbour = cls._portal_user("pb_neighbour", cls.other_owner)

    @classmethod
    def _occupy(cls, unit, partner, role="owner", **vals):
        return cls.env["property.occupancy"].create(
            {"unit_id": unit.id, "partner_id": partner.id, "role": role, **vals}
        )

    @classmethod
    def _billing_contact(cls, unit, partner, **vals):
        """``partner`` owns ``unit`` since the residents moved in, and is billed for it."""
        return cls._occupy(unit, partner, date_start=MOVED_IN, is_billing_contact=True, **vals)

    @classmethod
    def _households(cls):
        """Since the residents moved in: the owner (billed) and a household member on 3-2-1502,
        the other owner on 3-5-301."""
        cls._billing_contact(cls.unit, cls.owner)
        cls._occupy(cls.unit, cls.member, role="member", date_start=MOVED_IN)
        cls._occupy(cls.unit_b, cls.other_owner, date_start=MOVED_IN)

    @classmethod
    def _grid(cls, butler, **vals):
        return cls.env["property.grid"].create(
            {
                "name": vals.pop("name", f"Grid of {butler.name}"),
                "project_id": cls.project.id,
                "butler_id": butler.id,
                **vals,
            }
        )

    @classmethod
    def _two_grids_billed(cls):
        """The butler's grid (building 2) and butler2's (building 5), the owner billed for
        3-2-1502 and the other owner for 3-5-301."""
        cls.grid = cls._grid(cls.butler, building_ids=cls._set(cls.building))
        cls.grid_b = cls._grid(cls.butler2, building_ids=cls._set(cls.building_b))
        cls._billing_contact(cls.unit, cls.owner)
        cls._billing_contact(cls.unit_b, cls.other_owner)

    @classmethod
    def _extra_units(cls, count):
        """``count`` more flats of 80 m² in building 2 (X0, X1…, two a floor from the 2nd), to
        measure a page at a larger estate."""
        return cls.env["property.unit"].create(
            [
                {"building_id": cls.building.id, "floor": 2 + i // 2, "number": f"X{i}", "area": 80}
                for i in range(count)
            ]
        )

    @classmethod
    def _parking_space(cls):
        """Parking space B1-P07 in the basement of building 2."""
        return cls.env["property.unit"].create(
            {
                "building_id": cls.building.id,
                "floor": -1,
                "number": "B1-P07",
                "area": 13.5,
                "unit_type": "parking",
            }
        )

    @classmethod
    def _moon_bay(cls):
        """Another company's estate: (company, project, building, unit) of Moon Bay Property
        Co., whose project Moon Bay has a building B1 with a unit 101."""
        company = cls.env["res.company"].create({"name": "Moon Bay Property Co."})
        project = cls.env["property.project"].create(
            {"name": "Moon Bay", "code": "MB", "company_id": company.id}
        )
        building = cls.env["property.building"].create(
            {"name": "B1", "code": "1", "project_id": project.id, "floor_count": 3}
        )
        unit = cls.env["property.unit"].create(
            {"building_id": building.id, "floor": 1, "number": "101", "area": 50}
        )
        return company, project, building, unit

    @staticmethod
    def _set(records):
        return [Command.set(records.ids)]

    def _run_as_scheduled(self, cron_xmlid, method, **kwargs):
        """Call a scheduled job as Odoo 18's scheduler does, without committing: one call per
        batch, each with its own progress record and the cron in the context, again while the
        call reports something done and something remaining.

        Returns the records of every call and the (done, remaining) each one reported."""
        cron = self.env.ref(cron_xmlid)
        records, calls = None, []
        while len(calls) < 100:
            progress = self.env["ir.cron.progress"].create({"cron_id": cron.id})
            model = self.env[cron.model_id.model].with_context(
                ir_cron_progress_id=progress.id, cron_id=cron.id
            )
            batch = getattr(model, method)(**kwargs)
            records = batch if records is None else records | batch
            calls.append((progress.done, progress.remaining))
            if not (progress.done and progress.remaining):
                break
        return records, calls

    @staticmethod
    def _batched_calls(total, batch_size):
        """The (done, remaining) of each call of a job of ``total`` items, ``batch_size`` a
        call."""
        sizes = [min(batch_size, total - start) for start in range(0, total, batch_size)]
        return [(size, total - sum(sizes[: index + 1])) for index, size in enumerate(sizes)] or [
            (0, 0)
        ]

    @contextmanager
    def assertRefused(self, exception, regex):
        """Like assertRaisesRegex, but rolled back to a savepoint as a refused request would be,
        so that the test can prove nothing was half-written."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), regex)

    def assertReportFont(self, html, page_class="o_property_report"):
        """The report's page has the class to which the report assets, which PDFs are printed
        with, give the fonts for Chinese (Noto Sans CJK)."""
        self.assertIn(f'class="page {page_class}', html)
        bundle = self.env["ir.qweb"]._get_asset_bundle("web.report_assets_common", js=False)
        css = bundle.css().raw.decode()
        self.assertRegex(css, rf"\.{page_class}[^{{}}]*\{{[^}}]*Noto Sans CJK SC")

    def _run_migration(self, script, from_version, module="property_butler"):
        """Run ``migrations/<script>`` of ``module`` on the test's cursor, as an upgrade from
        ``from_version`` does."""
        path = Path(get_module_path(module), "migrations", script)
        spec = importlib.util.spec_from_file_location(f"{module}_migration", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, from_version)

    def _render_html(self, xmlid, records, user=None, **context):
        """The HTML of report ``xmlid`` for ``records``, printed by ``user`` (default: the
        test's user) with ``context``."""
        report = self.env.ref(xmlid).with_context(**context)
        if user:
            report = report.with_user(user)
        html, file_format = report._render_qweb_html(report.report_name, records.ids)
        self.assertEqual(file_format, "html")
        return html.decode()

    def _render_pdf(self, xmlid, records):
        """Report ``xmlid`` of ``records`` is rendered as a PDF (wkhtmltopdf), also in tests."""
        report = self.env.ref(xmlid).with_context(force_report_rendering=True)
        pdf, file_format = report._render_qweb_pdf(report.report_name, records.ids)
        self.assertEqual(file_format, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return pdf


class PropertyHttpCase(HttpCase):
    """Requests of an HttpCase write through the test's own cursor: what they wrote is read
    again after each request. ``_login`` logs a test user in."""

    def url_open(self, *args, **kwargs):
        response = super().url_open(*args, **kwargs)
        self.env.invalidate_all()  # the request wrote through the same cursor
        return response

    def _login(self, user):
        self.authenticate(user.login, password_of(user))
