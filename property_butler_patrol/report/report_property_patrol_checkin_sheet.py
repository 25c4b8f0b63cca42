from odoo import api, fields, models

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

from .report_property_patrol_route_qr import checkpoint_locations


def round_groups(rounds):
    """The rounds printed on one page each, by guard, route and local day, and the time zone
    each round's times print in (its plan's, else the user's, else DEFAULT_TZ), by round id.

    :return: (groups, time zones); a group is a dict of guard, route, day (date) and rounds
    """
    user_tz = rounds.env.user.tz
    round_tz = {patrol.id: patrol.plan_id.tz or user_tz or DEFAULT_TZ for patrol in rounds}
    groups = []
    ordered = rounds.sorted(
        lambda r: (
            r.guard_id.name or "",
            r.guard_id.id,
            r.route_id.name or "",
            r.route_id.id,
            r.date_start,
            r.id,
        )
    )
    for patrol in ordered:
        day = patrol.date_start and patrol._local(patrol.date_start, round_tz[patrol.id]).date()
        key = (patrol.guard_id, patrol.route_id, day)
        if groups and groups[-1]["key"] == key:
            groups[-1]["rounds"] |= patrol
        else:
            groups.append(
                {
                    "key": key,
                    "guard": patrol.guard_id,
                    "route": patrol.route_id,
                    "day": day,
                    "rounds": patrol,
                }
            )
    return groups, round_tz


class ReportPropertyPatrolCheckinSheet(models.AbstractModel):
    """Patrol Check-in Sheet (access checked by property.report.mixin)."""

    _name = "report.property_butler_patrol.property_patrol_round_report_checkin_sheet_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_patrol_checkin_sheet"
    _description = "Patrol Check-in Sheet Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        rounds = values["docs"]
        values["groups"], values["round_tz"] = round_groups(rounds)
        now = fields.Datetime.now()
        # A checkpoint not checked in is missed once the round is over (closed or past due).
        values["closed"] = {
            patrol.id: patrol.state not in ("planned", "in_progress")
            or bool(patrol.date_deadline and patrol.date_deadline < now)
            for patrol in rounds
        }
        # A row per checkpoint of the route, with its check-in on the round (the first one).
        values["sheet_rows"] = {}
        for patrol in rounds:
            checkin_of = {}
            for checkin in patrol.checkin_ids:
                checkin_of.setdefault(checkin.checkpoint_id.id, checkin)
            values["sheet_rows"][patrol.id] = [
                {
                    "checkpoint": line.checkpoint_id,
                    "checkin": checkin_of.get(line.checkpoint_id.id, patrol.checkin_ids[:0]),
                }
                for line in patrol.route_id.line_ids
            ]
        values["locations"] = checkpoint_locations(rounds.route_id.line_ids.checkpoint_id)
        return values
