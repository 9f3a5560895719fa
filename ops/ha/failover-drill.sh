#!/usr/bin/env bash
# The failover drill. Brings the stack up if needed (ops/ha/up.sh), then under load (residents
# reporting repairs, the cashier taking counter payments with idempotency keys, a token and a
# browser session probed twice a second; clients retry an unknown outcome with the same key):
#   1. kill -9 the PostgreSQL primary's postmaster; wait for Patroni to promote the synchronous
#      standby and for writes to flow again; wait for the old primary to rejoin as standby
#   2. kill -9 one app node; wait for writes and probes to go on through the other
# then compares what the clients were told with what the new primary holds and writes the report
# to ops/results/<date>-failover-drill.md. Exit status 1 if a figure that must hold did not.
#   ops/ha/failover-drill.sh [--clients N]   (N writers of each kind, default 4)
set -euo pipefail
# shellcheck source=env.sh
source "$(dirname "$0")/env.sh"

CLIENTS=4
while [ $# -gt 0 ]; do
  case $1 in
  --clients) CLIENTS=$2; shift 2 ;;
  *) die "unknown option $1" ;;
  esac
done

"$OPS_ROOT/ha/up.sh"

RUN_ID="F$(date +%m%d%H%M%S)"
DRILL="$RUN/drill-$RUN_ID"
mkdir -p "$DRILL" "$OPS_ROOT/results"
EVENTS="$DRILL/events.jsonl"
STOP="$DRILL/stop"
REPORT="$OPS_ROOT/results/$(date +%Y-%m-%d)-failover-drill.md"
mark() { printf '{"ev":"mark","what":"%s","t":%s}\n' "$1" "$(date +%s.%N)" >>"$EVENTS"; }
acked_after() { # epoch: writes acknowledged after it
  /usr/bin/python3 -c '
import json,sys
t=float(sys.argv[2]); n=0
for l in open(sys.argv[1], encoding="utf-8"):
    e=json.loads(l)
    if e.get("ev")=="op" and e.get("final")=="acked" and e["t_ack"]>t: n+=1
print(n)' "$EVENTS" "$1"
}
probes_ok_after() {
  /usr/bin/python3 -c '
import json,sys
t=float(sys.argv[2]); n=0
for l in open(sys.argv[1], encoding="utf-8"):
    e=json.loads(l)
    if e.get("ev")=="probe" and e["ok"] and e["t0"]>t: n+=1
print(n)' "$EVENTS" "$1"
}
at_least() { [ "$("$1" "$2")" -ge "$3" ]; } # fn arg min
export POLL=1 # the conditions below read the events file: poll once a second

RESIDENT_UNIT=$(app_psql -c "SELECT u.id FROM unit u JOIN occupancy o ON o.unit_id = u.id JOIN resident r ON r.id = o.resident_id
  WHERE r.phone = '$RESIDENT_LOGIN' AND o.moved_out IS NULL ORDER BY u.id LIMIT 1")
PAY_UNITS=$(app_psql -c "SELECT string_agg(id::text, ',') FROM (SELECT id FROM unit ORDER BY id LIMIT 4) u")
[ -n "$RESIDENT_UNIT" ] && [ -n "$PAY_UNITS" ] || die "demo data not found (resident $RESIDENT_LOGIN, units)"

BEFORE=$(patronictl -c "$RUN/pg1/patroni.yml" list 2>/dev/null)
log "drill $RUN_ID: load with $CLIENTS payment + $CLIENTS repair clients through $APP_URL (events: $EVENTS)"
mark load-start
start_bg "load-$RUN_ID" "$DRILL/load.log" "$PY" "$OPS_ROOT/lib/load.py" --base "$APP_URL" --out "$EVENTS" \
  --stop-file "$STOP" --run "$RUN_ID" --pay-units "$PAY_UNITS" --repair-unit "$RESIDENT_UNIT" \
  --payers "$CLIENTS" --reporters "$CLIENTS" --cashier "$CASHIER_LOGIN" --resident "$RESIDENT_LOGIN" \
  --password "$DEMO_PASSWORD"
LOAD_PID=$(cat "$RUN/load-$RUN_ID.pid")
finish() { touch "$STOP"; }
trap finish EXIT

T_START=$(date +%s.%N)
wait_until 180 "30 acknowledged writes (warm-up)" at_least acked_after "$T_START" 30 || die "no load"
wait_until 60 "probes answering" at_least probes_ok_after "$T_START" 4 || die "probes fail"

# ---------------------------------------------------------------- 1. the primary dies
OLD=$(current_primary)
[ "$OLD" = pg1 ] && NEW_EXPECTED=pg2 || NEW_EXPECTED=pg1
PM_PID=$(head -1 "$RUN/$OLD/data/postmaster.pid")
log "kill -9 the primary's postmaster ($OLD, pid $PM_PID)"
mark kill-primary
T_KILL=$(date +%s.%N)
kill -9 "$PM_PID"
new_primary_is() { [ "$(current_primary)" = "$1" ]; }
POLL=0.2 wait_until 120 "Patroni promotes $NEW_EXPECTED" new_primary_is "$NEW_EXPECTED" || die "no failover"
T_PROMOTED=$(date +%s.%N)
log "primary is now $NEW_EXPECTED ($(secs "$T_PROMOTED" "$T_KILL") s after the kill)"
wait_until 180 "30 writes acknowledged after the promotion" at_least acked_after "$T_PROMOTED" 30 || die "writes do not resume"
POLL=0.5 wait_until 240 "$OLD back as synchronous standby" cluster_healthy || log "WARNING: $OLD has not rejoined"
T_REJOINED=$(date +%s.%N)
AFTER_DB=$(patronictl -c "$RUN/pg1/patroni.yml" list 2>/dev/null)

# ---------------------------------------------------------------- 2. an app node dies
T_PRE=$(date +%s.%N)
wait_until 120 "10 more writes before the node kill" at_least acked_after "$T_PRE" 10 || true
APP_PID=$(cat "$RUN/app1.pid")
log "kill -9 app node app1 (pid $APP_PID)"
mark kill-app1
T_APPKILL=$(date +%s.%N)
kill -9 "$APP_PID"
wait_until 120 "30 writes acknowledged after the node kill" at_least acked_after "$T_APPKILL" 30 || die "writes stop"
wait_until 60 "10 token/session probes ok after the node kill" at_least probes_ok_after "$T_APPKILL" 10 || die "probes fail"

# ---------------------------------------------------------------- stop the load, compare
mark stop
touch "$STOP"
wait_until 120 "load clients finished" bash -c "! kill -0 $LOAD_PID"
log "comparing the clients' acknowledgements with the new primary"
set +e
ANALYSIS=$(PGHOST=127.0.0.1 PGPORT=$HAPROXY_PG_PORT PGUSER=$WUYE_DB_USER PGPASSWORD=$WUYE_DB_PASSWORD \
  PGDATABASE=$WUYE_DB_NAME PSQL="$PG_BIN/psql" "$PY" "$OPS_ROOT/lib/analyze.py" "$EVENTS" "$RUN_ID")
STATUS=$?
set -e

{
  echo "# Failover drill $RUN_ID — $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  echo "Command: \`ops/ha/failover-drill.sh --clients $CLIENTS\` on commit $(git -C "$REPO_ROOT" rev-parse --short HEAD)"
  echo "($(nproc) cores shared with other work; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))."
  echo
  echo "Stack: etcd 3.4 → Patroni 3.0.2 (pg1 :$PG1_PORT, pg2 :$PG2_PORT; PostgreSQL 15, synchronous_mode," \
    "primary_start_timeout 0, ttl 10 s, loop_wait 1 s) → HAProxy :$HAPROXY_PG_PORT (health: Patroni" \
    "\`/primary\`, every 0.5 s, down after 2, connections to a node marked down are cut) ← app1 :$APP1_PORT," \
    "app2 :$APP2_PORT ← HAProxy :$HAPROXY_HTTP_PORT (health: /actuator/health/readiness) ← load: $CLIENTS cashier" \
    "client(s) (payments, Idempotency-Key) + $CLIENTS resident client(s) (repair reports) + token/session probes."
  echo
  echo "## Timeline"
  echo
  echo "- kill -9 of the primary's postmaster ($OLD) at +$(secs "$T_KILL" "$T_START") s"
  echo "- Patroni promoted $NEW_EXPECTED $(secs "$T_PROMOTED" "$T_KILL") s after the kill (HAProxy then routes to it)"
  echo "- $OLD back as synchronous standby (pg_rewind / restart by its Patroni) $(secs "$T_REJOINED" "$T_KILL") s after the kill"
  echo "- kill -9 of app node app1 at +$(secs "$T_APPKILL" "$T_START") s; app2 went on alone"
  echo
  echo "## Figures"
  echo
  echo "Error window = first to last failed attempt in the phase (a failed attempt is retried with the same key)."
  echo
  echo "$ANALYSIS"
  echo
  echo "## Cluster before and after the database failover"
  echo
  echo '```'
  echo "$BEFORE"
  echo "$AFTER_DB"
  echo '```'
} >"$REPORT"
cat "$REPORT"
cp "$EVENTS" "$DRILL/events-kept.jsonl"
log "report: $REPORT (raw events: $EVENTS)"

# bring app1 back so the stack is whole again
start_app app1 "$APP1_PORT" "$JDBC_URL" --wuye.demo.enabled=false
wait_app app1 "$APP1_PORT" 400 || log "WARNING: app1 did not come back"
exit $STATUS
