#!/usr/bin/env python3
"""Benchmark: the daily dunning run (催收) over N units, 30 % of them unpaid.

    python3 bench/bench_dunning.py [--units 10000] [--unpaid 0.3] [--batch 500]
                                   [--db pb_bench_dunning] [--keep]

It creates its own database, installs property_butler without demo data and a generic chart
of accounts, builds an estate of --units units (each with its owner as billing contact, one
butler and grid per --units-per-butler units), bills January 2026 with
the monthly fee run (management fee per m², one invoice per owner) and posts
the invoices, then pays 70 % of them through real journal entries: one bank collection entry
per batch (a credit line per invoice on its receivable) reconciled with the invoices in one
``_reconcile_plan``, as a bank's collection file would be booked. The other 30 % stay unpaid
and overdue (due 2026-01-01).

It then runs the cron's entry point, ``property.dunning.case._cron_dunning(today=...)``, as
the scheduler does (default context: chatter and tracking on, one call per batch, each with
its progress record and committed: ``bench_estate.run_as_scheduled``), three times:

  1. 2026-01-16, the first stage's window: a case per unpaid unit, an activity each;
  2. 2026-02-10, the second stage's window: every case moves forward, an activity each;
  3. 2026-02-10 again: idempotent, nothing is created.

For each run it prints the wall seconds, the SQL queries (``cr.sql_log_count`` delta, the
progress records and commits included), the batches (one call and one
``ir.cron._notify_progress`` each) and the queries of each batch, the cases opened, the
activities, chatter messages and followers created, the open cases by stage. Run it at two sizes (e.g. --units 2000 and
--units 10000): a full batch costs the same queries at both, only the number of batches grows
with the units (the ORM writes 100 rows per INSERT/UPDATE, so a last, partial batch costs a
few queries less).
"""
# A command-line script, not addon code: it prints, and commits once per batch on purpose.
# pylint: disable=print-used,invalid-commit

import argparse
import contextlib
import math
import os
import random
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_estate import (  # noqa: E402  pylint: disable=wrong-import-position
    AREAS,
    Timer,
    bill_month,
    chinese_name,
    chunks,
    commit_batch,
    config_args,
    database_exists,
    drop_database,
    ensure_addon_link,
    install_module,
    log,
    odoo_core_addons,
    peak_rss_mb,
    pg_settings,
    run_as_scheduled,
    vacuum_analyze,
)

PERIOD = date(2026, 1, 1)  # the month billed; the invoices fall due on the 1st
PAYMENT_DATE = date(2026, 1, 10)
RUNS = (
    ("1st stage (2026-01-16): cases opened", date(2026, 1, 16)),
    ("2nd stage (2026-02-10): cases move on", date(2026, 2, 10)),
    ("re-run (2026-02-10): idempotent", date(2026, 2, 10)),
)
UNITS_PER_BUILDING = 250  # 25 floors of 10


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=10000, help="units (default 10000)")
    parser.add_argument(
        "--unpaid", type=float, default=0.3, help="share of invoices left unpaid (0.3)"
    )
    parser.add_argument(
        "--batch", type=int, default=500, help="batch size of the setup and the cron (500)"
    )
    parser.add_argument(
        "--units-per-butler", type=int, default=500, help="units per butler and grid (500)"
    )
    parser.add_argument("--db", default="pb_bench_dunning")
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    parser.add_argument("--drop-existing", action="store_true")
    parser.add_argument("--seed", type=int, default=20260116)
    return parser.parse_args()


# ----------------------------------------------------------------------------
# Setup: estate, invoices, payments (timed, but not the point)
# ----------------------------------------------------------------------------
def build_estate(env, args, rng):
    """Units with an owner each (billing contact), one butler and grid per
    --units-per-butler units, the management fee; returns the project."""
    from odoo import Command

    company = env.company
    if not env["account.journal"].search([("type", "=", "sale"), ("company_id", "=", company.id)]):
        env["account.chart.template"].try_loading(
            "generic_coa", company=company, install_demo=False
        )
    quiet = {"tracking_disable": True, "mail_create_nolog": True}
    project = env["property.project"].create({"name": "催收花园 Dunning Garden", "code": "DG"})
    buildings = env["property.building"].create(
        [
            {
                "name": f"{b}栋",
                "code": str(b),
                "project_id": project.id,
                "floor_count": 25,
                "units_per_floor": 10,
            }
            for b in range(1, math.ceil(args.units / UNITS_PER_BUILDING) + 1)
        ]
    )
    unit_vals = []
    for building in buildings:
        for index in range(min(UNITS_PER_BUILDING, args.units - len(unit_vals))):
            floor, position = divmod(index, 10)
            unit_vals.append(
                {
                    "building_id": building.id,
                    "floor": floor + 1,
                    "number": f"{floor + 1}{position + 1:02d}",
                    "unit_type": "residential",
                    "area": rng.choice(AREAS),
                }
            )
    Unit = env["property.unit"].with_context(**quiet)
    Partner = env["res.partner"].with_context(**quiet)
    Occupancy = env["property.occupancy"].with_context(**quiet)
    for batch in chunks(unit_vals, 1000):
        units = Unit.create(batch)
        owners = Partner.create(
            [
                {"name": chinese_name(rng), "phone": f"139{rng.randint(10000000, 99999999)}"}
                for _unit in units
            ]
        )
        Occupancy.create(
            [
                {
                    "unit_id": unit.id,
                    "partner_id": owner.id,
                    "role": "owner",
                    "date_start": date(2024, 1, 1),
                    "is_billing_contact": True,
                }
                for unit, owner in zip(units, owners, strict=True)
            ]
        )
        commit_batch(env)

    group = env.ref("property_butler.property_butler_group_butler")
    butlers_count = max(1, math.ceil(args.units / args.units_per_butler))
    butlers = (
        env["res.users"]
        .with_context(no_reset_password=True, **quiet)
        .create(
            [
                {
                    "name": f"管家{i + 1}号",
                    "login": f"bench_dunning_butler_{i + 1}",
                    "email": f"bench_dunning_butler_{i + 1}@example.com",
                    "groups_id": [Command.set([group.id])],
                }
                for i in range(butlers_count)
            ]
        )
    )
    env["property.grid"].create(
        [
            {
                "name": f"网格 {i + 1}",
                "project_id": project.id,
                "butler_id": butler.id,
                "building_ids": [
                    Command.set(
                        buildings.ids[
                            i * len(buildings) // butlers_count : (i + 1)
                            * len(buildings)
                            // butlers_count
                        ]
                    )
                ],
            }
            for i, butler in enumerate(butlers)
        ]
    )
    env["property.fee.rate"].create(
        {
            "project_id": project.id,
            "unit_type": "residential",
            "fee_type_id": env.ref("property_butler_billing.property_fee_type_management").id,
            "rate": 2.5,
            "date_from": date(2025, 1, 1),
        }
    )
    commit_batch(env)
    return project, butlers_count


def bill_and_post(env, project, batch):
    start = time.perf_counter()
    moves = bill_month(env, PERIOD, project, batch)
    drafted = time.perf_counter() - start
    move_ids = moves.ids
    # Setup, not the point: posted without the invoices' chatter tracking, to save minutes.
    Move = env["account.move"].with_context(tracking_disable=True)
    for ids in chunks(move_ids, batch):
        Move.browse(ids).action_post()
        commit_batch(env)
    return move_ids, drafted


def pay(env, move_ids, share_paid, batch, rng):
    """Pay ``share_paid`` of the invoices: per batch, one posted bank entry with a receivable
    credit line per invoice, reconciled with the invoices in one ``_reconcile_plan``."""
    from odoo import Command

    paid_ids = sorted(rng.sample(move_ids, round(len(move_ids) * share_paid)))
    journal = env["account.journal"].search(
        [("type", "=", "bank"), ("company_id", "=", env.company.id)], limit=1
    )
    Move = env["account.move"].with_context(tracking_disable=True)
    Line = env["account.move.line"]
    for number, ids in enumerate(chunks(paid_ids, batch), 1):
        invoices = Move.browse(ids)
        receivables = invoices.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        entry = Move.create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "date": PAYMENT_DATE,
                "ref": f"Bank collection {PAYMENT_DATE} #{number}",
                "line_ids": [
                    Command.create(
                        {
                            "account_id": line.account_id.id,
                            "partner_id": line.partner_id.id,
                            "name": line.move_id.name,
                            "credit": line.amount_residual,
                        }
                    )
                    for line in receivables
                ]
                + [
                    Command.create(
                        {
                            "account_id": journal.default_account_id.id,
                            "name": f"Bank collection #{number}",
                            "debit": sum(receivables.mapped("amount_residual")),
                        }
                    )
                ],
            }
        )
        entry.action_post()
        counterparts = entry.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        ).sorted("id")
        Line._reconcile_plan(
            [
                invoice_line | counterpart
                for invoice_line, counterpart in zip(
                    receivables.sorted("id"), counterparts, strict=True
                )
            ]
        )
        commit_batch(env)
    return len(paid_ids)


# ----------------------------------------------------------------------------
# The dunning runs (the measured part)
# ----------------------------------------------------------------------------
@contextlib.contextmanager
def batch_probe(env):
    """Record the query counter and the clock at each ``ir.cron._notify_progress`` call: the
    cron makes one per batch, so the differences are the queries and seconds of a batch."""
    cron_class = env.registry["ir.cron"]
    original = cron_class._notify_progress
    marks = []

    def _notify_progress(self, *, done, remaining, deactivate=False):
        marks.append((self.env.cr.sql_log_count, time.perf_counter(), done, remaining))
        return original(self, done=done, remaining=remaining, deactivate=deactivate)

    cron_class._notify_progress = _notify_progress
    try:
        yield marks
    finally:
        cron_class._notify_progress = original


def counts(env):
    cr = env.cr
    cr.execute(
        """SELECT (SELECT COUNT(*) FROM property_dunning_case),
                  (SELECT COUNT(*) FROM property_dunning_case WHERE state = 'open'),
                  (SELECT COUNT(*) FROM mail_activity WHERE res_model = 'property.dunning.case'),
                  (SELECT COUNT(*) FROM mail_message WHERE model = 'property.dunning.case'),
                  (SELECT COUNT(*) FROM mail_followers WHERE res_model = 'property.dunning.case')
        """
    )
    return dict(zip(("cases", "open", "activities", "messages", "followers"), cr.fetchone()))


def stages_of_open_cases(env):
    env.cr.execute(
        """SELECT COALESCE(s.name->>'en_US', '(none)'), COUNT(*)
             FROM property_dunning_case c
             LEFT JOIN property_dunning_stage s ON s.id = c.stage_id
            WHERE c.state = 'open'
            GROUP BY 1 ORDER BY 1"""
    )
    return dict(env.cr.fetchall())


def run_dunning(env, today, batch):
    env.invalidate_all()
    before = counts(env)
    cr = env.cr
    timer = Timer()
    with batch_probe(env) as marks, timer:
        queries = cr.sql_log_count
        start = time.perf_counter()
        # Each call commits its batch (its precommit: tracking, bus) and the next call reads
        # what is left to do again.
        run_as_scheduled(
            env,
            "property_butler_dunning.property_dunning_case_cron",
            "_cron_dunning",
            today=today,
            batch_size=batch,
        )
        end_queries, end = cr.sql_log_count, time.perf_counter()
    after = counts(env)
    # Per batch: from one progress call to the next (the first batch from the start of the run;
    # each carries the reads of what is left to do: unpaid amounts, open cases, due stages).
    points = [(queries, start)] + [(q, t) for q, t, _d, _r in marks]
    batches = [
        (q2 - q1, (t2 - t1) * 1000) for (q1, t1), (q2, t2) in zip(points, points[1:], strict=False)
    ]
    return {
        "seconds": timer.seconds,
        "cpu": timer.cpu,
        "queries": end_queries - queries,
        "tail_queries": end_queries - points[-1][0],
        "tail_ms": (end - points[-1][1]) * 1000,
        "batches": batches,
        "progress": [(d, r) for _q, _t, d, r in marks],
        "opened": after["cases"] - before["cases"],
        "activities": after["activities"] - before["activities"],
        "messages": after["messages"] - before["messages"],
        "followers": after["followers"] - before["followers"],
        "open": after["open"],
        "stages": stages_of_open_cases(env),
    }


def per_batch(res):
    """The batches' query counts and what each call reported (done/remaining)."""
    return ", ".join(
        f"{queries} ({done}/{remaining})"
        for (queries, _ms), (done, remaining) in zip(res["batches"], res["progress"], strict=True)
    )


def print_run(label, res):
    batches = res["batches"]
    log(
        f"{label}: {res['seconds']:.2f} s (py cpu {res['cpu']:.2f} s), "
        f"{res['queries']} queries, {len(batches)} batches"
    )
    if batches:
        print(
            "    queries per batch (cases done/remaining): "
            + per_batch(res)
            + f"; after the last batch {res['tail_queries']} (its commit)",
            flush=True,
        )
        print("    ms per batch: " + ", ".join(f"{ms:.0f}" for _q, ms in batches), flush=True)
    else:
        print(f"    no batch: {res['tail_queries']} queries in all", flush=True)
    print(
        f"    cases opened {res['opened']}, activities created {res['activities']}, "
        f"chatter messages {res['messages']}, followers {res['followers']}; "
        f"open cases by stage {res['stages']}",
        flush=True,
    )


def main():
    args = parse_args()
    if args.units < 1 or args.batch < 1 or not 0 <= args.unpaid <= 1:
        raise SystemExit("--units and --batch must be positive, --unpaid within 0..1")
    import odoo
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    from odoo.service import db as db_service

    pg = pg_settings()
    addons_path = ",".join([*odoo_core_addons(odoo), ensure_addon_link()])
    odoo.tools.config.parse_config(config_args(args.db, pg, addons_path))
    print("== property_butler dunning benchmark ==", flush=True)
    print(
        f"odoo {odoo.release.version}, python {sys.version.split()[0]}, {os.cpu_count()} cpu; "
        f"{args.units} units, {args.unpaid:.0%} unpaid, batches of {args.batch}, "
        f"one butler per {args.units_per_butler} units",
        flush=True,
    )
    if database_exists(odoo, args.db):
        if not args.drop_existing:
            raise SystemExit(f"database {args.db} exists: pass --drop-existing or another --db")
        db_service.exp_drop(args.db)
    created = False
    rng = random.Random(args.seed)
    overall = time.perf_counter()
    results = []
    try:
        start = time.perf_counter()
        db_service._create_empty_database(args.db)
        created = True
        install_module(odoo, args.db, pg, addons_path, "property_butler_dunning")
        log(f"installed in {time.perf_counter() - start:.1f} s")
        registry = Registry(args.db)
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            start = time.perf_counter()
            project, butlers = build_estate(env, args, rng)
            log(
                f"estate: {args.units} units, owners, {butlers} butlers and grids in "
                f"{time.perf_counter() - start:.1f} s"
            )
            start = time.perf_counter()
            move_ids, drafted = bill_and_post(env, project, args.batch)
            log(
                f"billed {PERIOD:%Y-%m}: {len(move_ids)} invoices drafted in {drafted:.1f} s, "
                f"posted by {time.perf_counter() - start:.1f} s"
            )
            start = time.perf_counter()
            paid = pay(env, move_ids, 1 - args.unpaid, args.batch, rng)
            states = dict(
                Counter(env["account.move"].browse(move_ids).mapped("payment_state")).items()
            )
            log(
                f"paid {paid} invoices through {math.ceil(paid / args.batch)} bank collection "
                f"entries in {time.perf_counter() - start:.1f} s; payment states {states}"
            )
            cr.commit()
            start = time.perf_counter()
            vacuum_analyze(odoo, args.db)
            log(f"VACUUM ANALYZE (untimed) {time.perf_counter() - start:.1f} s")
            env.invalidate_all()
            for label, today in RUNS:
                res = run_dunning(env, today, args.batch)
                results.append((label, res))
                print_run(label, res)
            log(f"peak RSS {peak_rss_mb():.0f} MB")
    finally:
        drop_database(args.db, created, args.keep)

    print(f"\n== summary: {args.units} units, batches of {args.batch} ==")
    print(f"{'run':<40}{'seconds':>8}{'queries':>8}{'batches':>8}{'opened':>7}"
          f"{'activities':>11}  queries per batch (done/remaining)")  # fmt: skip
    for label, res in results:
        print(
            f"{label:<40}{res['seconds']:>8.2f}{res['queries']:>8}{len(res['batches']):>8}"
            f"{res['opened']:>7}{res['activities']:>11}  {per_batch(res) or '-'}"
        )
    print(f"total wall time {time.perf_counter() - overall:.0f} s", flush=True)


if __name__ == "__main__":
    sys.exit(main())
