#!/usr/bin/env bash
# Opens the HTML pages of `analyze --format html` in headless Chromium and checks them:
#   - the page loads without console messages (the page logs nothing, so any message is an error:
#     a script error, a blocked resource or a Content-Security-Policy violation) and its own error
#     hook (#ne-status data-errors) stayed empty;
#   - the numbers the page's script counted after load (#ne-status data-*) equal the numbers in the
#     JSON analysis of the same article: highlighted mentions, quotes, quote badges, speaker links, entities;
#   - selecting an entity in the panel and hovering a mention light up exactly that entity's mentions
#     (the page's self-test, run when opened with #ne-selftest);
#   - a hostile article (markup, attribute breakers, </script>, odd unicode) yields no element from its text.
# Articles: the embedded sample, and ../shared/fixtures/seed-article.txt when present; then all of them
# as a folder (pages plus index.html, every link resolving).
# Needs a built Release CLI (dotnet build -c Release). Installs Debian's chromium when it is missing.
# Usage: eng/browser-check.sh [--screenshots]   (--screenshots: update docs/images/sample*.png)
# Exit 0 when every check passes, 1 otherwise.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
update_images=false
[ "${1:-}" = "--screenshots" ] && update_images=true

if ! command -v chromium > /dev/null; then
  echo "browser-check: installing chromium"
  start=$(date +%s)
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
  echo "browser-check: chromium installed in $(( $(date +%s) - start )) s"
fi
chromium --version 2> /dev/null || true

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cli=(dotnet run --project src/NewsExtract.Cli -c Release --no-build --)

# Runs headless Chromium with a fresh profile; extra arguments follow the fixed flags.
browse() {
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@"
}

failed=0
# check NAME TEXT-FILE-OR-EMPTY: renders, loads and compares one article.
check() {
  local name=$1 input=$2
  local args=(analyze)
  [ -n "$input" ] && args+=("$input")
  "${cli[@]}" "${args[@]}" --format json --output "$work/$name.json"
  "${cli[@]}" "${args[@]}" --format html --output "$work/$name.html"
  browse --enable-logging=stderr --v=0 --dump-dom "file://$work/$name.html#ne-selftest" \
    > "$work/$name.dom.html" 2> "$work/$name.log" || { echo "FAIL $name: chromium exited with $?"; failed=1; return; }
  if ! python3 - "$name" "$work/$name.json" "$work/$name.dom.html" "$work/$name.log" <<'PY'
import json, re, sys
from html.parser import HTMLParser

name, json_path, dom_path, log_path = sys.argv[1:]
analysis = json.load(open(json_path, encoding="utf-8"))
dom = open(dom_path, encoding="utf-8").read()
log = open(log_path, encoding="utf-8", errors="replace").read()

class Status(HTMLParser):
    attrs = None
    def handle_starttag(self, tag, attrs):
        if dict(attrs).get("id") == "ne-status":
            Status.attrs = dict(attrs)

Status().feed(dom)
status = Status.attrs
problems = []
console = [l for l in log.splitlines() if ":CONSOLE" in l]
problems += ["console: " + l for l in console]
if status is None:
    problems.append("no #ne-status element in the loaded page")
    status = {}
if status.get("data-ready") != "1":
    problems.append("the page script did not finish (data-ready missing)")
if not (status.get("data-selftest") or "").startswith("ok"):
    problems.append(f"selecting and hovering an entity: {status.get('data-selftest')}")
if status.get("data-errors"):
    problems.append("page errors: " + status["data-errors"])

entity_ids = {e["id"] for e in analysis["entities"]}
expected = {
    "data-mentions": len(analysis["mentions"]),
    "data-quotes": len(analysis["quotes"]),
    "data-badges": len(analysis["quotes"]),
    "data-speaker-links": sum(1 for q in analysis["quotes"]
                              if q.get("speaker") and q["speaker"].get("entityId") in entity_ids),
    "data-entities": len(analysis["entities"]),
}
for key, want in expected.items():
    got = status.get(key)
    if got != str(want):
        problems.append(f"{key}: page shows {got}, analysis has {want}")

# Every element and attribute must be one the renderer writes; the text's markup stays text.
class Markup(HTMLParser):
    tags, attributes, title = [], set(), ""
    in_title = False
    def handle_starttag(self, tag, attrs):
        Markup.tags.append(tag)
        Markup.attributes.update(a for a, _ in attrs if not a.startswith("data-") and not a.startswith("aria-"))
        Markup.in_title = tag == "title"
    def handle_data(self, data):
        if Markup.in_title:
            Markup.title += data
    def handle_endtag(self, tag):
        Markup.in_title = False

Markup().feed(dom)
own_tags = {"html", "head", "meta", "title", "style", "script", "body", "header", "span", "div", "main", "article",
            "h1", "h2", "h3", "p", "mark", "a", "aside", "section", "ul", "ol", "li", "button", "b", "i"}
own_attributes = {"lang", "charset", "http-equiv", "content", "name", "class", "id", "title", "href", "hidden", "type"}
foreign = sorted(set(Markup.tags) - own_tags)
if foreign:
    problems.append("elements the renderer never writes: " + ", ".join(foreign))
if Markup.tags.count("script") != 1:
    problems.append(f"{Markup.tags.count('script')} script elements, expected the page's own 1")
strange = sorted(Markup.attributes - own_attributes)
if strange:
    problems.append("attributes the renderer never writes: " + ", ".join(strange))
if Markup.title.strip() == "pwned":
    problems.append("a script from the text ran (title changed)")

summary = ", ".join(f"{k[5:]}={status.get(k)}" for k in expected)
if problems:
    print(f"FAIL {name}: " + "; ".join(problems))
    sys.exit(1)
print(f"ok   {name}: {summary}, no console messages, highlight {status.get('data-selftest')[3:]}")
PY
  then
    failed=1
  fi
}

check sample ""
if [ -f ../shared/fixtures/seed-article.txt ]; then
  check seed ../shared/fixtures/seed-article.txt
else
  echo "skip seed: ../shared/fixtures/seed-article.txt not found"
fi

# A hostile article: if any of this became markup, the element check, the console or the counts would show it.
python3 - "$work/hostile.txt" <<'PY'
import sys
text = ("Evil <script>document.title='pwned'</script> headline </title></style></script><!-- x\n\n"
        "Anna Smith said \"<img src=x onerror=document.title='pwned'> is fine\" and "
        "<b onmouseover=\"x\">Paris</b> agreed.\n\n"
        "Bob Jones told CNN: \u201c</script><script>document.title='pwned'</script>\u201d ' \" > &amp; "
        "\u202eevil\u202c \U0001F600 <style>body{display:none}</style> ]]> <![CDATA[ end.\n")
open(sys.argv[1], "w", encoding="utf-8").write(text)
PY
check hostile "$work/hostile.txt"

# A folder: one page per file and an index whose links all resolve, loading without console messages.
mkdir -p "$work/folder/sub"
cp "$work/hostile.txt" "$work/folder/sub/hostile <b>.txt"
[ -f ../shared/fixtures/seed-article.txt ] && cp ../shared/fixtures/seed-article.txt "$work/folder/seed.txt"
python3 -c 'import sys; open(sys.argv[1], "w", encoding="utf-8").write("Anna Smith visited Paris. \u201cLovely,\u201d she said.\n")' "$work/folder/a.txt"
"${cli[@]}" analyze "$work/folder" --format html --output "$work/site" 2> "$work/site.err" || { cat "$work/site.err"; echo "FAIL folder: analyze exited non-zero"; failed=1; }
browse --enable-logging=stderr --v=0 --dump-dom "file://$work/site/index.html" > "$work/index.dom.html" 2> "$work/index.log" || true
if ! python3 - "$work/site" "$work/index.dom.html" "$work/index.log" <<'PY'
import os, sys, urllib.parse
from html.parser import HTMLParser
site, dom_path, log_path = sys.argv[1:]
class Links(HTMLParser):
    hrefs = []
    def handle_starttag(self, tag, attrs):
        if tag == "a":
            Links.hrefs.append(dict(attrs).get("href"))
Links().feed(open(dom_path, encoding="utf-8").read())
pages = sorted(os.path.relpath(os.path.join(d, f), site) for d, _, fs in os.walk(site) for f in fs if f != "index.html")
targets = sorted(urllib.parse.unquote(h) for h in Links.hrefs)
problems = [l for l in open(log_path, errors="replace").read().splitlines() if ":CONSOLE" in l]
if targets != pages:
    problems.append(f"index links {targets} but the pages are {pages}")
if problems:
    print("FAIL folder: " + "; ".join(problems))
    sys.exit(1)
print(f"ok   folder: index.html links all {len(pages)} pages, no console messages")
PY
then
  failed=1
fi

# Screenshots of the sample page: desktop and phone width.
shots="$work"
$update_images && shots="$root/docs/images" && mkdir -p "$shots"
"${cli[@]}" analyze --format html --output "$work/shot.html"
browse --hide-scrollbars --window-size=1280,1000 --screenshot="$shots/sample.png" "file://$work/shot.html" > /dev/null 2>&1
browse --hide-scrollbars --window-size=390,1400 --screenshot="$shots/sample-phone.png" "file://$work/shot.html" > /dev/null 2>&1
for f in sample.png sample-phone.png; do
  [ -s "$shots/$f" ] || { echo "FAIL screenshot $f not written"; failed=1; }
done
$update_images && echo "screenshots written to docs/images/"

if [ "$failed" -ne 0 ]; then
  echo "browser check FAILED"
  exit 1
fi
echo "browser check passed"
