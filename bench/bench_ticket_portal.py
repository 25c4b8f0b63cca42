#!/usr/bin/env python3
"""Benchmark: the resident portal's ticket list and ticket creation with 100,000 tickets.

Not a test: it creates a throw-away database the way bench_estate.py does (and with its
helpers), installs property_butler without demo data, then:

1. estate    - one project, its buildings and units, one owner per unit (occupancy), and a
               portal user for the owner of the first unit (setup, not measured)
2. tickets   - 100,000 tickets of every type through the ORM, in batches (``create([...])``,
               flush and commit per batch), spread at random over the units: about 40 % closed
3. in-process, as the resident (``env(user=resident)``), through the controller's helpers:
   a. ticket list: ``_prepare_ticket_list_values`` and reading every cell the list shows
   b. ticket creation: ``_create_portal_ticket`` with one photo (flush and commit timed)
   median milliseconds of ``--runs`` calls and the SQL query count (``cr.sql_log_count``)
4. over HTTP (unless ``--no-http``): an odoo-bin server on ``--http-port``, logged in as the
   resident with ``requests``: ``GET /my/tickets`` and ``POST /my/tickets/new`` (with a photo),
   ``--runs`` times each; the server's own figures are read from its werkzeug log line
   (query count, SQL time, rest of the server time) and the client round trip is timed too.

    python3 bench/bench_ticket_portal.py [--tickets 100000] [--units 5000] [--keep]

See bench/README.md.
"""

# pylint: disable=print-used,invalid-commit
import argparse
import contextlib
import io
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_estate import (  # noqa: E402  (the sibling script, for its setup helpers)
    Timer,
    chinese_name,
    chunks,
    commit_batch,
    config_args,
    database_exists,
    ensure_addon_link,
    install_module,
    laps_text,
    log,
    odoo_core_addons,
    peak_rss_mb,
    pg_settings,
    rate,
    vacuum_analyze,
)

INSTALLED = "property_butler_ticket"  # the tickets and their portal; its deps come along
RESIDENT_LOGIN = "bench_resident"
RESIDENT_PASSWORD = "bench_resident_pw"  # a throw-away database
# (ticket type xmlid suffix, share of the tickets, closed share, closing stage category)
TICKET_MIX = (
    ("repair", 0.35, 0.30, "cancel"),
    ("complaint", 0.10, 0.0, None),
    ("inquiry", 0.25, 0.70, "done"),
    ("service", 0.10, 0.0, None),
    ("suggestion", 0.20, 0.60, "done"),
)
CHANNELS = ("phone", "front_desk", "walk_in", "portal", "butler_visit")
SUBJECTS = (
    "Water leaking under the sink",
    "Corridor light broken",
    "Noise from upstairs at night",
    "Lift stuck on floor 12",
    "Parking permit question",
    "Deep cleaning before Spring Festival",
    "Thanks to the night guard",
    "Door lock does not close",
)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=100000, help="tickets (default 100000)")
    parser.add_argument("--units", type=int, default=5000, help="units (default 5000)")
    parser.add_argument("--buildings", type=int, default=20, help="buildings (default 20)")
    parser.add_argument("--units-per-floor", type=int, default=10, help="default 10")
    parser.add_argument("--batch", type=int, default=2000, help="tickets per create() (2000)")
    parser.add_argument("--runs", type=int, default=20, help="measured calls per figure (20)")
    parser.add_argument("--db", default="pb_bench_portal", help="database (pb_bench_portal)")
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    parser.add_argument(
        "--drop-existing",
        action="store_true",
        help="drop the database first if it already exists (otherwise the run refuses)",
    )
    parser.add_argument("--no-http", action="store_true", help="skip the HTTP measurements")
    parser.add_argument("--http-port", type=int, default=0, help="HTTP port (default: a free one)")
    parser.add_argument("--seed", type=int, default=20261122)
    return parser.parse_args()


def photo_bytes():
    """A 1024×768 JPEG, about what a phone sends once resized."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1024, 768), (90, 120, 160))
    draw = ImageDraw.Draw(image)
    for i in range(0, 1024, 64):
        draw.rectangle((i, 200, i + 40, 560), fill=(200 - i // 8, 180, 120 + i // 16))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


# ----------------------------------------------------------------------------
# Setup
# ----------------------------------------------------------------------------
def build_estate(env, args, rng):
    """Project, buildings, units and one owner per unit; a portal user for the first owner."""
    from odoo import Command

    timer = Timer()
    with timer:
        project = env["property.project"].create({"name": "Bench Garden", "code": "BENCHP"})
        per_floor = args.units_per_floor
        floors = -(-args.units // (args.buildings * per_floor))
        buildings = env["property.building"].create(
            [
                {
                    "name": f"{b + 1}栋",
                    "code": str(b + 1),
                    "project_id": project.id,
                    "floor_count": floors,
                    "units_per_floor": per_floor,
                }
                for b in range(args.buildings)
            ]
        )
        commit_batch(env)
        unit_vals = []
        for index in range(args.units):
            building = buildings[index % len(buildings)]
            floor, position = divmod(index // len(buildings), per_floor)
            unit_vals.append(
                {
                    "building_id": building.id,
                    "floor": floor + 1,
                    "number": f"{floor + 1}{position + 1:02d}",
                    "area": 98.5,
                }
            )
        unit_ids = []
        for batch in chunks(unit_vals, 1000):
            unit_ids += env["property.unit"].create(batch).ids
            commit_batch(env)
        owner_ids = []
        for batch in chunks(unit_ids, 1000):
            partners = env["res.partner"].create(
                [{"name": chinese_name(rng), "city": "Guangzhou"} for _unit in batch]
            )
            env["property.occupancy"].create(
                [
                    {
                        "unit_id": unit_id,
                        "partner_id": partner_id,
                        "date_start": date.today() - timedelta(days=rng.randint(30, 3000)),
                        "is_billing_contact": True,
                    }
                    for unit_id, partner_id in zip(batch, partners.ids, strict=True)
                ]
            )
            owner_ids += partners.ids
            commit_batch(env)
        resident = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": env["res.partner"].browse(owner_ids[0]).name,
                    "login": RESIDENT_LOGIN,
                    "password": RESIDENT_PASSWORD,
                    "partner_id": owner_ids[0],
                    "groups_id": [Command.set([env.ref("base.group_portal").id])],
                }
            )
        )
        commit_batch(env)
    return {
        "unit_ids": unit_ids,
        "owner_ids": owner_ids,
        "resident_id": resident.id,
        "seconds": timer.seconds,
    }


def create_tickets(env, args, rng, estate):
    """``args.tickets`` tickets through the ORM, ``args.batch`` per create(), committed."""
    ref = env.ref
    company_id = env.company.id
    kinds = []
    for suffix, share, closed_share, closing in TICKET_MIX:
        ticket_type = ref(f"property_butler_ticket.property_ticket_type_{suffix}")
        closing_stage = ticket_type.stage_ids.filtered(lambda s, c=closing: s.category == c)[:1]
        kinds.append((ticket_type.id, share, closed_share, closing_stage and closing_stage.id))
    weights = [share for _type, share, _closed, _stage in kinds]
    unit_ids, owner_ids = estate["unit_ids"], estate["owner_ids"]
    # Bulk load: no chatter message or tracking per ticket (the resident still follows it).
    Ticket = env["property.ticket"].with_context(tracking_disable=True, mail_notrack=True)
    timer = Timer()
    closed = 0
    for start in range(0, args.tickets, args.batch):
        vals_list = []
        for number in range(start, min(start + args.batch, args.tickets)):
            type_id, _share, closed_share, stage_id = rng.choices(kinds, weights)[0]
            position = rng.randrange(len(unit_ids))
            vals = {
                "name": f"BT{number + 1:07d}",
                "title": rng.choice(SUBJECTS),
                "description": "<p>Reported by the resident.</p>",
                "ticket_type_id": type_id,
                "unit_id": unit_ids[position],
                "partner_id": owner_ids[position],
                "company_id": company_id,
                "channel": rng.choice(CHANNELS),
                "priority": rng.choice("0001"),
            }
            if stage_id and rng.random() < closed_share:
                vals["stage_id"] = stage_id
                closed += 1
            vals_list.append(vals)
        with timer:
            Ticket.create(vals_list)
            commit_batch(env)
        if (start // args.batch) % 10 == 9:
            log(
                f"  {start + len(vals_list)} tickets, "
                f"{rate(start + len(vals_list), timer.seconds):.0f} tickets/s"
            )
    return {
        "tickets": args.tickets,
        "closed": closed,
        "seconds": timer.seconds,
        "cpu": timer.cpu,
        "laps": laps_text(timer),
    }


# ----------------------------------------------------------------------------
# In-process measurements
# ----------------------------------------------------------------------------
def measure(env, func, runs):
    """Median wall time (ms) and query count of ``func``, each call with a cold record cache,
    flushed and committed as a request would be; the first call (ormcaches) is apart."""
    cr = env.cr

    def one():
        env.invalidate_all()
        queries = cr.sql_log_count
        start = time.perf_counter()
        result = func()
        env.flush_all()
        cr.commit()
        return (time.perf_counter() - start) * 1000.0, cr.sql_log_count - queries, result

    cold_ms, cold_queries, result = one()
    timings, counts = [], []
    for _run in range(runs):
        ms, count, result = one()
        timings.append(ms)
        counts.append(count)
    return {
        "median_ms": statistics.median(timings),
        "min_ms": min(timings),
        "max_ms": max(timings),
        "cold_ms": cold_ms,
        "queries": int(statistics.median(counts)),
        "queries_min": min(counts),
        "queries_max": max(counts),
        "cold_queries": cold_queries,
        "result": result,
    }


def in_process(env, args, estate, photo):
    from odoo.addons.property_butler_ticket.controllers.property_ticket_portal import (
        PropertyTicketPortal,
    )

    controller = PropertyTicketPortal()
    resident_env = env(user=estate["resident_id"], context={"lang": "en_US"})
    repair = env.ref("property_butler_ticket.property_ticket_type_repair")

    def open_list():
        values = controller._prepare_ticket_list_values(resident_env)
        rows = [
            (t.name, t.title, t.unit_id.code, t.ticket_type_id.name, t.stage_id.name, t.create_date)
            for t in values["tickets"]
        ]
        return values["ticket_count"], len(rows)

    counter = iter(range(1, 1_000_000))

    def create():
        ticket, errors = controller._create_portal_ticket(
            resident_env,
            {
                "title": f"Portal bench ticket {next(counter)}",
                "description": "Water under the kitchen sink.\nI am home after 18:00.",
                "unit_id": str(estate["unit_ids"][0]),
                "ticket_type_id": str(repair.id),
            },
            [("sink.jpg", photo)],
        )
        if errors:
            raise RuntimeError(f"the portal refused the bench ticket: {errors}")
        return ticket.id

    listing = measure(env, open_list, args.runs)
    listing["tickets_of_unit"], listing["rows"] = listing.pop("result")
    creating = measure(env, create, args.runs)
    creating.pop("result")
    return {"list": listing, "create": creating}


# ----------------------------------------------------------------------------
# HTTP measurements
# ----------------------------------------------------------------------------
LOG_LINE = re.compile(
    r'"(?P<method>GET|POST) (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d{3}) \S+ '
    r"(?P<queries>\d+) (?P<sql>[\d.]+) (?P<rest>[\d.]+)"
)


def free_port():
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_figures(log_path, method, path, count):
    """The server's own figures of the last ``count`` requests ``method path``."""
    lines = Path(log_path).read_text(errors="replace").splitlines()
    found = []
    for line in lines:
        match = LOG_LINE.search(line)
        if match and match["method"] == method and match["path"].split("?")[0] == path:
            found.append(match)
    found = found[-count:]
    if not found:
        return None
    total = [1000.0 * (float(m["sql"]) + float(m["rest"])) for m in found]
    return {
        "server_ms": statistics.median(total),
        "server_min_ms": min(total),
        "server_max_ms": max(total),
        "sql_ms": statistics.median(1000.0 * float(m["sql"]) for m in found),
        "queries": int(statistics.median(int(m["queries"]) for m in found)),
        "queries_max": max(int(m["queries"]) for m in found),
        "statuses": sorted({m["status"] for m in found}),
    }


def over_http(odoo, args, pg, addons_path, photo, unit_id, type_id):
    import requests

    port = args.http_port or free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = f"/tmp/bench_ticket_portal_{port}.log"
    odoo_bin = Path(odoo.__file__).resolve().parent.parent / "odoo-bin"
    cmd = [
        sys.executable,
        str(odoo_bin),
        *config_args(args.db, pg, addons_path),
        "--http-port",
        str(port),
        "--db-filter",
        f"^{re.escape(args.db)}$",
        "--log-handler=werkzeug:INFO",
        "--workers=0",
    ]
    log(f"starting odoo-bin on port {port} (log {log_path})")
    with open(log_path, "w") as log_file:
        server = subprocess.Popen(cmd, stdout=log_file, stderr=subprocess.STDOUT)
    try:
        session = requests.Session()
        for attempt in range(120):
            try:
                if session.get(f"{base}/web/login", timeout=10).status_code == 200:
                    break
            except requests.ConnectionError:
                if attempt % 20 == 19:
                    log("  waiting for the server ...")
            time.sleep(0.5)
        else:
            raise SystemExit(f"the server did not answer on {base}: see {log_path}")
        page = session.get(f"{base}/web/login", timeout=30)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)[1]
        answer = session.post(
            f"{base}/web/login",
            data={"login": RESIDENT_LOGIN, "password": RESIDENT_PASSWORD, "csrf_token": csrf},
            timeout=60,
        )
        if "/web/login" in answer.url:
            raise SystemExit("the resident could not log in")

        def timed(call):
            start = time.perf_counter()
            response = call()
            return (time.perf_counter() - start) * 1000.0, response

        results = {}
        # Ticket list
        for _warm in range(3):  # templates, assets and ormcaches
            session.get(f"{base}/my/tickets", timeout=120)
        client = []
        for _run in range(args.runs):
            ms, response = timed(lambda: session.get(f"{base}/my/tickets", timeout=60))
            response.raise_for_status()
            client.append(ms)
        time.sleep(0.5)  # let the server write its log lines
        results["list"] = {
            "client_ms": statistics.median(client),
            **(server_figures(log_path, "GET", "/my/tickets", args.runs) or {}),
        }
        # Ticket creation with one photo
        form = session.get(f"{base}/my/tickets/new", timeout=60)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form.text)[1]

        def post(number):
            return session.post(
                f"{base}/my/tickets/new",
                data={
                    "csrf_token": csrf,
                    "title": f"HTTP bench ticket {number}",
                    "description": "Water under the kitchen sink.",
                    "unit_id": unit_id,
                    "ticket_type_id": type_id,
                },
                files=[("photos", ("sink.jpg", photo, "image/jpeg"))],
                allow_redirects=False,
                timeout=60,
            )

        post(0)  # warm
        client = []
        for run in range(1, args.runs + 1):
            ms, response = timed(lambda run=run: post(run))
            if response.status_code != 303:
                raise SystemExit(f"POST /my/tickets/new answered {response.status_code}")
            client.append(ms)
        time.sleep(0.5)
        results["create"] = {
            "client_ms": statistics.median(client),
            **(server_figures(log_path, "POST", "/my/tickets/new", args.runs) or {}),
        }
        return results
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


# ----------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------
def main():
    args = parse_args()
    if args.tickets < 1 or args.units < 1 or args.batch < 1 or args.runs < 1:
        raise SystemExit("--tickets, --units, --batch and --runs must be positive")
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

    print("== property_butler portal ticket benchmark ==")
    print(
        f"odoo {odoo.release.version}, python {sys.version.split()[0]}, {os.cpu_count()} cpu, "
        f"postgres {pg['user']}@{pg['host']}:{pg['port']}, database {args.db}"
    )
    print(
        f"target: {args.tickets} tickets over {args.units} units, batches of {args.batch}, "
        f"{args.runs} runs per figure",
        flush=True,
    )
    if database_exists(odoo, args.db):
        if not args.drop_existing:
            raise SystemExit(f"database {args.db} exists: pass --drop-existing or another --db")
        log(f"dropping existing database {args.db}")
        db_service.exp_drop(args.db)

    rng = random.Random(args.seed)
    photo = photo_bytes()
    results = {}
    created = False
    try:
        start = time.perf_counter()
        db_service._create_empty_database(args.db)
        created = True
        how = install_module(odoo, args.db, pg, addons_path, INSTALLED)
        results["install_seconds"] = time.perf_counter() - start
        log(
            f"database created and {INSTALLED} installed ({how}) in {results['install_seconds']:.1f} s"
        )

        registry = Registry(args.db)
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            log(f"estate: {args.units} units with their owners and the portal resident ...")
            estate = build_estate(env, args, rng)
            log(f"  done in {estate['seconds']:.1f} s")
            log(f"tickets: {args.tickets} in batches of {args.batch} ...")
            tickets = results["tickets"] = create_tickets(env, args, rng, estate)
            log(
                f"  {tickets['tickets']} tickets ({tickets['closed']} closed) in "
                f"{tickets['seconds']:.1f} s = {rate(tickets['tickets'], tickets['seconds']):.0f} "
                f"tickets/s (peak RSS {peak_rss_mb():.0f} MB){tickets['laps']}"
            )
            cr.commit()
            start = time.perf_counter()
            vacuum_analyze(odoo, args.db)
            log(f"VACUUM ANALYZE (not timed) took {time.perf_counter() - start:.1f} s")
            total = env["property.ticket"].search_count([])
            log(f"{total} tickets in the database; measuring as the resident ...")
            results["total"] = total
            results["repair_type_id"] = env.ref(
                "property_butler_ticket.property_ticket_type_repair"
            ).id
            results["in_process"] = in_process(env, args, estate, photo)
            for name, figures in results["in_process"].items():
                log(
                    f"  {name}: median {figures['median_ms']:.1f} ms (min {figures['min_ms']:.1f},"
                    f" max {figures['max_ms']:.1f}, cold {figures['cold_ms']:.1f}), "
                    f"{figures['queries']} queries (min {figures['queries_min']}, max "
                    f"{figures['queries_max']}, cold {figures['cold_queries']})"
                )
        if not args.no_http:
            results["http"] = over_http(
                odoo, args, pg, addons_path, photo, estate["unit_ids"][0], results["repair_type_id"]
            )
    finally:
        if created and not args.keep:
            with contextlib.suppress(Exception):
                Registry.delete(args.db)
            db_service.exp_drop(args.db)
            log(f"database {args.db} dropped")
        elif created:
            log(f"database {args.db} kept")
    print_summary(args, results)


def print_summary(args, results):
    tickets = results["tickets"]
    print()
    print(f"== summary: {results['total']} tickets in the database, {args.units} units ==")
    print(
        f"bulk load: {tickets['tickets']} tickets in {tickets['seconds']:.1f} s "
        f"({rate(tickets['tickets'], tickets['seconds']):.0f} tickets/s, ORM create in batches "
        f"of {args.batch}, {tickets['closed']} closed)"
    )
    print(f"{'measure':<44}{'median ms':>10}{'min':>8}{'max':>8}{'queries':>9}")
    print("-" * 80)
    proc = results["in_process"]
    listing = proc["list"]
    print(
        f"{'ticket list, in-process (helper + cells)':<44}{listing['median_ms']:>10.1f}"
        f"{listing['min_ms']:>8.1f}{listing['max_ms']:>8.1f}{listing['queries']:>9}"
    )
    creating = proc["create"]
    print(
        f"{'ticket create + 1 photo, in-process':<44}{creating['median_ms']:>10.1f}"
        f"{creating['min_ms']:>8.1f}{creating['max_ms']:>8.1f}{creating['queries']:>9}"
    )
    for key, label in (("list", "GET /my/tickets"), ("create", "POST /my/tickets/new + photo")):
        figures = results.get("http", {}).get(key)
        if not figures or "server_ms" not in figures:
            continue
        print(
            f"{label + ', server time':<44}{figures['server_ms']:>10.1f}"
            f"{figures['server_min_ms']:>8.1f}{figures['server_max_ms']:>8.1f}"
            f"{figures['queries']:>9}"
        )
        print(
            f"{'  of which SQL / client round trip':<44}{figures['sql_ms']:>10.1f}"
            f"{'':>8}{'':>8}{'':>9}   round trip {figures['client_ms']:.1f} ms"
        )
    print("-" * 80)
    print(
        f"the resident's unit has {listing['tickets_of_unit']} tickets ({listing['rows']} rows "
        "shown); in-process figures include flush and commit; HTTP queries include the session "
        "and the page layout"
    )
    print(f"install (createdb + -i {INSTALLED}): {results['install_seconds']:.1f} s")
    load = os.getloadavg()
    print(f"load average at the end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
