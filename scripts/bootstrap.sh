#!/usr/bin/env bash
# Prepare a checkout to run: Debian/Ubuntu system libraries for Qt, then a private venv.
# Usage: scripts/bootstrap.sh [app|test]   (idempotent; fast when nothing changed)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-app}"
cd "$here"

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  lists=(scripts/debian-packages.txt)
  [ "$mode" = test ] && lists+=(scripts/debian-test-packages.txt)
  for pkg in $(cat "${lists[@]}" | grep -v '^\s*#' | grep -v '^\s*$' | sort -u); do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    [ "$status" = "install ok installed" ] || missing+=("$pkg")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then sudo_cmd=(); else sudo_cmd=(sudo); fi
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "Please install them as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq || true
  "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=".venv/.knee-coach-$mode"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  extra=""
  [ "$mode" = test ] && extra="[test]"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".$extra"
  touch "$stamp"
fi

# The compiled translations (.qm) are build output: refresh them when a .ts is newer.
for ts in knee_coach/i18n/*.ts; do
  if [ ! -f "${ts%.ts}.qm" ] || [ "$ts" -nt "${ts%.ts}.qm" ]; then
    scripts/build-translations.sh
    break
  fi
done
