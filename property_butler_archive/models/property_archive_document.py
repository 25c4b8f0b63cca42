from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyArchiveDocument(models.Model):
    """A document of an archive file: one the type requires, or an extra one; received or
    still missing, with its scan."""

    _name = "property.archive.document"
    _description = "Archive Document"
    _order = "archive_id, sequence, id"
    _check_company_auto = True

    archive_id = fields.Many2one(
        "property.archive", required=True, index=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(related="archive_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    requirement_id = fields.Many2one("property.archive.requirement", string="Required As")
    # A required document is named by its requirement (in the reader's language), an extra
    # one by what was typed.
    name = fields.Char(
        string="Document", compute="_compute_name", inverse="_inverse_name", search="_search_name"
    )
    extra_name = fields.Char(string="Other Document")
    received = fields.Boolean()
    date_received = fields.Date(string="Received On")
    attachment = fields.Binary(string="Scan", attachment=True)
    attachment_name = fields.Char()

    @api.depends("requirement_id.name", "extra_name")
    @api.depends_context("lang")
    def _compute_name(self):
        for document in self:
            document.name = document.requirement_id.name or document.extra_name

    def _inverse_name(self):
        for document in self.filtered(lambda document: not document.requirement_id):
            document.extra_name = document.name

    def _search_name(self, operator, value):
        return ["|", ("requirement_id.name", operator, value), ("extra_name", operator, value)]

    @api.constrains("requirement_id", "extra_name")
    def _check_named(self):
        if self.filtered(lambda document: not document.requirement_id and not document.extra_name):
            raise ValidationError(self.env._("Name the document."))

    @api.onchange("received")
    def _onchange_received(self):
        if self.received and not self.date_received:
            self.date_received = fields.Date.context_today(self)
