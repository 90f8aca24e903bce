#!/usr/bin/env python3
"""Writes COUNT distinct request bodies, one per line: natal chart requests (POST /api/charts/natal), or
POST /api/interpretations bodies with the natal chart inline and the given provider.

Birth moments as in the peers' benchmark bodies (UT uniform in [1900, 2101), latitude in [-60, 60], longitude in
[-180, 180], 4 decimals, Placidus): a distinct chart gives a distinct content id, so neither ChartService's chart
cache nor the interpretation cache can answer from an earlier request. A seed of its own per run keeps runs apart.

Usage: gen-bodies.py OUT_JSONL COUNT SEED natal
       gen-bodies.py OUT_JSONL COUNT SEED PROVIDER      (an interpretation body; PROVIDER: builtin, openai, ...)
"""
import datetime as dt
import json
import random
import sys


def main() -> None:
    out, count, seed, provider = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    rng = random.Random(seed)
    t0 = dt.datetime(1900, 1, 1, tzinfo=dt.timezone.utc)
    span = int((dt.datetime(2101, 1, 1, tzinfo=dt.timezone.utc) - t0).total_seconds())
    seen = set()
    with open(out, "w") as f:
        while len(seen) < count:
            utc = (t0 + dt.timedelta(seconds=rng.randrange(span))).strftime("%Y-%m-%dT%H:%M:%SZ")
            lat, lon = round(rng.uniform(-60.0, 60.0), 4), round(rng.uniform(-180.0, 180.0), 4)
            if (utc, lat, lon) in seen:
                continue
            seen.add((utc, lat, lon))
            chart = {"birth": {"utc": utc}, "location": {"latitude": lat, "longitude": lon},
                     "options": {"houseSystem": "placidus"}}
            body = chart if provider == "natal" else {"chart": chart, "provider": provider}
            f.write(json.dumps(body, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
