#!/usr/bin/env bash
# Refresh the translation sources from the code, keeping every translation already made.
# Run it after merging work that adds or changes user-visible strings:
#     scripts/update-translations.sh
# Then translate what it reports as unfinished (Qt Linguist: .venv/bin/pyside6-linguist FILE)
# and run ./run-tests.sh: tests/test_translations.py fails while anything is untranslated.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
[ -x .venv/bin/pyside6-lupdate ] || scripts/bootstrap.sh app >&2

mapfile -t sources < <(find knee_coach -name '*.py' -not -path '*/__pycache__/*' | LC_ALL=C sort)
# Japanese: every string. English is the source language; its file holds only the plural
# forms (e.g. "%n rep(s)" -> "1 rep" / "2 reps").
.venv/bin/pyside6-lupdate -silent -no-obsolete -source-language en -target-language ja_JP \
  "${sources[@]}" -ts knee_coach/i18n/knee_coach_ja.ts
.venv/bin/pyside6-lupdate -silent -no-obsolete -pluralonly -source-language en \
  -target-language en "${sources[@]}" -ts knee_coach/i18n/knee_coach_en.ts

scripts/build-translations.sh

status=0
for ts in knee_coach/i18n/*.ts; do
  unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
  if [ "$unfinished" -gt 0 ]; then
    echo "$ts: $unfinished message(s) still to translate" >&2
    status=1
  else
    echo "$ts: complete"
  fi
done
exit "$status"
