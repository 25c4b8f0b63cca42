#!/usr/bin/env python3
"""Benchmark: the monthly fee run for N units with 3 fees each, draft to posted.

    python3 bench/bench_billing.py [--units 10000] [--batch 500] [--db pb_bench_billing] [--keep]
                                   [--no-contract] [--concurrent]

It creates its own database, installs property_butler without demo data, a generic chart of
accounts and (unless --no-contract) the OCA ``contract`` module 18.0, downloaded from PyPI
(``odoo-addon-contract``) into .local/bench/ and installed in this database only. It builds an
estate of --units units (each with its owner as billing contact) and three fees (management fee
per m², a fixed fee with a sales tax, metered water with a reading per unit), then measures in the
same run, on the same data shape (the same partners, products, amounts; one invoice of three lines
per contact), one month each:

  1. September, the plain floor: one batched ``account.move.create([...])`` + ``action_post()``
     per batch of --batch invoices, committed;
  2. October, OCA ``contract``: one contract per contact with the three lines, billed by
     ``_recurring_create_invoice`` per batch of --batch contracts, committed, then
     ``action_post()`` per batch (contracts are set up before the clock starts);
  3. November, the monthly run as the scheduler runs it (a batch of contacts per transaction,
     committed: ``bench_estate.bill_month``), then the
     supervisor's ``action_property_confirm`` per batch (what the butlers click);

and prints invoices/s, SQL queries, the ratios and the peak resident memory of each phase
(sampled every 0.2 s). Before each phase the previous phase's invoices are deleted (SQL) and the
tables vacuumed, so that every phase starts from the same empty sales journal. --concurrent then bills
December from two threads at once (two connections) and counts duplicated lines.
"""

import argparse
import subprocess
import sys
import threading
import time
import zipfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_estate import (  # noqa: E402  pylint: disable=wrong-import-position
    REPO,
    bill_month,
    config_args,
    database_exists,
    drop_database,
    ensure_addon_link,
    install_module,
    log,
    odoo_core_addons,
    peak_rss_mb,
    pg_settings,
    vacuum_analyze,
)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=10000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--db", default="pb_bench_billing")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--drop-existing", action="store_true")
    parser.add_argument("--no-contract", action="store_true", help="skip the OCA contract phase")
    parser.add_argument(
        "--concurrent", action="store_true", help="also bill a month from two threads at once"
    )
    return parser.parse_args()


BENCH_DIR = REPO / ".local" / "bench"
OCA_ADDONS = BENCH_DIR / "oca_addons"
CONTRACT_REQUIREMENT = "odoo-addon-contract>=18.0,<18.1"


def fetch_contract():
    """The OCA contract module 18.0 from PyPI, unpacked as an addon under .local/bench/."""
    if (OCA_ADDONS / "contract" / "__manifest__.py").is_file():
        return str(OCA_ADDONS)
    wheels = BENCH_DIR / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", str(wheels),
         CONTRACT_REQUIREMENT],
        check=True,
    )  # fmt: skip
    wheel = sorted(wheels.glob("odoo_addon_contract-18.0*.whl"))[-1]
    prefix = "odoo/addons/contract/"
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if name.startswith(prefix) and not name.endswith("/"):
                target = OCA_ADDONS / "contract" / name[len(prefix) :]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(name))
    log(f"OCA contract: {wheel.name} unpacked in {OCA_ADDONS}")
    return str(OCA_ADDONS)


def install_contract(odoo, db, pg, addons_path):
    odoo_bin = Path(odoo.__file__).resolve().parent.parent / "odoo-bin"
    args = [*config_args(db, pg, addons_path), "-i", "contract", "--stop-after-init", "--no-http"]
    subprocess.run([sys.executable, str(odoo_bin), *args], check=True)


class RssSampler:
    """Peak resident memory of this process during a phase (VmRSS sampled every 0.2 s)."""

    def __init__(self):
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def current_mb():
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
        return 0.0

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self.current_mb())
            self._stop.wait(0.2)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.current_mb())


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
    management = ref("property_butler_billing.property_fee_type_management")
    water = ref("property_butler_billing.property_fee_type_water")
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


def invoice_shapes(env, project):
    """What the monthly run bills each contact (one unit each): partner and three lines of
    (product, name, amount), computed from the same units, rates and readings."""
    rates = env["property.fee.rate"].search([("project_id", "=", project.id)])
    readings = {
        r.unit_id.id: r.quantity
        for r in env["property.meter.reading"].search([("period", "=", date(2026, 11, 1))])
    }
    shapes = []
    for occupancy in env["property.occupancy"].search([("project_id", "=", project.id)]):
        unit = occupancy.unit_id
        lines = []
        for rate in rates:
            fee = rate.fee_type_id
            base = {"area": unit.area, "metered": readings.get(unit.id, 0.0)}.get(
                fee.computation, 1.0
            )
            lines.append((fee.product_id.id, f"{fee.name} {unit.code}", round(base * rate.rate, 2)))
        shapes.append((occupancy.partner_id.id, lines))
    env.invalidate_all()
    return shapes


def reset_invoices(odoo, env, db):
    """Delete the previous phase's invoices (SQL, lines by cascade) and settle the tables, so
    that every phase starts from the same empty sales journal: posting numbers each invoice
    with queries on the journal's moves of the year, whose cost grows with their number."""
    env.cr.execute(
        """DELETE FROM mail_message WHERE model = 'account.move';
           DELETE FROM mail_followers WHERE res_model = 'account.move';
           DELETE FROM account_move WHERE move_type = 'out_invoice';"""
    )
    env.cr.commit()
    env.invalidate_all()
    vacuum_analyze(odoo, db)


def queries(env):
    return env.cr.sql_log_count


def phase_floor(env, shapes, batch):
    """September: plain account.move.create([...]) + action_post, per batch, committed."""
    count, first_query = 0, queries(env)
    start = time.perf_counter()
    Move = env["account.move"]
    for first in range(0, len(shapes), batch):
        vals = [
            {
                "move_type": "out_invoice",
                "partner_id": partner_id,
                "invoice_date": date(2026, 9, 1),
                "invoice_line_ids": [
                    (
                        0,
                        0,
                        {"product_id": product, "name": name, "quantity": 1, "price_unit": price},
                    )
                    for product, name, price in lines
                ],
            }
            for partner_id, lines in shapes[first : first + batch]
        ]
        moves = Move.create(vals)
        moves.action_post()
        env.cr.commit()
        env.invalidate_all()
        count += len(moves)
    return count, time.perf_counter() - start, queries(env) - first_query


def setup_contracts(env, shapes, batch):
    """One OCA contract per contact with the same three lines, first invoice in October."""
    journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", env.company.id)], limit=1
    )
    Contract = env["contract.contract"].with_context(tracking_disable=True)
    ids = []
    for first in range(0, len(shapes), batch):
        contracts = Contract.create(
            [
                {
                    "name": f"Fees {partner_id}",
                    "partner_id": partner_id,
                    "journal_id": journal.id,
                    "line_recurrence": False,
                    "recurring_rule_type": "monthly",
                    "recurring_interval": 1,
                    "recurring_invoicing_type": "pre-paid",
                    "date_start": date(2026, 10, 1),
                    "recurring_next_date": date(2026, 10, 1),
                    "contract_line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": product,
                                "name": name,
                                "quantity": 1,
                                "price_unit": price,
                                "date_start": date(2026, 10, 1),
                                "recurring_next_date": date(2026, 10, 1),
                            },
                        )
                        for product, name, price in lines
                    ],
                }
                for partner_id, lines in shapes[first : first + batch]
            ]
        )
        ids += contracts.ids
        env.cr.commit()
        env.invalidate_all()
    return ids


def phase_contract(env, contract_ids, batch):
    """October: OCA contract's _recurring_create_invoice per batch, then action_post."""
    first_query = queries(env)
    start = time.perf_counter()
    move_ids = []
    Contract = env["contract.contract"]
    for first in range(0, len(contract_ids), batch):
        moves = Contract.browse(contract_ids[first : first + batch])._recurring_create_invoice(
            date(2026, 10, 1)
        )
        move_ids += moves.ids
        env.cr.commit()
        env.invalidate_all()
    drafted = time.perf_counter() - start
    for first in range(0, len(move_ids), batch):
        env["account.move"].browse(move_ids[first : first + batch]).action_post()
        env.cr.commit()
        env.invalidate_all()
    return len(move_ids), drafted, time.perf_counter() - start, queries(env) - first_query


def phase_run(env, project, batch, supervisor):
    """November: the monthly run, then the supervisor confirms the drafts per batch."""
    first_query = queries(env)
    start = time.perf_counter()
    moves = bill_month(env, date(2026, 11, 1), project, batch)
    drafted = time.perf_counter() - start
    move_ids = moves.ids
    env.invalidate_all()
    for first in range(0, len(move_ids), batch):
        env["account.move"].with_user(supervisor).browse(
            move_ids[first : first + batch]
        ).action_property_confirm()
        env.cr.commit()
        env.invalidate_all()
    return len(move_ids), drafted, time.perf_counter() - start, queries(env) - first_query


def phase_concurrent(registry, project_id, batch):
    """December billed from two threads at once: two connections, each its own run."""
    from odoo import SUPERUSER_ID, api

    created, errors = {}, []

    def run(name):
        try:
            with registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                moves = bill_month(
                    env, date(2026, 12, 1), env["property.project"].browse(project_id), batch
                )
                created[name] = len(moves)
        except Exception as error:  # noqa: BLE001  pylint: disable=broad-except
            errors.append(f"{name}: {error!r}")

    start = time.perf_counter()
    threads = [threading.Thread(target=run, args=(name,)) for name in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    with registry.cursor() as cr:
        cr.execute(
            """SELECT COUNT(*), COUNT(*) - COUNT(DISTINCT (property_unit_id, property_fee_type_id,
                      partner_id))
                 FROM account_move_line
                WHERE property_period = '2026-12-01' AND parent_state != 'cancel'"""
        )
        lines, duplicates = cr.fetchone()
    return created, errors, lines, duplicates, seconds


def ensure_supervisor(env):
    return (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": "Bench Supervisor",
                "login": "bench_supervisor",
                "groups_id": [
                    (6, 0, env.ref("property_butler.property_butler_group_supervisor").ids)
                ],
            }
        )
    )


def main():
    args = parse_args()
    import odoo
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    from odoo.service import db as db_service

    pg = pg_settings()
    paths = [*odoo_core_addons(odoo), ensure_addon_link()]
    if not args.no_contract:
        paths.append(fetch_contract())
    addons_path = ",".join(paths)
    odoo.tools.config.parse_config(config_args(args.db, pg, addons_path))
    print("== property_butler billing benchmark ==", flush=True)
    if database_exists(odoo, args.db):
        if not args.drop_existing:
            raise SystemExit(f"database {args.db} exists: pass --drop-existing or another --db")
        db_service.exp_drop(args.db)
    created = False
    results = []
    try:
        db_service._create_empty_database(args.db)
        created = True
        install_module(odoo, args.db, pg, addons_path, "property_butler_billing")
        if not args.no_contract:
            install_contract(odoo, args.db, pg, addons_path)
        registry = Registry(args.db)
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            log(f"building {args.units} units with 3 fees ...")
            project = build_estate(env, args.units)
            supervisor = ensure_supervisor(env)
            shapes = invoice_shapes(env, project)
            env.cr.commit()
            vacuum_analyze(odoo, args.db)
            log(f"estate ready (peak RSS {peak_rss_mb():.0f} MB)")

            with RssSampler() as rss:
                count, seconds, sql = phase_floor(env, shapes, args.batch)
            results.append(("plain floor", count, None, seconds, sql, rss.peak))
            log(f"plain floor: {count} invoices in {seconds:.1f} s, {sql} queries")
            if not args.no_contract:
                contract_ids = setup_contracts(env, shapes, args.batch)
                reset_invoices(odoo, env, args.db)
                log(f"{len(contract_ids)} OCA contracts set up")
                with RssSampler() as rss:
                    count, drafted, seconds, sql = phase_contract(env, contract_ids, args.batch)
                results.append(("OCA contract", count, drafted, seconds, sql, rss.peak))
                log(f"OCA contract: {count} invoices in {seconds:.1f} s, {sql} queries")
            reset_invoices(odoo, env, args.db)
            with RssSampler() as rss:
                count, drafted, seconds, sql = phase_run(env, project, args.batch, supervisor)
            results.append(("monthly run", count, drafted, seconds, sql, rss.peak))
            log(f"monthly run: {count} invoices in {seconds:.1f} s, {sql} queries")
            project_id = project.id
        print_results(args, results)
        if args.concurrent:
            made, errors, lines, duplicates, seconds = phase_concurrent(
                registry, project_id, args.batch
            )
            print(
                f"two runs at once (December): invoices created {made}, errors {errors or 0}, "
                f"{lines} lines, {duplicates} duplicated, {seconds:.1f} s",
                flush=True,
            )
    finally:
        drop_database(args.db, created, args.keep)


def print_results(args, results):
    floor_rate = results[0][1] / results[0][3]
    rates = {name: count / seconds for name, count, _d, seconds, _q, _r in results}
    print(f"\n{args.units} units x 3 fees, batches of {args.batch}, draft -> posted")
    print(f"{'phase':<14}{'invoices':>9}{'drafts s':>10}{'total s':>9}{'inv/s':>8}"
          f"{'queries':>10}{'q/inv':>7}{'peak RSS MB':>13}{'x floor':>9}")  # fmt: skip
    for name, count, drafted, seconds, sql, rss in results:
        print(
            f"{name:<14}{count:>9}{(f'{drafted:.1f}' if drafted else '-'):>10}{seconds:>9.1f}"
            f"{count / seconds:>8.1f}{sql:>10}{sql / count:>7.1f}{rss:>13.0f}"
            f"{count / seconds / floor_rate:>9.2f}"
        )
    if "OCA contract" in rates:
        print(
            f"monthly run / OCA contract: {rates['monthly run'] / rates['OCA contract']:.2f}x",
            flush=True,
        )


if __name__ == "__main__":
    sys.exit(main())
