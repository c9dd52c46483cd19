#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to
# src/NewsExtract/PublicAPI.Unshipped.txt. Review the diff: it is the public API change.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
f="$root/src/NewsExtract/PublicAPI.Unshipped.txt"
dotnet build "$root/src/NewsExtract" -c Release -p:TreatWarningsAsErrors=false --no-incremental 2>&1 \
  | grep -o "RS0016: Symbol '.*' is not part of the declared" \
  | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared$/\1/" >> "$f" || true
{ head -n1 "$f"; tail -n +2 "$f" | sort -u; } > "$f.tmp" && mv "$f.tmp" "$f"
echo "PublicAPI.Unshipped.txt: $(($(wc -l < "$f") - 1)) symbols"
