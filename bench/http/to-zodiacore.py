#!/usr/bin/env python3
"""Converts the peers' benchmark bodies (utc, latitude, longitude, houseSystem "P") into ZodiaCore natal
requests for the same birth moments: {"birth":{"utc"},"location":{...},"options":{"houseSystem":"placidus"}}.

Usage: to-zodiacore.py PEER_BODIES_DIR OUT_DIR   (reads distinct.jsonl and single.json)
"""
import json
import os
import sys

HOUSES = {"P": "placidus", "K": "koch", "W": "wholeSign", "E": "equal"}


def convert(line: str) -> str:
    peer = json.loads(line)
    body = {
        "birth": {"utc": peer["utc"]},
        "location": {"latitude": peer["latitude"], "longitude": peer["longitude"]},
        "options": {"houseSystem": HOUSES[peer.get("houseSystem", "P")]},
    }
    return json.dumps(body, separators=(",", ":"))


def main() -> None:
    source, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(source, "distinct.jsonl")) as f, open(os.path.join(out, "distinct.jsonl"), "w") as o:
        for line in f:
            if line.strip():
                o.write(convert(line) + "\n")
    with open(os.path.join(source, "single.json")) as f, open(os.path.join(out, "single.json"), "w") as o:
        o.write(convert(f.read()) + "\n")


if __name__ == "__main__":
    main()
