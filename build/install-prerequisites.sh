#!/usr/bin/env bash
# Installs the Debian packages ZodiaCore needs at run and test time, only those missing.
# Debian 12's prometheus package also starts a system service on :9090, which ZodiaCore's own
# Prometheus wants; it is stopped and disabled here (see README, "Ports").
set -euo pipefail

missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  # policy-rc.d 101 keeps the packages' own services (redis, prometheus) from starting on install:
  # ZodiaCore starts its own instances on ports it chooses.
  printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee /usr/sbin/policy-rc.d >/dev/null
  "${sudo_cmd[@]}" chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  "${sudo_cmd[@]}" rm -f /usr/sbin/policy-rc.d
fi

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; exit 1; }
