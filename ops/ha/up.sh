#!/usr/bin/env bash
# Brings up, on this one machine (loopback only):
#   etcd (one member)  ->  Patroni pg1 + pg2: PostgreSQL 15 primary + synchronous standby
#   HAProxy :15000 -> whichever node Patroni's REST API calls /primary (:15001 -> /replica)
#   app1 :18081, app2 :18082 (the packaged jar, on jdbc:postgresql://127.0.0.1:15000/wuye)
#   HAProxy :18080 -> app1/app2 (health: /actuator/health/readiness), stats on :17000
# Idempotent: installs missing Debian packages, reuses a running stack. State: $WUYE_OPS_DIR/ha.
# Stop everything with ops/ha/down.sh.
set -euo pipefail
# shellcheck source=env.sh
source "$(dirname "$0")/env.sh"

need_packages postgresql-15 patroni etcd-server etcd-client haproxy curl

mkdir -p "$RUN"
chmod 755 "$WUYE_OPS_DIR" "$RUN"

# ---------------------------------------------------------------- etcd (the DCS)
if ! etcdctl --endpoints="127.0.0.1:$ETCD_CLIENT_PORT" endpoint health >/dev/null 2>&1; then
  mkdir -p "$RUN/etcd"
  chown postgres: "$RUN/etcd"
  chmod 700 "$RUN/etcd"
  log "starting etcd on :$ETCD_CLIENT_PORT"
  start_bg etcd "$RUN/etcd.log" "${AS_PG[@]}" etcd --name e1 --data-dir "$RUN/etcd/data" \
    --listen-client-urls "http://127.0.0.1:$ETCD_CLIENT_PORT" \
    --advertise-client-urls "http://127.0.0.1:$ETCD_CLIENT_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "e1=http://127.0.0.1:$ETCD_PEER_PORT" --initial-cluster-state new
  wait_until 60 "etcd healthy" etcdctl --endpoints="127.0.0.1:$ETCD_CLIENT_PORT" endpoint health
fi

# ---------------------------------------------------------------- Patroni + PostgreSQL 15
patroni_config() { # name pgport restport
  local name=$1 port=$2 rest=$3 dir="$RUN/$1"
  cat <<EOF
scope: $PATRONI_SCOPE
namespace: /wuye-ops/
name: $name
log:
  level: INFO
restapi:
  listen: 127.0.0.1:$rest
  connect_address: 127.0.0.1:$rest
etcd3:
  hosts: 127.0.0.1:$ETCD_CLIENT_PORT
bootstrap:
  dcs:
    # failure detected within ttl; loop_wait + 2 * retry_timeout <= ttl
    ttl: 10
    loop_wait: 1
    retry_timeout: 4
    maximum_lag_on_failover: 1048576
    # commits are acknowledged only once the synchronous standby has them; Patroni promotes only a
    # node that was synchronous, so a failover loses no acknowledged commit. Not strict: with the
    # standby gone the primary keeps accepting writes (availability over a second copy).
    synchronous_mode: true
    synchronous_mode_strict: false
    # a crashed primary is failed over at once rather than restarted in place
    primary_start_timeout: 0
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        synchronous_commit: "on"
        max_connections: 200
        max_wal_senders: 10
        max_replication_slots: 10
        wal_keep_size: 256MB
        shared_buffers: 128MB
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
    - data-checksums
postgresql:
  listen: 127.0.0.1:$port
  connect_address: 127.0.0.1:$port
  data_dir: $dir/data
  bin_dir: $PG_BIN
  pgpass: $dir/pgpass
  authentication:
    superuser:
      username: postgres
      password: $PG_SUPERUSER_PASSWORD
    replication:
      username: replicator
      password: $PG_REPLICATION_PASSWORD
    rewind:
      username: postgres
      password: $PG_SUPERUSER_PASSWORD
  parameters:
    unix_socket_directories: $dir
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
tags:
  nofailover: false
  noloadbalance: false
  clonefrom: false
EOF
}

for n in 1 2; do
  read -r name port rest <<<"$(pg_node "$n")"
  if curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$rest/health" 2>/dev/null ||
    { [ -f "$RUN/$name.pid" ] && kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null; }; then
    continue
  fi
  mkdir -p "$RUN/$name"
  patroni_config "$name" "$port" "$rest" >"$RUN/$name/patroni.yml"
  chown -R postgres: "$RUN/$name"
  chmod 700 "$RUN/$name"
  log "starting Patroni $name (PostgreSQL :$port, REST :$rest)"
  start_bg "$name" "$RUN/$name.log" "${AS_PG[@]}" patroni "$RUN/$name/patroni.yml"
  if [ "$n" = 1 ]; then
    # the first node bootstraps the cluster (initdb) before the second clones it
    wait_until 180 "Patroni $name leads" curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$rest/primary" ||
      {
        tail -30 "$RUN/$name.log" >&2
        exit 1
      }
  fi
done
wait_until 300 "a primary with a synchronous standby" cluster_healthy ||
  {
    tail -20 "$RUN/pg1.log" "$RUN/pg2.log" >&2
    exit 1
  }
log "Patroni: primary $(current_primary), synchronous standby streaming"

# ---------------------------------------------------------------- HAProxy
cat >"$RUN/haproxy.cfg" <<EOF
global
  maxconn 2000
defaults
  timeout connect 2s
  timeout client 30m
  timeout server 30m
  timeout check 1s
  retries 2
# PostgreSQL: only the node whose Patroni answers 200 on /primary gets connections; when it stops
# answering, its open connections are cut so the pools reconnect to the new primary
listen postgres_primary
  mode tcp
  bind 127.0.0.1:$HAPROXY_PG_PORT
  option httpchk OPTIONS /primary
  http-check expect status 200
  default-server inter 500ms fastinter 250ms fall 2 rise 2 on-marked-down shutdown-sessions
  server pg1 127.0.0.1:$PG1_PORT maxconn 150 check port $PG1_REST
  server pg2 127.0.0.1:$PG2_PORT maxconn 150 check port $PG2_REST
listen postgres_replicas
  mode tcp
  bind 127.0.0.1:$HAPROXY_PG_RO_PORT
  option httpchk OPTIONS /replica
  http-check expect status 200
  default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
  server pg1 127.0.0.1:$PG1_PORT maxconn 150 check port $PG1_REST
  server pg2 127.0.0.1:$PG2_PORT maxconn 150 check port $PG2_REST
# the app: two nodes, no stickiness (sessions and API tokens live in PostgreSQL)
frontend http
  mode http
  bind 127.0.0.1:$HAPROXY_HTTP_PORT
  timeout client 60s
  default_backend app
backend app
  mode http
  timeout server 60s
  option httpchk GET /actuator/health/readiness
  http-check expect status 200
  # a request that could not reach a node (connection refused) goes to the other one
  option redispatch
  default-server inter 1s fastinter 250ms fall 2 rise 2
  server app1 127.0.0.1:$APP1_PORT check
  server app2 127.0.0.1:$APP2_PORT check
listen stats
  mode http
  bind 127.0.0.1:$HAPROXY_STATS_PORT
  stats enable
  stats uri /
EOF
haproxy -c -q -f "$RUN/haproxy.cfg"
if [ -f "$RUN/haproxy.pid" ] && kill -0 "$(cat "$RUN/haproxy.pid")" 2>/dev/null; then
  log "reloading HAProxy"
  haproxy -D -f "$RUN/haproxy.cfg" -p "$RUN/haproxy.pid" -sf "$(cat "$RUN/haproxy.pid")"
else
  log "starting HAProxy (PostgreSQL :$HAPROXY_PG_PORT, app :$HAPROXY_HTTP_PORT, stats :$HAPROXY_STATS_PORT)"
  haproxy -D -f "$RUN/haproxy.cfg" -p "$RUN/haproxy.pid"
fi
wait_until 30 "PostgreSQL through HAProxy" super_psql postgres -c "SELECT 1"

# ---------------------------------------------------------------- database and owner role
ensure_database() {
  local has
  has=$(super_psql postgres -c "SELECT count(*) FROM pg_roles WHERE rolname = '$WUYE_DB_OWNER'") || return 1
  [ "$has" = 1 ] || super_psql postgres -c "CREATE ROLE \"$WUYE_DB_OWNER\" LOGIN PASSWORD '$WUYE_DB_OWNER_PASSWORD'" || return 1
  has=$(super_psql postgres -c "SELECT count(*) FROM pg_database WHERE datname = '$WUYE_DB_NAME'") || return 1
  [ "$has" = 1 ] || super_psql postgres -c \
    "CREATE DATABASE \"$WUYE_DB_NAME\" OWNER \"$WUYE_DB_OWNER\" ENCODING 'UTF8' TEMPLATE template0" || return 1
}
wait_until 30 "database $WUYE_DB_NAME owned by $WUYE_DB_OWNER" ensure_database

# ---------------------------------------------------------------- app nodes
# app1 migrates and (on an empty database) loads the demo company; app2 starts after it, so the
# two never race to load the demo
if ! http_ok "http://127.0.0.1:$APP1_PORT/actuator/health/readiness"; then
  stop_pidfile "$RUN/app1.pid"
  start_app app1 "$APP1_PORT" "$JDBC_URL" --wuye.demo.on-external-db=true
fi
wait_app app1 "$APP1_PORT" 400
if ! http_ok "http://127.0.0.1:$APP2_PORT/actuator/health/readiness"; then
  stop_pidfile "$RUN/app2.pid"
  start_app app2 "$APP2_PORT" "$JDBC_URL" --wuye.demo.enabled=false
fi
wait_app app2 "$APP2_PORT" 400
wait_until 30 "HAProxy sees both app nodes" http_ok "$APP_URL/actuator/health/readiness"

log "up: app $APP_URL (app1 :$APP1_PORT, app2 :$APP2_PORT), PostgreSQL primary via :$HAPROXY_PG_PORT" \
  "(now $(current_primary)), HAProxy stats http://127.0.0.1:$HAPROXY_STATS_PORT/"
patronictl -c "$RUN/pg1/patroni.yml" list >&2 || true
