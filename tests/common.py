from contextlib import contextmanager

from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class PropertyButlerCase(TransactionCase):
    """A small estate with one user per role, built once per test class."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        prefix = "property_butler.property_butler_group_"
        cls.manager = new_test_user(cls.env, "pb_manager", groups=prefix + "manager")
        cls.supervisor = new_test_user(cls.env, "pb_supervisor", groups=prefix + "supervisor")
        cls.butler = new_test_user(cls.env, "pb_butler", groups=prefix + "butler")
        cls.butler2 = new_test_user(cls.env, "pb_butler2", groups=prefix + "butler")
        cls.front_desk = new_test_user(cls.env, "pb_front_desk", groups=prefix + "front_desk")
        cls.guard = new_test_user(cls.env, "pb_guard", groups=prefix + "patrol_guard")
        cls.staff = new_test_user(cls.env, "pb_staff", groups=prefix + "department_staff")

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
    def _occupy(cls, unit, partner, role="owner", **vals):
        return cls.env["property.occupancy"].create(
            {"unit_id": unit.id, "partner_id": partner.id, "role": role, **vals}
        )

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
    def _ensure_accounting(cls):
        """A chart of accounts (sales journal, receivable) for the company, as finance sets up."""
        if not cls.env["account.journal"].search(
            [("company_id", "=", cls.company.id), ("type", "=", "sale")], limit=1
        ):
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=cls.company, install_demo=False
            )

    @classmethod
    def _without_demo_dunning(cls):
        """The dunning run works on every unit of the company: the demo estate's cases are set
        aside (its invoices fall due after the dates these tests run the calendar on)."""
        cls.env["property.dunning.case"].search([]).unlink()

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
