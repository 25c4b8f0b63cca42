#!/usr/bin/env python3
"""Benchmark: the suite's private shortcuts against the public API they stand in for.

    python3 bench/bench_shortcuts.py [--units 800] [--batch 200] [--db pb_bench_shortcuts]

It creates its own database, installs property_butler_dunning (billing, ticket and the base
come with it) without demo data and the generic chart of accounts, builds --units units with
their owner as billing contact and the three fees of bench_billing.py (management per m²,
a fixed fee with the chart's 15 % tax, metered water), one butler and grid per building, and
bills September, October and November 2026 with the monthly run (drafts).

Each shortcut is timed against its public path on the same data in the same run: the records
are split in two halves of the same shape (even and odd ids) and, batch by batch, one half goes
through the public path and the other through the shortcut, then the next batch the other way
round (so that neither path always runs first, on a warmer cache or a fuller table). Every
timed call ends with ``flush_all()`` and ``commit()`` (precommit hooks: tracking), so what is
deferred to the commit is counted. Seconds are wall time (``time.perf_counter``); queries are
``cr.sql_log_count`` deltas; the load average is printed with each figure.

  1. followers: ``mail.followers._property_add_batch(moves, {move: customer})`` against
     ``move.message_subscribe([customer])`` per invoice (what ``account.move._post`` does);
  2. posting: ``action_post()`` with ``skip_invoice_sync=True`` against without (both with
     ``tracking_disable`` and the customers already following, as in
     ``_property_post_fee_invoices``);
  3. statement: ``report.property_butler_billing.property_statement_document.
     _receivable_figures`` (one query built on ``Query``: ``_search`` + ``add_join`` of a
     LATERAL + ``groupby`` + ``select``) against the same figures from public ORM calls
     (four ``_read_group`` + one ``search_fetch``); for every contact at once and for one;
  4. tracked writes: ``property.dunning.case._write_tracked({'stage_id': ...})`` against
     ``write()`` with mail.thread's tracking (logged at commit, one case at a time);
  5. activities: ``mail.activity.create`` for the cases' butlers with the context key that
     makes ``property.dunning.case.message_subscribe`` return at once (the butlers already
     follow the cases) against without it (mail.activity subscribes them again, per butler).

It checks that both paths produced the same thing (followers and subtypes, posted amounts,
figures, tracking values, activities) and prints a summary with the ratio public / shortcut.
"""
# A command-line script, not addon code: it prints, and commits once per batch on purpose.
# pylint: disable=print-used,invalid-commit

import argparse
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_dunning  # noqa: E402  pylint: disable=wrong-import-position
from bench_billing import build_estate  # noqa: E402  pylint: disable=wrong-import-position
from bench_estate import (  # noqa: E402  pylint: disable=wrong-import-position
    bill_month,
    chunks,
    config_args,
    database_exists,
    drop_database,
    ensure_addon_link,
    install_module,
    log,
    odoo_core_addons,
    pg_settings,
    vacuum_analyze,
)

PERIODS = (date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1))
STATEMENT = (date(2026, 11, 1), date(2026, 11, 30))
QUARTER = date(2026, 10, 1)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=800, help="units (800)")
    parser.add_argument("--batch", type=int, default=200, help="records per timed call (200)")
    parser.add_argument("--runs", type=int, default=20, help="one-contact statement calls (20)")
    parser.add_argument("--db", default="pb_bench_shortcuts")
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    parser.add_argument("--drop-existing", action="store_true")
    parser.add_argument("--seed", type=int, default=20261202)
    return parser.parse_args()


def load():
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


class Tally:
    """Seconds and queries of the public path and of the shortcut, summed over batches."""

    def __init__(self, env, name, size):
        self.env, self.name, self.size = env, name, size
        self.seconds = {"public": 0.0, "shortcut": 0.0}
        self.queries = {"public": 0, "shortcut": 0}
        self.loads = [os.getloadavg()[0]]

    def timed(self, path, func):
        env = self.env
        env.invalidate_all()
        count, start = env.cr.sql_log_count, time.perf_counter()
        result = func()
        env.flush_all()
        env.cr.commit()
        self.seconds[path] += time.perf_counter() - start
        self.queries[path] += env.cr.sql_log_count - count
        env.invalidate_all()
        return result

    def alternate(self, halves, batch, public, shortcut):
        """Batch i of each half: public on one and shortcut on the other, then swapped."""
        a, b = halves
        for number, (ids_a, ids_b) in enumerate(zip(chunks(a, batch), chunks(b, batch))):
            order = [("public", public, ids_a), ("shortcut", shortcut, ids_b)]
            if number % 2:
                order = [("shortcut", shortcut, ids_a), ("public", public, ids_b)]
            for path, func, ids in order:
                self.timed(path, lambda func=func, ids=ids: func(ids))

    def report(self, note=""):
        self.loads.append(os.getloadavg()[0])
        pub, sho = self.seconds["public"], self.seconds["shortcut"]
        qp, qs = self.queries["public"], self.queries["shortcut"]
        ratio = pub / sho if sho else float("nan")
        line = (
            f"{self.name:<36}{self.size:>28}{pub:>9.2f}{sho:>9.2f}{ratio:>7.2f}x"
            f"{qp:>8}{qs:>8}  load {self.loads[0]:.1f}-{self.loads[-1]:.1f}"
        )
        log(f"{self.name}: public {pub:.2f} s / {qp} q, shortcut {sho:.2f} s / {qs} q, "
            f"{ratio:.2f}x ({self.size}) {load()} {note}")  # fmt: skip
        return line


def halves(ids):
    ids = sorted(ids)
    return ids[0::2], ids[1::2]


def butlers_and_grids(env, project):
    """One butler user and grid per building (bench_billing.py's estate has none)."""
    from odoo import Command

    group = env.ref("property_butler.property_butler_group_butler")
    buildings = project.building_ids.filtered("unit_ids")
    users = (
        env["res.users"]
        .with_context(no_reset_password=True, tracking_disable=True)
        .create(
            [
                {
                    "name": f"管家{i + 1}号",
                    "login": f"bench_shortcuts_butler_{i + 1}",
                    "email": f"bench_shortcuts_butler_{i + 1}@example.com",
                    "groups_id": [Command.set([group.id])],
                }
                for i in range(len(buildings))
            ]
        )
    )
    env["property.grid"].create(
        [
            {
                "name": f"网格 {i + 1}",
                "project_id": project.id,
                "butler_id": user.id,
                "building_ids": [Command.set(building.ids)],
            }
            for i, (user, building) in enumerate(zip(users, buildings, strict=True))
        ]
    )
    env.flush_all()
    env.cr.commit()
    return users


def follower_rows(env, model, ids):
    env.flush_all()
    env.cr.execute(
        """SELECT f.res_id, f.partner_id, ARRAY_AGG(r.mail_message_subtype_id ORDER BY 1)
             FROM mail_followers f
        LEFT JOIN mail_followers_mail_message_subtype_rel r ON r.mail_followers_id = f.id
            WHERE f.res_model = %s AND f.res_id = ANY(%s)
         GROUP BY f.id""",
        [model, list(ids)],
    )
    return env.cr.fetchall()


def delete_followers(env, model):
    env.cr.execute("DELETE FROM mail_followers WHERE res_model = %s", [model])
    env.cr.commit()
    env.invalidate_all()


# ----------------------------------------------------------------------------
# 1. followers
# ----------------------------------------------------------------------------
def bench_followers(env, move_ids, batch):
    Move = env["account.move"]
    delete_followers(env, "account.move")
    a, b = halves(move_ids)
    tally = Tally(env, "followers: _property_add_batch", f"{len(move_ids)} invoices")

    def public(ids):
        for move in Move.browse(ids):
            move.message_subscribe([move.partner_id.id])

    def shortcut(ids):
        moves = Move.browse(ids)
        env["mail.followers"]._property_add_batch(moves, {m.id: m.partner_id for m in moves})

    tally.alternate((a, b), batch, public, shortcut)
    # Same result: one follower per invoice, its customer, with the same subtypes.
    rows = follower_rows(env, "account.move", move_ids)
    shapes = {tuple(sorted(subtypes)) for _res, _partner, subtypes in rows}
    same = len(rows) == len(move_ids) and len(shapes) == 1
    return tally.report(f"check: {len(rows)} followers, subtype sets {len(shapes)} -> {same}")


# ----------------------------------------------------------------------------
# 2. posting with skip_invoice_sync
# ----------------------------------------------------------------------------
def bench_posting(env, move_ids, batch):
    Move = env["account.move"].with_context(tracking_disable=True)
    moves = Move.browse(move_ids)
    env["mail.followers"]._property_add_batch(moves, {m.id: m.partner_id for m in moves})
    env.cr.commit()
    before = {m.id: (m.amount_untaxed, m.amount_tax, m.amount_total) for m in moves}
    env.invalidate_all()
    a, b = halves(move_ids)
    tally = Tally(env, "posting: skip_invoice_sync", f"{len(move_ids)} invoices, 3 lines")
    tally.alternate(
        (a, b),
        batch,
        lambda ids: Move.browse(ids).action_post(),
        lambda ids: Move.browse(ids).with_context(skip_invoice_sync=True).action_post(),
    )
    moves = Move.browse(move_ids)
    after = {m.id: (m.amount_untaxed, m.amount_tax, m.amount_total) for m in moves}
    lines = defaultdict(set)
    for move in moves:
        lines[move.id in set(b)].add(len(move.line_ids))
    same = (
        before == after
        and set(moves.mapped("state")) == {"posted"}
        and all(
            move.currency_id.is_zero(
                sum(
                    move.line_ids.filtered(lambda ln: ln.display_type == "payment_term").mapped(
                        "balance"
                    )
                )
                - move.amount_total
            )
            for move in moves
        )
    )
    return tally.report(f"check: amounts unchanged, posted, receivable = total -> {same}; "
                        f"lines per invoice {dict(lines)}")  # fmt: skip


# ----------------------------------------------------------------------------
# 3. the statement's receivable figures
# ----------------------------------------------------------------------------
def public_receivable_figures(report, commercial_ids, company, start, end):
    """The same figures as _receivable_figures, from public ORM calls only."""
    from odoo.addons.property_butler_billing.report.report_property_statement import (
        ARREARS_BUCKETS,
    )

    env = report.env
    Line = env["account.move.line"]
    figures = {partner_id: report._empty_figures() for partner_id in commercial_ids}
    base = [
        ("partner_id", "in", list(commercial_ids)),
        ("account_id.account_type", "=", "asset_receivable"),
        ("parent_state", "=", "posted"),
        ("company_id", "=", company.id),
        ("date", "<=", end),
    ]
    for key, domain, aggregate in (
        ("closing", base, "balance:sum"),
        ("opening", [*base, ("date", "<", start)], "balance:sum"),
        (
            "payments",
            [*base, ("date", ">=", start), "|", ("payment_id", "!=", False),
             ("statement_line_id", "!=", False)],
            "credit:sum",
        ),
    ):  # fmt: skip
        for partner, amount in Line._read_group(domain, ["partner_id"], [aggregate]):
            figures[partner.id][key] = amount or 0.0
    # Residual at the end of the month: today's residual plus what reconciliations dated after
    # the month matched with the (debit) item.
    items = Line.search_fetch(
        [*base, ("balance", ">", 0)], ["partner_id", "amount_residual", "date_maturity", "date"]
    )
    later = {
        line.id: amount
        for line, amount in env["account.partial.reconcile"]._read_group(
            [("debit_move_id", "in", items.ids), ("max_date", ">", end)],
            ["debit_move_id"],
            ["amount:sum"],
        )
    }
    for item in items:
        residual = item.amount_residual + later.get(item.id, 0.0)
        if residual <= 0:
            continue
        due = (end - (item.date_maturity or item.date)).days
        for key, first, last in ARREARS_BUCKETS:
            if due >= first and (last is None or due <= last):
                figures[item.partner_id.id][key] += residual
    return figures


def bench_statement(env, runs):
    report = env["report.property_butler_billing.property_statement_document"]
    company = env.company
    start, end = STATEMENT
    partner_ids = set(
        env["account.move"]
        .search([("property_period", "!=", False)])
        .partner_id.commercial_partner_id.ids
    )
    results = {}
    lines = []
    for label, ids_list in (
        (f"{len(partner_ids)} contacts", [partner_ids] * 4),
        ("1 contact", [{pid} for pid in sorted(partner_ids)[:runs]]),
    ):
        tally = Tally(env, "statement: Query internals", label)
        times = {"public": [], "shortcut": []}
        for number, ids in enumerate(ids_list):
            order = [
                ("public", lambda ids=ids: public_receivable_figures(report, ids, company, start, end)),
                ("shortcut", lambda ids=ids: report._receivable_figures(ids, company, start, end)),
            ]  # fmt: skip
            if number % 2:
                order.reverse()
            for path, func in order:
                before = tally.seconds[path]
                results[path, number, label] = tally.timed(path, func)
                times[path].append(tally.seconds[path] - before)
        mismatches = sum(
            1
            for number in range(len(ids_list))
            for pid, figs in results["shortcut", number, label].items()
            for key, value in figs.items()
            if abs(value - results["public", number, label][pid][key]) > 0.005
        )
        medians = ", ".join(
            f"{path} median {statistics.median(t) * 1000:.1f} ms" for path, t in times.items()
        )
        lines.append(tally.report(f"({len(ids_list)} calls each; {medians}) check: "
                                  f"{mismatches} figures differ"))  # fmt: skip
    sample = results["shortcut", 0, f"{len(partner_ids)} contacts"]
    totals = defaultdict(float)
    for figs in sample.values():
        for key, value in figs.items():
            totals[key] += value
    log("statement totals (all contacts): " + ", ".join(f"{k} {v:.2f}" for k, v in totals.items()))
    return lines


# ----------------------------------------------------------------------------
# 4. tracked writes, 5. activities
# ----------------------------------------------------------------------------
def make_cases(env, project):
    units = env["property.unit"].search([("project_id", "=", project.id)])
    occupancy = {
        o.unit_id.id: o.partner_id.id
        for o in env["property.occupancy"].search([("unit_id", "in", units.ids)])
    }
    cases = (
        env["property.dunning.case"]
        .with_context(tracking_disable=True, mail_create_nolog=True)
        .create(
            [
                {
                    "unit_id": unit.id,
                    "quarter": QUARTER,
                    "partner_id": occupancy.get(unit.id),
                    "butler_id": unit.butler_id.id,
                }
                for unit in units
            ]
        )
    )
    env.flush_all()
    env.cr.commit()
    return cases


def tracking_rows(env, ids):
    env.flush_all()
    env.cr.execute(
        """SELECT COUNT(DISTINCT m.id), COUNT(v.id)
             FROM mail_message m
             JOIN mail_tracking_value v ON v.mail_message_id = m.id
            WHERE m.model = 'property.dunning.case' AND m.res_id = ANY(%s)""",
        [list(ids)],
    )
    return env.cr.fetchone()


def bench_tracked_writes(env, cases, batch):
    Case = env["property.dunning.case"]
    stages = env["property.dunning.stage"].search(
        [("company_id", "in", [False, env.company.id])], order="sequence, id"
    )[:2]
    a, b = halves(cases.ids)
    tally = Tally(env, "tracked write: _write_tracked", f"{len(cases)} cases x {len(stages)}")
    for stage in stages:
        tally.alternate(
            (a, b),
            batch,
            lambda ids, stage=stage: Case.browse(ids).write({"stage_id": stage.id}),
            lambda ids, stage=stage: Case.browse(ids)._write_tracked({"stage_id": stage.id}),
        )
        a, b = b, a  # each half goes both ways
    rows_a, rows_b = tracking_rows(env, a), tracking_rows(env, b)
    same = rows_a == rows_b and rows_a[0] == len(a) * len(stages)
    return tally.report(f"check: messages/tracking values per half {rows_a} {rows_b} -> {same}")


def bench_activities(env, cases, batch):
    Activity = env["mail.activity"].sudo().with_context(mail_activity_quick_update=True)
    model = env["ir.model"]._get_id("property.dunning.case")
    todo = env.ref("mail.mail_activity_data_todo")
    env["mail.followers"]._property_add_batch(
        cases, {case.id: case.butler_id.partner_id for case in cases}
    )
    env.cr.commit()
    butler_of = {case.id: case.butler_id.id for case in cases}
    followers_before = len(follower_rows(env, "property.dunning.case", cases.ids))

    def vals(ids):
        return [
            {
                "res_model_id": model,
                "res_id": case_id,
                "activity_type_id": todo.id,
                "user_id": butler_of[case_id],
                "summary": "Dunning bench",
                "date_deadline": date(2026, 11, 20),
            }
            for case_id in ids
        ]

    a, b = halves(cases.ids)
    tally = Tally(
        env,
        "activities: message_subscribe skip",
        f"{len(cases)} cases x 2, {len(set(butler_of.values()))} butlers",
    )
    for _round in range(2):
        tally.alternate(
            (a, b),
            batch,
            lambda ids: Activity.create(vals(ids)),
            lambda ids: Activity.with_context(property_dunning_butlers_subscribed=True).create(
                vals(ids)
            ),
        )
        created = env["mail.activity"].search_count([("res_model", "=", "property.dunning.case")])
        env["mail.activity"].search([("res_model", "=", "property.dunning.case")]).unlink()
        env.cr.commit()
        a, b = b, a
    followers_after = len(follower_rows(env, "property.dunning.case", cases.ids))
    same = followers_after == followers_before == len(cases) and created == len(cases)
    return tally.report(f"check: {created} activities per round, followers "
                        f"{followers_before} -> {followers_after} -> {same}")  # fmt: skip


# ----------------------------------------------------------------------------
def main():
    args = parse_args()
    import odoo
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    from odoo.service import db as db_service

    pg = pg_settings()
    addons_path = ",".join([*odoo_core_addons(odoo), ensure_addon_link()])
    odoo.tools.config.parse_config(config_args(args.db, pg, addons_path))
    print("== property_butler private shortcuts benchmark ==", flush=True)
    print(f"odoo {odoo.release.version}, {os.cpu_count()} cpu; {args.units} units, "
          f"batches of {args.batch}; {load()}", flush=True)  # fmt: skip
    if database_exists(odoo, args.db):
        if not args.drop_existing:
            raise SystemExit(f"database {args.db} exists: pass --drop-existing or another --db")
        db_service.exp_drop(args.db)
    created = False
    rng = random.Random(args.seed)
    overall = time.perf_counter()
    lines = []
    try:
        start = time.perf_counter()
        db_service._create_empty_database(args.db)
        created = True
        install_module(odoo, args.db, pg, addons_path, "property_butler_dunning")
        log(f"installed in {time.perf_counter() - start:.1f} s; {load()}")
        registry = Registry(args.db)
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            start = time.perf_counter()
            project = build_estate(env, args.units)
            butlers_and_grids(env, project)
            drafts = {
                period: bill_month(env, period, project, args.batch).ids for period in PERIODS
            }
            log(f"estate and {sum(map(len, drafts.values()))} drafts in "
                f"{time.perf_counter() - start:.1f} s; {load()}")  # fmt: skip
            vacuum_analyze(odoo, args.db)

            early = drafts[PERIODS[0]] + drafts[PERIODS[1]]
            lines.append(bench_followers(env, early, args.batch))
            # Setup: September and October posted as the butlers' confirmation posts them.
            supervisor = env.ref("base.user_admin")
            for ids in chunks(early, args.batch):
                env["account.move"].browse(ids)._property_post_fee_invoices(supervisor)
                env.cr.commit()
            lines.append(bench_posting(env, drafts[PERIODS[2]], args.batch))

            # Setup: payments in the month (part of September, October) and after it.
            # Disjoint invoices: 40 % paid on 2026-11-10, 30 % on 2026-12-10 (after the
            # statement's month: the LATERAL join's reconciliations), 30 % left unpaid.
            posted = early + drafts[PERIODS[2]]
            rng.shuffle(posted)
            cut = [0, len(posted) * 4 // 10, len(posted) * 7 // 10]
            for day, first, last in (
                (date(2026, 11, 10), *cut[:2]),
                (date(2026, 12, 10), *cut[1:]),
            ):
                bench_dunning.PAYMENT_DATE = day
                bench_dunning.pay(env, posted[first:last], 1.0, args.batch, rng)
            vacuum_analyze(odoo, args.db)
            env.invalidate_all()
            lines += bench_statement(env, args.runs)

            cases = make_cases(env, project)
            lines.append(bench_tracked_writes(env, cases, args.batch))
            lines.append(bench_activities(env, cases, args.batch))
    finally:
        drop_database(args.db, created, args.keep)

    print(f"\n== summary: {args.units} units, batches of {args.batch} ==")
    print(f"{'shortcut':<36}{'size':>28}{'public s':>9}{'short s':>9}{'ratio':>8}"
          f"{'pub q':>8}{'short q':>8}  load (1 min, start-end)")  # fmt: skip
    print("\n".join(lines))
    print(f"total wall time {time.perf_counter() - overall:.0f} s; {load()}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
