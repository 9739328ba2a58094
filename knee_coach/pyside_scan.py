"""A cheaper answer to the question Qt for Python asks of every module imported after it.

PySide6 hooks `import`: the first time a module is named in an import statement, it checks
whether the module's source mentions "PySide6" (to know which modules its opt-in
`__feature__` switches apply to). It does so with `inspect.getsource`, which decodes the
whole file, splits it into lines, caches them in `linecache` and joins them again. Before the
first frame that is ~30 modules (logging, typing, datetime, pathlib and ours): 1.5 % of the
start-up's instructions (benchmarks/startup.py). Searching the file's bytes gives the same
answer for far less, and keeps no copy of the source in memory.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_MARK = b"PySide6"  # ASCII: the same bytes in every encoding Python reads source in


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether `module`'s source mentions PySide6, read straight from its .py file;
    `fallback` (PySide's own check) answers for modules without one."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)
    try:
        with open(path, "rb") as source:
            return _MARK in source.read()
    except OSError:  # e.g. a module inside a zip file: its loader knows the source
        return fallback(module)


def speed_up_import_scan() -> bool:
    """Install `uses_pyside` in place of PySide's own check; returns whether it could.

    Leaves everything as it is if this PySide6 has no such check (it is not public API)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "__wrapped__", None) is not None:  # installed already
        return True

    def _mod_uses_pyside(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    _mod_uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = _mod_uses_pyside  # type: ignore[union-attr]
    return True
