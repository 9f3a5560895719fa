# Shared by the ops/ scripts (sourced, not run). Everything runs on loopback, as the `postgres`
# user for the database processes (PostgreSQL refuses to run as root), with state under
# $WUYE_OPS_DIR (outside the work tree). Every wait polls a condition with a timeout.

set -euo pipefail

OPS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$OPS_ROOT/.." && pwd)"
WUYE_OPS_DIR="${WUYE_OPS_DIR:-/var/tmp/wuye-ops}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PY=/usr/bin/python3 # Debian's python (patroni and the load client need only its standard library)

# The app's database login. Kept in variables so that a separate owner (migrations) / app role
# (owns nothing) slots in: set WUYE_DB_USER/WUYE_DB_PASSWORD to the app role, WUYE_DB_OWNER/... to
# the owner. Today the app connects as the owner.
WUYE_DB_NAME="${WUYE_DB_NAME:-wuye}"
WUYE_DB_OWNER="${WUYE_DB_OWNER:-wuye}"
WUYE_DB_OWNER_PASSWORD="${WUYE_DB_OWNER_PASSWORD:-wuye-owner-pw}"
WUYE_DB_USER="${WUYE_DB_USER:-$WUYE_DB_OWNER}"
WUYE_DB_PASSWORD="${WUYE_DB_PASSWORD:-$WUYE_DB_OWNER_PASSWORD}"
PG_SUPERUSER_PASSWORD="${PG_SUPERUSER_PASSWORD:-wuye-super-pw}"
PG_REPLICATION_PASSWORD="${PG_REPLICATION_PASSWORD:-wuye-repl-pw}"

# Demo logins used by the drills (README: every demo account has this password)
DEMO_PASSWORD="${DEMO_PASSWORD:-Wuye@Demo2026}"
RESIDENT_LOGIN="${RESIDENT_LOGIN:-13800000001}"
CASHIER_LOGIN="${CASHIER_LOGIN:-shouyin}"

exec 3>&2 # the script's stderr, for messages from commands whose output wait_until discards
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&3; }
die() { log "ERROR: $*"; exit 1; }

# wait_until TIMEOUT_S DESCRIPTION CMD... : polls CMD (every $POLL s, default 0.2) until it succeeds
wait_until() {
  local timeout=$1 what=$2
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      log "timed out after ${timeout}s waiting for: $what"
      return 1
    fi
    sleep "${POLL:-0.2}"
  done
}

# apt-get install only what is missing (idempotent)
need_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    # the packages' own services are not wanted (and cannot start without systemd here)
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# prefix that runs a command as the postgres user, exec'd in place (no wrapper process left), so
# the pid recorded by start_bg is the program's own: "${AS_PG[@]}" cmd args...
if [ "$(id -un)" = postgres ]; then
  AS_PG=(env)
else
  AS_PG=(setpriv --reuid=postgres --regid=postgres --init-groups --reset-env -- env PATH=/usr/bin:/bin HOME=/var/lib/postgresql LANG=C.UTF-8)
fi

# start_bg NAME LOGFILE CMD... : starts CMD in its own session, records its pid in $RUN/NAME.pid
start_bg() {
  local name=$1 logfile=$2
  shift 2
  setsid "$@" >>"$logfile" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
}

# stop_pidfile FILE [SIGNAL]: ends the process recorded in FILE (only that one) and waits for it
stop_pidfile() {
  local f=$1 sig=${2:-TERM} pid
  [ -f "$f" ] || return 0
  pid=$(head -1 "$f")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "-$sig" "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      log "pid $pid ($f) still running after 30 s: KILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$f"
}

port_free() { ! ss -ltn "sport = :$1" | grep -q LISTEN; }

# seconds between two epoch times, one decimal
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'; }

http_ok() { curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; }

# The packaged app jar of this work tree (built offline if missing)
app_jar() {
  local jar
  jar=$(ls "$REPO_ROOT"/target/service-center-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [ -z "$jar" ] || [ "${WUYE_REBUILD:-0}" = 1 ]; then
    log "building the app jar (./mvnw -q -B -o package -DskipTests)"
    (cd "$REPO_ROOT" && ./mvnw -q -B -o package -DskipTests) >&2
    jar=$(ls "$REPO_ROOT"/target/service-center-*.jar | grep -v original | head -1)
  fi
  echo "$jar"
}

# start_app NAME HTTP_PORT JDBC_URL [extra app args...]: one app node; waits until ready
start_app() {
  local name=$1 port=$2 url=$3
  shift 3
  local jar
  jar=$(app_jar)
  mkdir -p "$RUN/$name"
  log "starting app node $name on :$port ($url)"
  (
    cd "$RUN/$name"
    export PORT=$port SPRING_DATASOURCE_URL="$url" \
      SPRING_DATASOURCE_USERNAME="$WUYE_DB_USER" SPRING_DATASOURCE_PASSWORD="$WUYE_DB_PASSWORD"
    # drop the connection to a failed server fast, give up waiting for a pooled connection in 10 s
    export SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT=10000 SPRING_DATASOURCE_HIKARI_VALIDATION_TIMEOUT=2000
    start_bg "$name" "$RUN/$name/app.log" java -Xms128m -Xmx512m -jar "$jar" "$@"
  )
}

app_alive_or_ready() { # name port: fails only while the node is alive and not ready yet
  http_ok "http://127.0.0.1:$2/actuator/health/readiness" && return 0
  kill -0 "$(cat "$RUN/$1.pid" 2>/dev/null || echo 0)" 2>/dev/null || return 0
  return 1
}

wait_app() {
  local name=$1 port=$2 timeout=${3:-300} t0=$SECONDS
  wait_until "$timeout" "app $name ready on :$port" app_alive_or_ready "$name" "$port" &&
    http_ok "http://127.0.0.1:$port/actuator/health/readiness" ||
    {
      log "app $name did not become ready; its log ends:"
      tail -40 "$RUN/$name/app.log" >&2
      return 1
    }
  log "app $name ready in $((SECONDS - t0)) s"
}

# psql as a given user against host:port/db; prints unaligned, tuples only
psql_at() {
  local port=$1 user=$2 pw=$3 db=$4
  shift 4
  PGPASSWORD="$pw" PGCONNECT_TIMEOUT=3 "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U "$user" -d "$db" \
    -X -q -A -t -v ON_ERROR_STOP=1 "$@"
}
