# The crons may belong to an addon of the suite by now (18.0.2.0.0 moves their xml ids).
"""Scheduled actions on Odoo 18's progress protocol: the scheduler commits each batch and calls
again, the methods no longer take ``auto_commit``. The cron records are ``noupdate``: the code
of those that still pass it is rewritten (a cron an administrator changed otherwise is left)."""

CODES = {
    "property_patrol_plan_cron_generate": (
        "model._cron_generate_rounds(auto_commit=True)",
        "model._cron_generate_rounds()",
    ),
    "property_debit_batch_cron": (
        "model._cron_prepare_debit_list(auto_commit=True)",
        "model._cron_prepare_debit_list()",
    ),
    "property_dunning_case_cron": (
        "model._cron_dunning(auto_commit=True)",
        "model._cron_dunning()",
    ),
}


def migrate(cr, version):
    if not version:
        return
    for xmlid, (old, new) in CODES.items():
        cr.execute(
            """
            UPDATE ir_act_server action
               SET code = %s
              FROM ir_cron cron
              JOIN ir_model_data data
                ON data.model = 'ir.cron' AND data.res_id = cron.id
               AND data.module LIKE 'property_butler%%' AND data.name = %s
             WHERE action.id = cron.ir_actions_server_id AND action.code = %s
            """,
            (new, xmlid, old),
        )
