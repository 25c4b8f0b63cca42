from odoo.tools import SQL
from odoo.tools.sql import column_exists


def migrate(cr, version):
    """The storm checklist became data (property.storm.checklist.item): the tasks raised before
    find their item by their former code, which the item now carries; the former code and its
    unique index go."""
    if not column_exists(cr, "property_storm_task", "code"):
        return
    cr.execute(
        SQL(
            """UPDATE property_storm_task task SET item_id = item.id
                 FROM property_storm_checklist_item item
                WHERE item.code = task.code AND task.item_id IS NULL"""
        )
    )
    cr.execute(SQL("DROP INDEX IF EXISTS property_storm_task_alert_project_code_unit_uniq"))
    cr.execute(SQL("ALTER TABLE property_storm_task DROP COLUMN code"))
