from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # The quality targets of S1 1.2 not set elsewhere (satisfaction and major complaints are the
    # ticket addon's, the collection rate the dunning addon's).
    property_paid_service_target = fields.Integer(
        string="Kinds of Paid Service (Target)",
        default=6,
        help="At least this many kinds of paid service offered, and one more each year.",
    )
    property_idea_target = fields.Integer(
        string="Adopted Ideas a Year (Target)",
        default=2,
        help="At least this many staff improvement ideas adopted a year.",
    )
    property_major_incident_target = fields.Integer(
        string="Major Safety Incidents a Year (Limit)",
        default=0,
        help="At most this many major safety incidents a year.",
    )
