"""Round names without clock times.

Rounds used to be named "<route> <UTC start, YYYY-MM-DD HH:MM:SS>": a UTC time shown to people
as is. The name is now the route, the local day and the shift; the time is added by the display
name in each viewer's time zone. Recompute the stored names of existing rounds.
"""

from odoo import SUPERUSER_ID, api

BATCH_SIZE = 5000


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Round = env["property.patrol.round"].with_context(active_test=False)
    ids = Round.search([], order="id").ids
    for start in range(0, len(ids), BATCH_SIZE):
        rounds = Round.browse(ids[start : start + BATCH_SIZE])
        rounds._compute_name()
        rounds.flush_recordset(["name"])
        env.invalidate_all()
