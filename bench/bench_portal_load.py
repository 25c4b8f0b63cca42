#!/usr/bin/env python3
"""Load test of the resident portal: N concurrent residents for S seconds against Odoo with
workers, on loopback only.

Not a test. Uses a database with the demo estate (``--db``; when missing, created as bin/start
does: ``odoo-bin -i property_butler,l10n_cn`` with demo data and the three languages, ``--lang``
zh_CN the default one), gives ``--users`` current residents a portal login (password = login),
starts ``odoo-bin --workers=W`` on 127.0.0.1:``--port`` (its gevent worker on ``--gevent-port``),
logs every resident in with ``requests`` and has each loop over ``/my/tickets``,
``/my/statements`` and the pages of the tickets listed, back to back, for ``--seconds`` (the
residents start one after the other over the first ``--ramp-up`` seconds). Prints the requests, the
errors (any final answer but 200, the login page, timeouts; redirections are followed) and p50/p95
per page and overall (failed requests included: the resident waited for them too), the load average
before and after, then stops the server it started. ``--drop`` drops the database at the end.
The Odoo data_dir is .local/data (as bin/start's); PostgreSQL from PGHOST/PGPORT/PGUSER.

    python3 bench/bench_portal_load.py [--db pb_bench_portal_load] [--users 50] [--seconds 60]
                                       [--workers 2] [--port 8499] [--gevent-port 8500] [--drop]
                                       [--ramp-up 5] [--lang zh_CN]
"""

# pylint: disable=print-used,invalid-commit
import argparse
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import requests

REPO = Path(__file__).resolve().parent.parent
MODULE = "property_butler_suite"  # the whole suite, as bin/start installs it
DATA_DIR = REPO / ".local/data"
LANGUAGES = ("zh_CN", "zh_TW", "en_US")  # the languages the demo's people speak
# links to ticket pages, with the language prefix of the page (/zh_CN/my/tickets/12)
TICKET_HREF = re.compile(r'href="((?:/[\w-]+)?/my/tickets/\d+)[?"]')


def odoo_args(odoo, db):
    odoo_pkg = Path(odoo.__file__).resolve().parent
    addons = [str(REPO)]  # the suite's addons, one folder each at the repository root
    addons += [str(p) for p in (odoo_pkg / "addons", odoo_pkg.parent / "addons") if p.is_dir()]
    args = ["-d", db, "--addons-path", ",".join(addons), "--log-level=warn"]
    args += ["--data-dir", str(DATA_DIR)]
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


def check_gevent():
    """Stop early when Odoo's gevent worker could not start: the prefork server would respawn it
    again and again (each time importing Odoo), which loads the machine under test. gevent 22.10
    loads its plugins through pkg_resources, and an old setuptools' pkg_resources does not find
    distributions whose metadata folder has a normalised name (zope_interface-8.7.dist-info)."""
    try:
        import pkg_resources  # noqa: PLC0415

        pkg_resources.require("gevent")
    except ImportError:
        return
    except pkg_resources.ResolutionError as error:
        raise SystemExit(
            f"Odoo's gevent worker would not start ({error}): install the zope packages with "
            "metadata that this setuptools' pkg_resources finds, e.g. "
            "pip install zope.event==5.0 zope.interface==6.1 (or a newer setuptools)"
        ) from None


def ensure_database(odoo, db, lang):
    from contextlib import closing

    with closing(odoo.sql_db.db_connect("postgres").cursor()) as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db])
        if cr.fetchone():
            return
    print(f"installing {MODULE} with demo data into {db} (a few minutes)", flush=True)
    started = time.monotonic()
    subprocess.run(
        [
            *odoo_cmd(),
            *odoo_args(odoo, db),
            "-i",
            f"{MODULE},l10n_cn",
            # the first one is the database's default language, the portal's without prefix
            "--load-language=" + ",".join([lang, *(other for other in LANGUAGES if other != lang)]),
            "--stop-after-init",
            "--no-http",
        ],
        check=True,
    )
    print(f"installed in {time.monotonic() - started:.0f} s", flush=True)


def drop_database(odoo, db):
    from contextlib import closing

    odoo.sql_db.close_db(db)
    with closing(odoo.sql_db.db_connect("postgres").cursor()) as cr:
        cr._cnx.autocommit = True
        cr.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    shutil.rmtree(DATA_DIR / "filestore" / db, ignore_errors=True)
    print(f"dropped {db}")


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


def port_taken(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def wait_port(port, server, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}")
        if port_taken(port):
            return
        time.sleep(0.5)
    raise SystemExit(f"the server did not listen on 127.0.0.1:{port}")


def stop_server(server):
    """SIGTERM to the prefork server (it stops its workers), SIGKILL to its group after 30 s."""
    if server.poll() is not None:
        return
    server.terminate()
    try:
        server.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(10)


def login(base, user):
    """A logged-in session, and the URL prefix of the resident's language: the portal answers
    /my/tickets with a redirection to /zh_TW/my/tickets when the resident's language is not the
    default one; the loops ask for that URL directly, as a bookmark would."""
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
    response = session.get(f"{base}/my/tickets", timeout=60)
    path = urlsplit(response.url).path
    if response.status_code != 200 or not path.endswith("/my/tickets"):
        raise RuntimeError(f"{user}: /my/tickets answered {response.status_code} at {path}")
    return session, path.removesuffix("/my/tickets")


def resident_loop(base, session, prefix, delay, stop, results, errors, rng):
    """One resident, from ``delay`` seconds on until ``stop``. ``errors[kind]`` gets (what, when)
    pairs, when = the request's start in seconds on time.monotonic()."""
    ticket_urls = []
    if stop.wait(delay):
        return
    while not stop.is_set():
        pages = [f"{prefix}/my/tickets", f"{prefix}/my/statements"]
        if ticket_urls:
            pages.append(rng.choice(ticket_urls))
        for page in pages:
            if stop.is_set():
                return
            kind = "/my/tickets/<id>" if page[-1].isdigit() else page.removeprefix(prefix)
            started = time.monotonic()
            try:
                # Redirections are followed, as by a browser, and their time counted: the
                # portal's links to ticket pages have no language prefix, so a resident whose
                # language is not the default one is sent on to /zh_TW/my/tickets/<id>.
                response = session.get(base + page, timeout=60)
                if "/web/login" in urlsplit(response.url).path:
                    errors[kind].append(("session lost", started))
                elif response.status_code != 200:
                    errors[kind].append((response.status_code, started))
                elif kind == "/my/tickets":
                    ticket_urls = sorted(set(TICKET_HREF.findall(response.text)))
            except requests.RequestException as error:
                errors[kind].append((type(error).__name__, started))
            results[kind].append(time.monotonic() - started)


def listen_overflows():
    """Linux's count of connections dropped because a listen queue was full (the whole machine's;
    None elsewhere). Odoo's prefork server listens with a queue of 8 per worker, so that residents
    beyond it wait for TCP's retransmissions (1 s, then 2 s, 4 s...) before a worker sees them."""
    try:
        lines = [line.split() for line in Path("/proc/net/netstat").read_text().splitlines()]
    except OSError:
        return None
    for keys, values in zip(lines, lines[1:]):
        if keys[0] == "TcpExt:" and values[0] == "TcpExt:" and "ListenOverflows" in keys:
            return int(values[keys.index("ListenOverflows")])
    return None


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="pb_bench_portal_load")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8499)
    parser.add_argument("--gevent-port", type=int, help="default: --port + 1")
    parser.add_argument(
        "--ramp-up",
        type=float,
        default=5.0,
        help="seconds over which the residents start, one after the other (default 5): all at "
        "once, their first requests overflow the server's listen queue together",
    )
    parser.add_argument("--drop", action="store_true", help="drop the database at the end")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="zh_CN",
        help="default language of a new database (default zh_CN, as bin/start's)",
    )
    options = parser.parse_args()
    gevent_port = options.gevent_port or options.port + 1
    for port in (options.port, gevent_port):
        if port_taken(port):
            raise SystemExit(
                f"something already listens on 127.0.0.1:{port}: choose another --port"
            )
    os.environ.setdefault("TZ", "UTC")
    check_gevent()

    import odoo  # noqa: PLC0415 - after the arguments, so that --help works without Odoo

    odoo.tools.config.parse_config(odoo_args(odoo, options.db))
    ensure_database(odoo, options.db, options.lang)
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
            f"--gevent-port={gevent_port}",
            "--limit-time-real=120",
            "--limit-time-cpu=120",
            f"--db-filter=^{options.db}$",
        ],
        start_new_session=True,  # its workers can be killed with it (stop_server)
    )
    try:
        wait_port(options.port, server)
        base = f"http://127.0.0.1:{options.port}"
        sessions = [login(base, user) for user in logins]
        prefixes = Counter(prefix or "(none)" for _session, prefix in sessions)
        print(f"logged in; language prefixes {dict(prefixes)}", flush=True)
        results, errors = defaultdict(list), defaultdict(list)
        stop = threading.Event()
        threads = [
            threading.Thread(
                target=resident_loop,
                args=(
                    base,
                    session,
                    prefix,
                    options.ramp_up * index / len(sessions),
                    stop,
                    results,
                    errors,
                    random.Random(index),
                ),
            )
            for index, (session, prefix) in enumerate(sessions)
        ]
        load_before = os.getloadavg()
        overflows_before = listen_overflows()
        cpu_before = time.process_time()
        started = time.monotonic()
        for thread in threads:
            thread.start()
        time.sleep(options.seconds)
        stop.set()
        for thread in threads:
            thread.join(90)
        duration = time.monotonic() - started
        client_cpu = time.process_time() - cpu_before
        load_after = os.getloadavg()
        overflows_after = listen_overflows()
    finally:
        stop_server(server)
    if options.drop:
        drop_database(odoo, options.db)
    every = [value for values in results.values() for value in values]
    print(
        f"\n{len(sessions)} concurrent residents, {duration:.0f} s, {options.workers} workers: "
        f"{len(every)} requests ({len(every) / duration:.1f}/s), "
        f"{sum(len(e) for e in errors.values())} errors"
    )
    print(
        f"load average (1, 5, 15 min) on {os.cpu_count()} cores: before "
        + ", ".join(f"{v:.2f}" for v in load_before)
        + "; after "
        + ", ".join(f"{v:.2f}" for v in load_after)
        + f"; this client's CPU {client_cpu:.0f} s"
    )
    if overflows_before is not None and overflows_after is not None:
        print(
            f"listen queue overflows (machine-wide, TcpExt ListenOverflows): "
            f"{overflows_after - overflows_before} (queue of the server: {8 * options.workers})"
        )
    print(f"{'page':<20}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}")
    for kind in sorted(results) + ["all"]:
        values = every if kind == "all" else results[kind]
        errs = sum(len(e) for e in errors.values()) if kind == "all" else len(errors[kind])
        print(
            f"{kind:<20}{len(values):>9}{errs:>8}"
            f"{percentile(values, 0.5) * 1000:>9.0f}{percentile(values, 0.95) * 1000:>9.0f}"
        )
    kinds = {kind: Counter(what for what, _when in e) for kind, e in errors.items() if e}
    if kinds:
        print("errors:", kinds)
        offsets = sorted(when - started for e in errors.values() for _what, when in e)
        early = sum(offset < options.ramp_up + 10 for offset in offsets)
        print(
            f"errors by the start of their request: {early} in the first "
            f"{options.ramp_up + 10:.0f} s, {len(offsets) - early} later; first at "
            f"{offsets[0]:.1f} s, last at {offsets[-1]:.1f} s"
        )


if __name__ == "__main__":
    main()
