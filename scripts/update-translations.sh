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
update() {  # lupdate, then reuse translations of texts that moved to another class
  local ts="$1"; shift
  .venv/bin/pyside6-lupdate -silent -locations none "$@" "${sources[@]}" -ts "$ts"
  .venv/bin/python scripts/reuse-translations.py "$ts" >/dev/null
  .venv/bin/pyside6-lupdate -silent -no-obsolete -locations none "$@" "${sources[@]}" -ts "$ts"
}
update knee_coach/i18n/knee_coach_ja.ts -source-language en -target-language ja_JP
update knee_coach/i18n/knee_coach_en.ts -pluralonly -source-language en -target-language en

scripts/build-translations.sh

# Report what is left to translate; exit 1 while anything is (the test suite fails too).
exec .venv/bin/python - knee_coach/i18n/*.ts <<'PY'
import sys
import xml.etree.ElementTree as ET

status = 0
for path in sys.argv[1:]:
    todo = [
        (context.findtext("name") or "", message.findtext("source"))
        for context in ET.parse(path).getroot().iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") == "unfinished"
    ]
    if todo:
        status = 1
        print(f"{path}: {len(todo)} message(s) still to translate:", file=sys.stderr)
        for context, source in todo:
            print(f"  [{context}] {source}", file=sys.stderr)
    else:
        print(f"{path}: complete")
sys.exit(status)
PY
