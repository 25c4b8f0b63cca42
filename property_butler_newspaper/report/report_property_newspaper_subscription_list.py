from odoo import api, fields, models


class ReportPropertyNewspaperSubscriptionList(models.AbstractModel):
    """客戶訂報清單: the subscriptions by project and building, unit by unit (access checked by
    the mixin)."""

    _name = "report.property_butler_newspaper.property_newspaper_subscription_report_list"
    _inherit = ["property.report.mixin"]
    _table = "report_property_newspaper_subscription_list"
    _description = "Newspaper Subscription List Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        subscriptions = values["docs"].sorted(
            lambda s: (s.project_id.id, s.building_id.code or "", s.unit_id.code or "", s.id)
        )
        groups = []
        for subscription in subscriptions:
            key = (subscription.project_id, subscription.building_id)
            if groups and groups[-1]["key"] == key:
                groups[-1]["records"] |= subscription
            else:
                groups.append(
                    {
                        "key": key,
                        "project": subscription.project_id,
                        "building": subscription.building_id,
                        "records": subscription,
                    }
                )
        for group in groups:
            group["copies"] = sum(group["records"].mapped("quantity"))
        values["groups"] = groups
        values["today"] = fields.Date.context_today(self)
        return values
