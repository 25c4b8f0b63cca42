#!/usr/bin/env python3
"""Benchmark: build a whole estate through the ORM and time each phase.

Not a test: it creates a throw-away database, installs property_butler without demo
data, then times (each phase separately, with ``time.perf_counter``):

1. baseline  - as many plain res.partner records as units, in batches (core-model floor)
2. units     - one project, its clusters and buildings, then the units in batches
3. residents - res.partner residents with Chinese names, then their occupancies
4. grids     - butler users, then one grid per butler covering the buildings
5. grid list - the unit list a butler opens (web_search_read on his grid, limit 80):
               median milliseconds of 20 runs and the number of SQL queries

Every batch is flushed (``env.flush_all()``) and committed inside the timed section, so
the SQL really ran. See bench/README.md.

    python3 bench/bench_estate.py [--units 20000] [--residents 25000] [--db pb_bench] [--keep]
"""
# A command-line script, not addon code: it prints, and commits once per batch on purpose.
# pylint: disable=print-used,invalid-commit

import argparse
import contextlib
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MODULE = "property_butler"

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志文博子涵欣怡浩然梓萱宇轩思远雨桐嘉俊晓东"
    "海燕玉春梅庆红"
)
AREAS = (68.5, 89.0, 98.5, 112.0, 128.8, 143.6)
PHASES = ("baseline", "units", "residents", "grids")


# ----------------------------------------------------------------------------
# Setup helpers
# ----------------------------------------------------------------------------
def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=20000, help="units to create (default 20000)")
    parser.add_argument(
        "--residents",
        type=int,
        default=25000,
        help="residents to create (default 25000)",
    )
    parser.add_argument("--db", default="pb_bench", help="database to create (default pb_bench)")
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    parser.add_argument(
        "--drop-existing",
        action="store_true",
        help="drop the database first if it already exists (otherwise the run refuses)",
    )
    parser.add_argument("--batch", type=int, default=1000, help="records per create() (1000)")
    parser.add_argument("--buildings", type=int, default=40, help="buildings (default 40)")
    parser.add_argument("--clusters", type=int, default=4, help="clusters (default 4)")
    parser.add_argument("--units-per-floor", type=int, default=20, help="default 20")
    parser.add_argument("--butlers", type=int, default=8, help="butlers, one grid each (8)")
    parser.add_argument("--runs", type=int, default=20, help="grid-list runs (median, 20)")
    parser.add_argument(
        "--tracking-disable",
        action="store_true",
        help="create everything with context tracking_disable=True (no chatter messages, "
        "followers or tracking), to measure the mail.thread overhead; off by default",
    )
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument(
        "--profile",
        choices=PHASES,
        action="append",
        default=[],
        help="run this phase under cProfile (slower), print its top functions and save the "
        "stats to /tmp/bench_estate_PHASE.prof (repeatable)",
    )
    parser.add_argument(
        "--skip-baseline",
        action="store_true",
        help="skip the res.partner baseline phase",
    )
    parser.add_argument(
        "--no-vacuum",
        action="store_true",
        help="measure the grid list right after the bulk load, without VACUUM ANALYZE first",
    )
    return parser.parse_args()


def pg_settings():
    return {
        "host": os.environ.get("PGHOST") or "127.0.0.1",
        "port": os.environ.get("PGPORT") or "5432",
        "user": os.environ.get("PGUSER") or "root",
        "password": os.environ.get("PGPASSWORD") or "",
    }


def odoo_core_addons(odoo):
    """Core addons folders of the odoo found by ``import odoo``."""
    odoo_pkg = Path(odoo.__file__).resolve().parent
    candidates = [odoo_pkg.parent / "addons", odoo_pkg / "addons"]
    return [
        str(path) for path in candidates if path.is_dir() and any(path.glob("*/__manifest__.py"))
    ]


def ensure_addon_link():
    """The addons path entry of the suite: the repository root holds one folder per addon
    (until the split it was a .local/addons link to the single addon)."""
    return str(REPO)


def config_args(db, pg, addons_path):
    args = [
        "-d", db,
        "--db_host", pg["host"],
        "--db_port", str(pg["port"]),
        "--db_user", pg["user"],
        "--addons-path", addons_path,
        "--without-demo=all",
        "--log-level=warn",
        "--max-cron-threads=0",
    ]  # fmt: skip
    if pg["password"]:
        args += ["--db_password", pg["password"]]
    return args


def install_module(odoo, db, pg, addons_path, module=MODULE):
    """Install ``module`` of the suite without demo data: odoo-bin in a subprocess (so that the
    install does not count in this process's peak memory), in-process if there is none."""
    odoo_bin = Path(odoo.__file__).resolve().parent.parent / "odoo-bin"
    args = [
        *config_args(db, pg, addons_path),
        "-i",
        module,
        "--stop-after-init",
        "--no-http",
    ]
    if odoo_bin.is_file():
        cmd = [sys.executable, str(odoo_bin), *args]
        print(f"installing: {' '.join(cmd)}", flush=True)
        subprocess.run(cmd, check=True)
        return "odoo-bin subprocess"
    from odoo.modules.registry import Registry

    odoo.tools.config["init"] = {module: 1}
    Registry.new(db, update_module=True)
    odoo.tools.config["init"] = {}
    return "in-process Registry.new(update_module=True)"


def database_exists(odoo, name):
    from contextlib import closing

    with closing(odoo.sql_db.db_connect("postgres").cursor()) as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return bool(cr.fetchone())


def peak_rss_mb(who=resource.RUSAGE_SELF):
    return resource.getrusage(who).ru_maxrss / 1024.0  # kilobytes on Linux


def chinese_name(rng):
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
    return rng.choice(SURNAMES) + given


def chunks(seq, size):
    for start in range(0, len(seq), size):
        yield seq[start : start + size]


class Timer:
    """Accumulates wall time (perf_counter) and this process's CPU time (process_time)
    over several ``with timer:`` blocks; PostgreSQL's own CPU is not in ``cpu``."""

    def __init__(self):
        self.seconds = 0.0
        self.cpu = 0.0
        self.laps = []  # wall seconds of each block, to see whether batches slow down

    def __enter__(self):
        self._start = time.perf_counter()
        self._cpu = time.process_time()
        return self

    def __exit__(self, *exc):
        self.laps.append(time.perf_counter() - self._start)
        self.seconds += self.laps[-1]
        self.cpu += time.process_time() - self._cpu


def laps_text(timer):
    """First, middle and last batch, in ms: a batch that slows down with the table's size
    shows up here."""
    laps = timer.laps
    if len(laps) < 2:
        return ""
    return (
        f"  [batches ms: first {laps[0] * 1000:.0f}, middle {laps[len(laps) // 2] * 1000:.0f}, "
        f"last {laps[-1] * 1000:.0f}]"
    )


def rate(count, seconds):
    return count / seconds if seconds else float("inf")


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# ----------------------------------------------------------------------------
# Phases
# ----------------------------------------------------------------------------
def run_phase(name, args, func, *func_args):
    """Run one phase, under cProfile if asked with --profile."""
    if name not in args.profile:
        return func(*func_args)
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    result = profiler.runcall(func, *func_args)
    path = f"/tmp/bench_estate_{name}.prof"
    profiler.dump_stats(path)
    print(f"--- cProfile of phase {name} (times inflated by the profiler), saved to {path}")
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)
    return result


def commit_batch(env):
    """End of a batch as an import request would end: flush, commit, fresh cache."""
    env.flush_all()
    env.cr.commit()
    env.invalidate_all()


def run_as_scheduled(env, cron_xmlid, method, **kwargs):
    """Run a scheduled job as Odoo 18's scheduler does: one call per batch, each with its
    progress record (``ir.cron._add_progress``, committed first) and committed after, again
    while the call reports something done and something remaining.

    Returns the records of every call and the (done, remaining) each reported."""
    cron = env.ref(cron_xmlid)
    records, calls = None, []
    while True:
        progress_cron, progress = cron._add_progress()
        env.cr.commit()
        model = env[cron.model_id.model].with_context(
            ir_cron_progress_id=progress_cron.env.context["ir_cron_progress_id"],
            cron_id=cron.id,
        )
        batch = getattr(model, method)(**kwargs)
        env.flush_all()
        env.cr.commit()
        records = batch if records is None else records | batch
        calls.append((progress.done, progress.remaining))
        if not (progress.done and progress.remaining):
            return records, calls


def bill_month(env, period, projects, batch):
    """A month's fee run as the scheduler runs ``property.billing._cron_monthly_billing``, for
    a month and projects of one's choice: a batch of contacts per transaction, committed, a
    collision with another run rolled back and retried. Returns the invoices."""
    Billing = env["property.billing"]
    start, end = Billing._period_bounds(period)
    moves = env["account.move"]
    for partners in chunks(Billing._billed_contacts(projects, start, end), batch):
        moves |= Billing._bill_batch(partners, projects, start, end, retry=True)
        env.flush_all()
        env.cr.commit()
    return moves


def phase_baseline(env, args, rng):
    Partner = env["res.partner"]
    count = args.units
    timer = Timer()
    for start in range(0, count, args.batch):
        vals = [
            {
                "name": f"Baseline Contact {index + 1}",
                "phone": f"13{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
                "email": f"baseline{index + 1}@example.com" if index % 2 else False,
            }
            for index in range(start, min(start + args.batch, count))
        ]
        with timer:
            Partner.create(vals)
            commit_batch(env)
    return {
        "partners": count,
        "seconds": timer.seconds,
        "cpu": timer.cpu,
        "laps": laps_text(timer),
    }


def estate_layout(args):
    """Units per building, spread evenly, and the floor count that holds them."""
    buildings = max(1, min(args.buildings, args.units))
    per_building = [
        args.units // buildings + (1 if b < args.units % buildings else 0) for b in range(buildings)
    ]
    floors = max(1, math.ceil(max(per_building) / args.units_per_floor))
    return per_building, floors


def phase_units(env, args, rng):
    per_building, floors = estate_layout(args)
    clusters_n = max(1, min(args.clusters, len(per_building)))
    structure = Timer()
    with structure:
        project = env["property.project"].create(
            {"name": "基准花园 Bench Garden", "code": "BENCH", "city": "Guangzhou"}
        )
        clusters = env["property.cluster"].create(
            [
                {"name": f"{c + 1}组团", "code": str(c + 1), "project_id": project.id}
                for c in range(clusters_n)
            ]
        )
        building_vals = []
        for b in range(len(per_building)):
            cluster_index = b * clusters_n // len(per_building)
            first_of_cluster = math.ceil(cluster_index * len(per_building) / clusters_n)
            building_vals.append(
                {
                    "name": f"{b - first_of_cluster + 1}栋",
                    "code": str(b - first_of_cluster + 1),
                    "project_id": project.id,
                    "cluster_id": clusters[cluster_index].id,
                    "floor_count": floors,
                    "units_per_floor": args.units_per_floor,
                }
            )
        buildings = env["property.building"].create(building_vals)
        commit_batch(env)
    project_id, building_ids = project.id, buildings.ids

    unit_vals = []
    for building_id, count in zip(building_ids, per_building, strict=True):
        for k in range(count):
            floor, position = divmod(k, args.units_per_floor)
            unit_vals.append(
                {
                    "building_id": building_id,
                    "floor": floor + 1,
                    "number": f"{floor + 1}{position + 1:02d}",
                    "unit_type": "residential",
                    "area": rng.choice(AREAS),
                    "key_customer": rng.random() < 0.04,
                }
            )
    Unit = env["property.unit"]
    timer = Timer()
    unit_ids = []
    for batch in chunks(unit_vals, args.batch):
        with timer:
            unit_ids += Unit.create(batch).ids
            commit_batch(env)
    return {
        "project_id": project_id,
        "building_ids": building_ids,
        "unit_ids": unit_ids,
        "clusters": clusters_n,
        "floors": floors,
        "structure_seconds": structure.seconds,
        "units": len(unit_ids),
        "seconds": timer.seconds,
        "cpu": timer.cpu,
        "laps": laps_text(timer),
    }


def plan_occupancies(unit_ids, residents, rng):
    """One occupancy per resident: owners first (92 % of units sold, 12 % of owners live
    elsewhere), tenants in 8 % of sold units, then household members in lived-in units."""
    today = date.today()
    plan = []
    lived_in = []
    let_units = []
    for unit_id in unit_ids:
        if len(plan) >= residents:
            break
        roll = rng.random()
        if roll >= 0.92:
            continue  # unsold
        since = today - timedelta(days=rng.randint(60, 3000))
        let = roll < 0.08 * 0.92
        lives_elsewhere = not let and roll > 0.92 * (1 - 0.12)
        plan.append(
            {
                "unit_id": unit_id,
                "role": "owner",
                "date_start": since,
                "resides": not (let or lives_elsewhere),
                "is_billing_contact": True,
            }
        )
        if let:
            let_units.append((unit_id, since))
        elif not lives_elsewhere:
            lived_in.append(unit_id)
    for unit_id, since in let_units:
        if len(plan) >= residents:
            break
        plan.append(
            {
                "unit_id": unit_id,
                "role": "tenant",
                "date_start": since + timedelta(days=rng.randint(1, 50)),
            }
        )
        lived_in.append(unit_id)
    while len(plan) < residents and lived_in:
        plan.append(
            {
                "unit_id": rng.choice(lived_in),
                "role": "member",
                "date_start": today - timedelta(days=rng.randint(1, 3000)),
            }
        )
    return plan


def phase_residents(env, args, rng, unit_ids):
    plan = plan_occupancies(unit_ids, args.residents, rng)
    # A few more partners than occupancies if the estate is too small to house everybody.
    Partner, Occupancy = env["res.partner"], env["property.occupancy"]
    partner_timer, occupancy_timer = Timer(), Timer()
    partners = occupancies = 0
    for start in range(0, args.residents, args.batch):
        stop = min(start + args.batch, args.residents)
        partner_vals = [
            {
                "name": chinese_name(rng),
                "phone": f"13{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
                "email": f"resident{index + 1}@example.com" if rng.random() < 0.5 else False,
                "city": "Guangzhou",
            }
            for index in range(start, stop)
        ]
        with partner_timer:
            partner_ids = Partner.create(partner_vals).ids
            commit_batch(env)
        partners += len(partner_ids)
        occupancy_vals = [
            dict(vals, partner_id=partner_id)
            for vals, partner_id in zip(plan[start:stop], partner_ids, strict=False)
        ]
        if occupancy_vals:
            with occupancy_timer:
                Occupancy.create(occupancy_vals)
                commit_batch(env)
            occupancies += len(occupancy_vals)
    roles = {}
    for vals in plan:
        roles[vals["role"]] = roles.get(vals["role"], 0) + 1
    return {
        "residents": partners,
        "occupancies": occupancies,
        "roles": roles,
        "partner_seconds": partner_timer.seconds,
        "occupancy_seconds": occupancy_timer.seconds,
        "seconds": partner_timer.seconds + occupancy_timer.seconds,
        "partner_cpu": partner_timer.cpu,
        "occupancy_cpu": occupancy_timer.cpu,
        "partner_laps": laps_text(partner_timer),
        "occupancy_laps": laps_text(occupancy_timer),
        "cpu": partner_timer.cpu + occupancy_timer.cpu,
    }


def phase_grids(env, args, project_id, building_ids):
    from odoo import Command

    group = env.ref("property_butler.property_butler_group_butler")
    users_timer = Timer()
    with users_timer:
        butlers = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                [
                    {
                        "name": f"管家{i + 1}号",
                        "login": f"bench_butler_{i + 1}",
                        "email": f"bench_butler_{i + 1}@example.com",
                        "groups_id": [Command.set([group.id])],
                    }
                    for i in range(args.butlers)
                ]
            )
        )
        commit_batch(env)
    butler_ids = butlers.ids
    n = len(butler_ids)
    grid_vals = []
    for i, butler_id in enumerate(butler_ids):
        chunk = building_ids[i * len(building_ids) // n : (i + 1) * len(building_ids) // n]
        vals = {
            "name": f"网格 {i + 1}",
            "project_id": project_id,
            "butler_id": butler_id,
            "building_ids": [Command.set(chunk)],
        }
        if n > 1:
            vals["backup_butler_id"] = butler_ids[(i + 1) % n]
        grid_vals.append(vals)
    Assignment = env["property.grid.assignment"]
    before = Assignment.search_count([])
    timer = Timer()
    with timer:
        grids = env["property.grid"].create(grid_vals)
        commit_batch(env)
    assignments = Assignment.search_count([]) - before
    in_grid = env["property.unit"].search_count([("grid_id", "!=", False)])
    return {
        "butler_ids": butler_ids,
        "grid_ids": grids.ids,
        "users_seconds": users_timer.seconds,
        "seconds": timer.seconds,
        "cpu": timer.cpu,
        "assignments": assignments,
        "units_in_grids": in_grid,
    }


def drop_database(db, created, keep):
    """Drop the benchmark's database at the end, unless asked to keep it."""
    from odoo.modules.registry import Registry
    from odoo.service import db as db_service

    if created and not keep:
        with contextlib.suppress(Exception):
            Registry.delete(db)
        db_service.exp_drop(db)
        log(f"database {db} dropped")
    elif created:
        log(f"database {db} kept")


def vacuum_analyze(odoo, db):
    """Settle the database as autovacuum would before a butler opens his list: after the
    bulk load the tables are full of dead row versions and have no planner statistics."""
    from contextlib import closing

    with closing(odoo.sql_db.db_connect(db).cursor()) as cr:
        cr._cnx.autocommit = True
        cr.execute("VACUUM ANALYZE")


GRID_LIST_SPEC = {
    "code": {},
    "state": {},
    "butler_id": {"fields": {"display_name": {}}},
    "resident_ids": {"fields": {"display_name": {}}},
}


def phase_grid_list(env, args, butler_id, restricted):
    env.company.property_grid_restricted = restricted
    commit_batch(env)
    Unit = env["property.unit"].with_user(butler_id)
    cr = env.cr

    def one_run():
        env.invalidate_all()
        queries = cr.sql_log_count
        start = time.perf_counter()
        result = Unit.web_search_read(
            domain=[("butler_id", "=", butler_id)],
            specification=GRID_LIST_SPEC,
            limit=80,
        )
        elapsed = time.perf_counter() - start
        return elapsed * 1000.0, cr.sql_log_count - queries, result

    cold_ms, cold_queries, result = one_run()  # fills the ormcaches (rules, access rights)
    timings, queries = [], []
    for _run in range(args.runs):
        ms, count, result = one_run()
        timings.append(ms)
        queries.append(count)
    residents = sum(len(rec.get("resident_ids") or []) for rec in result["records"])
    return {
        "restricted": restricted,
        "cold_ms": cold_ms,
        "cold_queries": cold_queries,
        "median_ms": statistics.median(timings),
        "min_ms": min(timings),
        "max_ms": max(timings),
        "queries": int(statistics.median(queries)),
        "queries_max": max(queries),
        "records": len(result["records"]),
        "length": result["length"],
        "residents_shown": residents,
    }


# ----------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------
def main():
    args = parse_args()
    if args.units < 1 or args.residents < 0 or args.batch < 1:
        raise SystemExit("--units and --batch must be positive, --residents not negative")
    try:
        import odoo
    except ImportError:
        raise SystemExit("cannot import odoo: put Odoo 18 on PYTHONPATH") from None
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    from odoo.service import db as db_service

    pg = pg_settings()
    addons_path = ",".join([*odoo_core_addons(odoo), ensure_addon_link()])
    odoo.tools.config.parse_config(config_args(args.db, pg, addons_path))

    print("== property_butler estate benchmark ==")
    print(
        f"odoo {odoo.release.version} ({Path(odoo.__file__).resolve().parent}), "
        f"python {sys.version.split()[0]}, {os.cpu_count()} cpu"
    )
    print(f"postgres {pg['user']}@{pg['host']}:{pg['port']}  database {args.db}")
    print(f"addons path {addons_path}")
    print(
        f"target: {args.units} units, {args.residents} residents, batches of {args.batch}, "
        f"tracking {'disabled' if args.tracking_disable else 'on (default context)'}",
        flush=True,
    )

    if database_exists(odoo, args.db):
        if not args.drop_existing:
            raise SystemExit(f"database {args.db} exists: pass --drop-existing or another --db")
        log(f"dropping existing database {args.db}")
        db_service.exp_drop(args.db)

    created = False
    results = {}
    rng = random.Random(args.seed)
    try:
        start = time.perf_counter()
        db_service._create_empty_database(args.db)
        created = True
        how = install_module(odoo, args.db, pg, addons_path)
        results["install_seconds"] = time.perf_counter() - start
        log(
            f"database created and {MODULE} installed ({how}) in {results['install_seconds']:.1f} s"
        )

        registry = Registry(args.db)
        with registry.cursor() as cr:
            context = {"tracking_disable": True} if args.tracking_disable else {}
            env = api.Environment(cr, SUPERUSER_ID, context)

            if not args.skip_baseline:
                log(f"phase 1/5 baseline: {args.units} res.partner ...")
                base = results["baseline"] = run_phase(
                    "baseline", args, phase_baseline, env, args, rng
                )
                log(
                    f"  {base['partners']} partners in {base['seconds']:.2f} s = "
                    f"{rate(base['partners'], base['seconds']):.0f} partners/s  "
                    f"(peak RSS {peak_rss_mb():.0f} MB){base['laps']}"
                )

            log(f"phase 2/5 units: {args.units} units ...")
            units = results["units"] = run_phase("units", args, phase_units, env, args, rng)
            log(
                f"  project + {units['clusters']} clusters + {len(units['building_ids'])} buildings "
                f"({units['floors']} floors) in {units['structure_seconds']:.2f} s"
            )
            log(
                f"  {units['units']} units in {units['seconds']:.2f} s = "
                f"{rate(units['units'], units['seconds']):.0f} units/s  "
                f"(peak RSS {peak_rss_mb():.0f} MB){units['laps']}"
            )

            log(f"phase 3/5 residents: {args.residents} residents + occupancies ...")
            res = results["residents"] = run_phase(
                "residents", args, phase_residents, env, args, rng, units["unit_ids"]
            )
            log(
                f"  {res['residents']} partners in {res['partner_seconds']:.2f} s = "
                f"{rate(res['residents'], res['partner_seconds']):.0f} partners/s"
                f"{res['partner_laps']}"
            )
            log(
                f"  {res['occupancies']} occupancies {res['roles']} in "
                f"{res['occupancy_seconds']:.2f} s = "
                f"{rate(res['occupancies'], res['occupancy_seconds']):.0f} occupancies/s"
                f"{res['occupancy_laps']}"
            )
            log(
                f"  residents overall {rate(res['residents'], res['seconds']):.0f} residents/s  "
                f"(peak RSS {peak_rss_mb():.0f} MB)"
            )

            log(f"phase 4/5 grids: {args.butlers} butlers + grids ...")
            grids = results["grids"] = run_phase(
                "grids",
                args,
                phase_grids,
                env,
                args,
                units["project_id"],
                units["building_ids"],
            )
            log(f"  {args.butlers} butler users in {grids['users_seconds']:.2f} s")
            log(
                f"  {len(grids['grid_ids'])} grids in {grids['seconds']:.2f} s: "
                f"{grids['assignments']} assignments, {grids['units_in_grids']} units in grids  "
                f"(peak RSS {peak_rss_mb():.0f} MB)"
            )

            if not args.no_vacuum:
                cr.commit()  # no open snapshot (repeatable read) may hold the dead rows back
                start = time.perf_counter()
                vacuum_analyze(odoo, args.db)
                log(
                    f"VACUUM ANALYZE (not timed in any phase) took "
                    f"{time.perf_counter() - start:.1f} s"
                )
            log("phase 5/5 grid list as a butler (web_search_read, limit 80) ...")
            results["grid_list"] = []
            for restricted in (False, True):
                gl = phase_grid_list(env, args, grids["butler_ids"][0], restricted)
                results["grid_list"].append(gl)
                log(
                    f"  restricted={restricted}: median {gl['median_ms']:.1f} ms "
                    f"(min {gl['min_ms']:.1f}, max {gl['max_ms']:.1f}, cold {gl['cold_ms']:.1f}), "
                    f"{gl['queries']} queries (cold {gl['cold_queries']}), "
                    f"{gl['records']} rows of {gl['length']}, {gl['residents_shown']} residents"
                )
    finally:
        drop_database(args.db, created, args.keep)

    print_summary(args, results)


def print_summary(args, results):
    rows = []  # (phase, records, wall seconds, python cpu seconds or None, result)

    def add(label, count, seconds, cpu, text):
        rows.append((label, count, seconds, cpu, text))

    if "baseline" in results:
        base = results["baseline"]
        add("baseline res.partner", base["partners"], base["seconds"], base["cpu"],
            f"{rate(base['partners'], base['seconds']):.0f} partners/s")  # fmt: skip
    units = results["units"]
    add("units", units["units"], units["seconds"], units["cpu"],
        f"{rate(units['units'], units['seconds']):.0f} units/s")  # fmt: skip
    res = results["residents"]
    add("residents: partners", res["residents"], res["partner_seconds"], res["partner_cpu"],
        f"{rate(res['residents'], res['partner_seconds']):.0f} partners/s")  # fmt: skip
    add("residents: occupancies", res["occupancies"], res["occupancy_seconds"],
        res["occupancy_cpu"],
        f"{rate(res['occupancies'], res['occupancy_seconds']):.0f} occupancies/s")  # fmt: skip
    add("residents overall", res["residents"], res["seconds"], res["cpu"],
        f"{rate(res['residents'], res['seconds']):.0f} residents/s")  # fmt: skip
    grids = results["grids"]
    add(f"grid sync ({len(grids['grid_ids'])} grids)", grids["assignments"], grids["seconds"],
        grids["cpu"], f"{grids['assignments']} assignments")  # fmt: skip
    for gl in results["grid_list"]:
        label = "grid list (restricted)" if gl["restricted"] else "grid list"
        add(label, gl["records"], gl["median_ms"] / 1000.0, None,
            f"median {gl['median_ms']:.1f} ms, {gl['queries']} queries")  # fmt: skip

    print()
    print(f"== summary: {args.units} units, {args.residents} residents ==")
    print(f"{'phase':<26}{'records':>8}{'wall s':>10}{'py cpu s':>10}  result")
    print("-" * 80)
    for label, count, seconds, cpu, text in rows:
        cpu_text = f"{cpu:>10.2f}" if cpu is not None else f"{'':>10}"
        print(f"{label:<26}{count:>8}{seconds:>10.3f}{cpu_text}  {text}")
    print("-" * 80)
    print(f"install (createdb + -i {MODULE}): {results['install_seconds']:.1f} s")
    print(
        f"peak memory (ru_maxrss): benchmark process {peak_rss_mb():.0f} MB, "
        f"install subprocess {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB"
    )
    load = os.getloadavg()
    print(
        f"load average at the end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} "
        "cpu (other processes slow the wall times; py cpu s is this process alone, "
        "without PostgreSQL)"
    )


if __name__ == "__main__":
    main()
