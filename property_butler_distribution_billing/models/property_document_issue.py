from collections import defaultdict

from odoo import api, fields, models

from odoo.addons.property_butler_distribution.models.property_document_issue import (
    DOCUMENT_UNIT_TYPES,
)


class PropertyDocumentIssue(models.Model):
    _inherit = "property.document.issue"

    billing_period = fields.Date(
        string="Statement Month",
        readonly=True,
        copy=False,
        index=True,
        help="Set on the issue the billing run creates for the month's statements.",
    )

    _sql_constraints = [
        (
            "project_billing_period_uniq",
            "unique(project_id, billing_period)",
            "The statements of this month already have their document issue in this project.",
        ),
    ]

    @api.model
    def _statement_issues(self, projects, start):
        """The statement issue of each project for the month ``start`` (created when missing;
        the billing run holds the company-month lock, the unique index is the last guard)."""
        Issue = self.sudo().with_context(mail_create_nolog=True, tracking_disable=True)
        issues = {
            issue.project_id: issue
            for issue in Issue.search(
                [("project_id", "in", projects.ids), ("billing_period", "=", start)]
            )
        }
        existing = self.env["property.project"].concat(*issues)
        for project in projects - existing:
            lang = project.company_id.partner_id.lang or self.env.lang
            name = self.with_context(lang=lang).env._(
                "Statements %(month)s", month=start.strftime("%Y-%m")
            )
            issues[project] = Issue.create(
                {
                    "name": name,
                    "document_type": "statement",
                    "project_id": project.id,
                    "scope": "project",
                    "state": "distributing",
                    "billing_period": start,
                    "user_id": project.supervisor_id.id,
                    "date": fields.Date.context_today(self),
                }
            )
        return issues

    @api.model
    def _record_statements(self, moves, start):
        """A copy of each invoice's statement per unit (flats and shops; a contact billed for a
        parking space only gets it for that space) and contact, in its project's issue."""
        pairs = defaultdict(list)
        for move in moves:
            units = move.invoice_line_ids.property_unit_id
            main = units.filtered(lambda u: u.unit_type in DOCUMENT_UNIT_TYPES) or units[:1]
            for unit in main:
                pairs[unit.project_id].append((unit, move.partner_id))
        if not pairs:
            return self.browse()
        Project = self.env["property.project"]
        issues = self._statement_issues(Project.concat(*pairs), start)
        for project, project_pairs in pairs.items():
            lines = issues[project]._add_lines(project_pairs)
            # Paperless contacts get their statement by e-mail at once (on the mail queue).
            lines.filtered(lambda line: line.channel == "electronic").action_send()
        return self.browse([issue.id for issue in issues.values()])

    def _portal_download_url(self, line):
        """A statement's copy downloads the statement of its month (billing's portal page)."""
        if self.document_type == "statement" and self.billing_period:
            return f"/my/statements/{self.billing_period.strftime('%Y-%m')}/pdf"
        return super()._portal_download_url(line)
