"""Storage rules pinned on real files and a real SQLite history: what the review and the charts
read, interrupted sessions, backups kept and restored, damaged files moved aside with their
journal, the settings file, the data folder and the autostart entry; and each storage failure
in the words the window and the command line show (in this process, so that mutation testing
reaches storage/errors.py; the command line's own runs are in tests/test_cli_faults.py)."""

from __future__ import annotations

import codecs
import errno
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from knee_coach.core.checkin import CheckIn
from knee_coach.core.model import EndReason, Leg, LegChoice
from knee_coach.core.records import SafetyAnswer, SessionRecord, SetRecord
from knee_coach.core.session import SetResult, SetStatus
from knee_coach.core.settings import Settings
from knee_coach.storage import errors, paths
from knee_coach.storage.autostart import Autostart, entry_text, launch_command
from knee_coach.storage.csv_format import CTX
from knee_coach.storage.csv_import import CsvImportError, import_csv
from knee_coach.storage.db import (
    BACKUP_DIR,
    BACKUPS_KEPT,
    CURRENT_VERSION,
    FILE_NAME,
    DamagedDatabaseError,
    Database,
    DatabaseError,
    ForeignDatabaseError,
    MigrationError,
    NewerDatabaseError,
    check_history,
    latest_backup,
)
from knee_coach.storage.errors import (
    EXIT_FAILED,
    EXIT_UNTOUCHED,
    STORAGE_ERRORS,
    Problem,
    problem,
)
from knee_coach.storage.history import HistoryStore
from knee_coach.storage.settings_store import SettingsStore

JST = timezone(timedelta(hours=9))
UTC = timezone.utc


def session_on(
    day: date, hour: int, before: CheckIn | None, after: CheckIn | None = None
) -> SessionRecord:
    started = datetime(day.year, day.month, day.day, hour, tzinfo=JST)
    return SessionRecord(
        None,
        started,
        started + timedelta(minutes=9),
        EndReason.COMPLETED,
        LegChoice.BOTH,
        before,
        after,
        sets=(SetRecord("hamstring_glide", "inner", Leg.RIGHT, 10, 10, "completed"),),
    )


# ----- what the review and the charts read ------------------------------------------------------
def test_the_review_reads_the_first_days_of_practice_and_the_last_weeks(tmp_path: Path) -> None:
    store = HistoryStore(Database.open(tmp_path))
    rated = CheckIn({Leg.RIGHT: 5})
    first = date(2026, 1, 5)
    records = [session_on(first - timedelta(days=3), 7, None)]  # no check-in: not the start
    records += [session_on(first + timedelta(days=i), 7, rated) for i in range(40)]
    store.add_records(records)
    today = datetime(2026, 2, 13, 12, tzinfo=UTC)  # day 39 of practice
    got = store.review_records(today, days=7)
    days = [r.day for r in got]
    # The first days of practice from its first check-in (nine here: its UTC start plus nine
    # days), then the last `days` + 1 days, each once, oldest first.
    assert days[:9] == [first + timedelta(days=i) for i in range(9)]
    assert days[9:] == [first + timedelta(days=i) for i in range(32, 40)]
    assert all(r.sets == () for r in got)
    assert len({r.id for r in got}) == len(got)
    # Recent weeks that overlap the first days are not repeated.
    early = store.review_records(datetime(2026, 1, 8, 12, tzinfo=UTC), days=21)
    assert len({r.id for r in early}) == len(early)
    assert early[0].day == first - timedelta(days=3)


def test_the_review_of_a_history_without_check_ins_reads_only_the_last_weeks(
    tmp_path: Path,
) -> None:
    store = HistoryStore(Database.open(tmp_path))
    store.add_records(
        [session_on(date(2026, 1, 1) + timedelta(days=i), 7, None) for i in range(30)]
    )
    got = store.review_records(datetime(2026, 1, 30, 12, tzinfo=UTC), days=3)
    assert [r.day.day for r in got] == [27, 28, 29, 30]


def test_the_pain_series_is_every_session_in_time_order(tmp_path: Path) -> None:
    store = HistoryStore(Database.open(tmp_path))
    late = session_on(date(2026, 3, 2), 7, CheckIn({Leg.LEFT: 4}), CheckIn({Leg.LEFT: 2}))
    early = session_on(date(2026, 3, 1), 21, CheckIn({Leg.RIGHT: 6, Leg.LEFT: 1}, 3))
    store.add_records([late, early])
    assert store.pain_series() == [
        (int(early.started.timestamp()), 540, 6, 1, None, None),
        (int(late.started.timestamp()), 540, None, 4, None, 2),
    ]


def test_unfinished_sessions_end_at_their_last_set_or_where_they_began(tmp_path: Path) -> None:
    store = HistoryStore(Database.open(tmp_path))
    t0 = datetime(2026, 5, 1, 7, 30, tzinfo=JST)
    with_sets = store.begin_session(t0, LegChoice.RIGHT, None)
    for i, minutes in enumerate((3, 1)):  # stored out of order: the latest counts
        result = SetResult(i, "hamstring_glide", "inner", "right", 10, 10, SetStatus.COMPLETED)
        store.record_set(with_sets, result, t0 + timedelta(minutes=minutes))
    bare = store.begin_session(t0 + timedelta(hours=1), LegChoice.LEFT, CheckIn({Leg.LEFT: 2}))
    done = store.begin_session(t0 + timedelta(hours=2), LegChoice.BOTH, None)
    store.end_session(done, EndReason.USER, t0 + timedelta(hours=2, minutes=4))
    marked = {r.id: r for r in store.mark_interrupted()}
    assert set(marked) == {with_sets, bare}
    assert marked[with_sets].ended == t0 + timedelta(minutes=3)
    assert marked[bare].ended == t0 + timedelta(hours=1)
    assert marked[bare].ended.utcoffset() == timedelta(hours=9)
    assert all(r.end_reason is EndReason.INTERRUPTED for r in marked.values())
    kept = store.session(done)
    assert kept is not None and kept.end_reason is EndReason.USER
    assert kept.ended == t0 + timedelta(hours=2, minutes=4)


def test_a_session_s_writes_land_on_that_session_only(tmp_path: Path) -> None:
    store = HistoryStore(Database.open(tmp_path))
    t0 = datetime(2026, 5, 1, 7, 30, tzinfo=JST)
    a = store.begin_session(t0, LegChoice.BOTH, CheckIn({Leg.RIGHT: 1}))
    b = store.begin_session(t0 + timedelta(hours=1), LegChoice.RIGHT, None)
    store.record_set(
        b, SetResult(0, "popliteus_release", "both_points", "right", 15, 7, SetStatus.PARTIAL), t0
    )
    store.end_session(b, EndReason.PAIN, t0 + timedelta(hours=1, minutes=2))
    store.record_checkout(b, CheckIn({Leg.RIGHT: 3}, 2, "sore"))
    first, second = store.session(a), store.session(b)
    assert first is not None and second is not None
    assert (first.sets, first.ended, first.after) == ((), None, None)
    assert second.sets[0].reps_done == 7 and second.sets[0].target == 15
    assert second.sets[0].template_id == "both_points" and second.sets[0].status == "partial"
    assert (second.end_reason, second.after) == (EndReason.PAIN, CheckIn({Leg.RIGHT: 3}, 2, "sore"))
    assert second.legs is LegChoice.RIGHT and second.started == t0 + timedelta(hours=1)


# ----- backups, restores and damage -------------------------------------------------------------
def test_only_the_newest_backups_are_kept_and_the_latest_is_offered(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    folder = tmp_path / BACKUP_DIR
    stamps = [f"2026010{d}T0000{s:02d}000000Z" for d in (1, 2) for s in range(7)]
    for stamp in reversed(stamps):  # made newest first: the age is in the name, not the order
        db.backup(folder / f"history-v1-{stamp}.sqlite3")
    kept = sorted(p.name for p in folder.iterdir())
    assert len(kept) == BACKUPS_KEPT
    assert kept == sorted(f"history-v1-{s}.sqlite3" for s in stamps[-BACKUPS_KEPT:])
    latest = latest_backup(tmp_path)
    assert latest is not None and latest.path.name == f"history-v1-{stamps[-1]}.sqlite3"
    assert latest_backup(tmp_path / "elsewhere") is None
    db.close()


def test_restoring_a_backup_newer_than_the_app_is_refused_and_changes_nothing(
    tmp_path: Path,
) -> None:
    db = Database.open(tmp_path / "data")
    store = HistoryStore(db)
    store.begin_session(datetime(2026, 5, 1, 7, tzinfo=JST), LegChoice.BOTH, None)
    newer = tmp_path / "newer.sqlite3"
    conn = sqlite3.connect(newer)
    conn.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(NewerDatabaseError) as err:
        db.restore(newer)
    assert err.value.path == newer and err.value.version == CURRENT_VERSION + 1
    assert f"database version {CURRENT_VERSION + 1}" in str(err.value)
    assert f"reads up to {CURRENT_VERSION}" in str(err.value)
    assert store.count() == 1 and db.version == CURRENT_VERSION
    db.close()


def test_restoring_something_that_is_not_a_history_says_so(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "data")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database " * 100)
    with pytest.raises(DatabaseError, match="Cannot restore"):
        db.restore(junk)
    assert db.version == CURRENT_VERSION
    db.close()


def test_a_restored_old_backup_is_migrated_forward(tmp_path: Path) -> None:
    old = version_1_history(tmp_path / "old")
    db = Database.open(tmp_path / "data")
    db.restore(old)
    assert db.version == CURRENT_VERSION
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    (rec,) = HistoryStore(db).records()
    assert rec.before == CheckIn({Leg.RIGHT: 3, Leg.LEFT: 4}, None, "old")
    db.close()


def test_a_damaged_history_is_moved_aside_with_its_journal_files(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_bytes(b"garbage, not SQLite " * 300)
    (tmp_path / (FILE_NAME + "-wal")).write_bytes(b"wal")
    (tmp_path / (FILE_NAME + "-shm")).write_bytes(b"shm")
    db = Database.open(tmp_path)
    report = db.corruption
    assert report is not None and report.latest_backup is None
    moved = report.moved_to
    assert moved.read_bytes() == b"garbage, not SQLite " * 300
    assert (moved.parent / (moved.name + "-wal")).read_bytes() == b"wal"
    assert (moved.parent / (moved.name + "-shm")).exists()  # SQLite rebuilt it while reading
    assert report.reason
    db.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names.count(FILE_NAME) == 1 and len([n for n in names if ".corrupt-" in n]) == 3


def test_an_empty_history_file_is_simply_started_afresh(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_bytes(b"")
    db = Database.open(tmp_path)
    assert db.corruption is None and db.version == CURRENT_VERSION
    db.close()


def test_a_migration_that_breaks_links_is_refused_and_rolled_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from knee_coach.storage import db as dbmod

    old = Database(tmp_path / FILE_NAME, Database._connect(tmp_path / FILE_NAME))
    old.migrate(target=1)
    old.conn.execute(
        "INSERT INTO sessions (id, started_at, legs)"
        " VALUES (1, '2026-04-01T07:30:00+09:00', 'both')"
    )
    old.conn.execute("INSERT INTO sets VALUES (1, 0, 'hamstring_glide', 'right', 3, 'completed')")
    old.close()
    broken = dict(dbmod.MIGRATIONS)
    broken[1] = dbmod.V1_TO_V2 + "\nDELETE FROM sessions;\n"  # leaves its sets dangling
    monkeypatch.setattr(dbmod, "MIGRATIONS", broken)
    with pytest.raises(DatabaseError, match="Migration to version 2 broke links"):
        Database.open(tmp_path)
    conn = sqlite3.connect(tmp_path / FILE_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sets").fetchone()[0] == 1
    conn.close()


# ----- import errors in the user's language ------------------------------------------------------
def test_an_import_error_is_translated_through_the_given_function(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("started,ended\n", encoding="utf-8")
    store = HistoryStore(Database.open(tmp_path / "data"))
    with pytest.raises(CsvImportError) as err:
        import_csv(store, path)
    seen: list[tuple[str, str]] = []

    def translate(context: str, text: str) -> str:
        seen.append((context, text))
        return "行 {line}、列 {column}"

    assert err.value.message(translate) == "行 1、列 3"
    assert seen == [(CTX, err.value.template)]
    assert err.value.message() == str(err.value)
    store.db.close()


# ----- the settings file ------------------------------------------------------------------------
def test_settings_are_saved_as_readable_json_creating_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "data"
    store = SettingsStore(folder)
    settings = Settings(volume=0.0, legs=LegChoice.RIGHT)
    store.save(settings)
    text = (folder / "settings.json").read_text(encoding="utf-8")
    assert text == json.dumps(settings.to_dict(), indent=2, sort_keys=True) + "\n"
    assert os.listdir(folder) == ["settings.json"]  # no temporary file left
    assert SettingsStore(folder).load() == settings


def test_a_failed_settings_save_leaves_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "settings.json").mkdir()  # something in the way: the replace fails
    with pytest.raises(OSError):
        SettingsStore(tmp_path).save(Settings())
    assert sorted(os.listdir(tmp_path)) == ["settings.json"]


def test_a_settings_file_with_a_bad_value_is_kept_aside_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text('{"volume": 7}', encoding="utf-8")
    store = SettingsStore(tmp_path)
    assert store.load() == Settings()
    assert store.kept_as == tmp_path / "settings.json.bad"
    assert store.problem is not None and "volume" in store.problem
    assert store.kept_as.read_text(encoding="utf-8") == '{"volume": 7}'
    assert not (tmp_path / "settings.json").exists()
    fresh = SettingsStore(tmp_path)
    assert fresh.load() == Settings() and fresh.problem is None and fresh.kept_as is None


# ----- the data folder --------------------------------------------------------------------------
def test_the_data_folder_is_the_one_given_else_the_environment_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "from-env"))
    assert paths.data_dir(tmp_path / "given" / "deep") == (tmp_path / "given" / "deep").resolve()
    assert (tmp_path / "given" / "deep").is_dir()
    assert paths.data_dir() == (tmp_path / "from-env").resolve()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert paths.data_dir("~/kc") == (tmp_path / "home" / "kc").resolve()
    monkeypatch.delenv(paths.ENV_VAR)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == (tmp_path / "xdg" / "knee-coach").resolve()


def test_a_data_folder_that_cannot_be_made_is_an_os_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OSError):
        paths.data_dir(blocker / "data")


# ----- the autostart entry ----------------------------------------------------------------------
def test_the_autostart_entry_is_written_whole_and_removed(tmp_path: Path) -> None:
    entry = tmp_path / "config" / "autostart" / "knee-coach.desktop"
    autostart = Autostart(entry)
    assert not autostart.is_enabled()
    command = launch_command(tmp_path / "my data")
    assert command[-3:] == ["--minimized", "--data-dir", str(tmp_path / "my data")]
    autostart.apply(True, tmp_path / "my data")
    assert autostart.is_enabled()
    assert entry.read_text(encoding="utf-8") == entry_text(command)
    assert os.listdir(entry.parent) == ["knee-coach.desktop"]  # no temporary file left
    autostart.apply(False, tmp_path / "my data")
    assert not entry.exists() and not autostart.is_enabled()
    autostart.disable()  # already off: nothing to do


def test_the_autostart_entry_is_a_desktop_entry_that_starts_the_app_hidden() -> None:
    command = ["/opt/Knee Coach/knee-coach", "--minimized", "--data-dir", '/home/a "b" $c\\d 100%']
    assert entry_text(command) == (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Knee Coach\n"
        "Comment=Reminders for your knee routine\n"
        'Exec="/opt/Knee Coach/knee-coach" --minimized --data-dir'
        ' "/home/a \\\\"b\\\\" \\\\$c\\\\\\\\d 100%%"\n'
        "Icon=knee-coach\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def test_a_bundle_starts_itself_and_a_checkout_starts_python_with_the_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    assert launch_command(tmp_path)[:3] == [sys.executable, "-m", "knee_coach"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # as PyInstaller sets it
    assert launch_command(tmp_path) == [
        sys.executable,
        "--minimized",
        "--data-dir",
        str(tmp_path),
    ]


# ----- each storage failure in the user's words (as the window and the command line say it)
HISTORY_FILE = Path("/home/hanako/.local/share/knee-coach/history.sqlite3")


def told(exc: BaseException, path: object = "") -> tuple[str, int]:
    found = problem(exc, path)
    return found.message(), found.exit_code


@pytest.fixture
def two_connections(tmp_path: Path) -> Iterator[tuple[sqlite3.Connection, sqlite3.Connection]]:
    path = tmp_path / "h.sqlite3"
    first = sqlite3.connect(path, timeout=0, isolation_level=None)
    first.execute("CREATE TABLE t (x)")
    second = sqlite3.connect(path, timeout=0, isolation_level=None)
    yield first, second
    first.close()
    second.close()


def test_a_history_another_program_holds_is_called_in_use(
    two_connections: tuple[sqlite3.Connection, sqlite3.Connection],
) -> None:
    first, second = two_connections
    first.execute("BEGIN EXCLUSIVE")
    with pytest.raises(sqlite3.OperationalError) as locked:
        second.execute("INSERT INTO t VALUES (1)")
    assert told(locked.value) == (
        "Another program is using the history: close it and try again.",
        EXIT_FAILED,
    )


def test_a_history_opened_read_only_is_called_read_only_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x)")
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as refused:
            read_only.execute("INSERT INTO t VALUES (1)")
    finally:
        read_only.close()
    assert told(refused.value, path) == (
        f"The history cannot be written: {path} is read-only. Sessions are not saved until "
        "it can be.",
        EXIT_FAILED,
    )


def sqlite_error(message: str, code: int) -> sqlite3.Error:
    """An SQLite error as the driver raises it: its text and its result code."""
    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("exc", "words"),
    [
        (
            sqlite_error("database or disk is full", sqlite3.SQLITE_FULL),
            "The disk is full: free some space and try again. Nothing was changed.",
        ),
        (
            sqlite_error("disk is full", 0),  # the words alone, without the code
            "The disk is full: free some space and try again. Nothing was changed.",
        ),
        (
            sqlite_error("database is locked", sqlite3.SQLITE_BUSY),
            "Another program is using the history: close it and try again.",
        ),
        (
            sqlite_error("database table is locked", sqlite3.SQLITE_LOCKED),
            "Another program is using the history: close it and try again.",
        ),
        (
            sqlite_error("database is locked", 0),
            "Another program is using the history: close it and try again.",
        ),
        (
            sqlite_error("attempt to write a readonly database", 0),
            f"The history cannot be written: {HISTORY_FILE} is read-only. Sessions are not saved "
            "until it can be.",
        ),
        (
            sqlite_error("access permission denied", sqlite3.SQLITE_PERM),
            f"Knee Coach is not allowed to use {HISTORY_FILE}: check its owner and permissions.",
        ),
        (
            sqlite_error("disk I/O error", sqlite3.SQLITE_IOERR),  # the disk has room
            "The history cannot be used: disk I/O error",
        ),
        (
            sqlite3.DatabaseError("file is not a database"),
            "The history cannot be used: file is not a database",
        ),
    ],
)
def test_each_sqlite_failure_is_told_in_these_words(exc: sqlite3.Error, words: str) -> None:
    assert told(exc, HISTORY_FILE) == (words, EXIT_FAILED)


def test_the_sqlite_error_under_a_history_error_decides_the_words() -> None:
    wrapper = DatabaseError("could not save the session")
    wrapper.__cause__ = sqlite_error("database or disk is full", sqlite3.SQLITE_FULL)
    assert told(wrapper) == (
        "The disk is full: free some space and try again. Nothing was changed.",
        EXIT_FAILED,
    )
    deeper = DatabaseError("outer")
    deeper.__cause__ = wrapper
    assert told(deeper)[0] == errors.DISK_FULL
    alone = DatabaseError("the history could not be opened")
    assert told(alone) == (
        "The history cannot be used: the history could not be opened",
        EXIT_FAILED,
    )


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (errno.ENOSPC, "The disk is full: free some space and try again. Nothing was changed."),
        (errno.EDQUOT, "The disk is full: free some space and try again. Nothing was changed."),
        (
            errno.EROFS,
            "The history cannot be written: /media/usb/history.sqlite3 is read-only. Sessions "
            "are not saved until it can be.",
        ),
        (
            errno.EACCES,
            "Knee Coach is not allowed to use /media/usb/history.sqlite3: check its owner and "
            "permissions.",
        ),
        (
            errno.EPERM,
            "Knee Coach is not allowed to use /media/usb/history.sqlite3: check its owner and "
            "permissions.",
        ),
        (
            errno.EISDIR,
            "/media/usb/history.sqlite3 cannot be used: the reason in the system's words",
        ),
    ],
)
def test_each_file_system_failure_names_the_file_it_concerns(number: int, words: str) -> None:
    exc = OSError(number, "the reason in the system's words", "/media/usb/history.sqlite3")
    assert told(exc, HISTORY_FILE) == (words, EXIT_FAILED)


def test_a_file_system_failure_without_a_file_names_the_history() -> None:
    exc = OSError(errno.EIO, "Input/output error")
    assert told(exc, HISTORY_FILE) == (
        f"{HISTORY_FILE} cannot be used: Input/output error",
        EXIT_FAILED,
    )
    bare = OSError("no errno at all")
    assert told(bare, HISTORY_FILE) == (
        f"{HISTORY_FILE} cannot be used: no errno at all",
        EXIT_FAILED,
    )


def test_a_history_left_untouched_says_so_with_exit_code_3() -> None:
    assert told(DamagedDatabaseError(HISTORY_FILE, "malformed page 3")) == (
        f"The history {HISTORY_FILE} is damaged (malformed page 3). It was left exactly as it is: "
        "open Knee Coach to restore the latest backup.",
        EXIT_UNTOUCHED,
    )
    assert told(NewerDatabaseError(HISTORY_FILE, 9)) == (
        f"The history {HISTORY_FILE} was saved by a newer version of Knee Coach (database version "
        "9). It was left untouched: please update Knee Coach to use it.",
        EXIT_UNTOUCHED,
    )
    assert told(ForeignDatabaseError(HISTORY_FILE)) == (
        f"{HISTORY_FILE} is not a Knee Coach history (it holds other data). It was left untouched.",
        EXIT_UNTOUCHED,
    )


def test_a_failed_update_of_the_history_names_its_cause_and_the_backup() -> None:
    cause = sqlite3.OperationalError("no such column: tightness")
    failed = MigrationError(HISTORY_FILE, 3, cause)
    failed.__cause__ = cause
    assert told(failed) == (
        f"The history {HISTORY_FILE} could not be updated for this version of Knee Coach (no such "
        "column: tightness). It was left as it was; a backup is in the backups folder.",
        EXIT_FAILED,
    )


def test_the_path_of_the_error_wins_over_the_one_given() -> None:
    exc = DatabaseError("cannot write")
    exc.path = Path("/data/other.sqlite3")
    exc.__cause__ = sqlite_error("attempt to write a readonly database", sqlite3.SQLITE_READONLY)
    assert "/data/other.sqlite3 is read-only" in told(exc, HISTORY_FILE)[0]


def test_the_words_are_translated_through_the_given_function_then_filled_in() -> None:
    seen: list[tuple[str, str]] = []

    def translate(context: str, text: str) -> str:
        seen.append((context, text))
        return "[{path}]"

    found = problem(ForeignDatabaseError(HISTORY_FILE))
    assert found.message(translate) == f"[{HISTORY_FILE}]"
    assert seen == [("storage", errors.FOREIGN)]
    assert Problem("plain").message() == "plain" and Problem("plain").exit_code == EXIT_FAILED


def test_the_app_catches_sqlite_history_and_file_errors_with_the_documented_exit_codes() -> None:
    assert (sqlite3.Error, DatabaseError, OSError) == STORAGE_ERRORS
    assert (errors.EXIT_OK, errors.EXIT_FAILED, errors.EXIT_BAD_INPUT, EXIT_UNTOUCHED) == (
        0,
        1,
        2,
        3,
    )


# ----- what the report and the safety gate read and write, in this process ----------------------
def test_safety_answers_are_kept_with_their_local_time_and_read_back_by_period(
    tmp_path: Path,
) -> None:
    store = HistoryStore(Database.open(tmp_path))
    early = SafetyAnswer(datetime(2026, 5, 1, 7, 0, tzinfo=JST), ("swelling", "numbness"))
    clear = SafetyAnswer(datetime(2026, 5, 2, 6, 30, tzinfo=JST), ())
    west = SafetyAnswer(datetime(2026, 5, 1, 20, 0, tzinfo=timezone(-timedelta(hours=4))), ())
    for answer in (clear, early, west):
        store.record_safety_answer(answer)
    answers = store.safety_answers()
    assert answers == [early, clear, west]  # oldest first: 22:00, 21:30, 00:00 UTC
    assert [a.at.isoformat() for a in answers] == [
        "2026-05-01T07:00:00+09:00",
        "2026-05-02T06:30:00+09:00",
        "2026-05-01T20:00:00-04:00",
    ]
    assert [a.flags for a in answers] == [("swelling", "numbness"), (), ()]
    start, end = datetime(2026, 5, 1, 0, tzinfo=UTC), datetime(2026, 5, 2, 0, tzinfo=UTC)
    assert store.safety_answers(start, end) == [clear]  # 21:30 UTC on 1 May; [start, end)
    assert store.safety_answers(end_utc=start) == [early]
    store.db.close()


def test_the_first_day_is_the_local_day_of_the_first_session(tmp_path: Path) -> None:
    store = HistoryStore(Database.open(tmp_path))
    assert store.first_day() is None
    later = session_on(date(2026, 5, 3), 7, None)
    first = session_on(date(2026, 5, 2), 1, None)  # 1:00 in Japan: still 1 May in UTC
    store.add_records([later, first])
    assert store.first_day() == date(2026, 5, 2)
    store.db.close()


def test_the_report_reads_the_period_s_sessions_and_answers_with_a_margin(
    tmp_path: Path,
) -> None:
    store = HistoryStore(Database.open(tmp_path))
    days = [date(2026, 5, d) for d in (1, 10, 20, 30)]
    store.add_records([session_on(d, 7, None) for d in days])
    for d in days:
        store.record_safety_answer(
            SafetyAnswer(datetime(d.year, d.month, d.day, 6, tzinfo=JST), ())
        )
    records, answers = store.report_data(date(2026, 5, 10), date(2026, 5, 20))
    assert [r.day for r in records] == [date(2026, 5, 10), date(2026, 5, 20)]
    assert [a.at.date() for a in answers] == [date(2026, 5, 10), date(2026, 5, 20)]
    assert all(r.sets for r in records)  # with their sets, for "what was practised"
    store.db.close()


def test_only_sessions_done_to_the_end_count_as_completed(tmp_path: Path) -> None:
    store = HistoryStore(Database.open(tmp_path))
    assert store.completed_count() == 0
    done = session_on(date(2026, 5, 1), 7, None)
    stopped = replace(done, started=done.started + timedelta(hours=1), end_reason=EndReason.PAIN)
    user = replace(done, started=done.started + timedelta(hours=2), end_reason=EndReason.USER)
    store.add_records([done, stopped, user, replace(done, started=done.started + timedelta(3))])
    assert store.completed_count() == 2
    store.db.close()


def test_flat_rows_are_the_rows_the_cursor_gives(tmp_path: Path) -> None:
    store = HistoryStore(Database.open(tmp_path))
    store.add_records([session_on(date(2026, 5, d), 7, None) for d in (3, 1, 2)])
    reps = [("hamstring_glide", "right"), ("popliteus_release", "left")]
    rows = store.flat_rows(reps=reps)
    assert rows == list(store.iter_flat_rows(reps=reps))
    assert len(rows) == 3 and [row[-2:] for row in rows] == [(10, None)] * 3
    since = datetime(2026, 5, 1, 12, tzinfo=UTC)
    assert len(store.flat_rows(since)) == 2
    store.db.close()


def test_checking_a_history_reads_it_and_names_what_cannot_be_used(tmp_path: Path) -> None:
    check_history(tmp_path)  # no history yet: nothing to say
    (tmp_path / FILE_NAME).write_bytes(b"")
    check_history(tmp_path)  # empty: started afresh on opening
    Database.open(tmp_path).close()
    check_history(tmp_path)
    conn = sqlite3.connect(tmp_path / FILE_NAME)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(NewerDatabaseError) as newer:
        check_history(tmp_path)
    assert (newer.value.path, newer.value.version) == (tmp_path / FILE_NAME, CURRENT_VERSION + 1)
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / FILE_NAME).write_bytes(b"garbage, not SQLite " * 300)
    with pytest.raises(DamagedDatabaseError) as broken:
        check_history(damaged)
    assert broken.value.path == damaged / FILE_NAME and broken.value.reason
    assert f"The history in {damaged / FILE_NAME} is damaged (" in str(broken.value)
    assert (damaged / FILE_NAME).read_bytes() == b"garbage, not SQLite " * 300


def test_a_writable_folder_passes_the_probe_and_keeps_nothing_of_it(tmp_path: Path) -> None:
    paths.probe_writable(tmp_path)
    assert list(tmp_path.iterdir()) == []
    missing = tmp_path / "gone"
    with pytest.raises(OSError) as refused:
        paths.probe_writable(missing)
    assert refused.value.errno == errno.ENOENT and refused.value.filename == str(missing)
    assert ".probe-" not in str(refused.value)


def test_a_reader_sees_the_history_and_cannot_change_it(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    store = HistoryStore(db)
    store.add_records([session_on(date(2026, 5, 1), 7, None)])
    reader = db.reader()
    try:
        assert reader.read_only is True and reader.path == db.path
        assert HistoryStore(reader).count() == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.conn.execute("DELETE FROM sessions")
        store.add_records([session_on(date(2026, 5, 2), 7, None)])
        assert HistoryStore(reader).count() == 2  # the writer's commits are seen
    finally:
        reader.close()
        db.close()


# ----- the settings file: each unusable one kept under its own name ------------------------------
def test_every_unusable_settings_file_is_kept_under_a_name_of_its_own(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = tmp_path / "settings.json"
    (tmp_path / "settings.json.bad-4").symlink_to(tmp_path / "gone")  # taken, though dangling
    kept = []
    for i in range(1, 5):
        settings.write_text("{" * i, encoding="utf-8")
        store = SettingsStore(tmp_path)
        with caplog.at_level("WARNING", logger="knee_coach.storage.settings_store"):
            assert store.load() == Settings()
        assert store.kept_as is not None
        kept.append(store.kept_as.name)
        assert store.kept_as.read_text(encoding="utf-8") == "{" * i
        assert store.problem == (
            "Settings file was unusable (JSONDecodeError: Expecting property name enclosed in "
            f"double quotes: line 1 column 2 (char 1)); kept as {store.kept_as.name}."
        )
        assert caplog.records[-1].getMessage() == store.problem
    assert kept == [
        "settings.json.bad",
        "settings.json.bad-2",
        "settings.json.bad-3",
        "settings.json.bad-5",
    ]


def test_a_folder_in_place_of_the_settings_file_is_moved_aside_with_the_reason(
    tmp_path: Path,
) -> None:
    (tmp_path / "settings.json").mkdir()
    (tmp_path / "settings.json" / "inside").write_text("kept", encoding="utf-8")
    store = SettingsStore(tmp_path)
    assert store.load() == Settings()
    assert store.kept_as == tmp_path / "settings.json.bad"
    assert (store.kept_as / "inside").read_text(encoding="utf-8") == "kept"
    assert store.problem == (
        "Settings file was unusable (IsADirectoryError: [Errno 21] Is a directory: "
        f"'{tmp_path / 'settings.json'}'); kept as settings.json.bad."
    )


def test_the_reason_a_settings_file_was_unusable_is_cut_at_200_characters(
    tmp_path: Path,
) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({"volume": "x" * 300}), encoding="utf-8")
    store = SettingsStore(tmp_path)
    store.load()
    assert store.problem is not None
    reason = store.problem.removeprefix("Settings file was unusable (SettingsError: ")
    reason = reason.removesuffix("); kept as settings.json.bad.")
    assert len(reason) == 200 and reason.endswith("x")


def test_settings_and_exports_are_written_beside_their_file_not_in_the_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file renamed into place from the same folder replaces the old one in one step; the
    system's temporary folder may be elsewhere, on another disk, or missing."""
    import tempfile

    from knee_coach.storage.csv_export import export_csv

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no temporary folder"))
    SettingsStore(tmp_path / "data").save(Settings(volume=0.5))
    assert SettingsStore(tmp_path / "data").load() == Settings(volume=0.5)
    db = Database.open(tmp_path / "data")
    HistoryStore(db).add_records([session_on(date(2026, 5, 1), 7, None)])
    assert export_csv(HistoryStore(db), tmp_path / "h.csv") == 1
    db.close()
    assert not (tmp_path / "no temporary folder").exists()


# ----- the history file: permissions, what is in its place ---------------------------------------
def test_the_history_and_its_journal_files_are_made_private_even_if_copied_open(
    tmp_path: Path,
) -> None:
    old = os.umask(0o022)
    try:
        first = Database.open(tmp_path)
        HistoryStore(first).add_records([session_on(date(2026, 5, 1), 7, None)])
        names = [FILE_NAME, FILE_NAME + "-wal", FILE_NAME + "-shm"]
        for name in names:  # as a copy or an older version may have left them
            os.chmod(tmp_path / name, 0o644)
        second = Database.open(tmp_path)
        modes = {n: (tmp_path / n).stat().st_mode & 0o777 for n in names}
        assert modes == dict.fromkeys(names, 0o600)
        assert first.read_only is False and second.read_only is False
        second.close()
        first.close()
        fresh = tmp_path / "fresh"
        Database.open(fresh).close()
        assert (fresh / FILE_NAME).stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)


def test_a_folder_in_place_of_the_history_is_refused_in_words_and_left_alone(
    tmp_path: Path,
) -> None:
    path = tmp_path / FILE_NAME
    path.mkdir()
    (path / "inside").write_bytes(b"kept")
    with pytest.raises(DatabaseError) as err:
        Database.open(tmp_path)
    assert str(err.value).startswith(f"Cannot open the history {path}: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]
    assert (path / "inside").read_bytes() == b"kept"


def sqlite_file(path: Path, version: int, tables: tuple[str, ...]) -> bytes:
    conn = sqlite3.connect(path)
    for table in tables:
        conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("PRAGMA page_size = 4096")
    conn.execute("VACUUM")  # the header written even without a table
    conn.commit()
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize(
    ("version", "tables"), [(0, ("notes",)), (1, ("notes",)), (CURRENT_VERSION, ("sessions",))]
)
def test_another_program_s_database_is_refused_by_name_and_left_untouched(
    tmp_path: Path, version: int, tables: tuple[str, ...]
) -> None:
    path = tmp_path / FILE_NAME
    before = sqlite_file(path, version, tables)
    with pytest.raises(ForeignDatabaseError) as err:
        Database.open(tmp_path)
    assert err.value.path == path
    assert str(err.value) == f"{path} is not a Knee Coach history; it was left untouched."
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]


def test_an_sqlite_file_with_no_tables_yet_becomes_the_history(tmp_path: Path) -> None:
    sqlite_file(tmp_path / FILE_NAME, 0, ())
    assert (tmp_path / FILE_NAME).stat().st_size > 0
    db = Database.open(tmp_path)
    assert db.version == CURRENT_VERSION and db.corruption is None
    db.close()


def test_a_history_from_a_newer_app_is_refused_in_these_words(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    sqlite_file(path, CURRENT_VERSION + 3, ("sessions", "sets"))
    with pytest.raises(NewerDatabaseError) as err:
        Database.open(tmp_path)
    assert str(err.value) == (
        f"The history in {path} was written by a newer version of Knee Coach "
        f"(database version {CURRENT_VERSION + 3}; this version reads up to {CURRENT_VERSION}). "
        "It was left untouched: please update Knee Coach to use it."
    )


def test_a_period_s_sessions_come_each_with_its_own_sets_however_many(tmp_path: Path) -> None:
    """The sets are read for hundreds of sessions at a time: none lost, none repeated."""
    db = Database.open(tmp_path)
    store = HistoryStore(db)
    first = datetime(2024, 1, 1, 7, tzinfo=JST)
    records = [
        replace(
            session_on(date(2024, 1, 1), 7, None),
            started=first + timedelta(hours=12 * i),
            ended=first + timedelta(hours=12 * i, minutes=9),
            sets=(
                SetRecord("hamstring_glide", "inner", Leg.RIGHT, 10, i % 11, "completed"),
                SetRecord("popliteus_release", "release", Leg.LEFT, 10, (i + 5) % 11, "completed"),
            ),
        )
        for i in range(1201)
    ]
    store.add_records(records)
    span = (first - timedelta(days=1), first + timedelta(days=700))
    read = store.records(*span)
    assert [r.sets for r in read] == [r.sets for r in records]
    two = store.records(first + timedelta(hours=12 * 600), first + timedelta(hours=12 * 601 + 1))
    assert [r.sets for r in two] == [r.sets for r in records[600:602]]
    assert [(r.started, r.sets) for r in two] == [(r.started, r.sets) for r in records[600:602]]
    db.close()


# ----- migrations, backups and the names they are kept under -------------------------------------
@pytest.fixture
def tokyo_time() -> Iterator[None]:
    """The computer's clock set to Tokyo (UTC+9): a name stamped in UTC differs by 9 hours."""
    import time

    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    try:
        yield
    finally:
        if old is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old
        time.tzset()


def stamped_at(name: str) -> datetime:
    """The UTC time in a backup's or a damaged file's name."""
    stamp = name.removesuffix(".sqlite3").rsplit("-", 1)[-1]
    return datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)


def version_1_history(folder: Path) -> Path:
    from knee_coach.storage.db import SCHEMA_V1

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_V1)
    conn.execute(
        "INSERT INTO sessions VALUES (1, '2026-04-01T07:30:00+09:00', NULL, NULL, 'both',"
        " 3, 4, NULL, NULL, 'old')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    return path


def test_each_migration_step_is_logged_after_a_private_backup_named_in_utc(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, tokyo_time: None
) -> None:
    version_1_history(tmp_path)
    old = os.umask(0o022)
    try:
        with caplog.at_level("INFO", logger="knee_coach.storage.db"):
            db = Database.open(tmp_path)
    finally:
        os.umask(old)
    now = datetime.now(UTC)
    assert [r.getMessage() for r in caplog.records if "migrated" in r.getMessage()] == [
        f"history database migrated to version {v}" for v in range(2, CURRENT_VERSION + 1)
    ]
    assert db.migrated_from == 1
    backups = sorted((tmp_path / BACKUP_DIR).iterdir())
    assert [b.name.split("-")[1] for b in backups] == [f"v{v}" for v in range(1, CURRENT_VERSION)]
    for backup in backups:
        assert backup.stat().st_mode & 0o777 == 0o600
        assert abs(stamped_at(backup.name) - now) < timedelta(minutes=2)
    db.close()


def test_a_failed_migration_names_the_file_and_the_version_it_started_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from knee_coach.storage import db as dbmod

    path = version_1_history(tmp_path)
    broken = dict(dbmod.MIGRATIONS)
    broken[1] = "CREATE TABLE sessions (x);"  # the table exists: SQLite refuses
    monkeypatch.setattr(dbmod, "MIGRATIONS", broken)
    with pytest.raises(MigrationError) as err:
        Database.open(tmp_path)
    assert (err.value.path, err.value.version) == (path, 1)
    assert str(err.value) == (
        f"Migrating {path} from version 1 failed: table sessions already exists"
    )


def test_a_damaged_history_is_moved_aside_under_a_name_stamped_in_utc(
    tmp_path: Path, tokyo_time: None
) -> None:
    (tmp_path / FILE_NAME).write_bytes(b"garbage, not SQLite " * 300)
    db = Database.open(tmp_path)
    now = datetime.now(UTC)
    assert db.corruption is not None
    moved = db.corruption.moved_to.name
    assert moved.startswith(FILE_NAME + ".corrupt-")
    assert abs(stamped_at(moved.removeprefix(FILE_NAME + ".corrupt-")) - now) < timedelta(minutes=2)
    db.close()


def test_a_backup_is_private_and_restores_at_the_current_version(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "data")
    store = HistoryStore(db)
    store.add_records([session_on(date(2026, 5, 1), 7, None)])
    target = tmp_path / "kept" / "copy.sqlite3"
    old = os.umask(0o022)
    try:
        db.backup(target)
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o600
    store.add_records([session_on(date(2026, 5, 2), 7, None)])
    assert store.count() == 2
    db.restore(target)
    assert store.count() == 1 and db.version == CURRENT_VERSION
    db.close()


# ----- the data folder made private --------------------------------------------------------------
def test_an_old_data_folder_is_made_private_throughout_but_not_what_links_point_to(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    (folder / BACKUP_DIR / "deeper").mkdir(parents=True)
    (folder / FILE_NAME).write_bytes(b"history")
    (folder / BACKUP_DIR / "history-v1.sqlite3").write_bytes(b"backup")
    (folder / BACKUP_DIR / "deeper" / "note.txt").write_bytes(b"deep")
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"not ours")
    (folder / "link").symlink_to(outside)
    for path in [folder, *folder.rglob("*"), outside]:
        if not path.is_symlink():
            os.chmod(path, 0o755 if path.is_dir() else 0o644)
    os.chmod(folder / BACKUP_DIR / "deeper" / "note.txt", 0o444)  # others may read it
    os.chmod(folder / BACKUP_DIR / "deeper", 0o650)  # and list this folder
    before = sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
    assert paths.data_dir(folder) == folder.resolve()
    modes = {
        str(p.relative_to(tmp_path)): p.stat().st_mode & 0o777
        for p in [folder, *folder.rglob("*")]
        if not p.is_symlink()
    }
    assert modes == {
        "data": 0o700,
        "data/backups": 0o700,
        "data/backups/deeper": 0o700,
        f"data/{FILE_NAME}": 0o600,
        "data/backups/history-v1.sqlite3": 0o600,
        "data/backups/deeper/note.txt": 0o600,
    }
    assert outside.stat().st_mode & 0o777 == 0o644
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) == before


def test_a_folder_that_cannot_be_probed_is_named_with_the_system_s_reason(tmp_path: Path) -> None:
    missing = tmp_path / "gone"
    with pytest.raises(OSError) as refused:
        paths.probe_writable(missing)
    assert str(refused.value) == f"[Errno 2] No such file or directory: '{missing}'"


def test_the_autostart_entry_goes_into_a_folder_other_programs_already_use(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "config" / "autostart"
    folder.mkdir(parents=True)
    (folder / "other.desktop").write_text("[Desktop Entry]\n", encoding="utf-8")
    autostart = Autostart(folder / "knee-coach.desktop")
    autostart.apply(True, tmp_path / "data")
    autostart.apply(True, tmp_path / "data")  # again: still one entry, rewritten whole
    assert sorted(os.listdir(folder)) == ["knee-coach.desktop", "other.desktop"]
    assert autostart.is_enabled()


def test_a_damaged_history_opened_without_repair_is_refused_with_the_reason(
    tmp_path: Path,
) -> None:
    path = tmp_path / FILE_NAME
    path.write_bytes(b"garbage, not SQLite " * 300)
    with pytest.raises(DamagedDatabaseError) as err:
        Database.open(tmp_path, repair=False)
    assert err.value.path == path and err.value.reason == "file is not a database"
    assert str(err.value) == (
        f"The history in {path} is damaged (file is not a database); it was left as it is."
    )
    assert path.read_bytes() == b"garbage, not SQLite " * 300


# ----- a history left with a -wal file, the log, standard output ------------------------------
ROOT = Path(__file__).resolve().parents[1]
SQL_WRITER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
for statement in sys.argv[2:]:
    conn.execute(statement)
print("committed", flush=True)
sys.stdin.read()  # waits here until it is killed: nothing is checkpointed into the file
"""
APP_WRITER = """
import sys
from datetime import datetime, timezone
from pathlib import Path
from knee_coach.core.model import LegChoice
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore
store = HistoryStore(Database.open(Path(sys.argv[1]).parent))
for hour in range(3):
    sid = store.begin_session(datetime(2026, 3, 2, hour, tzinfo=timezone.utc), LegChoice.BOTH, None)
    print(sid, flush=True)
print("committed", flush=True)
sys.stdin.read()
"""


def killed_after_committing(path: Path, script: str, *args: str) -> list[str]:
    """A real process runs `script` on the SQLite file `path`, which commits in WAL mode, and
    is killed before it checkpoints: its commits are only in the -wal file. Returns what it
    printed before "committed"."""
    writer = subprocess.Popen(
        [sys.executable, "-c", script, str(path), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert writer.stdout is not None and writer.stdin is not None
    try:
        said = []
        for line in writer.stdout:
            if line == "committed\n":
                break
            said.append(line.strip())
    finally:
        writer.kill()
        writer.wait()
        writer.stdout.close()
        writer.stdin.close()
    assert writer.returncode == -signal.SIGKILL
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 0 and path.stat().st_size > 0
    return said


def files_in(folder: Path) -> dict[str, bytes]:
    """The history and its -wal file as they are (the -shm file is an index that SQLite
    rebuilds whenever it reads a history with a -wal file)."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith("-shm")}


def test_another_program_s_database_with_its_tables_only_in_its_wal_file_is_refused(
    tmp_path: Path,
) -> None:
    """The other program was killed before its tables reached the file itself: read alone,
    the file looks like an empty database, but with its -wal file it is someone else's."""
    path = tmp_path / FILE_NAME
    killed_after_committing(
        path,
        SQL_WRITER,
        "CREATE TABLE notes (id INTEGER PRIMARY KEY)",
        "INSERT INTO notes VALUES (1)",
    )
    before = files_in(tmp_path)
    with pytest.raises(ForeignDatabaseError):
        Database.open(tmp_path)
    assert files_in(tmp_path) == before


def test_a_newer_history_whose_version_is_only_in_its_wal_file_is_refused_and_left_as_it_was(
    tmp_path: Path,
) -> None:
    path = tmp_path / FILE_NAME
    sqlite_file(path, CURRENT_VERSION, ("sessions", "sets"))
    killed_after_committing(path, SQL_WRITER, f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    before = files_in(tmp_path)
    with pytest.raises(NewerDatabaseError) as err:
        Database.open(tmp_path)
    assert err.value.version == CURRENT_VERSION + 1
    # Not even checkpointed: the newer app finds its history exactly as it left it.
    assert files_in(tmp_path) == before


def test_a_history_whose_last_sessions_are_only_in_its_wal_file_is_read_with_them(
    tmp_path: Path,
) -> None:
    db = Database.open(tmp_path)
    first = HistoryStore(db).begin_session(
        datetime(2026, 3, 1, 8, tzinfo=JST), LegChoice.BOTH, None
    )
    db.close()  # checkpointed: this session is in the file itself
    later = killed_after_committing(tmp_path / FILE_NAME, APP_WRITER)
    assert len(later) == 3
    db = Database.open(tmp_path)
    store = HistoryStore(db)
    assert db.corruption is None and store.count() == 4
    assert [r.id for r in store.records()] == [first, *map(int, later)]
    db.close()


def test_a_damaged_history_moved_aside_is_logged_with_its_reason_and_new_name(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / FILE_NAME).write_bytes(b"garbage, not SQLite " * 300)
    with caplog.at_level("WARNING", logger="knee_coach.storage.db"):
        db = Database.open(tmp_path)
    report = db.corruption
    assert report is not None and report.reason == "file is not a database"
    assert [r.getMessage() for r in caplog.records] == [
        f"history database damaged (file is not a database); moved to {report.moved_to}"
    ]
    db.close()


def test_a_failed_probe_leaves_standard_output_open(tmp_path: Path) -> None:
    before = os.fstat(1)
    with pytest.raises(FileNotFoundError):
        paths.probe_writable(tmp_path / "gone")
    after = os.fstat(1)  # EBADF if the probe closed a descriptor it never opened
    assert (after.st_dev, after.st_ino) == (before.st_dev, before.st_ino)


# ----- folders an ordinary user may not write ---------------------------------------------------
NOBODY = 65534  # the unprivileged user and group of Debian and most Linux systems


@contextmanager
def as_an_ordinary_user() -> Iterator[None]:
    """Run the block with an ordinary user's rights, for whom permissions do count. Run as
    root (as CI runs the tests), the process takes the ids of nobody for the block and keeps
    root as its saved id to come back; run as anyone else, it already is such a user."""
    if os.geteuid() != 0:
        yield
        return
    # Python may be installed where only root reads (a pyenv in /root): what the block
    # loads lazily is loaded before.
    codecs.lookup("utf-8-sig")
    groups = os.getgroups()
    os.setgroups([])
    os.setresgid(NOBODY, NOBODY, 0)
    os.setresuid(NOBODY, NOBODY, 0)
    try:
        yield
    finally:
        os.setresuid(0, 0, 0)
        os.setresgid(0, 0, 0)
        os.setgroups(groups)


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    """A folder of the ordinary user's own (pytest's temporary folders are root's alone)."""
    if os.geteuid() != 0:
        yield tmp_path
        return
    with tempfile.TemporaryDirectory() as name:
        os.chown(name, NOBODY, NOBODY)
        yield Path(name)


def test_a_data_folder_the_user_may_not_write_is_refused_with_the_system_s_reason(
    home: Path,
) -> None:
    folder = home / "data"
    with as_an_ordinary_user():
        folder.mkdir(mode=0o500)
        try:
            with pytest.raises(PermissionError) as refused:
                paths.data_dir(folder)
            assert list(folder.iterdir()) == []  # nothing left of the probe
        finally:
            folder.chmod(0o700)
    assert (refused.value.errno, refused.value.strerror) == (
        errno.EACCES,
        os.strerror(errno.EACCES),
    )
    assert refused.value.filename == str(folder)


def test_a_settings_file_that_cannot_be_moved_aside_is_left_and_the_defaults_used(
    home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = home / "data"
    settings = folder / "settings.json"
    with as_an_ordinary_user():
        folder.mkdir(mode=0o700)
        settings.write_text("{", encoding="utf-8")
        folder.chmod(0o500)
        try:
            store = SettingsStore(folder)
            with caplog.at_level("WARNING", logger="knee_coach.storage.settings_store"):
                assert store.load() == Settings()
        finally:
            folder.chmod(0o700)
    assert store.kept_as is None
    assert store.problem == (
        "Settings file was unusable (JSONDecodeError: Expecting property name enclosed in "
        "double quotes: line 1 column 2 (char 1)) and could not be moved aside ([Errno 13] "
        f"Permission denied: '{settings}' -> '{folder / 'settings.json.bad'}'); "
        "the defaults are used."
    )
    assert [r.getMessage() for r in caplog.records] == [store.problem]
    assert settings.read_text(encoding="utf-8") == "{"
    assert sorted(p.name for p in folder.iterdir()) == ["settings.json"]
