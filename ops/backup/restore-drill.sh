#!/usr/bin/env bash
# The restore drill, with pgBackRest (Debian `pgbackrest`), on a PostgreSQL 15 of its own:
#   1. source cluster (WAL archived by pgBackRest, archive_timeout 15 s), one app node, load
#      (repair reports + counter payments, as in the failover drill)
#   2. a full backup while the load runs; the load goes on (WAL after the backup)
#   3. restore point T: the writers pause between writes, per-table counts and the audit_log rows
#      are taken, WAL switched; the load resumes (writes after T must not come back)
#   4. disaster: kill -9 of the source's postmaster under load
#   5. point-in-time restore to T into a fresh cluster: counts and audit_log compared with T,
#      every write acknowledged before T present, none sent after T; the app started on it and
#      used (login, the cashier's account of a unit) -> RTO
#   6. restore to the end of the archive into another fresh cluster -> RPO (acknowledged writes
#      lost with the source, in seconds), its audit_log rows compared with the source's
# Report: ops/results/<date>-restore-drill.md. State: $WUYE_OPS_DIR/backup (deleted at the start).
# Everything it starts is stopped at the end (--keep leaves the restored app running).
set -euo pipefail
# shellcheck source=../lib/common.sh
source "$(dirname "$0")/../lib/common.sh"

KEEP=0
[ "${1:-}" = --keep ] && KEEP=1
RUN="$WUYE_OPS_DIR/backup"
SRC_PORT="${SRC_PORT:-15532}"
PITR_PORT="${PITR_PORT:-15533}"
LATEST_PORT="${LATEST_PORT:-15534}"
SRC_APP_PORT="${SRC_APP_PORT:-18091}"
PITR_APP_PORT="${PITR_APP_PORT:-18092}"
STANZA=wuye
CONF="$RUN/pgbackrest.conf"

need_packages postgresql-15 pgbackrest curl

# ---------------------------------------------------------------- clean start
stop_all() {
  for a in app-src app-pitr "load"; do stop_pidfile "$RUN/$a.pid"; done
  for c in src pitr latest; do
    if [ -f "$RUN/$c/data/postmaster.pid" ]; then
      "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$RUN/$c/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
  done
}
if [ -d "$RUN" ]; then stop_all; fi
rm -rf "$RUN"
mkdir -p "$RUN"/{repo,log,lock,spool,src,pitr,latest}
chown -R postgres: "$RUN"
chmod 750 "$RUN"
mkdir -p "$OPS_ROOT/results"

cat >"$CONF" <<EOF
[global]
repo1-path=$RUN/repo
repo1-retention-full=2
log-path=$RUN/log
lock-path=$RUN/lock
spool-path=$RUN/spool
log-level-console=warn
log-level-file=info
start-fast=y
process-max=2
compress-type=gz
compress-level=1

[$STANZA]
pg1-path=$RUN/src/data
pg1-port=$SRC_PORT
pg1-socket-path=$RUN/src
pg1-user=postgres
EOF
chown postgres: "$CONF"
BR=("${AS_PG[@]}" pgbackrest --config="$CONF" --stanza="$STANZA")

# polled during recovery: true once promoted; stops the wait (exit) if the server died
not_in_recovery() { # port name
  if ! "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$RUN/$2/data" status >/dev/null 2>&1; then
    log "the $2 cluster stopped during recovery; its log ends:"
    tail -5 "$RUN/$2/postgres.log" >&3
    exit 1
  fi
  [ "$(su_psql "$1" postgres -c "SELECT pg_is_in_recovery()")" = f ]
}
pg_start() { # name port [extra postgres options]
  local name=$1 port=$2
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$RUN/$name/data" -l "$RUN/$name/postgres.log" -w -t 300 \
    -o "-p $port -k $RUN/$name -c listen_addresses=127.0.0.1 ${3:-}" start >/dev/null
}
su_psql() { psql_at "$1" postgres "$PG_SUPERUSER_PASSWORD" "${2:-postgres}" "${@:3}"; }
db_psql() { psql_at "$1" "$WUYE_DB_USER" "$WUYE_DB_PASSWORD" "$WUYE_DB_NAME" "${@:2}"; }
now() { date +%s.%N; }

# ---------------------------------------------------------------- 1. source cluster + app + load
log "initdb the source cluster (:$SRC_PORT)"
echo "$PG_SUPERUSER_PASSWORD" >"$RUN/pwfile"
chown postgres: "$RUN/pwfile"
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$RUN/src/data" -E UTF8 --locale=C.UTF-8 -k -U postgres \
  --auth-local=trust --auth-host=scram-sha-256 --pwfile="$RUN/pwfile" >/dev/null
cat >>"$RUN/src/data/postgresql.conf" <<EOF
port = $SRC_PORT
unix_socket_directories = '$RUN/src'
listen_addresses = '127.0.0.1'
max_connections = 100
shared_buffers = 128MB
wal_level = replica
archive_mode = on
archive_command = 'pgbackrest --config=$CONF --stanza=$STANZA archive-push %p'
archive_timeout = 15
max_wal_senders = 3
EOF
pg_start src "$SRC_PORT"
su_psql "$SRC_PORT" postgres -c "CREATE ROLE \"$WUYE_DB_OWNER\" LOGIN PASSWORD '$WUYE_DB_OWNER_PASSWORD'"
su_psql "$SRC_PORT" postgres -c "CREATE DATABASE \"$WUYE_DB_NAME\" OWNER \"$WUYE_DB_OWNER\" TEMPLATE template0 ENCODING 'UTF8'"
"${BR[@]}" stanza-create
"${BR[@]}" check

SRC_URL="jdbc:postgresql://127.0.0.1:$SRC_PORT/$WUYE_DB_NAME?connectTimeout=5&socketTimeout=30"
# schedules off on this node: between the quiet point's snapshot and the restore target nothing
# may write, or the per-table counts could not be compared exactly
start_app app-src "$SRC_APP_PORT" "$SRC_URL" --wuye.demo.on-external-db=true --wuye.scheduling.enabled=false
wait_app app-src "$SRC_APP_PORT" 400

RUN_ID="B$(date +%m%d%H%M%S)"
EVENTS="$RUN/events.jsonl"
STOP="$RUN/stop"
PAUSE="$RUN/pause"
RESIDENT_UNIT=$(db_psql "$SRC_PORT" -c "SELECT u.id FROM unit u JOIN occupancy o ON o.unit_id = u.id JOIN resident r ON r.id = o.resident_id
  WHERE r.phone = '$RESIDENT_LOGIN' AND o.moved_out IS NULL ORDER BY u.id LIMIT 1")
PAY_UNITS=$(db_psql "$SRC_PORT" -c "SELECT string_agg(id::text, ',') FROM (SELECT id FROM unit ORDER BY id LIMIT 4) u")
log "load $RUN_ID: 2 payment + 2 repair clients on :$SRC_APP_PORT"
start_bg load "$RUN/load.log" "$PY" "$OPS_ROOT/lib/load.py" --base "http://127.0.0.1:$SRC_APP_PORT" \
  --out "$EVENTS" --stop-file "$STOP" --pause-file "$PAUSE" --give-up 3 --no-probe --run "$RUN_ID" \
  --pay-units "$PAY_UNITS" --repair-unit "$RESIDENT_UNIT" --payers 2 --reporters 2 \
  --cashier "$CASHIER_LOGIN" --resident "$RESIDENT_LOGIN" --password "$DEMO_PASSWORD"
trap 'touch "$STOP"' EXIT
acked_after() {
  "$PY" -c '
import json,sys
t=float(sys.argv[2])
print(sum(1 for l in open(sys.argv[1], encoding="utf-8") for e in [json.loads(l)]
          if e.get("ev")=="op" and e.get("final")=="acked" and e["t_ack"]>t))' "$EVENTS" "$1"
}
at_least_acked_after() { [ "$(acked_after "$1")" -ge "$2" ]; }
count_paused_after() {
  "$PY" -c '
import json,sys
t=float(sys.argv[2])
print(sum(1 for l in open(sys.argv[1], encoding="utf-8") for e in [json.loads(l)] if e.get("ev")=="paused" and e["t"]>t))' "$EVENTS" "$1"
}
all_paused_after() { [ "$(count_paused_after "$1")" -ge 4 ]; }
export POLL=1

T0=$(now)
wait_until 180 "30 acknowledged writes" at_least_acked_after "$T0" 30 || die "no load"

# ---------------------------------------------------------------- 2. full backup under load
log "full backup while the load runs"
ACKED_BEFORE_BACKUP=$(acked_after 0)
T_BACKUP_START=$(now)
"${BR[@]}" backup --type=full
T_BACKUP_END=$(now)
ACKED_DURING_BACKUP=$(($(acked_after 0) - ACKED_BEFORE_BACKUP))
BACKUP_INFO=$("${BR[@]}" info)
log "backup done in $(secs "$T_BACKUP_END" "$T_BACKUP_START") s ($ACKED_DURING_BACKUP writes acknowledged meanwhile)"
wait_until 180 "30 writes after the backup" at_least_acked_after "$T_BACKUP_END" 30 || die "load stalled"

# ---------------------------------------------------------------- 3. restore point T
T_PAUSE=$(now)
touch "$PAUSE"
wait_until 120 "all writers paused" all_paused_after "$T_PAUSE" || die "writers did not pause"
T_CUT=$(now)
# what the database holds at T: rows per table, the audit_log rows themselves
TABLES=$(db_psql "$SRC_PORT" -c "SELECT string_agg(format('SELECT %L AS t, count(*) AS n FROM %I', tablename, tablename), ' UNION ALL ' ORDER BY tablename)
  FROM pg_tables WHERE schemaname = 'public'")
COUNTS_SQL="SELECT t, n FROM ($TABLES) c ORDER BY t"
AUDIT_SQL="COPY (SELECT id, occurred_at, actor, entity_type, entity_id, action, before_state, after_state FROM audit_log ORDER BY id) TO STDOUT"
# quiet: no event publication still being processed (listeners write after the request's commit),
# and the same counts before and after T is read
events_done() { [ "$(db_psql "$SRC_PORT" -c "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")" = 0 ]; }
POLL=0.5 wait_until 60 "event listeners finished" events_done || log "WARNING: event publications still open"
for try in 1 2 3 4 5 6 7 8 9 10; do
  db_psql "$SRC_PORT" -F ' ' -c "$COUNTS_SQL" >"$RUN/counts-T.txt"
  db_psql "$SRC_PORT" -c "$AUDIT_SQL" >"$RUN/audit-T.txt"
  TARGET=$(db_psql "$SRC_PORT" -c "SELECT to_char(clock_timestamp(), 'YYYY-MM-DD HH24:MI:SS.USOF')")
  db_psql "$SRC_PORT" -F ' ' -c "$COUNTS_SQL" >"$RUN/counts-T2.txt"
  cmp -s "$RUN/counts-T.txt" "$RUN/counts-T2.txt" && break
  log "something wrote while T was taken (try $try); again"
done
cmp -s "$RUN/counts-T.txt" "$RUN/counts-T2.txt" || die "the source never went quiet"
SWITCH_WAL=$(su_psql "$SRC_PORT" postgres -c "SELECT pg_walfile_name(pg_switch_wal())")
rm -f "$PAUSE"
T_RESUME=$(now)
log "restore point T = $TARGET ($(wc -l <"$RUN/audit-T.txt") audit rows); load resumed"
archived() { # the segment holding T (or a later one) is in the archive
  local last
  last=$(su_psql "$SRC_PORT" postgres -c "SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver") || return 1
  [ -n "$last" ] && [[ ! "$last" < "$SWITCH_WAL" ]]
}
wait_until 120 "WAL up to T archived ($SWITCH_WAL)" archived || die "archiving stalled"
# recovery to a time stops at the first commit after it, so the archive must hold WAL past T: wait
# until the archiver (archive_timeout) has pushed a later segment, then let the load run on
SWITCH_WAL=$(su_psql "$SRC_PORT" postgres -c "SELECT pg_walfile_name(pg_current_wal_lsn())")
wait_until 120 "a segment written after T archived ($SWITCH_WAL)" archived || die "archiving stalled"
T_ARCHIVED=$(now)
wait_until 180 "30 writes after that" at_least_acked_after "$T_ARCHIVED" 30 || die "load stalled"

# ---------------------------------------------------------------- 4. disaster
# the whole source is lost at once: its postmaster with every backend, and the app node on it
PM=$(head -1 "$RUN/src/data/postmaster.pid")
PG_PIDS="$PM $(pgrep -P "$PM" | tr '\n' ' ')"
APP_PID=$(cat "$RUN/app-src.pid")
log "kill -9 the source (postmaster $PM and its children, app node $APP_PID) under load"
T_DISASTER=$(now)
# shellcheck disable=SC2086
kill -9 $PG_PIDS "$APP_PID" 2>/dev/null || true
rm -f "$RUN/app-src.pid"
touch "$STOP"
POLL=0.5 wait_until 90 "load clients stopped" bash -c "! kill -0 $(cat "$RUN/load.pid") 2>/dev/null" ||
  stop_pidfile "$RUN/load.pid"

# ---------------------------------------------------------------- 5. point-in-time restore to T
log "point-in-time restore to $TARGET into a fresh cluster (:$PITR_PORT)"
T_R0=$(now)
"${BR[@]}" --pg1-path="$RUN/pitr/data" --type=time --target="$TARGET" --target-action=promote restore
T_R1=$(now)
# the restored copy must not push its own WAL into the source's archive
pg_start pitr "$PITR_PORT" "-c archive_mode=off"
POLL=0.2 wait_until 600 "recovery to T finished" not_in_recovery "$PITR_PORT" pitr
T_R2=$(now)
db_psql "$PITR_PORT" -F ' ' -c "$COUNTS_SQL" >"$RUN/counts-pitr.txt"
db_psql "$PITR_PORT" -c "$AUDIT_SQL" >"$RUN/audit-pitr.txt"
COUNT_DIFF=$(diff "$RUN/counts-T.txt" "$RUN/counts-pitr.txt" || true)
TABLES_N=$(wc -l <"$RUN/counts-T.txt")
ROWS_T=$(awk '{s += $2} END {print s}' "$RUN/counts-T.txt")
AUDIT_T=$(md5sum <"$RUN/audit-T.txt" | cut -c1-32)
AUDIT_P=$(md5sum <"$RUN/audit-pitr.txt" | cut -c1-32)
PITR_CHECK=$(PGHOST=127.0.0.1 PGPORT=$PITR_PORT PGUSER=$WUYE_DB_USER PGPASSWORD=$WUYE_DB_PASSWORD \
  PGDATABASE=$WUYE_DB_NAME PSQL="$PG_BIN/psql" "$PY" "$OPS_ROOT/lib/pitr_check.py" "$EVENTS" "$RUN_ID" "$T_CUT")
PITR_URL="jdbc:postgresql://127.0.0.1:$PITR_PORT/$WUYE_DB_NAME?connectTimeout=5&socketTimeout=30"
start_app app-pitr "$PITR_APP_PORT" "$PITR_URL" --wuye.demo.enabled=false
wait_app app-pitr "$PITR_APP_PORT" 400
# used: the cashier logs in and reads the account of a unit the load paid into
TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"username\":\"$CASHIER_LOGIN\",\"password\":\"$DEMO_PASSWORD\"}" \
  "http://127.0.0.1:$PITR_APP_PORT/api/v1/auth/login" | jq -r .token)
FIRST_UNIT=${PAY_UNITS%%,*}
PAYMENTS_SEEN=$(curl -fsS -H "X-Auth-Token: $TOKEN" \
  "http://127.0.0.1:$PITR_APP_PORT/api/v1/billing/units/$FIRST_UNIT/account" | jq '.payments | length')
T_R3=$(now)
log "restored app answers: the cashier sees $PAYMENTS_SEEN payments of unit $FIRST_UNIT"

# ---------------------------------------------------------------- 6. restore to the end of the archive
log "restore to the end of the archive into a fresh cluster (:$LATEST_PORT)"
"${BR[@]}" --pg1-path="$RUN/latest/data" --type=default restore
pg_start latest "$LATEST_PORT" "-c archive_mode=off"
wait_until 600 "recovery to the end of the archive" not_in_recovery "$LATEST_PORT" latest
RPO_CHECK=$(PGHOST=127.0.0.1 PGPORT=$LATEST_PORT PGUSER=$WUYE_DB_USER PGPASSWORD=$WUYE_DB_PASSWORD \
  PGDATABASE=$WUYE_DB_NAME PSQL="$PG_BIN/psql" "$PY" "$OPS_ROOT/lib/pitr_check.py" "$EVENTS" "$RUN_ID" 0 --disaster "$T_DISASTER")
db_psql "$LATEST_PORT" -c "$AUDIT_SQL" | sort >"$RUN/audit-latest.txt"
# the source itself, after crash recovery: what was committed when it died
pg_start src "$SRC_PORT" "-c archive_mode=off"
db_psql "$SRC_PORT" -c "$AUDIT_SQL" | sort >"$RUN/audit-src-final.txt"
AUDIT_NOT_IN_SRC=$(comm -23 "$RUN/audit-latest.txt" "$RUN/audit-src-final.txt" | wc -l)
AUDIT_TAIL_LOST=$(comm -13 "$RUN/audit-latest.txt" "$RUN/audit-src-final.txt" | wc -l)

# ---------------------------------------------------------------- report
kv() { echo "$1" | sed -n "s/^$2=//p"; }
PASS=1
[ -z "$COUNT_DIFF" ] && [ "$AUDIT_T" = "$AUDIT_P" ] && [ "$(kv "$PITR_CHECK" acked_before_cut_missing)" = 0 ] &&
  [ "$(kv "$PITR_CHECK" sent_after_cut_present)" = 0 ] && [ "$AUDIT_NOT_IN_SRC" = 0 ] || PASS=0
REPORT="$OPS_ROOT/results/$(date +%Y-%m-%d)-restore-drill.md"
{
  echo "# Restore drill $RUN_ID — $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  echo "Command: \`ops/backup/restore-drill.sh\` on commit $(git -C "$REPO_ROOT" rev-parse --short HEAD)" \
    "($(nproc) cores shared with other work; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))."
  echo "pgBackRest $(pgbackrest version | cut -d' ' -f2), PostgreSQL 15, WAL archived by pgBackRest (archive_timeout 15 s);" \
    "one app node, 2 cashier + 2 resident clients writing all along."
  echo
  echo "| step | measured |"
  echo "|---|---|"
  echo "| full backup while the load ran | $(secs "$T_BACKUP_END" "$T_BACKUP_START") s; $ACKED_DURING_BACKUP writes acknowledged during it |"
  echo "| restore point T | $TARGET (writers paused between writes; then resumed: $(kv "$PITR_CHECK" sent_after_cut) writes sent after T) |"
  echo "| source lost (kill -9 of the postmaster, its backends and the app node, under load) | $(secs "$T_DISASTER" "$T_RESUME") s after T |"
  echo "| pgbackrest restore --type=time (files) | $(secs "$T_R1" "$T_R0") s |"
  echo "| WAL replay to T and promotion | $(secs "$T_R2" "$T_R1") s |"
  echo "| app started on the restored cluster, cashier logged in and read an account | $(secs "$T_R3" "$T_R2") s ($PAYMENTS_SEEN payments listed for unit $FIRST_UNIT) |"
  echo "| **RTO** (restore command → app answering) | **$(secs "$T_R3" "$T_R0") s** |"
  echo "| tables compared (rows per table, T vs restored) | $TABLES_N tables, $ROWS_T rows at T: $([ -z "$COUNT_DIFF" ] && echo "all equal" || echo "DIFFERENT") |"
  echo "| audit_log (every row, in id order) | $(wc -l <"$RUN/audit-T.txt") rows at T, md5 $AUDIT_T; restored md5 $AUDIT_P: $([ "$AUDIT_T" = "$AUDIT_P" ] && echo identical || echo DIFFERENT) |"
  echo "| writes acknowledged before T missing from the restore | $(kv "$PITR_CHECK" acked_before_cut_missing) of $(kv "$PITR_CHECK" acked_before_cut) |"
  echo "| writes sent after T present in the restore | $(kv "$PITR_CHECK" sent_after_cut_present) of $(kv "$PITR_CHECK" sent_after_cut) |"
  echo "| restore to the end of the archive: acknowledged writes lost with the source | $(kv "$RPO_CHECK" acked_missing) of $(kv "$RPO_CHECK" acked_before_disaster) |"
  echo "| **RPO** (the source lost, backup + archive only) | **$(kv "$RPO_CHECK" rpo_seconds) s** of acknowledged writes (newest restored write: $(kv "$RPO_CHECK" newest_restored_ack_before_disaster_s) s before the loss) |"
  echo "| audit_log, end-of-archive restore vs the crashed source (after its crash recovery) | rows not in the source: $AUDIT_NOT_IN_SRC; source rows not restored (the unarchived tail): $AUDIT_TAIL_LOST |"
  echo
  if [ -n "$COUNT_DIFF" ]; then
    echo "Counts that differ (T vs restored):"
    echo '```'
    echo "$COUNT_DIFF"
    echo '```'
  fi
  echo "Rows per table at T (all equal in the restore: $([ -z "$COUNT_DIFF" ] && echo yes || echo no)):"
  echo
  awk '$2 > 0 { printf "%s %s; ", $1, $2 } END { print "" }' "$RUN/counts-T.txt"
  echo
  echo '```'
  echo "$BACKUP_INFO"
  echo '```'
  echo
  echo "Result: $([ $PASS = 1 ] && echo PASS || echo FAIL)"
} >"$REPORT"
cat "$REPORT"

if [ $KEEP = 0 ]; then
  stop_all
  log "stopped the drill's clusters and app (data kept in $RUN until the next run)"
else
  log "kept running: restored app :$PITR_APP_PORT on the PITR cluster :$PITR_PORT"
fi
[ $PASS = 1 ]
