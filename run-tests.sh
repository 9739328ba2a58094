#!/usr/bin/env bash
# Run the whole test suite (with the linter and the type checker) from this checkout; installs
# what it needs first and starts the services the tests use (scripts/test-services.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/scripts/bootstrap.sh" test
cd "$here"
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check knee_coach tests benchmarks packaging scripts setup.py
.venv/bin/ruff format --check knee_coach tests benchmarks packaging scripts setup.py
# Types: the whole package as pyproject.toml configures it, and the Qt-free layers strictly.
.venv/bin/mypy
.venv/bin/mypy --strict --no-warn-unused-configs knee_coach/core knee_coach/storage
# A desktop's own sound output is given back when the tests are done.
previous_sink="$(scripts/test-services.sh)" || true
if [ -n "$previous_sink" ]; then
  trap 'pactl set-default-sink "$previous_sink" >/dev/null 2>&1 || true' EXIT
fi
.venv/bin/python -m pytest "$@"
