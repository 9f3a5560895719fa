#!/usr/bin/env bash
# Stops what ops/ha/up.sh started (by the pids it recorded, nothing else): app nodes, HAProxy,
# Patroni (which stops its PostgreSQL), etcd. --purge also deletes the data ($WUYE_OPS_DIR/ha).
set -euo pipefail
# shellcheck source=env.sh
source "$(dirname "$0")/env.sh"

[ -d "$RUN" ] || {
  log "nothing to stop ($RUN does not exist)"
  exit 0
}
for a in app1 app2; do stop_pidfile "$RUN/$a.pid"; done
stop_pidfile "$RUN/haproxy.pid"
# replica first, so the primary does not wait for a standby that is going away
primary=$(current_primary || true)
for n in pg1 pg2; do [ "$n" = "$primary" ] || stop_pidfile "$RUN/$n.pid"; done
[ -n "$primary" ] && stop_pidfile "$RUN/$primary.pid"
# a postmaster left behind by a Patroni that was killed (drills): stop it by its own pid file
for n in pg1 pg2; do
  if [ -f "$RUN/$n/data/postmaster.pid" ]; then
    pid=$(head -1 "$RUN/$n/data/postmaster.pid")
    if kill -0 "$pid" 2>/dev/null && [ "$(ps -o comm= -p "$pid")" = postgres ]; then
      echo "$pid" >"$RUN/$n-postmaster.pid"
      stop_pidfile "$RUN/$n-postmaster.pid" INT
    fi
  fi
done
stop_pidfile "$RUN/etcd.pid"
log "stopped"
if [ "${1:-}" = --purge ]; then
  rm -rf "$RUN"
  log "deleted $RUN"
fi
