"""Storage rules pinned on real files and a real SQLite history: what the review and the charts
read, interrupted sessions, backups kept and restored, damaged files moved aside with their
journal, the settings file, the data folder and the autostart entry."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from knee_coach.core.checkin import CheckIn
from knee_coach.core.model import EndReason, Leg, LegChoice
from knee_coach.core.records import SessionRecord, SetRecord
from knee_coach.core.session import SetResult, SetStatus
from knee_coach.core.settings import Settings
from knee_coach.storage import paths
from knee_coach.storage.autostart import Autostart, entry_text, launch_command
from knee_coach.storage.csv_format import CTX
from knee_coach.storage.csv_import import CsvImportError, import_csv
from knee_coach.storage.db import (
    BACKUP_DIR,
    BACKUPS_KEPT,
    CURRENT_VERSION,
    FILE_NAME,
    Database,
    DatabaseError,
    NewerDatabaseError,
    latest_backup,
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
    old = tmp_path / "v1.sqlite3"
    conn = sqlite3.connect(old)
    from knee_coach.storage.db import SCHEMA_V1

    conn.executescript(SCHEMA_V1)
    conn.execute(
        "INSERT INTO sessions VALUES (1, '2026-04-01T07:30:00+09:00', NULL, NULL, 'both',"
        " 3, 4, NULL, NULL, 'old')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
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
