# Ports and folders of the HA stack (sourced). All on 127.0.0.1; override any of them by env.
# shellcheck source=../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

RUN="$WUYE_OPS_DIR/ha"
ETCD_CLIENT_PORT="${ETCD_CLIENT_PORT:-23790}"
ETCD_PEER_PORT="${ETCD_PEER_PORT:-23800}"
PG1_PORT="${PG1_PORT:-15432}"
PG2_PORT="${PG2_PORT:-15433}"
PG1_REST="${PG1_REST:-18008}"
PG2_REST="${PG2_REST:-18009}"
HAPROXY_PG_PORT="${HAPROXY_PG_PORT:-15000}"      # always the current primary (Patroni /primary)
HAPROXY_PG_RO_PORT="${HAPROXY_PG_RO_PORT:-15001}" # the synchronous standby (Patroni /replica)
HAPROXY_HTTP_PORT="${HAPROXY_HTTP_PORT:-18080}"  # the two app nodes
HAPROXY_STATS_PORT="${HAPROXY_STATS_PORT:-17000}"
APP1_PORT="${APP1_PORT:-18081}"
APP2_PORT="${APP2_PORT:-18082}"
PATRONI_SCOPE=wuye
APP_URL="http://127.0.0.1:$HAPROXY_HTTP_PORT"
# connectTimeout/socketTimeout (s): a connection to a dead server fails in seconds, not minutes
JDBC_URL="jdbc:postgresql://127.0.0.1:$HAPROXY_PG_PORT/$WUYE_DB_NAME?connectTimeout=5&socketTimeout=30&tcpKeepAlive=true"

# pg_node N -> "name port restport"
pg_node() {
  case $1 in
  1) echo "pg1 $PG1_PORT $PG1_REST" ;;
  2) echo "pg2 $PG2_PORT $PG2_REST" ;;
  esac
}

# the node Patroni currently calls primary (pg1/pg2), or nothing
current_primary() {
  local n name port rest
  for n in 1 2; do
    read -r name port rest <<<"$(pg_node "$n")"
    if curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$rest/primary" 2>/dev/null; then
      echo "$name"
      return 0
    fi
  done
  return 1
}

# true when one node is primary and the other its synchronous standby, streaming
cluster_healthy() {
  local p s
  p=$(current_primary) || return 1
  if [ "$p" = pg1 ]; then s=$PG2_REST; else s=$PG1_REST; fi
  curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$s/sync" 2>/dev/null || return 1
}

super_psql() { psql_at "$HAPROXY_PG_PORT" postgres "$PG_SUPERUSER_PASSWORD" "${1:-postgres}" "${@:2}"; }
app_psql() { psql_at "$HAPROXY_PG_PORT" "$WUYE_DB_USER" "$WUYE_DB_PASSWORD" "$WUYE_DB_NAME" "$@"; }
