from odoo import models


class PropertyMeterReading(models.Model):
    _inherit = "property.meter.reading"

    def _previous_indexes(self):
        """The first readings after a unit's handover count from its opening index (the
        handover's, when it is later than the last reading)."""
        result = super()._previous_indexes()
        readings = self.filtered(lambda r: r.unit_id and r.fee_type_id and r.period)
        if not readings:
            return result
        meters = (
            self.env["property.unit.handover.meter"]
            .sudo()
            .search(
                [
                    ("handover_id.state", "=", "done"),
                    ("handover_id.unit_id", "in", readings.unit_id.ids),
                    ("fee_type_id", "in", readings.fee_type_id.ids),
                    ("reading_taken", "=", True),
                ]
            )
        )
        for reading in readings:
            opening = meters.filtered(
                lambda m, r=reading: (
                    m.handover_id.unit_id == r.unit_id
                    and m.fee_type_id == r.fee_type_id
                    and m.handover_id.date_handover
                    and m.handover_id.date_handover.replace(day=1) <= r.period
                )
            ).sorted(lambda m: m.handover_id.date_handover)[-1:]
            if not opening:
                continue
            since = opening.handover_id.date_handover
            known = result.get(reading)
            # (a reading of the month of the handover or later counts from the later of both)
            if not known or known[1] < since.replace(day=1):
                result[reading] = (opening.opening_index, since)
        return result
