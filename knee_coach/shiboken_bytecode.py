"""Keep the bytecode of Qt for Python's embedded support code between starts, as Python
keeps .pyc files for modules.

Importing PySide6 loads shiboken's support package (function signatures, `__feature__`,
the import hook), which ships as Python source inside shiboken's library and is compiled
from scratch on every start: a bootstrap and 13 modules, ~130 KB of source, ~120 M CPU
instructions (16 of the 68 ms `import PySide6.QtCore` takes on our 2-core test machine), a
fifth of what a bare PySide6 window's whole start costs. Shiboken's wheels serve every
Python version, so they cannot ship bytecode for one; an installed app can keep it for the
one it runs on.

While PySide6 (or shiboken6) is first imported inside `cached_shiboken_bytecode()`, the
`compile` builtin its loader calls gives back the code compiled the previous time for the
same source (same length, CRC-32, optimization level and `__future__` flags, same Python
bytecode version), else compiles it as it would have and remembers it. Every other call
goes to the real `compile` untouched. The cache file sits where Python keeps this
package's own .pyc files and is written the way Python writes them: not when bytecode
writing is off, silently not where the folder is read-only. A PyInstaller bundle carries
one made when it was built, and only reads it.
"""

from __future__ import annotations
import __future__

import builtins
import marshal
import os
import sys
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from importlib.util import MAGIC_NUMBER, cache_from_source
from pathlib import Path
from types import CodeType
from typing import Any

# What shiboken's loader names the sources it compiles (its bootstrap, then the package).
_BOOTSTRAP = "signature_bootstrap.py"
_PACKAGE = "shibokensupport/"

# filename -> (length, CRC-32, optimization level, __future__ flags, code)
Entries = dict[str, tuple[int, int, int, int, CodeType]]

# The flags `compile` passes on from its caller's code: the __future__ features' own, but
# nested_scopes' (CO_NESTED, also set on any nested function's code, and obsolete).
_FUTURE_FLAGS = sum(
    getattr(__future__, name).compiler_flag
    for name in __future__.all_feature_names
    if name != "nested_scopes"
)


class Use:
    """What one start took from the cache and what it had to compile."""

    def __init__(self) -> None:
        self.served = 0
        self.compiled = 0


# How the first import of PySide6 in this process went, if it was made inside
# cached_shiboken_bytecode().
last_use: Use | None = None


def cache_name() -> str | None:
    """The cache's file name for this Python; None where it keeps no bytecode."""
    tag = sys.implementation.cache_tag
    return None if tag is None else f"shibokensupport.{tag}.bin"


def default_cache_file() -> Path | None:
    """Beside this package's own bytecode (`__pycache__`, or under PYTHONPYCACHEPREFIX); in
    a PyInstaller bundle, the copy made when it was built (packaging/knee-coach.spec)."""
    name = cache_name()
    if name is None:
        return None
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", ".")) / "knee_coach" / name
    return Path(cache_from_source(__file__)).with_name(name)


def _is_shiboken_source(source: object, filename: object) -> bool:
    return (
        type(source) is bytes
        and isinstance(filename, str)
        and (filename == _BOOTSTRAP or filename.startswith(_PACKAGE))
    )


def load_entries(path: Path) -> Entries:
    """The cached code objects; none if the file is missing, unreadable, from another
    Python bytecode version or damaged (it is then rebuilt)."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    if not data.startswith(MAGIC_NUMBER):
        return {}
    try:
        entries = marshal.loads(data[len(MAGIC_NUMBER) :])
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(entries, dict):
        return {}
    return {
        name: entry
        for name, entry in entries.items()
        if isinstance(name, str)
        and isinstance(entry, tuple)
        and len(entry) == 5
        and isinstance(entry[4], CodeType)
    }


def save_entries(path: Path, entries: Entries) -> bool:
    """Write the cache atomically (another start may be reading it); False if it could not."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(MAGIC_NUMBER + marshal.dumps(entries))
        os.replace(temporary, path)
    except OSError:
        with suppress(OSError):  # e.g. the "folder" is a file: there is no temporary either
            temporary.unlink(missing_ok=True)
        return False
    return True


def make_compile(
    original: Callable[..., Any], known: Entries, used: Entries, use: Use
) -> Callable[..., Any]:
    """A stand-in for `compile` answering shiboken's calls from `known`, recording every
    entry it answers with in `used`, and in `use` how many it served and compiled."""

    def compile(
        source: Any,
        filename: Any,
        mode: str,
        flags: int = 0,
        dont_inherit: bool = False,
        optimize: int = -1,
        **kwargs: Any,
    ) -> Any:
        if not dont_inherit:
            # The real compile inherits its caller's __future__ flags; called from here, it
            # would take this module's instead.
            flags |= sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS
        if (
            kwargs
            or mode != "exec"
            or flags & ~_FUTURE_FLAGS  # e.g. asking for a syntax tree
            or not _is_shiboken_source(source, filename)
        ):
            return original(source, filename, mode, flags, True, optimize, **kwargs)
        key = (
            len(source),
            zlib.crc32(source),
            sys.flags.optimize if optimize < 0 else optimize,
            flags,
        )
        entry = known.get(filename)
        if entry is None or entry[:4] != key:
            entry = (*key, original(source, filename, mode, flags, True, optimize))
            use.compiled += 1
        else:
            use.served += 1
        used[filename] = entry
        return entry[4]

    return compile


@contextmanager
def cached_shiboken_bytecode(cache_file: Path | None = None) -> Iterator[None]:
    """Around the first import of PySide6 (or shiboken6): shiboken's support code comes
    from the cache.

    Does nothing once PySide6 is loaded. Only entries used in this start are written back,
    so a shiboken upgrade does not leave its old code behind; a bundle's copy is only read."""
    global last_use
    path = cache_file or default_cache_file()
    if path is None or "shiboken6" in sys.modules:
        yield
        return
    used: Entries = {}
    use = Use()
    original = builtins.compile
    builtins.compile = make_compile(original, load_entries(path), used, use)
    try:
        yield
    finally:
        builtins.compile = original
    last_use = use
    frozen = getattr(sys, "frozen", False)
    if use.compiled and not frozen and not sys.dont_write_bytecode:
        save_entries(path, used)
