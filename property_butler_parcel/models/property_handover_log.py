from odoo import fields, models

from .property_parcel import OPEN_STATES


class PropertyHandoverLog(models.Model):
    _inherit = "property.handover.log"

    parcel_item_count = fields.Integer(
        compute="_compute_parcel_item_count", string="Uncollected Mail"
    )

    def _compute_parcel_item_count(self):
        for log in self:
            log.parcel_item_count = len(
                log.item_ids.filtered(lambda i: i.parcel_id and i.state == "open")
            )

    def _add_uncollected_parcels(self):
        """Put every item of the mail register still at the desk (not collected, not returned)
        on these draft front-desk logs, once per log: the shift hands them over."""
        logs = self.filtered(lambda log: log.kind == "front_desk" and log.state == "draft")
        if not logs:
            return self.env["property.handover.item"]
        # sudo: the whole desk's uncollected items of these projects, whoever hands over (a
        # butler standing in at weekends sees only the grids he owns); the items are listed on
        # the log by number, addressee and unit only.
        parcels = (
            self.env["property.parcel"]
            .sudo()
            .search(
                [
                    ("project_id", "in", logs.project_id.ids),
                    ("state", "in", OPEN_STATES),
                    ("date_received", "<=", fields.Datetime.now()),
                ],
                order="date_received, id",
            )
        )
        vals_list = []
        for log in logs:
            listed = log.item_ids.filtered(lambda i: i.state == "open").parcel_id
            for parcel in parcels.filtered(lambda p, log=log: p.project_id == log.project_id):
                if parcel in listed:
                    continue
                vals_list.append(
                    {
                        "log_id": log.id,
                        "parcel_id": parcel.id,
                        "description": parcel._handover_description(),
                        "date_opened": parcel.date_received,
                        "sequence": 50,
                    }
                )
        return self.env["property.handover.item"].create(vals_list)

    def action_add_uncollected_parcels(self):
        self._add_uncollected_parcels()
        return True

    def action_hand_over(self):
        self._add_uncollected_parcels()
        return super().action_hand_over()
