#!/usr/bin/env bash
# Static checks of everything under monitoring/ (and its runbooks). Offline, a few seconds
# plus ~15 s of rule unit tests. Exits non-zero if any check fails; the last line is
#   monitoring: N passed, N failed
# Needs: promtool (apt prometheus), amtool (apt prometheus-alertmanager),
#        envsubst (apt gettext-base), python3 with PyYAML (apt python3-yaml).
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# check <name> <command...>: runs one check, shows its output only when it fails.
check() {
  local name="$1"; shift
  if "$@" >"$work/out" 2>&1; then
    passed=$((passed + 1))
    echo "PASS  $name"
  else
    failed=$((failed + 1))
    echo "FAIL  $name"
    sed 's/^/      /' "$work/out"
  fi
}

# The config with target files shaped like the ones the AppHost writes, so promtool
# also validates that format (the real files are git-ignored).
config_with_targets() {
  mkdir -p "$work/prom/targets"
  cp -r "$here/prometheus.yml" "$here/rules" "$work/prom/"
  local port=5101
  for job in gateway identity charts interpretation alertmanager; do
    printf '[\n  { "targets": ["127.0.0.1:%d"], "labels": {} }\n]\n' "$port" >"$work/prom/targets/$job.json"
    port=$((port + 1))
  done
  promtool check config "$work/prom/prometheus.yml" &&
    ! grep -q WARNING <(promtool check config "$work/prom/prometheus.yml" 2>&1)
}

render_alertmanager() {
  ALERT_SMTP_SMARTHOST=smtp.example.org:587 \
  ALERT_EMAIL_FROM=alerts@example.org \
  ALERT_SMTP_USERNAME=alerts \
  ALERT_SMTP_PASSWORD_FILE=/run/secrets/smtp_password \
  ALERT_EMAIL_TO=oncall@example.org \
  ALERT_SLACK_WEBHOOK_URL_FILE=/run/secrets/slack_webhook_url \
  ALERT_SLACK_CHANNEL_CRITICAL='#zodiacore-page' \
  ALERT_SLACK_CHANNEL_WARNING='#zodiacore-alerts' \
    "$here/render-alertmanager.sh" "$work/alertmanager.yml" &&
    amtool check-config "$work/alertmanager.yml" &&
    ! grep -n '\${' "$work/alertmanager.yml"
}

render_refuses_missing_settings() {
  ! env -i PATH="$PATH" "$here/render-alertmanager.sh" "$work/unrendered.yml" &&
    [[ ! -e "$work/unrendered.yml" ]]
}

# route <receiver> <label=value...>: the rendered routing tree sends these labels there.
route() {
  local receiver="$1"; shift
  amtool config routes test --config.file="$work/alertmanager.yml" --verify.receivers="$receiver" "$@"
}

dashboard_expressions_parse() {
  python3 "$here/lint.py" dashboard-rules "$work/dashboard-rules.yml" &&
    promtool check rules "$work/dashboard-rules.yml"
}

check "python3 with PyYAML available" python3 -c 'import yaml'
check "promtool check config prometheus.yml" promtool check config "$here/prometheus.yml"
check "promtool check config with AppHost-shaped target files" config_with_targets
check "promtool check rules" promtool check rules "$here"/rules/*.yml
check "promtool test rules" promtool test rules "$here"/tests/*.test.yml
check "every alert has a firing and a silent test" python3 "$here/lint.py" alert-tests
check "alert metadata and runbook anchors" python3 "$here/lint.py" rule-metadata
check "thresholds table matches the rules" python3 "$here/lint.py" thresholds
check "alertmanager template renders and amtool check-config passes" render_alertmanager
check "alertmanager render refuses missing settings" render_refuses_missing_settings
check "critical alerts page (e-mail + Slack)" route page severity=critical alertname=ServiceDown job=charts
check "warnings go to Slack" route slack-warnings severity=warning alertname=SlowResponseTime job=charts
check "alerts without severity go to Slack" route slack-warnings alertname=Unknown
check "grafana dashboards" python3 "$here/lint.py" dashboards
check "grafana provisioning" python3 "$here/lint.py" provisioning
check "every dashboard expression parses" dashboard_expressions_parse

echo "monitoring: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
