from odoo import api, models
from odoo.exceptions import AccessError


class PropertyReportMixin(models.AbstractModel):
    """Access check shared by every report of the product (``report.property_butler.*``).

    Odoo's report routes (``/report/html``, ``/report/pdf``) render any report for any
    logged-in user: they check neither the report action's groups nor, for a report without a
    report model, the record rules of the records printed. Every report model of the product
    inherits this mixin, so that its data is refused to users outside the report's groups and
    to records they cannot read. Rendering through sudo (the portal's own download routes, which
    check the record themselves) is not refused.
    """

    _name = "property.report.mixin"
    _description = "Property Report Access Check"

    @api.model
    def _report_action(self):
        """The ir.actions.report (sudo) rendered through this report model."""
        return self.env["ir.actions.report"]._get_report_from_name(
            self._name.removeprefix("report.")
        )

    @api.model
    def _check_report_access(self, docids):
        """The records to print, after checking that the user may print them.

        :raise AccessError: the user is not in the report's groups or may not read a record
        """
        report = self._report_action()
        docs = self.env[report.model].browse(docids)
        if self.env.su:
            return docs
        if report.groups_id and not report.groups_id & self.env.user.groups_id:
            raise AccessError(self.env._("You are not allowed to print %s.", report.name))
        docs.check_access("read")
        return docs

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self._check_report_access(docids)
        return {"doc_ids": docids, "doc_model": docs._name, "docs": docs}
