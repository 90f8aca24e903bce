#!/usr/bin/env bash
# Runs every test suite (the .NET test projects one after another, then the monitoring checks) and
# ends with one line: "N passed, N failed, N skipped". Exit status is non-zero if anything failed.
set -uo pipefail

configuration="${1:-Release}"
root="$(cd "$(dirname "$0")/.." && pwd)"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
cd "$root"

status=0
# One assembly at a time: the distributed tests start whole systems and need both cores.
dotnet test ZodiaCore.sln -c "$configuration" --no-build -m:1 \
  --logger "trx" --results-directory "$results" -- RunConfiguration.TestSessionTimeout=2400000 || status=1

bash monitoring/check.sh | tee "$results/monitoring.txt" || status=1

python3 - "$results" <<'PY'
import glob, re, sys
import xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for trx in glob.glob(f"{sys.argv[1]}/*.trx"):
    root = ET.parse(trx).getroot()
    # CI keeps only the end of the log: name each failure (and its first lines) just above the summary.
    for result in root.iterfind("t:Results/t:UnitTestResult[@outcome='Failed']", ns):
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", "", ns).strip().splitlines()
        print(f"FAILED {result.get('testName')} ({result.get('duration')})")
        for line in message[:6]:
            print(f"    {line[:300]}")
    counters = root.find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    # Skipped tests are counted in total but not in executed (VSTest's TRX has no "skipped" counter).
    skipped += int(counters.get("total", 0)) - int(counters.get("executed", counters.get("total", 0)))
with open(f"{sys.argv[1]}/monitoring.txt") as f:
    m = re.search(r"monitoring: (\d+) passed, (\d+) failed", f.read())
if m:
    passed += int(m.group(1)); failed += int(m.group(2))
else:
    failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
