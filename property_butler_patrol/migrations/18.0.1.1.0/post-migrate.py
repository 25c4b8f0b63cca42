"""Duties by own role, empty flats inspected from the day they empty, the manual's standing
patrols.

* The internal-affairs daily round was owed by the customer-affairs supervisors: it is now the
  duty of the internal-affairs supervisor (內務主管), a role of its own (S1 4.3). The template is
  noupdate data, so the upgrade does not change it by itself.
* The vacant-unit inspections were created on the 1st of the month only: the job now runs every
  day, so that a flat emptied mid-month gets its inspection that day.
* The projects get their standing patrols: key areas hourly at night, empty flats every shift.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    internal = env.ref("property_butler_patrol.property_inspection_template_internal_round", False)
    supervisor = env.ref("property_butler.property_butler_group_supervisor")
    if internal and internal.inspector_group_id == supervisor:
        internal.inspector_group_id = env.ref(
            "property_butler.property_butler_group_internal_affairs"
        )
    cron = env.ref("property_butler_patrol.property_inspection_cron_vacant_units", False)
    if cron and cron.interval_type == "months":
        cron.write(
            {
                "name": "Property: this month's inspection of every empty flat (daily: also "
                "those emptied mid-month)",
                "interval_type": "days",
                "interval_number": 1,
            }
        )
    env["property.patrol.route"]._cron_default_plans()
