from odoo import SUPERUSER_ID, api

# The seed's calendar (S0 十), for the stages still as shipped (noupdate data): the call after the
# statements is monthly, the reason inquiry is for units still unpaid on the 25th of the
# quarter's 2nd month.
STAGES = {
    "property_dunning_stage_call": (
        {"quarter_month": "1", "day_from": 15, "day_to": 21},
        {"quarter_month": "every"},
    ),
    "property_dunning_stage_reason": (
        {"quarter_month": "2", "day_from": 1, "day_to": 25},
        {"day_from": 25, "day_to": 31},
    ),
}
REASON_TYPES = {
    "property_dunning_reason_repair": "property_butler_ticket.property_ticket_type_repair",
    "property_dunning_reason_cleaning": "property_butler_ticket.property_ticket_type_complaint",
    "property_dunning_reason_security": "property_butler_ticket.property_ticket_type_complaint",
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, (old, new) in STAGES.items():
        stage = env.ref(f"property_butler_dunning.{xmlid}", raise_if_not_found=False)
        if stage and all(stage[fname] == value for fname, value in old.items()):
            stage.write(new)
    # The new column took the default (a repair) on every reason.
    repair = env.ref("property_butler_ticket.property_ticket_type_repair")
    for xmlid, type_xmlid in REASON_TYPES.items():
        reason = env.ref(f"property_butler_dunning.{xmlid}", raise_if_not_found=False)
        if reason and reason.ticket_type_id in (repair, env["property.ticket.type"]):
            reason.ticket_type_id = env.ref(type_xmlid)
    # The activities already given were for the month of the cases' last change.
    cr.execute(
        """UPDATE property_dunning_case SET notified_period = date_trunc('month', write_date)
            WHERE notified_stage_id IS NOT NULL AND notified_period IS NULL"""
    )
