#!/usr/bin/env python3
"""Load test of the resident portal: N concurrent residents for S seconds against Odoo with
workers, on loopback only.

Not a test. Uses a database with the demo estate (``--db``; created with demo data by
``odoo-bin -i property_butler`` when missing), gives ``--users`` current residents a portal
login (password = login), starts ``odoo-bin --workers=W`` on 127.0.0.1:``--port``, logs every
resident in with ``requests`` and has each loop over ``/my/tickets``, ``/my/statements`` and
the pages of the tickets listed, back to back, for ``--seconds``. Prints the requests, the
errors (HTTP status >= 400, timeouts) and p50/p95 per page and overall, then stops the server
it started.

    python3 bench/bench_portal_load.py [--db pb_bench_portal] [--users 50] [--seconds 60]
                                       [--workers 2] [--port 8499]
"""

# pylint: disable=print-used,invalid-commit
import argparse
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent
MODULE = "property_butler"


def odoo_args(odoo, db):
    odoo_pkg = Path(odoo.__file__).resolve().parent
    local = REPO / ".local/addons"  # .local/addons/property_butler -> the repo (bin/_common.sh)
    local.mkdir(parents=True, exist_ok=True)
    if not (local / MODULE).exists():
        (local / MODULE).symlink_to(REPO, target_is_directory=True)
    addons = [str(local)]
    addons += [str(p) for p in (odoo_pkg / "addons", odoo_pkg.parent / "addons") if p.is_dir()]
    args = ["-d", db, "--addons-path", ",".join(addons), "--log-level=warn"]
    for env, opt in (("PGHOST", "--db_host"), ("PGPORT", "--db_port"), ("PGUSER", "--db_user")):
        if os.environ.get(env):
            args += [opt, os.environ[env]]
    return args


def odoo_cmd():
    # odoo-bin when there is one: the prefork server restarts its gevent worker from argv.
    import odoo  # noqa: PLC0415

    odoo_bin = Path(odoo.__file__).resolve().parent.parent / "odoo-bin"
    if odoo_bin.is_file():
        return [sys.executable, str(odoo_bin)]
    return [sys.executable, "-c", "import sys, odoo.cli; sys.exit(odoo.cli.main())"]


def ensure_database(odoo, db):
    from contextlib import closing

    with closing(odoo.sql_db.db_connect("postgres").cursor()) as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db])
        if cr.fetchone():
            return
    print(f"installing {MODULE} with demo data into {db} (a few minutes)", flush=True)
    subprocess.run(
        [*odoo_cmd(), *odoo_args(odoo, db), "-i", MODULE, "--stop-after-init", "--no-http"],
        check=True,
    )


def portal_residents(odoo, db, count):
    """Logins of ``count`` current residents (portal users created when missing)."""
    from odoo import SUPERUSER_ID, Command, api
    from odoo.modules.registry import Registry

    registry = Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"no_reset_password": True})
        occupancies = env["property.occupancy"].search(
            [*env["property.occupancy"]._current_domain(), ("resides", "=", True)], order="id"
        )
        partners = occupancies.partner_id[:count]
        portal = env.ref("base.group_portal")
        logins = []
        for index, partner in enumerate(partners):
            user = partner.with_context(active_test=False).user_ids[:1]
            login = user.login if user else f"bench_resident{index:03d}"
            if not user:
                env["res.users"].create(
                    {
                        "login": login,
                        "password": login,
                        "partner_id": partner.id,
                        "groups_id": [Command.set(portal.ids)],
                        "company_id": partner.company_id.id or env.company.id,
                        "company_ids": [Command.set((partner.company_id or env.company).ids)],
                    }
                )
            else:
                user.password = login
            logins.append(login)
        cr.commit()
    return logins


def wait_port(port, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    raise SystemExit(f"the server did not listen on 127.0.0.1:{port}")


def login(base, user):
    session = requests.Session()
    page = session.get(f"{base}/web/login", timeout=60)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    response = session.post(
        f"{base}/web/login",
        data={"login": user, "password": user, "csrf_token": token, "redirect": "/my"},
        timeout=60,
    )
    if "/web/login" in response.url:
        raise RuntimeError(f"{user} could not log in")
    return session


def resident_loop(base, session, stop, results, errors, rng):
    ticket_urls = []
    while not stop.is_set():
        pages = ["/my/tickets", "/my/statements"]
        if ticket_urls:
            pages.append(rng.choice(ticket_urls))
        for page in pages:
            if stop.is_set():
                return
            kind = "/my/tickets/<id>" if page.count("/") > 2 else page
            started = time.monotonic()
            try:
                response = session.get(base + page, timeout=60, allow_redirects=False)
                elapsed = time.monotonic() - started
                results[kind].append(elapsed)
                if response.status_code >= 400:
                    errors[kind].append(response.status_code)
                elif page == "/my/tickets":
                    ticket_urls = sorted(set(re.findall(r'href="(/my/tickets/\d+)', response.text)))
            except requests.RequestException as error:
                errors[kind].append(type(error).__name__)


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="pb_bench_portal")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8499)
    options = parser.parse_args()
    os.environ.setdefault("TZ", "UTC")

    import odoo  # noqa: PLC0415 - after the arguments, so that --help works without Odoo

    odoo.tools.config.parse_config(odoo_args(odoo, options.db))
    ensure_database(odoo, options.db)
    logins = portal_residents(odoo, options.db, options.users)
    print(f"{len(logins)} residents; starting odoo --workers={options.workers}", flush=True)
    server = subprocess.Popen(  # noqa: S603 - our own odoo, loopback only
        [
            *odoo_cmd(),
            *odoo_args(odoo, options.db),
            f"--workers={options.workers}",
            "--max-cron-threads=0",
            "--http-interface=127.0.0.1",
            f"--http-port={options.port}",
            "--limit-time-real=120",
            "--limit-time-cpu=120",
            f"--db-filter=^{options.db}$",
        ]
    )
    try:
        wait_port(options.port)
        base = f"http://127.0.0.1:{options.port}"
        sessions = [login(base, user) for user in logins]
        results, errors = defaultdict(list), defaultdict(list)
        stop = threading.Event()
        threads = [
            threading.Thread(
                target=resident_loop,
                args=(base, session, stop, results, errors, random.Random(index)),
            )
            for index, session in enumerate(sessions)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        time.sleep(options.seconds)
        stop.set()
        for thread in threads:
            thread.join(90)
        duration = time.monotonic() - started
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
    every = [value for values in results.values() for value in values]
    print(
        f"\n{len(sessions)} concurrent residents, {duration:.0f} s, {options.workers} workers: "
        f"{len(every)} requests ({len(every) / duration:.1f}/s), "
        f"{sum(len(e) for e in errors.values())} errors"
    )
    print(f"{'page':<20}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}")
    for kind in sorted(results) + ["all"]:
        values = every if kind == "all" else results[kind]
        errs = sum(len(e) for e in errors.values()) if kind == "all" else len(errors[kind])
        print(
            f"{kind:<20}{len(values):>9}{errs:>8}"
            f"{percentile(values, 0.5) * 1000:>9.0f}{percentile(values, 0.95) * 1000:>9.0f}"
        )
    kinds = {kind: Counter(e) for kind, e in errors.items() if e} if errors else {}
    if kinds:
        print("errors:", kinds)


if __name__ == "__main__":
    main()
