"""PyInstaller runtime hook: PySide6's support code from the bytecode made at build time.

In a bundle, PySide6 is first imported by PyInstaller's own PySide6 runtime hook, before the
app's code runs; custom runtime hooks run before PyInstaller's. Loading shiboken6 here, inside
the cache (knee_coach/shiboken_bytecode.py), reads the support code the spec compiled into
the bundle instead of compiling it again at every start. --self-test checks it was used.
"""

from knee_coach.shiboken_bytecode import cached_shiboken_bytecode

with cached_shiboken_bytecode():
    import shiboken6  # noqa: F401 - loading it loads the support code
