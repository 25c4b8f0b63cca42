from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step
from odoo.addons.property_butler.models.property_project import DEFAULT_TZ


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_archives(self):
        """The demo project's archives: its buildings' takeover files, a resident file per
        unit of the first building (some documents still missing), the department's
        administration file, and two files borrowed (one overdue)."""
        project = self._demo_project()
        Archive = self.env["property.archive"]
        if not project or Archive.search_count([("project_id", "=", project.id)], limit=1):
            return
        ref = self.env.ref
        rng = self._demo_rng("archives")
        buildings = project.building_ids.sorted("unit_code_prefix")
        first = buildings[:1]
        units = self.env["property.unit"].search(
            [("building_id", "in", first.ids), ("unit_type", "=", "residential")],
            order="code",
            limit=24,
        )
        owners = {
            occupancy.unit_id.id: occupancy.partner_id
            for occupancy in self.env["property.occupancy"].search(
                [("unit_id", "in", units.ids), ("role", "=", "owner")]
            )
        }
        vals_list = [
            {
                "name": f"{building.unit_code_prefix} {building.name} 接管资料",
                "type_id": ref("property_butler_archive.property_archive_type_takeover").id,
                "project_id": project.id,
                "cabinet": "A",
                "shelf": str(index + 1),
            }
            for index, building in enumerate(buildings)
        ]
        vals_list += [
            {
                "name": f"{unit.code} 业户档案",
                "type_id": ref("property_butler_archive.property_archive_type_resident").id,
                "project_id": project.id,
                "unit_id": unit.id,
                "partner_id": owners[unit.id].id if unit.id in owners else False,
                "cabinet": "B",
                "shelf": str(index // 8 + 1),
            }
            for index, unit in enumerate(units)
        ]
        vals_list.append(
            {
                "name": "客服部行政档案",
                "type_id": ref("property_butler_archive.property_archive_type_administration").id,
                "project_id": project.id,
                "cabinet": "C",
                "shelf": "1",
            }
        )
        archives = Archive.with_context(mail_create_nolog=True, tracking_disable=True).create(
            vals_list
        )
        today = fields.Date.context_today(self.with_context(tz=DEFAULT_TZ))
        # Every document received, but in a few resident files the covenant is still missing.
        documents = archives.document_ids
        missing = documents.filtered(
            lambda document: (
                document.archive_id.unit_id
                and document.requirement_id
                == ref("property_butler_archive.property_archive_requirement_resident_3")
                and rng.random() < 0.25
            )
        )
        (documents - missing).write(
            {"received": True, "date_received": today - timedelta(days=200)}
        )
        butler = ref("property_butler.user_butler1", raise_if_not_found=False)
        supervisor = ref("property_butler.user_supervisor", raise_if_not_found=False)
        if butler and supervisor:
            resident_files = archives.filtered("unit_id")
            self.env["property.archive.loan"].create(
                [
                    {
                        "archive_id": resident_files[0].id,
                        "borrower_id": butler.id,
                        "approver_id": supervisor.id,
                        "purpose": "核对业户资料",
                        "date_out": today - timedelta(days=10),
                        "date_due": today - timedelta(days=3),
                    },
                    {
                        "archive_id": archives[0].id,
                        "borrower_id": butler.id,
                        "approver_id": supervisor.id,
                        "purpose": "查阅接管验收报告",
                        "date_out": today - timedelta(days=1),
                        "date_due": today + timedelta(days=6),
                    },
                ]
            )
