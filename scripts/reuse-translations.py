"""Fill unfinished messages in a .ts file with the translation the same source text already
has in another context (after code moved between classes), so nothing is translated twice.

    .venv/bin/python scripts/reuse-translations.py knee_coach/i18n/knee_coach_ja.ts
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET


def main(path: str) -> int:
    tree = ET.parse(path)
    known: dict[tuple[str | None, bool], ET.Element] = {}
    messages = [m for c in tree.getroot().iter("context") for m in c.iter("message")]
    for message in messages:
        translation = message.find("translation")
        if translation is not None and translation.get("type") in (None, "vanished", "obsolete"):
            key = (message.findtext("source"), message.get("numerus") == "yes")
            known.setdefault(key, translation)
    filled = 0
    for message in messages:
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        done = known.get((message.findtext("source"), message.get("numerus") == "yes"))
        if done is None:
            continue
        translation.clear()
        translation.text = done.text
        for form in done:
            translation.append(form)
        filled += 1
    if filled:
        ET.indent(tree, space="    ")
        with open(path, "w", encoding="utf-8") as out:
            out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            out.write(ET.tostring(tree.getroot(), encoding="unicode"))
            out.write("\n")
    print(f"{path}: {filled} message(s) filled from other contexts")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
