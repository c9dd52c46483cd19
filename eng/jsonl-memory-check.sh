#!/usr/bin/env bash
# Peak memory of `analyze --input jsonl -` on generated input of a given size (default 10 MB):
# the input is generated on the fly (eng/generate-articles.py) and piped in, the output goes to
# /dev/null, and GNU time reports the peak resident set (maximum working set) of the CLI process.
#   bash eng/jsonl-memory-check.sh 10000000      # 10 MB
#   nice -n 5 bash eng/jsonl-memory-check.sh 1000000000 tokens  # 1 GB, tokens and sentences only
# Set CLI=path/to/native/NewsExtract.Cli to measure the AOT binary instead of the JIT build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bytes=${1:-10000000}
# Optional second argument: --stages value (tokens, entities, full; default full).
stages=(); [ -n "${2:-}" ] && stages=(--stages "$2")
if [ -z "${CLI:-}" ]; then
  dotnet build src/NewsExtract.Cli -c Release -v q -nologo > /dev/null
  cli=(dotnet "$root/src/NewsExtract.Cli/bin/Release/net10.0/NewsExtract.Cli.dll")
else
  cli=("$CLI")
fi
[ -x /usr/bin/time ] || { echo "jsonl-memory-check: needs GNU time (apt-get install time)" >&2; exit 1; }
err=$(mktemp)
trap 'rm -f "$err"' EXIT
start=$(date +%s.%N)
python3 eng/generate-articles.py --bytes "$bytes" \
  | /usr/bin/time -f "peak_rss_kb %M" "${cli[@]}" analyze --input jsonl "${stages[@]}" - > /dev/null 2> "$err" || true
end=$(date +%s.%N)
summary=$(grep -E '^analyzed ' "$err" || true)
peak=$(awk '/^peak_rss_kb/ {print $2}' "$err")
[ -n "$summary" ] && [ -n "$peak" ] || { cat "$err" >&2; exit 1; }
awk -v b="$bytes" -v s="$start" -v e="$end" -v p="$peak" -v sum="$summary" -v st="${2:-full}" 'BEGIN {
  t = e - s; printf "input %.1f MB (stages %s), %s, %.1f s, %.2f MB/s, peak working set %.1f MB\n", b/1e6, st, sum, t, b/1e6/t, p/1024 }'
