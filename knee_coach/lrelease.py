"""Where Qt's lrelease is, the tool that compiles the translations (.ts) into .qm files.

The one place that looks for it: the app (knee_coach/ui/i18n.py, when a .qm is missing),
the wheel build (setup.py loads this file by path, as the package is not importable while it
is being built) and scripts/build-translations.sh (`python -m knee_coach.lrelease` prints
the path). Standard library only, and PySide6 is found without being imported.
"""

from __future__ import annotations

import sys
from pathlib import Path


def find_lrelease() -> Path | None:
    """The lrelease shipped in the PySide6 wheel, else pyside6-lrelease or lrelease on PATH."""
    import importlib.util  # here: only needed when a .qm has to be compiled
    import shutil

    spec = importlib.util.find_spec("PySide6")
    folders = (spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        for name in ("lrelease", "lrelease.exe"):
            bundled = Path(folder) / name
            if bundled.is_file():
                return bundled
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def main() -> int:
    tool = find_lrelease()
    if tool is None:
        print("lrelease not found (it comes with PySide6)", file=sys.stderr)
        return 1
    print(tool)
    return 0


if __name__ == "__main__":
    sys.exit(main())
