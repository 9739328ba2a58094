#!/usr/bin/env bash
# Branch coverage of the test suite, the app's own subprocesses included (coverage.py's
# subprocess patch, configured in pyproject.toml). Fails when knee_coach/core or
# knee_coach/storage falls under 95 %; the rest of the package is reported.
# Usage: scripts/coverage.sh [pytest arguments]   (HTML report: add COVERAGE_HTML=1)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
scripts/bootstrap.sh test
export QT_QPA_PLATFORM=offscreen
.venv/bin/coverage erase
status=0
# The start-up import check cannot pass under coverage.py, which itself imports sqlite3 and
# json for its data file; run-tests.sh runs it.
.venv/bin/coverage run -m pytest \
  --deselect tests/test_startup.py::test_first_frame_waits_for_nothing_it_does_not_show \
  "$@" || status=$?
.venv/bin/coverage combine -q
echo "== the whole package"
.venv/bin/coverage report --skip-covered
[ "${COVERAGE_HTML:-0}" = 1 ] && .venv/bin/coverage html -q && echo "HTML report: htmlcov/index.html"
echo "== core and storage (at least 95 % of branches and lines)"
.venv/bin/coverage report --include='knee_coach/core/*,knee_coach/storage/*' --fail-under=95 \
  || status=$((status ? status : 1))
exit "$status"
