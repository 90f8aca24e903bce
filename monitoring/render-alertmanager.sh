#!/usr/bin/env bash
# Renders alertmanager.yml from alertmanager.yml.tmpl for one deployment and checks it.
#
#   ALERT_EMAIL_TO=oncall@example.org ... monitoring/render-alertmanager.sh [output-file]
#
# Required settings (environment): see REQUIRED below and docs/runbooks/README.md.
# The two *_FILE settings are paths to files holding the SMTP password and the Slack
# webhook URL; Alertmanager reads them at run time, so no secret passes through here.
# Needs envsubst (apt gettext-base) and amtool (apt prometheus-alertmanager).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/alertmanager.yml}"

REQUIRED=(
  ALERT_SMTP_SMARTHOST ALERT_EMAIL_FROM ALERT_SMTP_USERNAME ALERT_SMTP_PASSWORD_FILE
  ALERT_EMAIL_TO ALERT_SLACK_WEBHOOK_URL_FILE ALERT_SLACK_CHANNEL_CRITICAL ALERT_SLACK_CHANNEL_WARNING
)
missing=()
for name in "${REQUIRED[@]}"; do
  [[ -n "${!name:-}" ]] || missing+=("$name")
done
if (( ${#missing[@]} )); then
  echo "render-alertmanager: missing settings: ${missing[*]}" >&2
  exit 2
fi

# Only our variables are substituted: Alertmanager's own {{ }} templates and any
# other $ in the file are left alone.
vars="$(printf '${%s} ' "${REQUIRED[@]}")"
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
envsubst "$vars" < "$here/alertmanager.yml.tmpl" > "$tmp"
amtool check-config "$tmp" >/dev/null
mv "$tmp" "$out"
trap - EXIT
echo "render-alertmanager: wrote $out"
