from odoo import api, fields, models


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
    name = fields.Char(
        string="Document",
        required=True,
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
    )
    received = fields.Boolean()
    date_received = fields.Date(string="Received On")
    attachment = fields.Binary(string="Scan", attachment=True)
    attachment_name = fields.Char()

    @api.depends("requirement_id")
    def _compute_name(self):
        for document in self:
            document.name = document.requirement_id.name or document.name

    @api.onchange("received")
    def _onchange_received(self):
        if self.received and not self.date_received:
            self.date_received = fields.Date.context_today(self)
