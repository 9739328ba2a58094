"""The history database: created, migrated with a backup, refused when newer, moved aside
when damaged, written by two processes at once, and written set by set."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from knee_coach.core.checkin import CheckIn
from knee_coach.core.model import EndReason, Leg, LegChoice
from knee_coach.core.session import SetResult, SetStatus
from knee_coach.storage import db as dbmod
from knee_coach.storage.db import (
    BACKUP_DIR,
    BACKUPS_KEPT,
    CURRENT_VERSION,
    FILE_NAME,
    Database,
    DatabaseError,
    NewerDatabaseError,
    backups,
    latest_backup,
)
from knee_coach.storage.history import HistoryStore

JST = timezone(timedelta(hours=9))
T0 = datetime(2026, 5, 1, 7, 30, tzinfo=JST)


def make_v1(path: Path) -> None:
    """A database exactly as the first release (schema version 1) left it."""
    conn = sqlite3.connect(path)
    conn.executescript(dbmod.SCHEMA_V1)
    conn.executescript(
        """
        INSERT INTO sessions VALUES
          (1, '2026-04-01T07:30:00+09:00', '2026-04-01T07:41:00+09:00', 'completed', 'both',
           6, 5, 4, 3, 'stairs'),
          (2, '2026-04-01T22:10:00-04:30', NULL, NULL, 'left', NULL, NULL, NULL, NULL, ''),
          (3, '2026-04-02T08:00:00+00:00', '2026-04-02T08:05:00+00:00', 'pain', 'right',
           7, NULL, NULL, NULL, '');
        INSERT INTO sets VALUES
          (1, 0, 'hamstring_glide', 'right', 10, 'completed'),
          (1, 1, 'hamstring_glide', 'right', 10, 'completed'),
          (1, 2, 'popliteus_release', 'left', 15, 'completed'),
          (2, 0, 'hamstring_glide', 'left', 4, 'partial'),
          (3, 0, 'hamstring_glide', 'right', 2, 'partial');
        PRAGMA user_version = 1;
        """
    )
    conn.commit()
    conn.close()


def test_a_new_database_is_current_wal_with_foreign_keys(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    assert db.version == CURRENT_VERSION == 3
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert db.corruption is None and db.migrated_from is None
    assert not (tmp_path / "backups").exists()  # nothing worth backing up yet
    with pytest.raises(sqlite3.IntegrityError), db.transaction() as conn:
        conn.execute(
            "INSERT INTO sets (session_id, set_index, routine_id, template_id, leg,"
            " reps_done, status) VALUES (99, 0, 'r', 't', 'right', 1, 'completed')"
        )
    db.close()


def test_a_reader_on_another_thread_sees_what_was_committed_and_cannot_write(
    tmp_path: Path,
) -> None:
    import threading

    from benchmarks.demo_history import demo_records

    db = Database.open(tmp_path)
    store = HistoryStore(db)
    store.add_records(demo_records(T0.date(), T0.date() + timedelta(days=2), per_day=(2,)))
    seen: list[object] = []

    def read() -> None:  # as the History window does: a connection of the worker's own
        reader = db.reader()
        try:
            seen.append(HistoryStore(reader).pain_series())
            reader.conn.execute("DELETE FROM sets")
        except sqlite3.OperationalError as exc:
            seen.append(str(exc))
        finally:
            reader.close()

    worker = threading.Thread(target=read)
    worker.start()
    worker.join()
    assert seen == [store.pain_series(), "attempt to write a readonly database"]
    assert len(seen[0]) == 6  # type: ignore[arg-type]
    assert db.conn.execute("SELECT count(*) FROM sets").fetchone()[0] == 36  # none deleted
    db.close()
    # A history gone from its folder is not made anew by a reader: it says so.
    (tmp_path / FILE_NAME).rename(tmp_path / "elsewhere.sqlite3")
    with pytest.raises(DatabaseError, match="unable to open"):
        db.reader()
    assert not (tmp_path / FILE_NAME).exists()


def test_every_commit_is_synced_so_it_survives_a_power_cut(tmp_path: Path) -> None:
    """synchronous = FULL (2): with WAL, NORMAL survives the app crashing but may lose the
    last commits in a power cut or an operating-system crash."""
    db = Database.open(tmp_path)
    assert db.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    db.close()


def test_migration_from_v1_keeps_every_value_and_makes_a_backup_first(tmp_path: Path) -> None:
    make_v1(tmp_path / FILE_NAME)
    db = Database.open(tmp_path)
    assert db.version == CURRENT_VERSION
    assert db.migrated_from == 1
    # A backup before each step: the file as it was (v1), then after the first step (v2).
    listed = backups(tmp_path)
    assert [b.path.name[:11] for b in listed] == ["history-v1-", "history-v2-"]
    assert latest_backup(tmp_path) == listed[-1]
    backup = listed[0]
    assert abs(backup.made - datetime.now(timezone.utc)) < timedelta(minutes=1)
    old = sqlite3.connect(backup.path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT count(*) FROM sets").fetchone()[0] == 5
    old.close()

    store = HistoryStore(db)
    first, second, third = store.records()
    assert first.started == T0.replace(month=4, day=1)
    assert first.started.utcoffset() == timedelta(hours=9)
    assert first.ended == datetime(2026, 4, 1, 7, 41, tzinfo=JST)
    assert first.end_reason is EndReason.COMPLETED and first.legs is LegChoice.BOTH
    assert first.before == CheckIn({Leg.RIGHT: 6, Leg.LEFT: 5}, None, "stairs")
    assert first.after == CheckIn({Leg.RIGHT: 4, Leg.LEFT: 3}, None, "")
    assert first.reps("hamstring_glide", Leg.RIGHT) == 20
    assert first.reps("popliteus_release", Leg.LEFT) == 15
    assert first.reps("popliteus_release", Leg.RIGHT) is None
    # The session with a negative offset sorts by its UTC time: 2026-04-02T02:40Z.
    assert second.started.utcoffset() == -timedelta(hours=4, minutes=30)
    assert second.started.isoformat() == "2026-04-01T22:10:00-04:30"
    assert second.end_reason is EndReason.INTERRUPTED  # never ended: shown as interrupted
    assert second.before is None and second.after is None
    assert third.end_reason is EndReason.PAIN and third.before == CheckIn({Leg.RIGHT: 7})
    assert third.started.utcoffset() == timedelta(0)
    row = db.conn.execute("SELECT started_utc, started_offset_min FROM sessions WHERE id = 2")
    assert row.fetchone() == ("2026-04-02T02:40:00Z", -270)
    assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    db.close()
    # Opening again migrates nothing and makes no further backup.
    again = Database.open(tmp_path)
    assert again.migrated_from is None
    assert len(list((tmp_path / "backups").iterdir())) == 2
    again.close()


def test_backups_are_listed_oldest_first_with_the_time_each_was_made_and_only_ten_kept(
    tmp_path: Path,
) -> None:
    db = Database.open(tmp_path)
    folder = tmp_path / BACKUP_DIR
    # A copy someone made by hand: its time is when the file was last written.
    folder.mkdir()
    by_hand = folder / "history-before-moving.sqlite3"
    by_hand.write_bytes(b"")
    os.utime(by_hand, (1_000_000_000, 1_000_000_000))  # 2001-09-09T01:46:40Z
    start = datetime(2026, 3, 1, 23, 59, 58, 250_000, tzinfo=timezone.utc)
    made = [start + timedelta(days=k) for k in (5, 0, 11, 3, 8, 1, 10, 2, 9, 4, 7, 6)]
    for when in made:  # out of order: the listing sorts by the time in the name
        db.backup(folder / f"history-v2-{when.strftime('%Y%m%dT%H%M%S%fZ')}.sqlite3")
    db.close()

    listed = backups(tmp_path)
    assert len(listed) == BACKUPS_KEPT
    assert [b.made for b in listed] == sorted(made)[-BACKUPS_KEPT:]
    assert not by_hand.exists()  # the oldest went first
    assert latest_backup(tmp_path) == listed[-1]
    assert listed[-1].made == start + timedelta(days=11)
    assert listed[-1].path.name == "history-v2-20260312T235958250000Z.sqlite3"
    assert sorted(p.name for p in folder.iterdir()) == sorted(b.path.name for b in listed)


def test_a_backup_named_otherwise_is_dated_by_when_it_was_written(tmp_path: Path) -> None:
    folder = tmp_path / BACKUP_DIR
    folder.mkdir()
    by_hand = folder / "history-before-moving.sqlite3"
    by_hand.write_bytes(b"")
    os.utime(by_hand, (1_000_000_000, 1_000_000_000))
    (folder / "notes.txt").write_text("not a backup")
    assert backups(tmp_path) == [
        dbmod.Backup(by_hand, datetime(2001, 9, 9, 1, 46, 40, tzinfo=timezone.utc))
    ]


def test_every_step_of_the_migration_path_is_valid_sql_and_reaches_the_current_schema(
    tmp_path: Path,
) -> None:
    """Each earlier version, built by the migrations up to it, migrates to the current one."""
    fresh = Database.open(tmp_path / "fresh")
    fresh_schema = fresh.conn.execute(
        "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    ).fetchall()
    fresh.close()
    for version in range(1, CURRENT_VERSION):
        folder = tmp_path / f"v{version}"
        folder.mkdir()
        old = Database(folder / FILE_NAME, Database._connect(folder / FILE_NAME))
        old.migrate(target=version)
        assert old.version == version
        old.close()
        db = Database.open(folder)
        assert db.version == CURRENT_VERSION
        assert (
            db.conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
            == fresh_schema
        )
        db.close()


def test_a_failed_migration_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_v1(tmp_path / FILE_NAME)
    broken = dict(dbmod.MIGRATIONS)
    broken[1] = dbmod.V1_TO_V2 + "\nINSERT INTO no_such_table VALUES (1);\n"
    monkeypatch.setattr(dbmod, "MIGRATIONS", broken)
    with pytest.raises(dbmod.MigrationError, match="no_such_table"):
        Database.open(tmp_path)
    conn = sqlite3.connect(tmp_path / FILE_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 3
    conn.close()
    assert latest_backup(tmp_path) is not None


def test_a_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 3}")
    conn.commit()
    conn.close()
    data = path.read_bytes()
    with pytest.raises(NewerDatabaseError) as err:
        Database.open(tmp_path)
    assert "newer version" in str(err.value) and "untouched" in str(err.value)
    assert err.value.version == CURRENT_VERSION + 3
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]


@pytest.mark.parametrize(
    "damage",
    [
        b"this is not a database at all, just some text someone saved here\n" * 50,
        "header",  # a real database with its first page overwritten
        "middle",  # a real database with a damaged table page
    ],
)
def test_a_damaged_database_is_moved_aside_and_the_latest_backup_offered(
    tmp_path: Path, damage: object
) -> None:
    path = tmp_path / FILE_NAME
    make_v1(path)
    db = Database.open(tmp_path)  # migrates, so a backup exists
    store = HistoryStore(db)
    store.begin_session(T0, LegChoice.BOTH, CheckIn({Leg.RIGHT: 3, Leg.LEFT: 4}))
    with db.transaction() as conn:  # enough rows for several pages
        conn.executemany(
            "INSERT INTO sessions (started_utc, started_offset_min, legs, before_note)"
            " VALUES (?, 0, 'both', ?)",
            [(f"2026-01-01T00:00:{i % 60:02d}Z", "x" * 300) for i in range(200)],
        )
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    if isinstance(damage, bytes):
        data = bytearray(damage)
    elif damage == "header":
        data[:100] = b"\x00" * 100
    else:
        page = 4096
        for p in range(2, len(data) // page):
            data[p * page : p * page + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))

    db = Database.open(tmp_path)
    report = db.corruption
    assert report is not None
    assert report.moved_to.exists() and report.moved_to.read_bytes() == bytes(data)
    assert report.moved_to.name.startswith(FILE_NAME + ".corrupt-")
    assert report.latest_backup == latest_backup(tmp_path)
    assert report.latest_backup is not None
    store = HistoryStore(db)
    assert store.count() == 0 and db.version == CURRENT_VERSION  # a fresh start
    db.restore(report.latest_backup.path)
    assert db.version == CURRENT_VERSION
    assert store.count() == 3  # the history as it was before the migration
    db.close()


def test_sets_are_written_one_by_one_and_unfinished_sessions_become_interrupted(
    tmp_path: Path,
) -> None:
    db = Database.open(tmp_path)
    store = HistoryStore(db)
    sid = store.begin_session(T0, LegChoice.RIGHT, CheckIn({Leg.RIGHT: 5}, 4, "walk"))
    r0 = SetResult(0, "hamstring_glide", "inner", "right", 10, 10, SetStatus.COMPLETED)
    store.record_set(sid, r0, T0 + timedelta(minutes=1))
    store.record_set(sid, r0, T0 + timedelta(minutes=9))  # the same set again is ignored
    r1 = SetResult(1, "hamstring_glide", "outer", "right", 10, 3, SetStatus.PARTIAL)
    store.record_set(sid, r1, T0 + timedelta(minutes=2))
    db.close()

    other = HistoryStore(Database.open(tmp_path))  # "next start"
    (rec,) = other.records()
    assert rec.end_reason is EndReason.INTERRUPTED
    marked = other.mark_interrupted()
    assert [m.id for m in marked] == [sid]
    assert marked[0].ended == T0 + timedelta(minutes=2)  # the last stored set
    assert [s.reps_done for s in marked[0].sets] == [10, 3]
    assert marked[0].sets[1].status == "partial"
    assert other.mark_interrupted() == []

    sid2 = other.begin_session(T0 + timedelta(hours=12), LegChoice.BOTH, None)
    other.end_session(sid2, EndReason.COMPLETED, T0 + timedelta(hours=12, minutes=10))
    other.record_checkout(sid2, CheckIn({Leg.RIGHT: 2, Leg.LEFT: 1}, 0, ""))
    rec2 = other.session(sid2)
    assert rec2 is not None and rec2.before is None
    assert rec2.after == CheckIn({Leg.RIGHT: 2, Leg.LEFT: 1}, 0, "")
    assert rec2.end_reason is EndReason.COMPLETED
    assert other.session(12345) is None


WRITER = """
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from knee_coach.core.checkin import CheckIn
from knee_coach.core.model import Leg, LegChoice, EndReason
from knee_coach.core.session import SetResult, SetStatus
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore

store = HistoryStore(Database.open(Path(sys.argv[1])))
base = datetime(2026, 1, 1, tzinfo=timezone.utc) + timedelta(days=int(sys.argv[2]))
for i in range(40):
    t = base + timedelta(minutes=i)
    sid = store.begin_session(t, LegChoice.BOTH, CheckIn({Leg.RIGHT: i % 11}))
    for k in range(3):
        store.record_set(sid, SetResult(k, "hamstring_glide", "inner", "right", 10, 10,
                                        SetStatus.COMPLETED), t)
    store.end_session(sid, EndReason.COMPLETED, t)
print("ok")
"""


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    Database.open(tmp_path).close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), str(n)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(2)
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.strip() == "ok"
    db = Database.open(tmp_path)
    assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert HistoryStore(db).count() == 80
    assert db.conn.execute("SELECT count(*) FROM sets").fetchone()[0] == 240
    db.close()
