from odoo import fields, models


class PropertyNoticeRead(models.Model):
    """A resident's "I have read it" confirmation of a notice."""

    _name = "property.notice.read"
    _description = "Notice Read Confirmation"
    _order = "date desc, id desc"
    _check_company_auto = True

    notice_id = fields.Many2one(
        "property.notice", required=True, index=True, ondelete="cascade", check_company=True
    )
    project_id = fields.Many2one(related="notice_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="notice_id.company_id", store=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Resident", required=True, index=True)
    unit_id = fields.Many2one("property.unit", index=True)
    date = fields.Datetime(string="Read On", required=True, default=fields.Datetime.now)

    _sql_constraints = [
        (
            "notice_partner_unique",
            "unique(notice_id, partner_id)",
            "A resident confirms reading a notice once.",
        ),
    ]
