#!/usr/bin/env python3
"""Summarizes bench/http/run.sh's rows: medians over rounds per target, then the ratios the issues set targets on.

Usage: summarize.py RESULTS_TXT      (rows: "round N TARGET rps=... p50_ms=... p99_ms=... [non2xx=.. errors=.. reused=..]")
Exits 1 when any run had non-2xx answers or socket errors.
"""
import re
import statistics
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def number(text):
    """wrk's own report writes latencies with units (950.00us, 1.23ms); the lua summaries write plain ms."""
    match = re.fullmatch(r"([0-9.]+)(us|ms|s)?", text)
    return float(match.group(1)) * UNITS[match.group(2) or "ms"] if match else None


def main() -> int:
    rows = {}
    failed = []
    for line in open(sys.argv[1]):
        parts = line.split()
        if len(parts) < 4 or parts[0] != "round":
            continue
        target = parts[2]
        fields = dict(p.split("=", 1) for p in parts[3:] if "=" in p)
        for key in ("non2xx", "errors"):
            if fields.get(key, "0") not in ("0", ""):
                failed.append(f"round {parts[1]} {target}: {key}={fields[key]}")
        rows.setdefault(target, []).append({k: number(v) for k, v in fields.items()})

    def median(target, key):
        values = [r[key] for r in rows.get(target, []) if r.get(key) is not None]
        return statistics.median(values) if values else None

    print(f"{'target':28} {'rps':>9} {'p50 ms':>8} {'p99 ms':>8} {'reused':>7}")
    for target in rows:
        rps, p50, p99, reused = (median(target, k) for k in ("rps", "p50_ms", "p99_ms", "reused"))
        print(f"{target:28} {rps or 0:9.0f} {p50 or 0:8.2f} {p99 or 0:8.2f} {'' if reused is None else f'{reused:7.0f}'}")

    def ratio(name, a, b, key="rps", target=None):
        x, y = median(a, key), median(b, key)
        if x and y:
            verdict = "" if target is None else ("  target met" if target(x / y) else "  target NOT met")
            print(f"{name:58} {x / y:6.2f}{verdict}")

    print()
    ratio("uncached: charts direct / node-express (target >= 2)", "charts-direct-uncached", "node-express-cycled", target=lambda r: r >= 2)
    ratio("uncached: gateway / node-express (target >= 1.5)", "gateway-uncached", "node-express-cycled", target=lambda r: r >= 1.5)
    ratio("uncached: gateway / charts direct (target >= 0.70)", "gateway-uncached", "charts-direct-uncached", target=lambda r: r >= 0.70)
    ratio("cycled 1000: charts direct / node-express", "charts-direct-cycled", "node-express-cycled")
    ratio("cycled 1000: gateway / node-express", "gateway-cycled", "node-express-cycled")
    ratio("cycled 1000: gateway / charts direct", "gateway-cycled", "charts-direct-cycled")
    ratio("single: gateway / node-express single (target >= 1.5)", "gateway-single", "node-express-single", target=lambda r: r >= 1.5)
    ratio("single: gateway / charts direct", "gateway-single", "charts-direct-single")
    p99 = median("gateway-single", "p99_ms")
    if p99 is not None:
        print(f"{'single: gateway p99 ms (target <= 20)':58} {p99:6.2f}  target {'met' if p99 <= 20 else 'NOT met'}")
    ratio("trivial GET: gateway / direct (no target)", "trivial-gateway-get", "trivial-direct-get")
    ratio("token cost: authenticated / anonymous p50 (target <= 1.10)", "gateway-authenticated-c8", "gateway-anonymous-c8",
          key="p50_ms", target=lambda r: r <= 1.10)
    if failed:
        print("\nFAILED runs:\n  " + "\n  ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
