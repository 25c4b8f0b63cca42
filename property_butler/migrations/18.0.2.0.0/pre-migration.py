"""The single addon property_butler becomes a suite of addons (18.0.2.0.0).

Upgrading a database of the single addon (``-u property_butler``):

1. the records that moved to another addon of the suite keep their database row: their xml id
   changes module (``property_butler_patrol.property_ticket_view_form`` becomes
   ``property_butler_ticket.property_ticket_view_form``), so that the new addon updates them
   in place instead of creating them again (menus, views, rules, sequences, stages and types
   that people may have changed stay as they are; ``noupdate`` records are not overwritten);
2. the new addons are marked to be upgraded in the same run (their tables, columns and records
   exist already: they are loaded in update mode, not installed anew), so that nothing that
   the single addon had is ever missing.

The xml ids of models and fields need no renaming: each addon gives the models and fields it
defines an xml id of its own, and the old one, left on a record that has another, is dropped
by Odoo at the end of the upgrade without touching the record.
"""

import ast
import csv
import logging
import os

from lxml import etree

from odoo import SUPERUSER_ID, api
from odoo.modules.module import get_module_path

_logger = logging.getLogger(__name__)

# The suite in dependency order: a name defined by several addons belongs to the first.
SUITE = (
    "property_butler",
    "property_butler_ticket",
    "property_butler_ticket_invoice",
    "property_butler_patrol",
    "property_butler_decoration",
    "property_butler_storm",
    "property_butler_handover",
    "property_butler_billing",
    "property_butler_dunning",
    "property_butler_debit",
    "property_butler_suite",
)
TAGS = ("record", "template", "menuitem", "report", "act_window")


def _defined_ids(addon):
    """The xml ids (without module) that ``addon``'s data files define."""
    path = get_module_path(addon, display_warning=False)
    if not path:
        return set()
    with open(os.path.join(path, "__manifest__.py"), encoding="utf-8") as manifest:
        info = ast.literal_eval(manifest.read())
    ids = set()
    for name in info.get("data", []) + info.get("demo", []):
        file = os.path.join(path, name)
        if name.endswith(".csv"):
            with open(file, encoding="utf-8") as fh:
                rows = list(csv.reader(fh))
            if rows and rows[0] and rows[0][0] == "id":
                ids.update(row[0] for row in rows[1:] if row and "." not in row[0])
        elif name.endswith(".xml"):
            for node in etree.parse(file).iter(*TAGS):
                xmlid = node.get("id")
                if xmlid and "." not in xmlid:
                    ids.add(xmlid)
    return ids


def migrate(cr, version):
    if not version:
        return
    owner = {}
    for addon in SUITE:
        for name in _defined_ids(addon):
            owner.setdefault(name, addon)
    moved = {}
    for name, addon in owner.items():
        if addon != "property_butler":
            moved.setdefault(addon, []).append(name)
    for addon, names in moved.items():
        cr.execute(
            """
            UPDATE ir_model_data SET module = %s
             WHERE module = 'property_butler' AND name = ANY(%s)
            """,
            [addon, names],
        )
        _logger.info("%s: %s records move from property_butler", addon, cr.rowcount)
    # The addons of the suite, known to the database and loaded in this run.
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["ir.module.module"].update_list()
    cr.execute(
        """
        UPDATE ir_module_module SET state = 'to upgrade'
         WHERE name IN %s AND state IN ('uninstalled', 'to install')
        """,
        [SUITE[1:-1]],  # not the suite itself: it may list addons newer than the database
    )
    _logger.info("%s addons of the suite are loaded with property_butler", cr.rowcount)
