"""The SQL constraints and many2many tables that moved to another addon of the suite belong
to that addon only (18.0.2.1.0).

Odoo records which addon created a SQL constraint (``ir_model_constraint``) or a many2many
table (``ir_model_relation``), to drop it when that addon is uninstalled; it looks them up by
name *and* addon. When a database of the single addon was upgraded to the suite, each addon
that took over a model recorded its constraints and tables again under its own name, and the
rows of ``property_butler`` stayed: uninstalling the base would have dropped them a second
time, and they made the base look like the owner of tables it no longer defines.

At the end of the upgrade (every addon loaded and its rows written), the base's row of every
constraint and table that another addon of the suite also records is deleted.
"""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    for table in ("ir_model_constraint", "ir_model_relation"):
        cr.execute(
            SQL(
                """
                DELETE FROM %(table)s stale
                 USING ir_module_module base, %(table)s owner, ir_module_module suite
                 WHERE stale.module = base.id AND base.name = 'property_butler'
                   AND owner.name = stale.name AND owner.id != stale.id
                   AND owner.module = suite.id AND suite.name LIKE %(suite)s
                """,
                table=SQL.identifier(table),
                suite="property\\_butler\\_%",
            )
        )
        _logger.info("%s: %s rows of property_butler dropped", table, cr.rowcount)
