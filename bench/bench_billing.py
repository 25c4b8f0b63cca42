#!/usr/bin/env python3
"""Benchmark: the monthly fee run for N units with 3 fees each, draft to posted.

    python3 bench/bench_billing.py [--units 10000] [--batch 500] [--db pb_bench_billing] [--keep]

It creates its own database, installs property_butler without demo data and a generic chart
of accounts, builds an estate of --units units (each with its owner as billing contact) and
three fees (management fee per m², a fixed fee, metered water with a reading per unit), then
measures in the same run, on the same data shape:

  1. the monthly run: ``property.billing._bill_period`` (one invoice per contact, a line per
     unit and fee, batches committed) then ``action_post`` in batches: invoices/s;
  2. the plain floor: the same invoices (same partners, products, amounts) created for
     another month with one batched ``account.move.create([...])`` + ``action_post()`` per
     batch: invoices/s;

and prints the ratio and the peak memory after each phase. (The OCA ``contract`` module is
not installed here: it is not part of Odoo core; see README.)
"""

import argparse
import contextlib
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_estate import (  # noqa: E402  pylint: disable=wrong-import-position
    config_args,
    database_exists,
    ensure_addon_link,
    install_module,
    log,
    odoo_core_addons,
    peak_rss_mb,
    pg_settings,
)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=10000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--db", default="pb_bench_billing")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--drop-existing", action="store_true")
    return parser.parse_args()


def build_estate(env, units_count):
    company = env.company
    if not env["account.journal"].search([("type", "=", "sale"), ("company_id", "=", company.id)]):
        env["account.chart.template"].try_loading(
            "generic_coa", company=company, install_demo=False
        )
    project = env["property.project"].create({"name": "Bench Estate", "code": "BB"})
    per_building = 250
    buildings = env["property.building"].create(
        [
            {
                "name": f"B{b}",
                "code": str(b),
                "project_id": project.id,
                "floor_count": 25,
                "units_per_floor": 10,
            }
            for b in range(1, units_count // per_building + 2)
        ]
    )
    vals = []
    for building in buildings:
        for index in range(per_building):
            if len(vals) == units_count:
                break
            floor, position = divmod(index, 10)
            vals.append(
                {
                    "building_id": building.id,
                    "floor": floor + 1,
                    "number": f"{floor + 1}{position + 1:02d}",
                    "area": 80 + index % 60,
                }
            )
    units = env["property.unit"].with_context(tracking_disable=True).create(vals)
    partners = (
        env["res.partner"]
        .with_context(tracking_disable=True)
        .create([{"name": f"Owner {i}"} for i in range(units_count)])
    )
    env["property.occupancy"].with_context(tracking_disable=True).create(
        [
            {
                "unit_id": u.id,
                "partner_id": p.id,
                "date_start": date(2024, 1, 1),
                "is_billing_contact": True,
            }
            for u, p in zip(units, partners, strict=True)
        ]
    )
    ref = env.ref
    fixed_product = env["product.product"].create({"name": "Garbage Fee", "type": "service"})
    fixed = env["property.fee.type"].create(
        {"name": "Garbage Fee", "product_id": fixed_product.id, "computation": "fixed"}
    )
    management = ref("property_butler.property_fee_type_management")
    water = ref("property_butler.property_fee_type_water")
    env["property.fee.rate"].create(
        [
            {
                "project_id": project.id,
                "unit_type": "residential",
                "fee_type_id": fee.id,
                "rate": rate,
                "date_from": date(2026, 1, 1),
            }
            for fee, rate in ((management, 2.5), (fixed, 15.0), (water, 4.5))
        ]
    )
    for period in (date(2026, 11, 1), date(2026, 12, 1)):
        env["property.meter.reading"].create(
            [
                {
                    "unit_id": u.id,
                    "fee_type_id": water.id,
                    "period": period,
                    "quantity": 5 + u.id % 20,
                }
                for u in units
            ]
        )
    env.cr.commit()
    return project


def post_in_batches(env, moves, batch):
    for start in range(0, len(moves), batch):
        env["account.move"].browse(moves.ids[start : start + batch]).action_post()
        env.cr.commit()
        env.invalidate_all()


def phase_run(env, project, batch):
    start = time.perf_counter()
    moves = env["property.billing"]._bill_period(
        date(2026, 11, 1), project, batch_size=batch, auto_commit=True
    )
    drafted = time.perf_counter() - start
    post_in_batches(env, moves, batch)
    total = time.perf_counter() - start
    return len(moves), drafted, total


def phase_floor(env, batch):
    """The same invoices, as plain account.move.create([...]) + action_post, for December."""
    source = env["account.move"].search([("property_period", "=", date(2026, 11, 1))])
    shapes = [
        (
            move.partner_id.id,
            [(line.product_id.id, line.name, line.price_unit) for line in move.invoice_line_ids],
        )
        for move in source
    ]
    env.invalidate_all()
    start = time.perf_counter()
    count = 0
    Move = env["account.move"]
    for first in range(0, len(shapes), batch):
        vals = [
            {
                "move_type": "out_invoice",
                "partner_id": partner_id,
                "invoice_date": date(2026, 12, 1),
                "invoice_line_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": product_id,
                            "name": name,
                            "quantity": 1,
                            "price_unit": price,
                        },
                    )
                    for product_id, name, price in lines
                ],
            }
            for partner_id, lines in shapes[first : first + batch]
        ]
        moves = Move.create(vals)
        moves.action_post()
        env.cr.commit()
        env.invalidate_all()
        count += len(moves)
    return count, time.perf_counter() - start


def main():
    args = parse_args()
    import odoo
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    from odoo.service import db as db_service

    pg = pg_settings()
    addons_path = ",".join([*odoo_core_addons(odoo), ensure_addon_link()])
    odoo.tools.config.parse_config(config_args(args.db, pg, addons_path))
    print("== property_butler billing benchmark ==", flush=True)
    if database_exists(odoo, args.db):
        if not args.drop_existing:
            raise SystemExit(f"database {args.db} exists: pass --drop-existing or another --db")
        db_service.exp_drop(args.db)
    created = False
    try:
        db_service._create_empty_database(args.db)
        created = True
        install_module(odoo, args.db, pg, addons_path)
        registry = Registry(args.db)
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            log(f"building {args.units} units with 3 fees ...")
            project = build_estate(env, args.units)
            log(f"estate ready (peak RSS {peak_rss_mb():.0f} MB)")
            count, drafted, total = phase_run(env, project, args.batch)
            run_rate = count / total
            log(
                f"monthly run: {count} invoices, drafted in {drafted:.1f} s, posted by "
                f"{total:.1f} s = {run_rate:.1f} invoices/s (peak RSS {peak_rss_mb():.0f} MB)"
            )
            floor_count, floor_seconds = phase_floor(env, args.batch)
            floor_rate = floor_count / floor_seconds
            log(
                f"plain floor (account.move.create + action_post, batches of {args.batch}): "
                f"{floor_count} invoices in {floor_seconds:.1f} s = {floor_rate:.1f} invoices/s "
                f"(peak RSS {peak_rss_mb():.0f} MB)"
            )
            print(f"\nratio monthly run / plain floor: {run_rate / floor_rate:.2f}x", flush=True)
    finally:
        if created and not args.keep:
            with contextlib.suppress(Exception):
                Registry.delete(args.db)
            db_service.exp_drop(args.db)
            log(f"database {args.db} dropped")


if __name__ == "__main__":
    sys.exit(main())
