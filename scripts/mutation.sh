#!/usr/bin/env bash
# Mutation testing of the Qt-free core and the storage with mutmut (slow: not part of CI).
# Usage: scripts/mutation.sh [core|storage|all] [max children]
#   scripts/mutation.sh core      # knee_coach/core only
#   scripts/mutation.sh storage   # knee_coach/storage only
# Mutants and their results are kept in mutants/ (git-ignored), so a second run only tests
# what changed. The tests run against each mutant are those listed in pyproject.toml
# ([tool.mutmut]); see docs/testing.md for the last figures and the surviving mutants.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
scripts/bootstrap.sh test
export QT_QPA_PLATFORM=offscreen
# The property tests run on fewer examples from a fixed seed for each mutant (none is skipped):
# see tests/property_budget.py.
export KNEE_COACH_HYPOTHESIS_PROFILE=mutation
which="${1:-all}"
children="${2:-2}"
case "$which" in
  core) names=("knee_coach.core.*") ;;
  storage) names=("knee_coach.storage.*") ;;
  all) names=() ;;
  *) echo "usage: $0 [core|storage|all] [max children]" >&2; exit 2 ;;
esac
.venv/bin/mutmut run --max-children "$children" "${names[@]}"
# The score over the mutants tested so far, and the list of those that survived.
.venv/bin/python scripts/mutation_report.py "${names[@]}"
