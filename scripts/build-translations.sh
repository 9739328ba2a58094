#!/usr/bin/env bash
# Compile knee_coach/i18n/*.ts into the .qm files the app loads (never committed).
# scripts/bootstrap.sh runs this; wheels get theirs from the build hook in setup.py.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
lrelease=".venv/bin/pyside6-lrelease"
[ -x "$lrelease" ] || lrelease="$(command -v pyside6-lrelease || command -v lrelease || true)"
if [ -z "$lrelease" ]; then
  echo "build-translations: lrelease not found (it comes with PySide6); run scripts/bootstrap.sh" >&2
  exit 1
fi
for ts in knee_coach/i18n/*.ts; do
  "$lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
