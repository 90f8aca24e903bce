#!/usr/bin/env python3
"""Summary table of bench/interpretations/run.sh: per target the medians over rounds, the provider-path overhead per
round (p50 of openai minus p50 of builtin, same round, same side: direct or gateway, same connections), the issue #5
targets, and every check that failed. Exit status 1 when any check failed.

Usage: summarize.py RESULTS_TSV
  rows: round <TAB> path@cN <TAB> key=value ...   (round 0 is the warm-up: checked, not reported)
"""
import statistics
import sys

P99_TARGET_MS = 50.0
P99_TARGET_CONNECTIONS = 32
OVERHEAD_TARGET_MS = 5.0


def read(path):
    rows = []
    with open(path) as f:
        for line in f:
            round_, target, fields = line.rstrip("\n").split("\t")
            values = dict(item.split("=", 1) for item in fields.split())
            rows.append((int(round_), target, {k: float(v) for k, v in values.items()}))
    return rows


def problems(round_, target, r):
    found = []
    if r["non2xx"] or r["errors"]:
        found.append(f"{int(r['non2xx'])} non-2xx, {int(r['errors'])} socket errors")
    if r["fallbacks"]:
        found.append(f"{int(r['fallbacks'])} provider fallbacks")
    if "-repeated@" not in target:
        if r["cache_hits"]:
            found.append(f"{int(r['cache_hits'])} interpretation cache hits")
        if r["reused"]:
            found.append(f"{int(r['reused'])} bodies sent twice (raise MAX_RPS)")
    if target.startswith("openai") and r["openai_answers"] < r["requests"]:
        found.append(f"only {int(r['openai_answers'])} of {int(r['requests'])} answered by the fake provider")
    return [f"round {round_} {target}: {p}" for p in found]


def source_ms(target, rows):
    """Mean time the answering source took inside the service (its metric), median over rounds; '-' for cache hits."""
    key = "openai_call_ms" if target.startswith("openai") else "builtin_ms"
    values = [r[key] for r in rows if r[key] > 0]
    return f"{statistics.median(values):.2f}" if values and "-repeated@" not in target else "-"


def main() -> None:
    rows = read(sys.argv[1])
    failures = [p for round_, target, r in rows for p in problems(round_, target, r)]
    measured = [(n, t, r) for n, t, r in rows if n > 0]
    targets = list(dict.fromkeys(t for _, t, _ in measured))
    by = {(n, t): r for n, t, r in measured}
    rounds = sorted({n for n, _, _ in measured})

    print(f"Interpretations, {len(rounds)} rounds: medians over rounds (worst p99 also), @cN = N connections;")
    print("source ms = mean time of the provider call (openai) or the built-in interpreter inside the service (its metrics)")
    print(f"{'target':<30}{'rps':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'worst p99':>11}{'requests':>10}{'source ms':>11}")
    for t in targets:
        rs = [by[(n, t)] for n in rounds if (n, t) in by]
        med = lambda k: statistics.median(r[k] for r in rs)
        print(f"{t:<30}{med('rps'):>9.1f}{med('p50_ms'):>9.2f}{med('p90_ms'):>9.2f}{med('p99_ms'):>9.2f}"
              f"{max(r['p99_ms'] for r in rs):>11.2f}{int(sum(r['requests'] for r in rs)):>10}{source_ms(t, rs):>11}")

    print()
    print("Provider-path overhead at p50: openai (zero-latency fake) minus builtin, same round, ms and ratio")
    print(f"{'path':<16}" + "".join(f"{'round ' + str(n):>18}" for n in rounds) + f"{'median':>18}")
    overheads = {}
    for t in targets:
        if not t.startswith("builtin-") or "-repeated@" in t:
            continue
        path = t.removeprefix("builtin-")
        cells, diffs = [], []
        for n in rounds:
            b, o = by.get((n, t)), by.get((n, "openai-" + path))
            if b and o:
                diffs.append((o["p50_ms"] - b["p50_ms"], o["p50_ms"] / b["p50_ms"]))
                cells.append(f"{diffs[-1][0]:+.2f} x{diffs[-1][1]:.2f}")
            else:
                cells.append("-")
        if diffs:
            overheads[path] = statistics.median(d for d, _ in diffs)
            cells.append(f"{overheads[path]:+.2f} x{statistics.median(r for _, r in diffs):.2f}")
        print(f"{path:<16}" + "".join(f"{c:>18}" for c in cells))

    print()
    print("CPU per request, us, medians: the whole machine's (every process, the load generator included) and, in it, the")
    print("fake provider's (a node process on the same cores; a real provider's CPU is not on this machine)")
    print(f"{'path':<16}{'builtin':>10}{'openai':>10}{'difference':>12}{'fake':>8}{'difference without the fake':>30}")
    for path in overheads:
        b = [by[(n, "builtin-" + path)] for n in rounds if (n, "builtin-" + path) in by]
        o = [by[(n, "openai-" + path)] for n in rounds if (n, "openai-" + path) in by]
        if not all("machine_cpu_us" in r for r in b + o):
            continue
        machine_b = statistics.median(r["machine_cpu_us"] for r in b)
        machine_o = statistics.median(r["machine_cpu_us"] for r in o)
        fake = statistics.median(r["fake_cpu_us"] for r in o)
        print(f"{path:<16}{machine_b:>10.0f}{machine_o:>10.0f}{machine_o - machine_b:>+12.0f}{fake:>8.0f}"
              f"{machine_o - machine_b - fake:>+30.0f}")

    print()
    target = f"builtin-gateway@c{P99_TARGET_CONNECTIONS}"
    gw = [by[(n, target)]["p99_ms"] for n in rounds if (n, target) in by]
    if gw:
        p99 = statistics.median(gw)
        print(f"(a) {target} p99 {p99:.2f} ms (worst round {max(gw):.2f}) vs target <= {P99_TARGET_MS:.0f} ms: "
              f"{'PASS' if p99 <= P99_TARGET_MS else 'FAIL'}")
    for path, diff in overheads.items():
        print(f"(b) provider overhead at p50, {path}: {diff:+.2f} ms vs target <= {OVERHEAD_TARGET_MS:.0f} ms: "
              f"{'PASS' if diff <= OVERHEAD_TARGET_MS else 'FAIL'}")

    if failures:
        print()
        print(f"CHECKS FAILED ({len(failures)}): these figures are not valid")
        for f in failures:
            print("  " + f)
        sys.exit(1)
    print("checks: no non-2xx, no socket errors, no fallbacks, no cache hits or reused bodies in distinct runs")


if __name__ == "__main__":
    main()
