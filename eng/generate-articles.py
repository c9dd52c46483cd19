#!/usr/bin/env python3
"""Writes generated news-like articles as JSON lines ({"id", "source", "text"}) to stdout.

Made-up names and sentences from fixed templates with a fixed seed, so every run writes the same
bytes; used to measure the CLI's memory on large inputs (eng/jsonl-memory-check.sh) and to feed the
worker pipeline (eng/pipeline-check.sh, the worker integration tests use their own C# generator).

  python3 eng/generate-articles.py --bytes 10000000      # about 10 MB
  python3 eng/generate-articles.py --count 1000          # 1,000 articles
"""
import argparse
import json
import random
import sys

FIRST = ["Anna", "Piotr", "Maria", "Kofi", "Lena", "Ravi", "Sofia", "Tomas", "Amara", "Jonas", "Elif", "Mateo"]
LAST = ["Berg", "Novak", "Okafor", "Lindqvist", "Mehta", "Costa", "Horvat", "Mensah", "Duarte", "Kowalski"]
ORGS = ["the Teachers Union", "Northwind Energy", "the Ministry of Transport", "Harbor Bank", "the City Council"]
PLACES = ["Oslo", "Lagos", "Lisbon", "Krakow", "Chennai", "Valparaiso", "Tallinn", "Accra"]
CUES = ["said", "told reporters", "added", "warned", "insisted"]


def article(rng: random.Random, index: int) -> str:
    a = (rng.choice(FIRST), rng.choice(LAST))
    b = (rng.choice(FIRST), rng.choice(LAST))
    org, place = rng.choice(ORGS), rng.choice(PLACES)
    title = f"{a[1]} and {org} clash over plan {index} in {place}"
    paras = [title, ""]
    for k in range(rng.randint(3, 6)):
        n = rng.randint(2, 90)
        paras.append(
            f"{a[0]} {a[1]}, the regional minister, visited {place} on Monday to present the plan. "
            f"\"We will open {n} new schools before the winter,\" {a[1]} {rng.choice(CUES)}. "
            f"{b[0]} {b[1]} of {org} said that the budget was far too small. "
            f"According to {b[1]}, talks with {org} will continue next week in {rng.choice(PLACES)}.")
        paras.append("")
    return "\n".join(paras).strip() + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--bytes", type=int)
    group.add_argument("--count", type=int)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout.buffer
    written = 0
    i = 0
    while (args.count is not None and i < args.count) or (args.bytes is not None and written < args.bytes):
        i += 1
        line = json.dumps({"id": f"gen-{i:07d}", "source": "generated", "text": article(rng, i)}).encode() + b"\n"
        out.write(line)
        written += len(line)
    out.flush()


if __name__ == "__main__":
    main()
