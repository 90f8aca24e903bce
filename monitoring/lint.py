#!/usr/bin/env python3
"""Static checks of the monitoring files that promtool and amtool cannot make.

Usage: lint.py <check> [args], one check per call so check.sh can count them:
  rule-metadata                 every alert: severity, summary, description with $value,
                                runbook_url to an existing heading in docs/runbooks
  thresholds                    docs/runbooks/README.md tables agree with the rules
  alert-tests                   every alerting rule has a test that fires it and one that must not
  dashboards                    Grafana JSON: ids, datasource uid, variables, rare counters
  provisioning                  Grafana provisioning files name the same datasource uid
  dashboard-rules <out.yml>     writes every dashboard expression as a recording rule,
                                for `promtool check rules` to parse
  dashboard-queries <url>       evaluates every dashboard expression against a running
                                Prometheus (e.g. http://127.0.0.1:9090): fails on a query
                                error or on a panel that returns no data
Needs PyYAML (Debian: apt install python3-yaml).
"""
import glob
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

import yaml

MONITORING = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(MONITORING)
RUNBOOKS = os.path.join(REPO, "docs", "runbooks")
DATASOURCE_UID = "zodiacore-prometheus"
SEVERITIES = {"critical", "warning"}
ALLOWED_VARIABLES = {"job", "instance", "__rate_interval"}
# Counters of events a quiet system may never have seen: their panels must read 0.
RARE_COUNTERS = [
    "zodiacore_interpretation_fallbacks_total", "zodiacore_account_lockouts_total",
    "zodiacore_rate_limit_rejections_total", "zodiacore_logins_total",
    "zodiacore_registrations_total", "zodiacore_interpretation_tokens_total",
]

failures = []


def fail(message):
    failures.append(message)


def load_rules():
    rules = []
    for path in sorted(glob.glob(os.path.join(MONITORING, "rules", "*.yml"))):
        with open(path) as f:
            doc = yaml.safe_load(f)
        for group in doc["groups"]:
            for rule in group["rules"]:
                rule["_file"] = os.path.basename(path)
                rules.append(rule)
    return rules


def alerts():
    return [r for r in load_rules() if "alert" in r]


def github_anchor(heading):
    """The anchor GitHub gives a Markdown heading."""
    slug = heading.strip().lower()
    slug = re.sub(r"[^\w\- ]", "", slug)
    return slug.replace(" ", "-")


def headings(markdown_path):
    with open(markdown_path) as f:
        text = f.read()
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    return {github_anchor(m.group(1)) for m in re.finditer(r"^#{1,6}\s+(.+?)\s*#*\s*$", text, re.M)}


def check_rule_metadata():
    for rule in alerts():
        name = f"{rule['alert']} ({rule['_file']})"
        labels = rule.get("labels", {})
        notes = rule.get("annotations", {})
        if labels.get("severity") not in SEVERITIES:
            fail(f"{name}: labels.severity must be one of {sorted(SEVERITIES)}")
        if not notes.get("summary"):
            fail(f"{name}: no summary annotation")
        if "$value" not in notes.get("description", ""):
            fail(f"{name}: description does not show {{{{ $value }}}}")
        url = notes.get("runbook_url", "")
        match = re.fullmatch(r"docs/runbooks/([\w.-]+\.md)#([\w-]+)", url)
        if not match:
            fail(f"{name}: runbook_url {url!r} is not docs/runbooks/<file>.md#<anchor>")
            continue
        page = os.path.join(RUNBOOKS, match.group(1))
        if not os.path.exists(page):
            fail(f"{name}: runbook {match.group(1)} does not exist")
        elif match.group(2) not in headings(page):
            fail(f"{name}: runbook {match.group(1)} has no heading for #{match.group(2)}")


def markdown_table(text, first_header):
    """Rows (lists of cells) of the Markdown table whose first header cell is first_header."""
    def cells(line):
        # GitHub tables escape a pipe inside a cell as \|
        return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]

    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("|") and cells(line)[0] == first_header:
            rows = []
            for row in lines[i + 2:]:
                if not row.startswith("|"):
                    break
                rows.append(cells(row))
            return rows
    return None


def normalise(expr):
    return re.sub(r"\s+", " ", expr).strip()


def check_thresholds():
    with open(os.path.join(RUNBOOKS, "README.md")) as f:
        text = f.read()
    rows = markdown_table(text, "Alert")
    if not rows:
        fail("docs/runbooks/README.md: no thresholds table (first column 'Alert')")
        return
    unmatched = alerts()
    for cells in rows:
        alert, severity, _, threshold, duration = cells[:5]
        alert = alert.strip("[]").split("](")[0].strip("`[]")
        fragments = re.findall(r"`([^`]+)`", threshold)
        wanted_for = None if duration in ("", "-", "—") else duration
        candidates = [r for r in unmatched
                      if r["alert"] == alert and r.get("labels", {}).get("severity") == severity
                      and r.get("for") == wanted_for
                      and all(normalise(f) in normalise(r["expr"]) for f in fragments)]
        if not fragments:
            fail(f"thresholds table: row {alert} names no threshold in backticks")
        if len(candidates) != 1:
            fail(f"thresholds table: row {alert} / {severity} / {' '.join(fragments)} / for {duration} "
                 f"matches {len(candidates)} rules, expected exactly one")
        else:
            unmatched.remove(candidates[0])
    for rule in unmatched:
        fail(f"thresholds table: no row for {rule['alert']} ({rule['labels'].get('severity')}, {rule['_file']})")

    objectives = markdown_table(text, "SLO")
    if not objectives:
        fail("docs/runbooks/README.md: no SLO objectives table (first column 'SLO')")
        return
    recorded = {r["labels"]["slo"]: normalise(r["expr"]) for r in load_rules()
                if r.get("record") == "zodiacore:slo_objective:ratio"}
    listed = set()
    for cells in objectives:
        slo, objective = cells[0].strip("`"), cells[1].strip("`")
        listed.add(slo)
        if recorded.get(slo) != f"vector({objective})":
            fail(f"SLO table: {slo} objective {objective} differs from the rules ({recorded.get(slo)})")
    for slo in set(recorded) - listed:
        fail(f"SLO table: no row for {slo}")


def check_alert_tests():
    firing, silent = [], set()
    for path in sorted(glob.glob(os.path.join(MONITORING, "tests", "*.test.yml"))):
        with open(path) as f:
            doc = yaml.safe_load(f)
        for test in doc.get("tests", []):
            for case in test.get("alert_rule_test", []):
                expected = case.get("exp_alerts") or []
                if not expected:
                    silent.add(case["alertname"])
                for alert in expected:
                    firing.append(dict(alert.get("exp_labels", {}), alertname=case["alertname"]))
    for rule in alerts():
        static = dict(rule.get("labels", {}), alertname=rule["alert"])
        if not any(all(fired.get(k) == v for k, v in static.items()) for fired in firing):
            fail(f"{rule['alert']} {rule.get('labels')}: no test expects it to fire")
        if rule["alert"] not in silent:
            fail(f"{rule['alert']}: no test case where it must stay silent")


def dashboards():
    for path in sorted(glob.glob(os.path.join(MONITORING, "grafana", "dashboards", "*.json"))):
        try:
            with open(path) as f:
                yield os.path.basename(path), json.load(f)
        except json.JSONDecodeError as error:
            fail(f"{os.path.basename(path)}: invalid JSON: {error}")


def all_panels(panels):
    for panel in panels:
        yield panel
        yield from all_panels(panel.get("panels", []))


def variables_in(text):
    return set(re.findall(r"\$\{?(\w+)", text))


def check_dashboards():
    uids, found = set(), 0
    for name, dash in dashboards():
        found += 1
        if dash.get("uid") in uids:
            fail(f"{name}: dashboard uid {dash.get('uid')} is used twice")
        uids.add(dash.get("uid"))
        ids = [p.get("id") for p in all_panels(dash.get("panels", []))]
        duplicates = {i for i in ids if ids.count(i) > 1}
        if None in ids or duplicates:
            fail(f"{name}: panel ids missing or repeated: {sorted(d for d in duplicates if d is not None)}")
        for var in dash.get("templating", {}).get("list", []):
            if var.get("name") not in ("job", "instance"):
                fail(f"{name}: template variable {var.get('name')} is not job or instance")
            if var.get("datasource", {}).get("uid") != DATASOURCE_UID:
                fail(f"{name}: variable {var.get('name')} does not use datasource {DATASOURCE_UID}")
            query = var.get("query", {}).get("query", "") if isinstance(var.get("query"), dict) else var.get("query", "")
            if not re.fullmatch(r"label_values\((.+),\s*\w+\)", query):
                fail(f"{name}: variable {var.get('name')} query {query!r} is not label_values(<selector>, <label>)")
            if var.get("allValue") != ".*":
                fail(f"{name}: variable {var.get('name')} needs allValue .* so =~ selects everything")
        for panel in all_panels(dash.get("panels", [])):
            if panel.get("type") == "row":
                continue
            title = f"{name} panel {panel.get('id')} '{panel.get('title')}'"
            if panel.get("datasource", {}).get("uid") != DATASOURCE_UID:
                fail(f"{title}: datasource uid is not {DATASOURCE_UID}")
            if not panel.get("targets"):
                fail(f"{title}: no queries")
            for target in panel.get("targets", []):
                expr = target.get("expr", "")
                if target.get("datasource", {}).get("uid") != DATASOURCE_UID:
                    fail(f"{title} query {target.get('refId')}: datasource uid is not {DATASOURCE_UID}")
                unknown = variables_in(expr) - ALLOWED_VARIABLES
                if unknown:
                    fail(f"{title}: uses variables {sorted(unknown)}; only $job, $instance, $__rate_interval")
                for selector in re.findall(r"\{([^}]*)\}", expr):
                    if re.search(r'\b(job|instance)\s*=\s*"\$', selector):
                        fail(f"{title}: $job/$instance must be matched with =~ (multi-value)")
                for counter in RARE_COUNTERS:
                    if counter in expr and not re.search(r"or (on ?\(\) ?)?vector\(0\)| \* 0\)", expr):
                        fail(f"{title}: {counter} is a rare-event counter; add `or vector(0)`")
    if not found:
        fail("no dashboards in monitoring/grafana/dashboards")


def check_provisioning():
    base = os.path.join(MONITORING, "grafana", "provisioning")
    with open(os.path.join(base, "datasources", "prometheus.yml")) as f:
        sources = yaml.safe_load(f).get("datasources", [])
    if [s.get("uid") for s in sources if s.get("type") == "prometheus"] != [DATASOURCE_UID]:
        fail(f"datasource provisioning must define one prometheus datasource with uid {DATASOURCE_UID}")
    with open(os.path.join(base, "dashboards", "zodiacore.yml")) as f:
        providers = yaml.safe_load(f).get("providers", [])
    if not providers or any(p.get("type") != "file" or not p.get("options", {}).get("path") for p in providers):
        fail("dashboard provisioning must define file providers with options.path")


def concrete(expr):
    """A dashboard expression as Grafana sends it with every service selected."""
    expr = expr.replace("$__rate_interval", "1m")
    return re.sub(r"\$\{?(job|instance)\}?", ".*", expr)


def query_dashboards(base_url):
    """Every panel expression evaluated by a live Prometheus: each must run and return data."""
    for name, dash in dashboards():
        for panel in all_panels(dash.get("panels", [])):
            for target in panel.get("targets", []):
                expr = concrete(target.get("expr", ""))
                url = base_url.rstrip("/") + "/api/v1/query?" + urllib.parse.urlencode({"query": expr})
                title = f"{name} panel {panel['id']} '{panel.get('title')}' {target.get('refId')}"
                try:
                    with urllib.request.urlopen(url, timeout=30) as response:
                        result = json.load(response)["data"]["result"]
                except urllib.error.HTTPError as error:
                    fail(f"{title}: {json.load(error).get('error', error)}")
                    continue
                print(f"{len(result):4d} series  {title}")
                if not result:
                    fail(f"{title}: no data for {expr}")


def write_dashboard_rules(out_path):
    """Every dashboard expression as a recording rule, with Grafana's variables replaced."""
    rules = []
    for name, dash in dashboards():
        for var in dash.get("templating", {}).get("list", []):
            query = var.get("query", {}).get("query", "") if isinstance(var.get("query"), dict) else var.get("query", "")
            match = re.fullmatch(r"label_values\((.+),\s*\w+\)", query)
            if match:
                rules.append({"record": f"dashboard:{dash['uid'].replace('-', '_')}:variable_{var['name']}",
                              "expr": concrete(match.group(1))})
        for panel in all_panels(dash.get("panels", [])):
            for target in panel.get("targets", []):
                rules.append({"record": f"dashboard:{dash['uid'].replace('-', '_')}:panel{panel['id']}_{target.get('refId', 'A')}",
                              "expr": concrete(target.get("expr", ""))})
    with open(out_path, "w") as f:
        yaml.safe_dump({"groups": [{"name": "dashboard-expressions", "rules": rules}]}, f, sort_keys=False)
    print(f"{len(rules)} dashboard expressions written to {out_path}")


def main():
    checks = {"rule-metadata": check_rule_metadata, "thresholds": check_thresholds,
              "alert-tests": check_alert_tests, "dashboards": check_dashboards,
              "provisioning": check_provisioning}
    if len(sys.argv) == 3 and sys.argv[1] == "dashboard-rules":
        write_dashboard_rules(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "dashboard-queries":
        query_dashboards(sys.argv[2])
    elif len(sys.argv) == 2 and sys.argv[1] in checks:
        checks[sys.argv[1]]()
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for message in failures:
        print(f"  {message}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
