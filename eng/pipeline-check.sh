#!/usr/bin/env bash
# End-to-end check of the queue-fed pipeline on this machine: starts RabbitMQ and PostgreSQL if needed
# (eng/test-servers.sh, root), publishes generated articles (eng/generate-articles.py) to a fresh
# queue, runs worker processes writing to a fresh PostgreSQL schema, SIGKILLs one worker mid-run and
# restarts it, waits until every article is stored, stops the workers with SIGTERM and counts in the
# database. Last line: `pipeline: N articles, L lost, D duplicated`; exit 1 unless L and D are 0.
#
#   bash eng/pipeline-check.sh                       # 2 workers, 1,000 articles, one killed and restarted
#   COUNT=500 WORKERS=1 KILL=0 bash eng/pipeline-check.sh   # throughput of one worker, no kill
# Other knobs: CONCURRENCY (analyses per worker; default: one per core), TIMEOUT (s, default 1200),
# KEEP=1 keeps the schema and queues for inspection (printed at the end).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
count=${COUNT:-1000}
workers=${WORKERS:-2}
kill_one=${KILL:-1}
timeout=${TIMEOUT:-1200}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

eval "$(bash eng/test-servers.sh)"
dotnet build src/NewsExtract.Worker -c Release -v q -nologo > /dev/null
worker=(dotnet "$root/src/NewsExtract.Worker/bin/Release/net10.0/NewsExtract.Worker.dll")

run="p$(date +%s)_$$"
schema="pipeline_$run"
work=$(mktemp -d)
pids=()
sql() { psql "postgresql://newsextract:newsextract@127.0.0.1:5432/newsextract" -qtAX -c "SET search_path = $schema; $1"; }
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  if [ "${KEEP:-0}" != 1 ]; then
    sql "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
    rabbitmqctl -n rabbit@localhost -q delete_queue "pipeline.$run" >/dev/null 2>&1 || true
    rabbitmqctl -n rabbit@localhost -q delete_queue "pipeline.$run.dead" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
psql "postgresql://newsextract:newsextract@127.0.0.1:5432/newsextract" -qtAX -c "CREATE SCHEMA $schema"

export NewsExtract__RabbitMq="$NEWSEXTRACT_TEST_RABBITMQ"
export NewsExtract__Queue="pipeline.$run"
export NewsExtract__Postgres="$NEWSEXTRACT_TEST_POSTGRES;Search Path=$schema"
export NewsExtract__StatsInterval=00:00:05
[ -n "${CONCURRENCY:-}" ] && export NewsExtract__Concurrency="$CONCURRENCY"

python3 eng/generate-articles.py --count "$count" > "$work/articles.jsonl"
"${worker[@]}" publish "$work/articles.jsonl"

stored() { sql "SELECT count(*) FROM articles" 2>/dev/null || echo 0; }
wait_for() { # wait_for N: until N articles are stored, bounded by the deadline
  while [ "$(stored)" -lt "$1" ]; do
    if [ "$(date +%s)" -gt "$deadline" ]; then echo "pipeline-check: timed out with $(stored) of $count stored" >&2; tail -5 "$work"/w*.log >&2; exit 1; fi
    sleep 0.5
  done
}

start=$(date +%s.%N)
deadline=$(( $(date +%s) + timeout ))
# Wait for the schema (the first worker applies it) before polling the table.
for i in $(seq 1 "$workers"); do
  "${worker[@]}" > "$work/w$i.log" 2>&1 &
  pids+=($!)
done
until sql "SELECT 1 FROM articles LIMIT 1" >/dev/null 2>&1; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "pipeline-check: no schema" >&2; cat "$work/w1.log" >&2; exit 1; }
  sleep 0.5
done

if [ "$kill_one" = 1 ]; then
  wait_for $(( count / 4 ))
  kill -KILL "${pids[0]}"
  wait "${pids[0]}" 2>/dev/null || true
  echo "killed worker 1 (SIGKILL) with $(stored) of $count stored; restarting it"
  "${worker[@]}" > "$work/w1b.log" 2>&1 &
  pids[0]=$!
fi

wait_for "$count"
end=$(date +%s.%N)
# CPU time the workers used (user + system), a load-independent cost; the killed worker's is not counted.
ticks=0
for p in "${pids[@]}"; do
  t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)
  ticks=$(( ticks + t ))
done
for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
for p in "${pids[@]}"; do
  for _ in $(seq 1 80); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$p" 2>/dev/null || true
done
pids=()
grep -h "stopped:" "$work"/w*.log | sed 's/^[^]]*] //' || true

n=$(sql "SELECT count(*) FROM articles")
ids=$(cut -c1-200 "$work/articles.jsonl" | sed -E 's/^\{"id": "([^"]+)".*/\1/' | sort -u | wc -l)
missing=$(( ids - $(sql "SELECT count(DISTINCT article_id) FROM articles") ))
dup=$(sql "SELECT (SELECT count(*) - count(DISTINCT article_id) FROM articles)
             + (SELECT count(*) - count(DISTINCT (article_id, start_offset, end_offset, kind)) FROM quotes)
             + (SELECT count(*) - count(DISTINCT (article_id, start_offset, end_offset)) FROM mentions)
             + (SELECT count(*) - count(DISTINCT (article_id, entity_id)) FROM entities)")
restored=$(sql "SELECT count(*) FROM articles WHERE store_count > 1")
quotes=$(sql "SELECT count(*) FROM quotes")
dead=$(rabbitmqctl -n rabbit@localhost -q list_queues name messages | awk -v q="pipeline.$run.dead" '$1==q {print $2}')
awk -v n="$n" -v s="$start" -v e="$end" -v w="$workers" -v q="$quotes" -v r="$restored" -v d="${dead:-0}" -v c="$ticks" -v hz="$(getconf CLK_TCK)" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
  t = e - s; printf "%d workers: %d articles (%d quotes) in %.1f s = %.1f articles/s (load average %s); worker CPU %.1f s = %.1f ms per article; %d stored more than once (redelivered, rows replaced); %d dead-lettered\n", w, n, q, t, n / t, load, c / hz, 1000 * c / hz / n, r, d }'
[ "${KEEP:-0}" = 1 ] && echo "kept: schema $schema, queue pipeline.$run"
echo "pipeline: $n articles, $missing lost, $dup duplicated"
[ "$missing" -eq 0 ] && [ "$dup" -eq 0 ]
