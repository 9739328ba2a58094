"""What went wrong with the user's data, in words: one sentence for the command line and the
window alike, and the command line's exit code.

`problem(exc)` turns an exception from storage (SQLite, the file system, the history's own
errors) into a `Problem`; its `message(translate)` is the text, translated when the window
passes `QCoreApplication.translate`. The texts are marked with QT_TRANSLATE_NOOP, as core's
are, so this module stays free of Qt.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from knee_coach.core.i18n import QT_TRANSLATE_NOOP
from knee_coach.storage.db import (
    DamagedDatabaseError,
    DatabaseError,
    ForeignDatabaseError,
    MigrationError,
    NewerDatabaseError,
)

CTX = "storage"

# What can go wrong reading or writing the history: SQLite, the history's own checks, the disk.
STORAGE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, DatabaseError, OSError)

# Exit codes of the command line (README, "Your data").
EXIT_OK = 0
EXIT_FAILED = 1  # the history could not be read or written; nothing was changed
EXIT_BAD_INPUT = 2  # a bad argument, CSV file or data folder; nothing was changed
EXIT_UNTOUCHED = 3  # the history is damaged or from a newer version: left exactly as it is

DISK_FULL = QT_TRANSLATE_NOOP(
    "storage", "The disk is full: free some space and try again. Nothing was changed."
)
LOCKED = QT_TRANSLATE_NOOP(
    "storage", "Another program is using the history: close it and try again."
)
READ_ONLY = QT_TRANSLATE_NOOP(
    "storage",
    "The history cannot be written: {path} is read-only. Sessions are not saved until it can be.",
)
NO_PERMISSION = QT_TRANSLATE_NOOP(
    "storage", "Knee Coach is not allowed to use {path}: check its owner and permissions."
)
DAMAGED = QT_TRANSLATE_NOOP(
    "storage",
    "The history {path} is damaged ({detail}). It was left exactly as it is: open Knee Coach "
    "to restore the latest backup.",
)
NEWER = QT_TRANSLATE_NOOP(
    "storage",
    "The history {path} was saved by a newer version of Knee Coach (database version "
    "{version}). It was left untouched: please update Knee Coach to use it.",
)
FOREIGN = QT_TRANSLATE_NOOP(
    "storage",
    "{path} is not a Knee Coach history (it holds other data). It was left untouched.",
)
MIGRATION = QT_TRANSLATE_NOOP(
    "storage",
    "The history {path} could not be updated for this version of Knee Coach ({detail}). "
    "It was left as it was; a backup is in the backups folder.",
)
OTHER = QT_TRANSLATE_NOOP("storage", "The history cannot be used: {detail}")
FILE = QT_TRANSLATE_NOOP("storage", "{path} cannot be used: {detail}")

_BUSY_CODES = {getattr(sqlite3, "SQLITE_BUSY", 5), getattr(sqlite3, "SQLITE_LOCKED", 6)}
_FULL = getattr(sqlite3, "SQLITE_FULL", 13)
_READ_ONLY = getattr(sqlite3, "SQLITE_READONLY", 8)
_PERM = getattr(sqlite3, "SQLITE_PERM", 3)
_IOERR = getattr(sqlite3, "SQLITE_IOERR", 10)
_NEARLY_FULL = 1 << 20  # bytes free


def _nearly_full(path: object) -> bool:
    """Whether the disk holding `path` has (almost) no space left."""
    if not path:
        return False
    folder = Path(str(path))
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    try:
        stat = os.statvfs(folder)
    except OSError:
        return False
    return stat.f_bavail * stat.f_frsize < _NEARLY_FULL


@dataclass(frozen=True, slots=True)
class Problem:
    template: str
    args: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    exit_code: int = EXIT_FAILED

    def message(self, translate: Callable[[str, str], str] | None = None) -> str:
        text = translate(CTX, self.template) if translate else self.template
        return str(text).format(**self.args)


def _problem(template: str, exit_code: int = EXIT_FAILED, **args: object) -> Problem:
    return Problem(template, MappingProxyType(args), exit_code)


def _root_cause(exc: BaseException) -> BaseException:
    """The SQLite or OS error under a DatabaseError raised `from` it, if any."""
    seen = exc
    while isinstance(seen, DatabaseError) and seen.__cause__ is not None:
        seen = seen.__cause__
    return seen


def problem(exc: BaseException, path: object = "") -> Problem:
    """The user's words for `exc`; `path` names the file when the error does not."""
    if isinstance(exc, DamagedDatabaseError):
        return _problem(DAMAGED, EXIT_UNTOUCHED, path=exc.path, detail=exc.reason)
    if isinstance(exc, NewerDatabaseError):
        return _problem(NEWER, EXIT_UNTOUCHED, path=exc.path, version=exc.version)
    if isinstance(exc, ForeignDatabaseError):
        return _problem(FOREIGN, EXIT_UNTOUCHED, path=exc.path)
    path = getattr(exc, "path", None) or path
    cause = _root_cause(exc)
    if isinstance(cause, sqlite3.Error):
        code = getattr(cause, "sqlite_errorcode", None)
        text = str(cause)
        if code == _FULL or "disk is full" in text:
            return _problem(DISK_FULL)
        if code is not None and code & 0xFF == _IOERR and _nearly_full(path):
            # Opening on a full disk fails while making the shared-memory file.
            return _problem(DISK_FULL)
        if code in _BUSY_CODES or "database is locked" in text:
            return _problem(LOCKED)
        if code == _READ_ONLY or "readonly database" in text:
            return _problem(READ_ONLY, path=path)
        if code == _PERM:
            return _problem(NO_PERMISSION, path=path)
    if isinstance(cause, OSError):
        where = cause.filename or path
        if cause.errno in (errno.ENOSPC, errno.EDQUOT):
            return _problem(DISK_FULL)
        if cause.errno == errno.EROFS:
            return _problem(READ_ONLY, path=where)
        if cause.errno in (errno.EACCES, errno.EPERM):
            return _problem(NO_PERMISSION, path=where)
        return _problem(FILE, path=where, detail=cause.strerror or str(cause))
    if isinstance(exc, MigrationError):
        return _problem(MIGRATION, path=exc.path, detail=str(cause))
    return _problem(OTHER, detail=str(exc))
