from odoo import models


class PropertyTicket(models.Model):
    _inherit = "property.ticket"

    def _on_done(self):
        """A work order raised from a dunning case is done: the butler calls the owner back."""
        callbacks = super()._on_done()
        done = self.filtered(lambda t: t.stage_category == "done")
        if done:
            self.env["property.dunning.case"]._on_tickets_done(done)
        return callbacks
