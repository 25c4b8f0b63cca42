# shellcheck shell=bash
# Shared helpers for bin/start, bin/test and .ci/run.  Source it, don't run it.
#
# Everything generated at run time lives in the git-ignored folder .local/:
#   .local/data/                                   Odoo data_dir (filestore, sessions);
#                                                   .local/data-private-pg/ for databases of
#                                                   the private cluster (same db names!)
#   .local/pgdata/, .local/pgrun/                  private PostgreSQL cluster (only when
#                                                   no server answers), its socket and log
#                                                   (see pb_pg_private_paths for an exception)
#   .local/*.conf, .local/*.log                    generated Odoo configs and logs
#
# Environment variables understood (all optional):
#   PYTHON               python interpreter with Odoo 18 importable (default: python3 from PATH)
#   PGHOST PGPORT PGUSER PGPASSWORD
#                        PostgreSQL server to use (default: localhost:5432, current OS user)
#   PB_FORCE_PRIVATE_PG=1
#                        skip probing PG* / localhost:5432, always use the private cluster
#   PB_PRIVATE_PG_PORT   first port tried for the private cluster (default 54329)

PB_MODULE=property_butler
# The addons bin/start and bin/test install (PB_MODULES, comma-separated): the whole suite
# by default, e.g. PB_MODULES=property_butler_ticket for tickets without accounting.
PB_MODULES="${PB_MODULES:-property_butler_suite}"

pb_log() { printf '[%s] %s\n' "$PB_MODULE" "$*" >&2; }
pb_die() {
    printf '[%s] ERROR: %s\n' "$PB_MODULE" "$*" >&2
    exit 1
}

# pb_setup: set PB_ROOT (repo root = the addon), PB_LOCAL and PYTHON (absolute path).
pb_setup() {
    PB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    PB_LOCAL="$PB_ROOT/.local"
    local py="${PYTHON:-python3}"
    PYTHON="$(command -v "$py" 2>/dev/null || true)"
    if [ -z "$PYTHON" ]; then
        PYTHON="$py"
        pb_odoo_missing
    fi
    export PYTHON
    # Odoo expects the process to run in UTC (odoo-bin sets it before importing anything).
    export TZ=UTC
    mkdir -p "$PB_LOCAL"
}

pb_odoo_missing() {
    echo "Odoo 18.0 Community is not installed for $PYTHON: install it (https://github.com/odoo/odoo, branch 18.0, with its requirements.txt) so that 'python3 -c \"import odoo\"' works, then run this again." >&2
    exit 1
}

# pb_require_odoo: stop at once, with one clear message, unless Odoo 18 is importable.
# Sets PB_ODOO_PKG (the directory of the odoo python package).
pb_require_odoo() {
    PB_ODOO_PKG="$("$PYTHON" -c '
import os
import odoo.release as r
assert r.version_info[0] == 18
import odoo
print(os.path.dirname(os.path.abspath(odoo.__file__)))
' 2>/dev/null)" || pb_odoo_missing
    [ -n "$PB_ODOO_PKG" ] || pb_odoo_missing
}

# pb_link_addon: set PB_ADDONS_PATH: the repository root (one folder per addon of the suite)
# and Odoo's addons. (Until the suite split, .local/addons held a symlink to the single
# addon: it is removed.)
pb_link_addon() {
    rm -rf "$PB_LOCAL/addons"
    PB_ADDONS_PATH="$PB_ROOT,$PB_ODOO_PKG/addons"
    if [ -d "$PB_ODOO_PKG/../addons" ]; then
        PB_ADDONS_PATH="$PB_ADDONS_PATH,$(cd "$PB_ODOO_PKG/../addons" && pwd)"
    fi
}

# pb_addons: the addons of the suite in this repository (folders with a __manifest__.py).
pb_addons() {
    local dir
    for dir in "$PB_ROOT"/property_butler*/; do
        [ -f "$dir/__manifest__.py" ] && basename "$dir"
    done
}

# pb_closure MODULES: MODULES (comma-separated) and the addons of the suite they depend on,
# one a line: the addons whose tests run when MODULES are installed.
pb_closure() {
    "$PYTHON" - "$PB_ROOT" "$1" <<'PY'
import ast, os, sys
root, wanted = sys.argv[1], [m for m in sys.argv[2].split(",") if m]
seen, todo = set(), list(wanted)
while todo:
    name = todo.pop()
    manifest = os.path.join(root, name, "__manifest__.py")
    if name in seen or not os.path.isfile(manifest):
        continue
    seen.add(name)
    todo += ast.literal_eval(open(manifest, encoding="utf-8").read()).get("depends", [])
print("\n".join(sorted(seen)))
PY
}

# pb_ensure_requirements FILE...: pip-install (quietly) only the requirements that
# importlib.metadata says are missing or at a non-matching version.
pb_ensure_requirements() {
    local missing
    missing="$("$PYTHON" - "$@" <<'PY'
import re
import sys
from importlib import metadata

try:
    from packaging.requirements import Requirement
except ImportError:  # pip always vendors packaging
    from pip._vendor.packaging.requirements import Requirement

missing = []
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except FileNotFoundError:
        continue
    for line in lines:
        line = re.sub(r"(^|\s)#.*$", "", line).strip()
        if not line or line.startswith("-"):
            continue
        req = Requirement(line)
        if req.marker and not req.marker.evaluate():
            continue
        try:
            version = metadata.version(req.name)
        except metadata.PackageNotFoundError:
            missing.append(line)
            continue
        if req.specifier and not req.specifier.contains(version, prereleases=True):
            missing.append(line)
print("\n".join(missing))
PY
)" || pb_die "could not read the requirements files: $*"
    if [ -n "$missing" ]; then
        pb_log "installing missing Python packages: $(echo "$missing" | tr '\n' ' ')"
        local -a reqs
        mapfile -t reqs <<<"$missing"
        "$PYTHON" -m pip install --quiet --disable-pip-version-check "${reqs[@]}" \
            || pb_die "pip install failed for: ${reqs[*]}"
    fi
}

# ---------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------

# pb_pg_py SQL_SCRIPT [ARGS...]: run python with a psycopg2 connection `conn` to the
# selected server (PB_DB_HOST/PORT/USER/PASSWORD, database PB_PG_DBNAME or postgres).
pb_pg_py() {
    local code="$1"
    shift
    PB_PG_CODE="$code" "$PYTHON" - "$@" <<'PY'
import os
import sys

import psycopg2

kwargs = {"dbname": os.environ.get("PB_PG_DBNAME") or "postgres", "connect_timeout": 5}
for key, env in (("host", "PB_DB_HOST"), ("port", "PB_DB_PORT"),
                 ("user", "PB_DB_USER"), ("password", "PB_DB_PASSWORD")):
    if os.environ.get(env):
        kwargs[key] = os.environ[env]
conn = psycopg2.connect(**kwargs)
conn.autocommit = True
exec(os.environ["PB_PG_CODE"])
PY
}

# pb_pg_try HOST PORT USER PASSWORD: succeed when we can log in there; prints why not.
pb_pg_try() {
    local out
    if out="$(PB_DB_HOST="$1" PB_DB_PORT="$2" PB_DB_USER="$3" PB_DB_PASSWORD="$4" \
        pb_pg_py 'conn.close()' 2>&1)"; then
        return 0
    fi
    # show the error's first line ("psycopg2.OperationalError: connection ... failed: ...")
    { grep -E '^psycopg2\.|Error' <<<"$out" || echo "$out"; } | tail -n 1 | sed 's/^/    /' >&2
    return 1
}

# pb_pg_select: decide which PostgreSQL server to use and export PB_DB_HOST, PB_DB_PORT,
# PB_DB_USER, PB_DB_PASSWORD. Order:
#   1. the server given by PGHOST/PGPORT/PGUSER/PGPASSWORD (defaults localhost:5432,
#      the current OS user), unless PB_FORCE_PRIVATE_PG=1;
#   2. localhost:5432 (same user and password), if 1. pointed elsewhere and failed;
#   3. the private cluster under .local/pgdata (created with initdb on first use, started
#      when not running). PB_PG_STARTED=1 is set when this call started it.
# Odoo refuses the database user "postgres": when that is the user, a login role "odoo"
# (CREATEDB, same password) is created on that server and used instead.
pb_pg_select() {
    PB_PG_PRIVATE=0
    PB_PG_STARTED=0
    PB_DATA_DIR="$PB_LOCAL/data"
    local me
    me="$(id -un)"
    if [ "${PB_FORCE_PRIVATE_PG:-0}" != 1 ]; then
        local hosts=("${PGHOST:-localhost}") ports=("${PGPORT:-5432}")
        local users=("${PGUSER:-$me}") passwords=("${PGPASSWORD:-}")
        if [ "${hosts[0]}:${ports[0]}" != "localhost:5432" ]; then
            hosts+=(localhost) ports+=(5432) users+=("${users[0]}") passwords+=("${passwords[0]}")
        fi
        local i host port user password
        for i in "${!hosts[@]}"; do
            host="${hosts[i]}" port="${ports[i]}" user="${users[i]}" password="${passwords[i]}"
            if pb_pg_try "$host" "$port" "$user" "$password"; then
                if [ "$user" = postgres ]; then
                    pb_pg_use_odoo_role "$host" "$port" "$password" || continue
                    user=odoo
                fi
                export PB_DB_HOST="$host" PB_DB_PORT="$port" PB_DB_USER="$user"
                export PB_DB_PASSWORD="$password"
                pb_log "using PostgreSQL at $host:$port as user $user"
                return 0
            fi
            pb_log "no usable PostgreSQL at $host:$port for user $user"
        done
    fi
    pb_pg_private_start
}

# pb_pg_use_odoo_role HOST PORT PASSWORD: (connected as postgres) make sure role odoo exists.
pb_pg_use_odoo_role() {
    pb_log "Odoo refuses the database user 'postgres': using (creating) role 'odoo' at $1:$2"
    PB_DB_HOST="$1" PB_DB_PORT="$2" PB_DB_USER=postgres PB_DB_PASSWORD="$3" pb_pg_py '
cr = conn.cursor()
cr.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", ["odoo"])
if not cr.fetchone():
    password = os.environ.get("PB_DB_PASSWORD") or None
    cr.execute("CREATE ROLE odoo LOGIN CREATEDB PASSWORD %s", [password])
' && pb_pg_try "$1" "$2" odoo "$3"
}

# pb_pg_bindir: directory holding initdb/pg_ctl (PATH, pg_config, or newest Debian install).
pb_pg_bindir() {
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir
        return
    fi
    local d
    d="$(find /usr/lib/postgresql -maxdepth 3 -path '*/bin/initdb' 2>/dev/null | sort -V | tail -n 1)"
    if [ -n "$d" ]; then
        dirname "$d"
        return
    fi
    if command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v initdb)")"
        return
    fi
    return 1
}

# pb_pg_as_owner CMD...: run CMD as the cluster owner. initdb and pg_ctl refuse to run
# as root, so when we are root they run as "postgres" (or "nobody" if it doesn't exist).
pb_pg_as_owner() {
    if [ "$(id -u)" != 0 ]; then
        "$@"
    elif command -v runuser >/dev/null 2>&1; then
        runuser -u "$PB_PG_OWNER" -- "$@"
    elif command -v setpriv >/dev/null 2>&1; then
        setpriv --reuid="$PB_PG_OWNER" --regid="$(id -g "$PB_PG_OWNER")" --init-groups -- "$@"
    else
        su -s /bin/sh "$PB_PG_OWNER" -c "$(printf '%q ' "$@")"
    fi
}

# pb_pg_free_port START: print the first free TCP port on 127.0.0.1 from START on.
pb_pg_free_port() {
    "$PYTHON" - "$1" <<'PY'
import socket
import sys

start = int(sys.argv[1])
for port in range(start, start + 100):
    with socket.socket() as s:
        # like postgres itself: a port only held by TIME_WAIT connections is free
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
        print(port)
        break
else:
    sys.exit("no free port")
PY
}

# pb_pg_private_paths: set PB_PG_OWNER (who runs initdb/pg_ctl: ourselves, or when we are
# root "postgres", or "nobody" if there is no such user), PB_PG_DATA and PB_PG_RUN
# (.local/pgdata and .local/pgrun; when PB_PG_OWNER cannot reach .local because a parent
# folder is private, e.g. a clone under /root, a fixed folder under /tmp instead).
pb_pg_private_paths() {
    local base="$PB_LOCAL"
    PB_PG_OWNER="$(id -un)"
    if [ "$(id -u)" = 0 ]; then
        PB_PG_OWNER=postgres
        id postgres >/dev/null 2>&1 || PB_PG_OWNER=nobody
        if ! pb_pg_as_owner test -x "$PB_LOCAL"; then
            base="${TMPDIR:-/tmp}/property_butler-pg-$(printf '%s' "$PB_ROOT" | md5sum | cut -c1-10)"
            mkdir -p "$base"
            pb_log "user $PB_PG_OWNER cannot reach $PB_LOCAL: private cluster kept in $base"
        fi
    fi
    PB_PG_DATA="$base/pgdata"
    PB_PG_RUN="$base/pgrun"
}

# pb_pg_private_start: create (first time) and start (when not running) the private cluster.
# It listens on 127.0.0.1 only, trust auth, superuser "odoo". It is left running by
# bin/start (the next run reuses it); bin/test stops it again if bin/test started it.
# Stop it by hand with: bin/start --stop-private-pg
pb_pg_private_start() {
    local bindir
    bindir="$(pb_pg_bindir)" \
        || pb_die "no PostgreSQL server answers and initdb is not installed: start a PostgreSQL server (PGHOST/PGPORT/PGUSER/PGPASSWORD) or install PostgreSQL (apt-get install postgresql)"
    PB_PG_BINDIR="$bindir"
    pb_pg_private_paths
    mkdir -p "$PB_PG_DATA" "$PB_PG_RUN"
    chmod 700 "$PB_PG_DATA"
    if [ "$(id -u)" = 0 ]; then
        chown "$PB_PG_OWNER:" "$PB_PG_DATA" "$PB_PG_RUN"
    fi

    if [ ! -s "$PB_PG_DATA/PG_VERSION" ]; then
        pb_log "creating a private PostgreSQL cluster in $PB_PG_DATA (initdb)"
        local -a locale=(--no-locale)
        if locale -a 2>/dev/null | grep -qix 'c.utf-\?8'; then locale=(--locale=C.UTF-8); fi
        pb_pg_as_owner "$bindir/initdb" -D "$PB_PG_DATA" -U odoo --auth=trust \
            --encoding=UTF8 "${locale[@]}" >"$PB_PG_RUN/initdb.log" 2>&1 \
            || pb_die "initdb failed, see $PB_PG_RUN/initdb.log"
        # Settings rewritten at each start (port may change) live in an included file.
        echo "include_if_exists = 'property_butler.conf'" >>"$PB_PG_DATA/postgresql.conf"
    fi

    local port=""
    if pb_pg_as_owner "$bindir/pg_ctl" -D "$PB_PG_DATA" status >/dev/null 2>&1; then
        port="$(sed -n 4p "$PB_PG_DATA/postmaster.pid")"
        pb_log "private PostgreSQL cluster already running on 127.0.0.1:$port"
    else
        port="$(pb_pg_free_port "${PB_PRIVATE_PG_PORT:-54329}")" || pb_die "no free port for PostgreSQL"
        # unix sockets paths are limited to ~107 bytes: only use .local/pgrun when it fits
        local sockdir="$PB_PG_RUN"
        [ "${#sockdir}" -lt 90 ] || sockdir=""
        pb_pg_as_owner tee "$PB_PG_DATA/property_butler.conf" >/dev/null <<EOF
# written by bin/_common.sh at each start of the private cluster
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sockdir'
synchronous_commit = off
EOF
        pb_log "starting private PostgreSQL cluster on 127.0.0.1:$port (log: $PB_PG_RUN/postgres.log)"
        pb_pg_as_owner "$bindir/pg_ctl" -D "$PB_PG_DATA" -l "$PB_PG_RUN/postgres.log" -w -t 60 \
            start >/dev/null || pb_die "could not start PostgreSQL, see $PB_PG_RUN/postgres.log"
        PB_PG_STARTED=1
    fi
    PB_PG_PRIVATE=1
    PB_DATA_DIR="$PB_LOCAL/data-private-pg"
    export PB_DB_HOST=127.0.0.1 PB_DB_PORT="$port" PB_DB_USER=odoo PB_DB_PASSWORD=""
    pb_pg_try "$PB_DB_HOST" "$PB_DB_PORT" "$PB_DB_USER" "" \
        || pb_die "the private PostgreSQL cluster does not accept connections"
}

# pb_pg_private_stop: stop the private cluster (no-op when it isn't running).
pb_pg_private_stop() {
    pb_pg_private_paths 2>/dev/null
    [ -s "$PB_PG_DATA/PG_VERSION" ] || return 0
    PB_PG_BINDIR="${PB_PG_BINDIR:-$(pb_pg_bindir)}" || return 0
    # the owner of an existing cluster may differ (e.g. created by a non-root user)
    PB_PG_OWNER="$(stat -c %U "$PB_PG_DATA")"
    if pb_pg_as_owner "$PB_PG_BINDIR/pg_ctl" -D "$PB_PG_DATA" status >/dev/null 2>&1; then
        pb_log "stopping private PostgreSQL cluster ($PB_PG_DATA)"
        pb_pg_as_owner "$PB_PG_BINDIR/pg_ctl" -D "$PB_PG_DATA" -m fast -w stop >/dev/null
    fi
}

# pb_module_state DB: print the state of the module in DB ("" when the database or the
# module is missing, e.g. "installed", "uninstalled", "to upgrade").
pb_module_state() {
    pb_pg_py '
import psycopg2.errors
cr = conn.cursor()
cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [sys.argv[1]])
if cr.fetchone():
    db = psycopg2.connect(**{**kwargs, "dbname": sys.argv[1]})
    try:
        dcr = db.cursor()
        dcr.execute("SELECT state FROM ir_module_module WHERE name = %s", [sys.argv[2]])
        row = dcr.fetchone()
        print(row[0] if row else "")
    except psycopg2.errors.UndefinedTable:
        print("")
    finally:
        db.close()
' "$1" "$PB_MODULE"
}

# pb_drop_db DB: drop DB (terminating its connections) and its filestore.
pb_drop_db() {
    pb_pg_py '
from psycopg2 import sql
conn.cursor().execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(sys.argv[1])))
' "$1" || pb_log "could not drop database $1"
    rm -rf "${PB_DATA_DIR:?}/filestore/$1"
}

# ---------------------------------------------------------------------------
# Odoo
# ---------------------------------------------------------------------------

# pb_write_config FILE DB: write an Odoo configuration for the selected server and DB.
pb_write_config() {
    local file="$1" db="$2"
    mkdir -p "$PB_DATA_DIR"
    {
        echo "; generated by bin/_common.sh - do not edit, rewritten at each run"
        echo "[options]"
        echo "addons_path = $PB_ADDONS_PATH"
        echo "data_dir = $PB_DATA_DIR"
        echo "db_host = ${PB_DB_HOST:-False}"
        echo "db_port = ${PB_DB_PORT:-False}"
        echo "db_user = ${PB_DB_USER:-False}"
        echo "db_password = ${PB_DB_PASSWORD:-False}"
        echo "db_name = $db"
        echo "dbfilter = ^$db\$"
        echo "list_db = False"
        echo "without_demo = False"
        if [ -n "${PB_HTTP_PORT:-}" ]; then echo "http_port = $PB_HTTP_PORT"; fi
    } >"$file"
    chmod 600 "$file"
}

# pb_odoo ARGS...: run the Odoo command line (same as odoo-bin ARGS) with $PYTHON.
# (there is no "python3 -m odoo" in 18.0; this works with or without odoo-bin/console script)
PB_ODOO_MAIN='import sys, odoo.cli; sys.exit(odoo.cli.main())'
pb_odoo() {
    "$PYTHON" -c "$PB_ODOO_MAIN" "$@"
}

# pb_port_free PORT: succeed when nothing listens on TCP PORT (all interfaces).
pb_port_free() {
    "$PYTHON" - "$1" <<'PY'
import socket
import sys

with socket.socket() as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("0.0.0.0", int(sys.argv[1])))
    except OSError:
        sys.exit(1)
PY
}

# pb_free_port FIRST: print the first TCP port from FIRST on that nothing listens on.
pb_free_port() {
    local port="$1"
    while ! pb_port_free "$port"; do port=$((port + 1)); done
    echo "$port"
}

# pb_check_odoo_log LOG: fail when the Odoo log has ERROR/CRITICAL records (Odoo may exit 0
# after a module failed to load).
pb_check_odoo_log() {
    local errors
    errors="$(grep -E '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$1" || true)"
    if [ -n "$errors" ]; then
        printf '%s\n' "$errors" | head -n 20 >&2
        return 1
    fi
}

# pb_languages LANG: the languages a new database loads (Odoo's --load-language): the three
# the product ships in, LANG first.
pb_languages() {
    local langs="$1" other
    for other in zh_CN zh_TW en_US; do
        [ "$other" = "$1" ] || langs="$langs,$other"
    done
    echo "$langs"
}

# pb_set_language CONF DB LANG: make LANG the language of the administrator and of the company
# (its contact), as Odoo's database manager does for a new database; new contacts and users
# take the language of the user who creates them. Time zone Asia/Shanghai for the administrator.
pb_set_language() {
    PB_LANG="$3" pb_odoo shell -c "$1" -d "$2" --no-http --log-level=warn <<'PY' >/dev/null
import os
lang = os.environ["PB_LANG"]
env["res.lang"]._activate_lang(lang)
env.ref("base.user_admin").write({"lang": lang, "tz": "Asia/Shanghai"})
env.ref("base.main_company").partner_id.write({"lang": lang})
env.cr.commit()
PY
}
