#!/usr/bin/env bash
# Run the whole test suite (and the linter) from this checkout; installs what it needs first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/scripts/bootstrap.sh" test
cd "$here"
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check knee_coach tests benchmarks packaging scripts setup.py
.venv/bin/ruff format --check knee_coach tests benchmarks packaging scripts setup.py
exec .venv/bin/python -m pytest "$@"
