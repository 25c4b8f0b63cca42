#!/usr/bin/env python3
"""Benchmark: patrol round generation and check-in requests.

Not a test: it creates a throw-away database, installs property_butler without demo
data (bench_estate.py's helpers), then measures:

1. rounds    - a month of rounds for 200 checkpoints x 3 shifts (200 single-checkpoint
               routes, 600 plans): ``_cron_generate_rounds(days_ahead=30, batch_size=N)``
               at two batch sizes; rounds created, seconds, SQL queries of each batch's
               ``_generate_rounds`` (constant per batch, whatever the batch size), and the
               re-run (idempotent: nothing created)
2. check-in  - odoo-bin started on the database with --workers=4 on 127.0.0.1; 20 guards
               logged in, each with an open round, POST /property/checkin/<token> from 20
               concurrent threads: client-side median and 95th percentile, and the server's
               own time per request from its werkzeug log

See bench/README.md.

    python3 bench/bench_patrol.py [--db pb_bench_patrol] [--guards 20] [--keep]
"""
# A command-line script, not addon code: it prints, commits and starts a server on purpose.
# pylint: disable=print-used,invalid-commit

import argparse
import contextlib
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from unittest.mock import patch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_estate import (  # noqa: E402  pylint: disable=wrong-import-position
    config_args,
    database_exists,
    ensure_addon_link,
    install_module,
    log,
    odoo_core_addons,
    pg_settings,
)

GUARD_GROUP = "property_butler.property_butler_group_patrol_guard"
# werkzeug request line as Odoo logs it: ... "POST /path HTTP/1.1" 303 - queries sql_s other_s
REQUEST_LOG = re.compile(
    r'"POST /property/checkin/\S+ HTTP/[\d.]+" (\d{3}) \S+ (\d+) ([\d.]+) ([\d.]+)'
)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="pb_bench_patrol", help="database (pb_bench_patrol)")
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    parser.add_argument(
        "--drop-existing", action="store_true", help="drop the database first if it exists"
    )
    parser.add_argument(
        "--addons-path",
        help="addons folder holding the suite's addons (default: this repository's root, "
        "as bench_estate.py does)",
    )
    parser.add_argument("--checkpoints", type=int, default=200, help="checkpoints (200)")
    parser.add_argument(
        "--route-size",
        type=int,
        default=1,
        help="checkpoints per route (1: 200 routes x 3 shifts = 600 plans; 10: 20 routes)",
    )
    parser.add_argument("--interval", type=int, default=0, help="plan interval minutes (0)")
    parser.add_argument("--days", type=int, default=30, help="days_ahead (30)")
    parser.add_argument(
        "--batch-sizes", default="50,150", help="two plan batch sizes to compare (50,150)"
    )
    parser.add_argument("--guards", type=int, default=20, help="concurrent guards (20)")
    parser.add_argument(
        "--checkins", type=int, default=40, help="check-ins per guard (40: 2 rounds x 20)"
    )
    parser.add_argument("--workers", type=int, default=4, help="odoo-bin --workers (4)")
    parser.add_argument(
        "--max-seconds", type=float, default=180, help="stop the load after this long (180)"
    )
    parser.add_argument("--skip-rounds", action="store_true", help="skip phase 1")
    parser.add_argument("--skip-checkin", action="store_true", help="skip phase 2")
    return parser.parse_args()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


# ----------------------------------------------------------------------------
# Phase 1: round generation
# ----------------------------------------------------------------------------
def build_patrol_estate(env, args, name):
    """Project, checkpoints, routes, 3 shifts of 8 hours, one plan per route x shift."""
    from odoo import Command

    project = env["property.project"].create({"name": name, "code": name[:8].upper()})
    checkpoints = env["property.checkpoint"].create(
        [
            {"name": f"{name} CP {index:03d}", "project_id": project.id, "sequence": index}
            for index in range(args.checkpoints)
        ]
    )
    size = max(1, args.route_size)
    routes = env["property.patrol.route"].create(
        [
            {
                "name": f"{name} route {start // size + 1:03d}",
                "project_id": project.id,
                "line_ids": [
                    Command.create({"sequence": seq, "checkpoint_id": cp.id})
                    for seq, cp in enumerate(checkpoints[start : start + size])
                ],
            }
            for start in range(0, len(checkpoints), size)
        ]
    )
    shifts = env["property.patrol.shift"].create(
        [
            {"name": f"{name} morning", "hour_from": 0.0, "hour_to": 8.0},
            {"name": f"{name} day", "hour_from": 8.0, "hour_to": 16.0},
            {"name": f"{name} night", "hour_from": 16.0, "hour_to": 0.0},
        ]
    )
    guards = env["res.users"].create(
        [
            {
                "name": f"{name} guard {index}",
                "login": f"{name.lower()}_guard_{index}",
                "groups_id": [Command.set([env.ref(GUARD_GROUP).id])],
            }
            for index in range(3)
        ]
    )
    plans = env["property.patrol.plan"].create(
        [
            {
                "route_id": route.id,
                "shift_id": shift.id,
                "interval_minutes": args.interval,
                "guard_ids": [Command.set(guards.ids)],
                "tz": "Asia/Shanghai",
            }
            for route in routes
            for shift in shifts
        ]
    )
    env.flush_all()
    env.cr.commit()
    return project, checkpoints, routes, plans


def run_generation(env, batch_size, days):
    """One cron run; SQL queries and seconds of each batch's _generate_rounds."""
    Plan = env["property.patrol.plan"]
    original = type(Plan)._generate_rounds
    batches = []

    def counted(plans, days_):
        before, start = env.cr.sql_log_count, time.perf_counter()
        created = original(plans, days_)
        plans.env.flush_all()
        batches.append(
            {
                "plans": len(plans),
                "rounds": len(created),
                "queries": env.cr.sql_log_count - before,
                "seconds": time.perf_counter() - start,
            }
        )
        return created

    start = time.perf_counter()
    with patch.object(type(Plan), "_generate_rounds", counted):
        created = Plan._cron_generate_rounds(days_ahead=days, batch_size=batch_size)
    env.flush_all()
    env.cr.commit()
    return {
        "batch_size": batch_size,
        "rounds": len(created),
        "seconds": time.perf_counter() - start,
        "batches": batches,
    }


def report_generation(label, run):
    queries = [b["queries"] for b in run["batches"]]
    rounds = [b["rounds"] for b in run["batches"]]
    log(
        f"  {label}: batch_size {run['batch_size']}: {run['rounds']} rounds in "
        f"{run['seconds']:.2f} s ({run['rounds'] / run['seconds']:.0f} rounds/s), "
        f"{len(queries)} batches, SQL queries per batch {queries} "
        f"(rounds per batch {rounds})"
    )


def phase_rounds(env, args):
    project, _checkpoints, routes, plans = build_patrol_estate(env, args, "GEN")
    log(
        f"  {args.checkpoints} checkpoints, {len(routes)} routes of {args.route_size}, "
        f"3 shifts of 8 h, {len(plans)} plans (interval {args.interval} min)"
    )
    results = []
    sizes = [int(size) for size in args.batch_sizes.split(",")]
    for size in sizes:
        env["property.patrol.round"].search([("project_id", "=", project.id)]).unlink()
        env.cr.commit()
        env.invalidate_all()
        run = run_generation(env, size, args.days)
        report_generation("first run", run)
        results.append(run)
    rerun = run_generation(env, sizes[-1], args.days)
    report_generation("re-run (idempotent)", rerun)
    results.append(rerun)
    return results


# ----------------------------------------------------------------------------
# Phase 2: check-in requests against odoo-bin with workers
# ----------------------------------------------------------------------------
def build_guards(env, args):
    """One route of ``checkins / 2`` checkpoints (3 checklist items each) per guard and two
    open rounds on it starting now: every POST is a new, valid check-in."""
    from odoo import Command, fields

    per_round = max(1, args.checkins // 2)
    project = env["property.project"].create({"name": "Check-in bench", "code": "CHK"})
    department = env.ref("property_butler_ticket.property_department_engineering")
    guards = []
    for index in range(args.guards):
        login = f"bench_guard_{index:02d}"
        user = env["res.users"].create(
            {
                "name": f"Bench guard {index:02d}",
                "login": login,
                "password": login,
                "tz": "Asia/Shanghai",
                "groups_id": [Command.set([env.ref(GUARD_GROUP).id])],
            }
        )
        checkpoints = env["property.checkpoint"].create(
            [
                {
                    "name": f"G{index:02d} CP {seq:02d}",
                    "project_id": project.id,
                    "checklist_item_ids": [
                        Command.create({"name": item, "department_id": department.id})
                        for item in ("Doors closed", "Lights off", "No leak")
                    ],
                }
                for seq in range(per_round)
            ]
        )
        route = env["property.patrol.route"].create(
            {
                "name": f"Bench route {index:02d}",
                "project_id": project.id,
                "expected_duration": 240,
                "line_ids": [
                    Command.create({"sequence": seq, "checkpoint_id": cp.id})
                    for seq, cp in enumerate(checkpoints)
                ],
            }
        )
        now = fields.Datetime.now()
        env["property.patrol.round"].create(
            [
                {"route_id": route.id, "guard_id": user.id, "date_start": now},
                {
                    "route_id": route.id,
                    "guard_id": user.id,
                    "date_start": now + timedelta(minutes=1),
                },
            ]
        )
        guards.append(
            {
                "login": login,
                "work": [
                    (cp.qr_token, cp.checklist_item_ids.ids) for cp in checkpoints for _r in (1, 2)
                ],
            }
        )
    env.flush_all()
    env.cr.commit()
    return guards


def start_server(odoo, args, pg, addons_path, port, logfile):
    odoo_bin = Path(odoo.__file__).resolve().parent.parent / "odoo-bin"
    cmd = [
        sys.executable,
        str(odoo_bin),
        *config_args(args.db, pg, addons_path),
        f"--db-filter=^{args.db}$",
        f"--workers={args.workers}",
        "--max-cron-threads=0",
        "--http-interface=127.0.0.1",
        f"--http-port={port}",
        f"--gevent-port={free_port()}",
        "--log-handler=werkzeug:INFO",
    ]
    log(f"starting: {' '.join(cmd)}")
    with open(logfile, "wb") as out:
        server = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
    return server


def wait_for(url, timeout=60):
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(requests.RequestException):
            if requests.get(url, timeout=5).status_code == 200:
                return True
        time.sleep(0.5)
    raise SystemExit(f"the server did not answer {url} within {timeout} s")


def login(base, login_name):
    import requests

    session = requests.Session()
    page = session.get(f"{base}/web/login", timeout=30)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    session.post(
        f"{base}/web/login",
        data={"login": login_name, "password": login_name, "csrf_token": csrf},
        timeout=30,
    )
    patrol = session.get(f"{base}/property/patrol", timeout=30)
    if patrol.status_code != 200:
        raise SystemExit(f"{login_name}: /property/patrol answered {patrol.status_code}")
    csrf = re.search(r'csrf_token: "([^"]+)"', patrol.text).group(1)
    return session, csrf


def guard_worker(base, guard, csrf, session, deadline, samples, errors, barrier):
    barrier.wait()
    for index, (token, item_ids) in enumerate(guard["work"]):
        if time.monotonic() > deadline:
            return
        data = {"csrf_token": csrf, "remark": f"Round check {index}"}
        for item_id in item_ids:
            data[f"item_{item_id}"] = "ok"
        if index % 10 == 9:  # one check-in in ten finds a problem: a finding ticket
            data[f"item_{item_ids[0]}"] = "problem"
            data[f"note_{item_ids[0]}"] = "Door found open"
        start = time.perf_counter()
        try:
            response = session.post(
                f"{base}/property/checkin/{token}", data=data, allow_redirects=False, timeout=60
            )
        except Exception as exc:  # noqa: BLE001  pylint: disable=broad-except
            errors.append(repr(exc))
            continue
        elapsed = time.perf_counter() - start
        if response.status_code == 303:
            samples.append(elapsed)
        else:
            errors.append(f"{guard['login']}: HTTP {response.status_code}")


def phase_checkin(odoo, env, args, pg, addons_path):
    guards = build_guards(env, args)
    port = free_port()
    logfile = f"/tmp/bench_patrol_{args.db}_odoo.log"
    server = start_server(odoo, args, pg, addons_path, port, logfile)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/web/login")
        sessions = [login(base, guard["login"]) for guard in guards]
        log(f"  {len(guards)} guards logged in; {sum(len(g['work']) for g in guards)} check-ins")
        samples, errors = [], []
        barrier = threading.Barrier(len(guards) + 1)
        deadline = time.monotonic() + args.max_seconds
        threads = [
            threading.Thread(
                target=guard_worker,
                args=(base, guard, csrf, session, deadline, samples, errors, barrier),
            )
            for guard, (session, csrf) in zip(guards, sessions, strict=True)
        ]
        for thread in threads:
            thread.start()
        barrier.wait()
        start = time.perf_counter()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - start
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log(f"  server stopped (log {logfile})")
    server_times = []
    with open(logfile, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            match = REQUEST_LOG.search(line)
            if match and match.group(1) == "303":
                queries, sql, other = match.group(2, 3, 4)
                server_times.append((float(sql) + float(other), int(queries)))
    result = {
        "requests": len(samples),
        "errors": errors,
        "wall": wall,
        "median_ms": statistics.median(samples) * 1000 if samples else float("nan"),
        "p95_ms": percentile(samples, 0.95) * 1000,
        "server_median_ms": (
            statistics.median(t for t, _q in server_times) * 1000 if server_times else None
        ),
        "server_p95_ms": (
            percentile([t for t, _q in server_times], 0.95) * 1000 if server_times else None
        ),
        "queries_median": (
            statistics.median(q for _t, q in server_times) if server_times else None
        ),
    }
    env.invalidate_all()
    result["checkins"] = env["property.patrol.checkin"].search_count(
        [("round_id.project_id.code", "=", "CHK")]
    )
    log(
        f"  {result['requests']} check-ins in {wall:.1f} s ({result['requests'] / wall:.0f}/s), "
        f"{len(errors)} errors{(': ' + '; '.join(errors[:3])) if errors else ''}"
    )
    log(
        f"  client: median {result['median_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms "
        f"({args.guards} concurrent guards, {args.workers} workers)"
    )
    if server_times:
        log(
            f"  server (werkzeug log, SQL + Python): median {result['server_median_ms']:.1f} ms, "
            f"p95 {result['server_p95_ms']:.1f} ms, median {result['queries_median']:.0f} "
            f"SQL queries per check-in"
        )
    log(f"  check-ins in the database: {result['checkins']}")
    return result


def main():
    args = parse_args()
    try:
        import odoo
    except ImportError:
        raise SystemExit("cannot import odoo: put Odoo 18 on PYTHONPATH") from None
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    from odoo.service import db as db_service

    pg = pg_settings()
    addons_path = ",".join([*odoo_core_addons(odoo), args.addons_path or ensure_addon_link()])
    odoo.tools.config.parse_config(config_args(args.db, pg, addons_path))
    print("== property_butler patrol benchmark ==")
    print(f"odoo {odoo.release.version}, python {sys.version.split()[0]}, database {args.db}")
    print(f"addons path {addons_path}", flush=True)

    if database_exists(odoo, args.db):
        if not args.drop_existing:
            raise SystemExit(f"database {args.db} exists: pass --drop-existing or another --db")
        db_service.exp_drop(args.db)
    created = False
    try:
        db_service._create_empty_database(args.db)
        created = True
        start = time.perf_counter()
        install_module(odoo, args.db, pg, addons_path, "property_butler_patrol")
        log(f"property_butler_patrol installed in {time.perf_counter() - start:.1f} s")
        registry = Registry(args.db)
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            if not args.skip_rounds:
                log("phase 1/2 rounds: a month of rounds, 200 checkpoints x 3 shifts ...")
                phase_rounds(env, args)
            if not args.skip_checkin:
                log(f"phase 2/2 check-in: {args.guards} concurrent guards on loopback ...")
                phase_checkin(odoo, env, args, pg, addons_path)
    finally:
        if created and not args.keep:
            with contextlib.suppress(Exception):
                Registry.delete(args.db)
            db_service.exp_drop(args.db)
            log(f"database {args.db} dropped")


if __name__ == "__main__":
    main()
