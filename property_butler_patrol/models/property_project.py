import base64

from odoo import api, fields, models

from odoo.addons.property_butler.models.ir_cron import CronBatch


class PropertyProject(models.Model):
    _inherit = "property.project"

    def _property_empty_flat_rows(self, day=None):
        """The project's empty flats for the weekly list (S0 3.4.1), by cluster and building:
        [{"unit", "inspection" (this month's), "last_pass" (the guards' last check-in at the
        flat, UTC)}], in three queries."""
        self.ensure_one()
        day = day or fields.Date.context_today(self)
        Unit = self.env["property.unit"]
        units = Unit.search(
            [*Unit._property_empty_domain(), ("project_id", "=", self.id)],
            order="cluster_id, building_id, floor, number",
        )
        inspections = self.env["property.inspection"].search(
            [
                ("unit_id", "in", units.ids),
                ("kind", "=", "vacant_unit"),
                ("period", "=", day.strftime("%Y-%m")),
            ]
        )
        inspection_of = {inspection.unit_id: inspection for inspection in inspections}
        last_pass = {}
        for checkpoint, last in self.env["property.patrol.checkin"]._read_group(
            [("checkpoint_id.unit_id", "in", units.ids)], ["checkpoint_id"], ["date:max"]
        ):
            unit = checkpoint.unit_id
            last_pass[unit] = max(last, last_pass.get(unit, last))
        return [
            {"unit": unit, "inspection": inspection_of.get(unit), "last_pass": last_pass.get(unit)}
            for unit in units
        ]

    @api.model
    def _cron_vacant_unit_list(self, batch_size=20):
        """Every Monday: the printed list of each project's empty flats (空置房清單, S0 3.4.1)
        goes to its control room (the patrol guards) and its front desk, posted on the
        project with the PDF. Idempotent: one list per project and ISO week. ``batch_size``
        projects per call of the scheduler."""
        return self.env["ir.cron"]._property_run_batches(
            lambda _cursor: self._vacant_unit_list_batch(batch_size)
        )

    @api.model
    def _vacant_unit_list_file(self, project, day):
        year, week, _weekday = day.isocalendar()
        return f"vacant-units-{project.code or project.id}-{year}-W{week:02d}.pdf"

    @api.model
    def _vacant_unit_list_batch(self, batch_size):
        today = fields.Date.context_today(self)
        Unit = self.env["property.unit"]
        with_empty = [
            project
            for project, _count in Unit._read_group(
                Unit._property_empty_domain(), ["project_id"], ["__count"]
            )
        ]
        projects = self.browse([project.id for project in with_empty])
        files = {self._vacant_unit_list_file(project, today): project for project in projects}
        sent = set(
            self.env["ir.attachment"]
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", projects.ids),
                    ("name", "in", list(files)),
                ]
            )
            .mapped("name")
        )
        todo = [(name, project) for name, project in files.items() if name not in sent]
        batch = todo[:batch_size]
        report = self.env.ref("property_butler_patrol.property_project_report_vacant_units")
        groups = self.env.ref("property_butler.property_butler_group_front_desk") | self.env.ref(
            "property_butler.property_butler_group_patrol_guard"
        )
        messages = self.env["mail.message"]
        for name, project in batch:
            lang = project.company_id.partner_id.lang or self.env.lang
            holders = groups._property_duty_holders([("company_ids", "in", project.company_id.ids)])
            recipients = holders[groups[0]] | holders[groups[1]]
            project = project.with_context(lang=lang)
            content, _format = report.with_context(lang=lang)._render_qweb_pdf(
                report.report_name, project.ids
            )
            attachment = self.env["ir.attachment"].create(
                {
                    "name": name,
                    "datas": base64.b64encode(content),
                    "res_model": self._name,
                    "res_id": project.id,
                    "mimetype": "application/pdf",
                }
            )
            messages |= project.message_post(
                body=project.env._(
                    "This week's list of the empty flats, for the control room and the front "
                    "desk: every patrol shift passes each of them once."
                ),
                attachment_ids=attachment.ids,
                partner_ids=recipients.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
            )
        return CronBatch(messages, len(batch), len(todo) - len(batch))
