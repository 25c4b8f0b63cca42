from odoo import api, fields, models


class PropertyArchive(models.Model):
    """An archive file (檔案, S2 4.8; S1 1.2.5): its type, the unit or contact it is about,
    where it is kept (cabinet, shelf), its documents and whether every document its type
    requires is there; borrowed and returned through the loan log.

    Archive compliance (檔案管理合格率, a quality target of 100 %) is the share of files
    complete."""

    _name = "property.archive"
    _description = "Archive File"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "reference desc, id desc"
    _check_company_auto = True

    reference = fields.Char(readonly=True, copy=False, default="/")
    name = fields.Char(string="Title", required=True, tracking=True)
    type_id = fields.Many2one("property.archive.type", required=True, tracking=True)
    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self.env["property.project"]._default_for_user(),
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    unit_id = fields.Many2one(
        "property.unit",
        index="btree_not_null",
        check_company=True,
        domain="[('project_id', '=?', project_id)]",
    )
    partner_id = fields.Many2one(
        "res.partner", string="Contact", index="btree_not_null", help="Whom the file is about."
    )
    cabinet = fields.Char()
    shelf = fields.Char()
    document_ids = fields.One2many("property.archive.document", "archive_id", string="Documents")
    missing_count = fields.Integer(compute="_compute_completeness", store=True, string="Missing")
    completeness = fields.Float(
        string="Complete (%)", compute="_compute_completeness", store=True, aggregator="avg"
    )
    is_complete = fields.Boolean(string="Complete", compute="_compute_completeness", store=True)
    loan_ids = fields.One2many("property.archive.loan", "archive_id", string="Loans")
    is_out = fields.Boolean(string="Lent Out", compute="_compute_is_out", store=True)

    @api.depends("document_ids.received", "document_ids.requirement_id", "type_id")
    def _compute_completeness(self):
        for archive in self:
            required = archive.type_id.requirement_ids
            received = archive.document_ids.filtered("received").requirement_id
            missing = required - received
            archive.missing_count = len(missing)
            archive.completeness = (
                100.0 * (len(required) - len(missing)) / len(required) if required else 100.0
            )
            archive.is_complete = not missing

    @api.depends("loan_ids.state")
    def _compute_is_out(self):
        for archive in self:
            archive.is_out = any(loan.state == "out" for loan in archive.loan_ids)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("reference", "/") == "/":
                vals["reference"] = self.env["ir.sequence"].next_by_code("property.archive")
        archives = super().create(vals_list)
        archives._add_required_documents()
        return archives

    def write(self, vals):
        result = super().write(vals)
        if "type_id" in vals:
            self._add_required_documents()
        return result

    def _add_required_documents(self):
        """A line for each document the type requires that the file has no line for yet."""
        commands = []
        for archive in self:
            present = archive.document_ids.requirement_id
            commands.append(
                (
                    archive,
                    [
                        fields.Command.create(
                            {"requirement_id": requirement.id, "sequence": requirement.sequence}
                        )
                        for requirement in archive.type_id.requirement_ids - present
                    ],
                )
            )
        for archive, lines in commands:
            if lines:
                archive.document_ids = lines

    @api.depends("reference", "name")
    def _compute_display_name(self):
        for archive in self:
            archive.display_name = " ".join(filter(None, [archive.reference, archive.name]))

    @api.model
    def _compliance(self, domain=None):
        """{project id: (complete, files)} in one grouped query."""
        result = {}
        for project, complete, count in self._read_group(
            domain or [], ["project_id", "is_complete"], ["__count"]
        ):
            done, total = result.get(project.id, (0, 0))
            result[project.id] = (done + (count if complete else 0), total + count)
        return result
