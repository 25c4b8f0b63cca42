from odoo import fields, models


class PropertyNoticeBoard(models.Model):
    """A notice board (公告欄) of a project, a cluster or a building."""

    _name = "property.notice.board"
    _description = "Notice Board"
    _inherit = ["property.company.mixin"]
    _order = "project_id, name"
    _check_company_auto = True

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    location = fields.Char(help="Where the board hangs, e.g. lobby of building 1.")
    project_id = fields.Many2one("property.project", required=True, index=True, check_company=True)
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    cluster_id = fields.Many2one(
        "property.cluster",
        check_company=True,
        domain="[('project_id', '=?', project_id)]",
    )
    building_id = fields.Many2one(
        "property.building",
        check_company=True,
        domain="[('project_id', '=?', project_id)]",
    )
