#!/usr/bin/env bash
# Native AOT check: publishes the CLI with PublishAot=true for linux-x64, fails on any trimming or
# AOT warning, runs the native binary on the embedded sample, the seed article (if ../shared is
# there) and awkward input, checks each JSON against the contract, and checks that the native
# output is byte-identical to the JIT build's. About 1.5 minutes on a 2-core machine (docs/aot.md).
#
# Needs a C toolchain: clang (any of clang, clang-NN) and zlib headers. On Debian/Ubuntu:
#   apt-get install -y clang zlib1g-dev
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rid=${RID:-linux-x64}
out="$root/artifacts/aot/$rid"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$(date +%s)

# The ILCompiler looks for 'clang'; Debian installs versioned names (clang-14) without it.
linker_args=()
if ! command -v clang >/dev/null 2>&1; then
  versioned=$(compgen -c clang- | grep -E '^clang-[0-9]+$' | sort -t- -k2 -n | tail -1 || true)
  if [ -z "$versioned" ]; then
    echo "aot-check: no clang found; install it: apt-get install -y clang zlib1g-dev" >&2
    exit 1
  fi
  linker_args=("-p:CppCompilerAndLinker=$versioned")
fi

echo "== publish (PublishAot=true, $rid${linker_args:+, ${linker_args[0]}})"
rm -rf "$out"
dotnet publish src/NewsExtract.Cli -c Release -r "$rid" -p:PublishAot=true "${linker_args[@]}" -o "$out" > "$work/publish.log" 2>&1 \
  || { tail -40 "$work/publish.log"; echo "aot-check: publish failed" >&2; exit 1; }
if grep -E "warning (IL[0-9]+|AOT)" "$work/publish.log" | sort -u | tee "$work/warnings" | grep -q .; then
  echo "aot-check: trimming/AOT warnings (above)" >&2
  exit 1
fi
bin="$out/NewsExtract.Cli"
echo "native binary: $(du -h "$bin" | cut -f1) ($(( $(date +%s) - start )) s so far)"

check() { # name text_file json_file
  python3 -c "import json,sys; json.load(open(sys.argv[1], encoding='utf-8'))" "$3"
  if [ -f ../shared/tools/contract.py ]; then
    python3 ../shared/tools/contract.py "$2" "$3" > "$work/contract" || true
    tail -1 "$work/contract"
    grep -q "contract: 0 problems" "$work/contract" || { echo "aot-check: $1 breaks the contract" >&2; exit 1; }
  fi
}

echo "== embedded sample"
"$bin" analyze > "$work/sample.json"
check sample src/NewsExtract/Resources/SampleArticle.txt "$work/sample.json"

inputs=()
if [ -f ../shared/fixtures/seed-article.txt ]; then
  echo "== seed article"
  "$bin" analyze ../shared/fixtures/seed-article.txt > "$work/seed.json"
  check seed ../shared/fixtures/seed-article.txt "$work/seed.json"
  inputs+=(../shared/fixtures/seed-article.txt)
fi

# No '\r': contract.py reads text with universal newlines, which would shift its offsets.
echo "== awkward input (mixed scripts, thousands of quote marks, control characters, a long token)"
python3 - "$work/odd.txt" <<'PY'
import random, sys
r = random.Random(8)
parts = []
for i in range(4000):
    parts.append(r.choice(['\u201c', '\u201d', '"', "'", '\u00ab', '\u00bb', 'Anna Lee said ', '\u041c\u043e\u0441\u043a\u0432\u0430 ', '\u6771\u4eac ', '\u0645\u0631\u062d\u0628\u0627 ',
                           '\u0007', '\u200b', '\U0001F600', '. ', '\n', '\n\n', 'x' * r.randint(1, 50)]))
parts.append('y' * 100000)
open(sys.argv[1], 'w', encoding='utf-8', newline='').write(''.join(parts))
PY
"$bin" analyze "$work/odd.txt" > "$work/odd.json"
check odd "$work/odd.txt" "$work/odd.json"
inputs+=("$work/odd.txt")

echo "== folder of articles (parallel path): one JSON line per file"
mkdir -p "$work/folder"
cp src/NewsExtract/Resources/SampleArticle.txt "$work/folder/a.txt"
cp "$work/odd.txt" "$work/folder/b.txt"
"$bin" analyze "$work/folder" > "$work/folder.jsonl" 2> "$work/folder.err"
[ "$(wc -l < "$work/folder.jsonl")" -eq 2 ] || { echo "aot-check: folder output is not 2 lines" >&2; cat "$work/folder.err" >&2; exit 1; }
python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]" "$work/folder.jsonl"

echo "== bad input exits 1 with one line"
printf 'A\0B' > "$work/binary.txt"
set +e
"$bin" analyze "$work/binary.txt" > "$work/binary.out" 2> "$work/binary.err"
rc=$?
set -e
[ "$rc" -eq 1 ] && [ ! -s "$work/binary.out" ] && [ "$(wc -l < "$work/binary.err")" -eq 1 ] \
  || { echo "aot-check: binary input gave exit $rc" >&2; cat "$work/binary.err" >&2; exit 1; }

echo "== native output identical to the JIT build"
dotnet build src/NewsExtract.Cli -c Release > "$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
jit=(dotnet "src/NewsExtract.Cli/bin/Release/net10.0/NewsExtract.Cli.dll")
"${jit[@]}" analyze > "$work/sample.jit.json"
cmp "$work/sample.json" "$work/sample.jit.json"
for f in "${inputs[@]}"; do
  "$bin" analyze "$f" > "$work/native.json"
  "${jit[@]}" analyze "$f" > "$work/jit.json"
  cmp "$work/native.json" "$work/jit.json" || { echo "aot-check: native and JIT differ on $f" >&2; exit 1; }
done

echo "aot-check: passed in $(( $(date +%s) - start )) s"
