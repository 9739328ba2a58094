"""The history database: SQLite in the data folder, opened safely and migrated forward.

- WAL journal, foreign keys on, a busy timeout so a second writer waits instead of failing,
  and short explicit transactions (the connection runs in autocommit mode otherwise).
- The schema version lives in ``PRAGMA user_version``. ``MIGRATIONS[n]`` is the SQL that turns
  version n into n + 1; version 0 is an empty file. Adding a release's schema change means
  adding one entry (plain data), never a code branch.
- Before each migration of a database that holds data, a copy is made with SQLite's backup
  API into ``backups/`` next to it.
- A database written by a newer version of the app is refused and left exactly as it is.
- A damaged database is moved aside (never deleted), a fresh one is started, and the caller
  is told where the damaged file went and which backup is the latest: only when the caller
  can offer the restore (the window). The command line opens with ``repair=False`` and a
  damaged file is refused and left exactly where it is.
- A file holding other tables (not a Knee Coach history) is refused and left untouched.
- Private: the history, its WAL and shared-memory files and the backups are 0600, their
  folders 0700, set on creation and repaired on open.
- ``synchronous = FULL``: a committed write is on the disk before the commit returns, so it
  survives a power cut or an operating-system crash, not only the app crashing.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from knee_coach.storage.paths import private_file, private_folder

log = logging.getLogger(__name__)

FILE_NAME = "history.sqlite3"
BACKUP_DIR = "backups"
BACKUPS_KEPT = 10
BUSY_TIMEOUT_MS = 10_000

# The first released schema (version 1): local times with their offset in one text column,
# pain before/after per knee and one note. Kept verbatim: it is the base of the migrations.
SCHEMA_V1 = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    end_reason TEXT,
    legs TEXT NOT NULL,
    pain_before_right INTEGER,
    pain_before_left INTEGER,
    pain_after_right INTEGER,
    pain_after_left INTEGER,
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sets (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    set_index INTEGER NOT NULL,
    routine_id TEXT NOT NULL,
    leg TEXT NOT NULL,
    reps_done INTEGER NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (session_id, set_index)
);
"""

# Version 2: UTC times plus the local offset of that moment, tightness and a note for both
# check-in and check-out, the planned reps and time of each set, range checks.
_OFFSET_V1 = (
    "(CASE substr({c}, 20, 1) WHEN '-' THEN -1 ELSE 1 END)"
    " * (CAST(substr({c}, 21, 2) AS INTEGER) * 60 + CAST(substr({c}, 24, 2) AS INTEGER))"
)
_UTC_V1 = "strftime('%Y-%m-%dT%H:%M:%SZ', {c})"
V1_TO_V2 = f"""
CREATE TABLE sessions_v2 (
    id INTEGER PRIMARY KEY,
    started_utc TEXT NOT NULL,
    started_offset_min INTEGER NOT NULL,
    ended_utc TEXT,
    ended_offset_min INTEGER,
    end_reason TEXT CHECK (end_reason IN ('completed', 'pain', 'stopped', 'interrupted')),
    legs TEXT NOT NULL CHECK (legs IN ('both', 'right', 'left')),
    before_pain_right INTEGER CHECK (before_pain_right BETWEEN 0 AND 10),
    before_pain_left INTEGER CHECK (before_pain_left BETWEEN 0 AND 10),
    before_tightness INTEGER CHECK (before_tightness BETWEEN 0 AND 10),
    before_note TEXT,
    after_pain_right INTEGER CHECK (after_pain_right BETWEEN 0 AND 10),
    after_pain_left INTEGER CHECK (after_pain_left BETWEEN 0 AND 10),
    after_tightness INTEGER CHECK (after_tightness BETWEEN 0 AND 10),
    after_note TEXT
);
INSERT INTO sessions_v2 (
    id, started_utc, started_offset_min, ended_utc, ended_offset_min, end_reason, legs,
    before_pain_right, before_pain_left, before_note, after_pain_right, after_pain_left,
    after_note
)
SELECT
    id, {_UTC_V1.format(c="started_at")}, {_OFFSET_V1.format(c="started_at")},
    {_UTC_V1.format(c="ended_at")},
    CASE WHEN ended_at IS NULL THEN NULL ELSE {_OFFSET_V1.format(c="ended_at")} END,
    end_reason, legs,
    pain_before_right, pain_before_left,
    CASE WHEN pain_before_right IS NULL AND pain_before_left IS NULL AND note = ''
        THEN NULL ELSE note END,
    pain_after_right, pain_after_left,
    CASE WHEN pain_after_right IS NULL AND pain_after_left IS NULL THEN NULL ELSE '' END
FROM sessions;
CREATE TABLE sets_v2 (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    set_index INTEGER NOT NULL,
    routine_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    leg TEXT NOT NULL CHECK (leg IN ('right', 'left')),
    target INTEGER,
    reps_done INTEGER NOT NULL CHECK (reps_done >= 0),
    status TEXT NOT NULL,
    done_utc TEXT,
    PRIMARY KEY (session_id, set_index)
);
INSERT INTO sets_v2 (session_id, set_index, routine_id, template_id, leg, reps_done, status)
SELECT session_id, set_index, routine_id, '', leg, reps_done, status FROM sets;
DROP TABLE sets;
DROP TABLE sessions;
ALTER TABLE sessions_v2 RENAME TO sessions;
ALTER TABLE sets_v2 RENAME TO sets;
CREATE INDEX sessions_started ON sessions (started_utc);
"""

# Version 3: the answers to the safety check before each session (sharp pain, swelling, heat),
# kept for the report a person takes to a clinic; `flags` holds the ids ticked, comma-separated.
V2_TO_V3 = """
CREATE TABLE safety_answers (
    id INTEGER PRIMARY KEY,
    answered_utc TEXT NOT NULL,
    answered_offset_min INTEGER NOT NULL,
    flags TEXT NOT NULL
);
CREATE INDEX safety_answers_answered ON safety_answers (answered_utc);
"""

MIGRATIONS: dict[int, str] = {0: SCHEMA_V1, 1: V1_TO_V2, 2: V2_TO_V3}
CURRENT_VERSION = max(MIGRATIONS) + 1

_CORRUPT_CODES = {getattr(sqlite3, "SQLITE_CORRUPT", 11), getattr(sqlite3, "SQLITE_NOTADB", 26)}


class DatabaseError(Exception):
    """The history cannot be used; the message is meant for the user."""

    path: Path | None = None  # the file concerned, when known


class DamagedDatabaseError(DatabaseError):
    """The file is damaged and was left exactly where it is (``repair=False``)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"The history in {path} is damaged ({reason}); it was left as it is.")
        self.path = path
        self.reason = reason


class ForeignDatabaseError(DatabaseError):
    """The file is an SQLite database of something else; it is left untouched."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is not a Knee Coach history; it was left untouched.")
        self.path = path


class MigrationError(DatabaseError):
    """A migration failed; its transaction was rolled back (the file is as it was)."""

    def __init__(self, path: Path, version: int, cause: BaseException) -> None:
        super().__init__(f"Migrating {path} from version {version} failed: {cause}")
        self.path = path
        self.version = version


class NewerDatabaseError(DatabaseError):
    """The file was written by a newer version of the app; it is left untouched."""

    def __init__(self, path: Path, version: int) -> None:
        super().__init__(
            f"The history in {path} was written by a newer version of Knee Coach "
            f"(database version {version}; this version reads up to {CURRENT_VERSION}). "
            "It was left untouched: please update Knee Coach to use it."
        )
        self.path = path
        self.version = version


@dataclass(frozen=True, slots=True)
class Backup:
    """A copy of the history, made before a migration."""

    path: Path
    made: datetime  # when, in UTC


@dataclass(frozen=True, slots=True)
class CorruptionReport:
    """A damaged database was moved aside; a fresh one replaced it."""

    moved_to: Path
    reason: str
    latest_backup: Backup | None


STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"  # UTC, in the names of backups and damaged files


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime(STAMP_FORMAT)


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    if isinstance(exc, sqlite3.OperationalError):
        return False  # locked, busy, out of disk: not damage
    code = getattr(exc, "sqlite_errorcode", None)
    return code in _CORRUPT_CODES or code is None


def _inspect(path: Path) -> tuple[int, str | None]:
    """(schema version, damage description or None), read-only: the file is not changed."""
    uri = f"file:{path.as_posix()}?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        # Everything is in the file itself: read it as it is, so that not even a -shm file
        # is made beside it (a damaged history is left exactly as it was found).
        uri += "&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.DatabaseError as exc:
        if _is_corruption(exc):
            return 0, str(exc)
        raise DatabaseError(f"Cannot open the history {path}: {exc}") from exc
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > CURRENT_VERSION:
            return version, None
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        expected = {"sessions", "sets"}
        if (version == 0 and tables) or (version > 0 and not expected <= tables):
            raise ForeignDatabaseError(path)
        result = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if result != ["ok"]:
            return version, "; ".join(str(r) for r in result[:3])
        return version, None
    except sqlite3.DatabaseError as exc:
        if _is_corruption(exc):
            return 0, str(exc)
        raise DatabaseError(f"Cannot read the history {path}: {exc}") from exc
    finally:
        conn.close()


class Database:
    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.corruption: CorruptionReport | None = None
        self.migrated_from: int | None = None
        self.read_only = False

    # ----- opening ----------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path, repair: bool = True) -> Database:
        """Open (creating or migrating) the history in `data_dir`.

        Raises NewerDatabaseError for a newer file, ForeignDatabaseError for someone else's
        database, MigrationError when a migration fails and DatabaseError when it cannot be
        used at all. A damaged file is moved aside and reported in `corruption` instead, or
        with `repair=False` refused (DamagedDatabaseError) and left where it is."""
        private_folder(data_dir)
        path = data_dir / FILE_NAME
        corruption: CorruptionReport | None = None
        if path.exists() and path.stat().st_size > 0:
            version, damage = _inspect(path)
            if version > CURRENT_VERSION:
                raise NewerDatabaseError(path, version)
            if damage is not None and not repair:
                raise DamagedDatabaseError(path, damage)
            if damage is not None:
                moved = cls._move_aside(path)
                log.warning("history database damaged (%s); moved to %s", damage, moved)
                corruption = CorruptionReport(moved, damage, latest_backup(data_dir))
        db = cls(path, cls._connect(path))
        db.corruption = corruption
        # Readable but not writable (a read-only file or disk): opened, but say so.
        db.read_only = not os.access(path, os.W_OK)
        try:
            db.migrate()
        except BaseException:
            db.close()
            raise
        return db

    def reader(self) -> Database:
        """A second, read-only connection to this history, for reading on another thread
        (an SQLite connection belongs to the thread that made it: call this there). Nothing
        is checked, migrated or created: `open` did that already."""
        try:
            conn = sqlite3.connect(
                f"file:{self.path.as_posix()}?mode=ro",
                uri=True,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
            )
        except sqlite3.Error as exc:
            error = DatabaseError(f"Cannot open the history {self.path}: {exc}")
            error.path = self.path
            raise error from exc
        db = Database(self.path, conn)
        db.read_only = True
        return db

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        try:
            # SQLite gives the -wal and -shm files the history's own permissions.
            for name in (path.name, path.name + "-wal", path.name + "-shm"):
                private_file(path.with_name(name), create=name == path.name)
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            # FULL: each commit is synced, so it survives a power cut or an OS crash too
            # (NORMAL, with WAL, survives only the app crashing). The app commits a
            # handful of small transactions per session: benchmarks/sync_cost.py.
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
        except (sqlite3.Error, OSError) as exc:
            error = DatabaseError(f"Cannot open the history {path}: {exc}")
            error.path = path
            raise error from exc
        return conn

    @staticmethod
    def _move_aside(path: Path) -> Path:
        stamp = _stamp()
        target = path.with_name(f"{path.name}.corrupt-{stamp}")
        os.replace(path, target)
        for suffix in ("-wal", "-shm"):
            extra = path.with_name(path.name + suffix)
            if extra.exists():
                os.replace(extra, target.with_name(target.name + suffix))
        return target

    # ----- schema -----------------------------------------------------------------------
    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self, target: int = CURRENT_VERSION) -> None:
        """Apply the migrations one by one, each in its own transaction after a backup
        (a file that was new when this began has nothing to back up)."""
        existed = self.version > 0
        while True:
            version = self.version
            if version > CURRENT_VERSION:
                raise NewerDatabaseError(self.path, version)
            if version >= target:
                return
            if existed:
                self.backup(
                    self.path.parent / BACKUP_DIR / f"history-v{version}-{_stamp()}.sqlite3"
                )
                if self.migrated_from is None:
                    self.migrated_from = version
            self.conn.execute("PRAGMA foreign_keys = OFF")  # tables are rebuilt
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                if self.version != version:  # another process migrated meanwhile
                    self.conn.execute("ROLLBACK")
                    continue
                for statement in _statements(MIGRATIONS[version]):
                    self.conn.execute(statement)
                problems = self.conn.execute("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise DatabaseError(f"Migration to version {version + 1} broke links")
                self.conn.execute(f"PRAGMA user_version = {version + 1}")
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise MigrationError(self.path, version, exc) from exc
            except BaseException:
                self._rollback()
                raise
            finally:
                self.conn.execute("PRAGMA foreign_keys = ON")
            log.info("history database migrated to version %d", version + 1)

    # ----- transactions -----------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A short write transaction; the lock is taken at once so it cannot deadlock."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        """Roll back what is still open. After some errors (a full disk) SQLite has already
        rolled back itself, and a second ROLLBACK would hide the real cause."""
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error as exc:
                log.warning("rollback failed: %s", exc)

    # ----- backups ----------------------------------------------------------------------
    def backup(self, target: Path) -> Path:
        private_folder(target.parent)
        private_file(target, create=True)
        dest = sqlite3.connect(target)
        try:
            self.conn.backup(dest)
            # A backup is a single file: reading it later (restore) leaves no -wal or -shm.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        _prune_backups(target.parent)
        return target

    def restore(self, backup_file: Path) -> None:
        """Replace the contents with a backup (then migrate it forward)."""
        # immutable: a backup is never written while read, and older backups (WAL mode)
        # then leave no -wal or -shm files beside them.
        source = sqlite3.connect(f"file:{backup_file.as_posix()}?mode=ro&immutable=1", uri=True)
        try:
            version = int(source.execute("PRAGMA user_version").fetchone()[0])
            if version > CURRENT_VERSION:
                raise NewerDatabaseError(backup_file, version)
            source.backup(self.conn)
        except sqlite3.Error as exc:
            raise DatabaseError(f"Cannot restore {backup_file}: {exc}") from exc
        finally:
            source.close()
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.migrate()

    def close(self) -> None:
        self.conn.close()


def check_history(data_dir: Path) -> None:
    """Read-only: raise DamagedDatabaseError, NewerDatabaseError or ForeignDatabaseError
    for a history in `data_dir` that cannot be used as it is. Nothing is changed."""
    path = data_dir / FILE_NAME
    if not path.is_file() or path.stat().st_size == 0:
        return None
    version, damage = _inspect(path)
    if version > CURRENT_VERSION:
        raise NewerDatabaseError(path, version)
    if damage is not None:
        raise DamagedDatabaseError(path, damage)


def backups(data_dir: Path) -> list[Backup]:
    """The backups of the history in `data_dir`, oldest first."""
    return _backups_in(data_dir / BACKUP_DIR)


def latest_backup(data_dir: Path) -> Backup | None:
    found = backups(data_dir)
    return found[-1] if found else None


def _backups_in(folder: Path) -> list[Backup]:
    found = [Backup(path, _backup_time(path)) for path in folder.glob("history-*.sqlite3")]
    return sorted(found, key=lambda b: (b.made, b.path.name))


def _backup_time(path: Path) -> datetime:
    """When a backup was made: the UTC stamp in its name (history-v1-<stamp>.sqlite3), or,
    for a file named otherwise, when it was last written."""
    stamp = path.name.rsplit("-", 1)[-1].removesuffix(".sqlite3")
    try:
        return datetime.strptime(stamp, STAMP_FORMAT).replace(tzinfo=timezone.utc)
    except ValueError:
        return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)


def _prune_backups(folder: Path) -> None:
    for old in _backups_in(folder)[:-BACKUPS_KEPT]:
        old.path.unlink(missing_ok=True)


def _statements(script: str) -> list[str]:
    """Split a migration script into complete statements (sqlite3.complete_statement)."""
    out, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                out.append(current.strip())
            current = ""
    if current.strip():
        raise ValueError(f"incomplete SQL statement: {current.strip()[:60]}")
    return out
