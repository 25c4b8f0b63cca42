from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyDecorationStay(models.Model):
    """A stay certificate (留宿證明) issued by the service centre: a worker of a permit may
    stay overnight on site from one night to another; night checks verify it."""

    _name = "property.decoration.stay"
    _description = "Decoration Overnight Stay Certificate"
    _order = "date_from desc, id desc"
    _check_company_auto = True

    worker_id = fields.Many2one(
        "property.decoration.worker",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    permit_id = fields.Many2one(related="worker_id.permit_id", store=True, index=True)
    unit_id = fields.Many2one(related="worker_id.unit_id")
    company_id = fields.Many2one(
        related="worker_id.company_id", store=True, index=True, precompute=True
    )
    date_from = fields.Date(string="First Night", required=True)
    date_to = fields.Date(string="Last Night", required=True)
    notes = fields.Char()

    @api.constrains("date_from", "date_to", "worker_id")
    def _check_dates(self):
        for stay in self:
            if stay.date_to < stay.date_from:
                raise ValidationError(
                    self.env._(
                        "The stay certificate of %s ends before it starts.", stay.worker_id.name
                    )
                )
            permit = stay.permit_id
            if stay.date_from < permit.date_start or stay.date_to > permit.date_end:
                raise ValidationError(
                    self.env._(
                        "The stay certificate of %(worker)s must lie within the dates of permit "
                        "%(permit)s (%(start)s to %(end)s).",
                        worker=stay.worker_id.name,
                        permit=permit.name,
                        start=permit.date_start,
                        end=permit.date_end,
                    )
                )

    @api.depends("worker_id.name", "date_from", "date_to")
    def _compute_display_name(self):
        for stay in self:
            stay.display_name = f"{stay.worker_id.name or ''} {stay.date_from} – {stay.date_to}"
