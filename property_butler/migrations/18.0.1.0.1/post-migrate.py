"""Round names without clock times; no vacant-flat inspections of parking spaces.

* Rounds used to be named "<route> <UTC start, YYYY-MM-DD HH:MM:SS>": a UTC time shown to people
  as is. The name is now the route, the local day and the shift; the time is added by the display
  name in each viewer's time zone. Recompute the stored names of existing rounds.
* The monthly vacant-unit inspection ("water, power and gas off", "no cracks") was created for
  every vacant unit, parking spaces and storage rooms included. Those still to do are removed;
  done ones are kept as records of what was done.
"""

from odoo import SUPERUSER_ID, api

# Frozen copy of property_inspection.DWELLING_UNIT_TYPES at the time of this migration.
DWELLING_UNIT_TYPES = ("residential",)

BATCH_SIZE = 5000


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    rename_rounds(env)
    remove_vacant_inspections_of_non_dwellings(env)


def rename_rounds(env):
    Round = env["property.patrol.round"].with_context(active_test=False)
    ids = Round.search([], order="id").ids
    for start in range(0, len(ids), BATCH_SIZE):
        rounds = Round.browse(ids[start : start + BATCH_SIZE])
        rounds._compute_name()
        rounds.flush_recordset(["name"])
        env.invalidate_all()


def remove_vacant_inspections_of_non_dwellings(env):
    env["property.inspection"].search(
        [
            ("kind", "=", "vacant_unit"),
            ("state", "=", "todo"),
            ("unit_id.unit_type", "not in", DWELLING_UNIT_TYPES),
        ]
    ).unlink()
