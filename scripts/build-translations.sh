#!/usr/bin/env bash
# Compile knee_coach/i18n/*.ts into the .qm files the app loads (never committed).
# scripts/bootstrap.sh runs this; wheels get theirs from the build hook in setup.py.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
python=".venv/bin/python"
[ -x "$python" ] || python="$(command -v python3)"
# knee_coach/lrelease.py is the one place that knows where lrelease is.
if ! lrelease="$("$python" -m knee_coach.lrelease)"; then
  echo "build-translations: run scripts/bootstrap.sh first (lrelease comes with PySide6)" >&2
  exit 1
fi
for ts in knee_coach/i18n/*.ts; do
  "$lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
