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
# What to do in these stages, as shipped before and now, with its translations.
ACTIONS = {
    "property_dunning_stage_call": (
        (
            "3rd week after the statement: call every non-payer, ask whether the statement "
            "arrived and record the promised payment date."
        ),
        {
            "en_US": (
                "Every month, 3rd week after the statement: call every non-payer, ask whether the"
                " statement arrived and record the promised payment date."
            ),
            "zh_CN": "每月对账单发放后第 3 周：致电所有未缴费的业主，询问是否收到对账单，并记录承诺缴费日期。",
            "zh_TW": "每月對帳單發放後第 3 週：致電所有未繳費的業主，詢問是否收到對帳單，並記錄承諾繳費日期。",
        },
    ),
    "property_dunning_stage_reason": (
        (
            "By the 25th: record the real reason of every unit still unpaid. A service "
            "problem opens a ticket to the department responsible."
        ),
        {
            "en_US": (
                "Still unpaid on the 25th of the quarter's 2nd month: find out and record the "
                "real reason. A service problem becomes a work order for the department "
                "responsible, followed up until fixed."
            ),
            "zh_CN": (
                "截至每季度第二月 25 日仍未缴费：查明并记录真实原因。"
                "属于服务问题的，向相关部门开立工单，并跟进直至解决。"
            ),
            "zh_TW": (
                "截至每季度第二月 25 日仍未繳費：查明並記錄真實原因。"
                "屬於服務問題的，向相關部門開立工單，並跟進直至解決。"
            ),
        },
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
        old_action, new_action = ACTIONS[xmlid]
        if stage and stage.with_context(lang="en_US").action == old_action:
            stage.update_field_translations("action", new_action)
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
