#!/usr/bin/env bash
# Installs (when missing), starts and prepares the servers the worker's integration tests and
# eng/pipeline-check.sh use: Debian's rabbitmq-server and postgresql, both on loopback only.
# Prints the settings as `export` lines on stdout (everything else goes to stderr), so callers do
#   eval "$(bash eng/test-servers.sh)"
# Idempotent: servers already running are left as they are. Needs root (apt-get, service accounts).
# Bounded: each wait gives up after 60 s. Settings can be overridden: NEWSEXTRACT_PG_DB/USER/PASSWORD.
set -euo pipefail
log() { echo "test-servers: $*" >&2; }
db=${NEWSEXTRACT_PG_DB:-newsextract}
user=${NEWSEXTRACT_PG_USER:-newsextract}
password=${NEWSEXTRACT_PG_PASSWORD:-newsextract}

if ! command -v rabbitmq-server >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
  log "installing rabbitmq-server and postgresql (Debian packages)"
  apt_log=$(mktemp)
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server postgresql; } > "$apt_log" 2>&1; then
    tail -20 "$apt_log" >&2
    log "apt-get install failed"
    exit 1
  fi
  rm -f "$apt_log"
fi

# RabbitMQ: AMQP, Erlang distribution and epmd on 127.0.0.1 only.
mkdir -p /etc/rabbitmq
env_conf=/etc/rabbitmq/rabbitmq-env.conf
if ! grep -q '^NODE_IP_ADDRESS=127.0.0.1' "$env_conf" 2>/dev/null; then
  {
    echo "# NewsExtract tests (eng/test-servers.sh): loopback only"
    echo "NODE_IP_ADDRESS=127.0.0.1"
    echo "NODENAME=rabbit@localhost"
    echo "SERVER_ADDITIONAL_ERL_ARGS=\"-kernel inet_dist_use_interface {127,0,0,1}\""
    echo "export ERL_EPMD_ADDRESS=127.0.0.1"
  } >> "$env_conf"
fi
export ERL_EPMD_ADDRESS=127.0.0.1
if ! rabbitmqctl -n rabbit@localhost -q status >/dev/null 2>&1; then
  log "starting rabbitmq-server"
  (cd / && RABBITMQ_NODENAME=rabbit@localhost setsid rabbitmq-server -detached >/dev/null 2>&1) || service rabbitmq-server start >&2 || true
fi

# PostgreSQL: Debian's cluster (listens on localhost by default).
version=$(ls /etc/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" && $4=="online"' | grep -q .; then
  log "starting postgresql $version/main"
  pg_ctlcluster "$version" main start >&2
fi

deadline=$(( $(date +%s) + 60 ))
until su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1; do
  [ "$(date +%s)" -lt "$deadline" ] || { log "postgresql did not come up within 60 s"; exit 1; }
  sleep 0.5
done
su postgres -c "psql -qtA" >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$user') THEN
    CREATE ROLE $user LOGIN PASSWORD '$password' CREATEDB;
  END IF;
END \$\$;
SQL
if ! su postgres -c "psql -qtAc \"select 1 from pg_database where datname = '$db'\"" | grep -q 1; then
  su postgres -c "createdb -O $user $db" >&2
fi

until rabbitmqctl -n rabbit@localhost -q await_startup >/dev/null 2>&1; do
  [ "$(date +%s)" -lt "$deadline" ] || { log "rabbitmq did not come up within 60 s"; exit 1; }
  sleep 1
done
log "ready: postgresql $version on 127.0.0.1:5432, rabbitmq on 127.0.0.1:5672"

echo "export NEWSEXTRACT_TEST_RABBITMQ='amqp://guest:guest@127.0.0.1:5672/'"
echo "export NEWSEXTRACT_TEST_POSTGRES='Host=127.0.0.1;Port=5432;Username=$user;Password=$password;Database=$db'"
# How the outage test stops and starts PostgreSQL (fast shutdown: open connections are cut).
echo "export NEWSEXTRACT_TEST_PG_STOP='pg_ctlcluster $version main stop -m fast'"
echo "export NEWSEXTRACT_TEST_PG_START='pg_ctlcluster $version main start'"
