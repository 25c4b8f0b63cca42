from odoo import fields, models


class IrCronProgress(models.Model):
    _inherit = "ir.cron.progress"

    property_cursor = fields.Json(
        help="Where the next batch of the job starts (see ir.cron._property_run_batches)."
    )
