"""The command line under faults: a damaged, foreign, locked or un-migratable history and a
full disk each give one line in words and a documented exit code, never a traceback, and
the history is left as it was (a damaged one byte for byte, for the app to restore)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from knee_coach.storage.db import FILE_NAME, Database
from knee_coach.storage.history import HistoryStore
from tests.faults import (
    damaged_history,
    fill,
    folder_snapshot,
    foreign_database,
    one_line_in_words,
    run_cli,
    seeded_history,
)
from tests.test_history_db import make_v1

EXIT_FAILED, EXIT_UNTOUCHED = 1, 3


def test_export_and_import_leave_a_damaged_history_byte_for_byte_and_exit_3(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    damaged = damaged_history(data)
    before = folder_snapshot(data)
    good = tmp_path / "good.csv"
    assert (
        run_cli("--data-dir", str(tmp_path / "other"), "export", "--csv", str(good)).returncode == 0
    )
    for args in (
        ["export", "--csv", str(tmp_path / "out.csv")],
        ["import", "--csv", str(good)],
    ):
        done = run_cli("--data-dir", str(data), *args)
        assert done.returncode == EXIT_UNTOUCHED, done.stderr
        line = one_line_in_words(done.stderr)
        assert str(data / FILE_NAME) in line and "damaged" in line, line
        assert "open Knee Coach to restore the latest backup" in line, line
        assert (data / FILE_NAME).read_bytes() == damaged
        assert folder_snapshot(data) == before  # nothing moved aside, nothing new
    assert not (tmp_path / "out.csv").exists()
    # The app can still offer the restore: the damage is found where it was.
    db = Database.open(data)
    assert db.corruption is not None and db.corruption.latest_backup is None
    db.close()


def test_self_test_reports_a_damaged_history_and_leaves_it_alone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    damaged = damaged_history(data)
    done = run_cli("--data-dir", str(data), "--self-test", timeout=180)
    assert done.returncode != 0
    assert "FAIL history" in done.stdout and "damaged" in done.stdout, done.stdout
    assert (data / FILE_NAME).read_bytes() == damaged
    assert not list(data.glob("*.corrupt-*"))


def test_self_test_reports_a_newer_history(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(data / FILE_NAME)
    conn.execute("CREATE TABLE future (x)")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    done = run_cli("--data-dir", str(data), "--self-test", timeout=180)
    assert done.returncode != 0
    assert "FAIL history" in done.stdout and "newer version" in done.stdout, done.stdout


def test_a_database_of_another_program_is_refused_and_left_untouched(tmp_path: Path) -> None:
    for version in (0, 2):
        data = tmp_path / f"data{version}"
        foreign_database(data / FILE_NAME)
        if version:  # an empty schema that claims to be a history
            conn = sqlite3.connect(data / FILE_NAME)
            conn.execute("DROP TABLE contacts")
            conn.execute(f"PRAGMA user_version = {version}")
            conn.close()
        before = folder_snapshot(data)
        done = run_cli("--data-dir", str(data), "export", "--csv", str(tmp_path / "o.csv"))
        assert done.returncode == EXIT_UNTOUCHED, done.stderr
        line = one_line_in_words(done.stderr)
        assert "is not a Knee Coach history" in line, line
        assert folder_snapshot(data) == before


def test_a_migration_that_fails_is_reported_in_words_and_changes_nothing(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    make_v1(data / FILE_NAME)
    conn = sqlite3.connect(data / FILE_NAME)
    conn.execute("UPDATE sessions SET pain_before_right = 42 WHERE id = 1")  # v2 refuses it
    conn.commit()
    conn.close()
    done = run_cli("--data-dir", str(data), "export", "--csv", str(tmp_path / "o.csv"))
    assert done.returncode == EXIT_FAILED, done.stderr
    line = one_line_in_words(done.stderr)
    assert "could not be updated for this version" in line, line
    conn = sqlite3.connect(data / FILE_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 3
    conn.close()


HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("LOCKED", flush=True)
time.sleep(60)
"""


def test_a_history_locked_by_another_program_gives_a_message_not_a_traceback(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    n = seeded_history(data, days=3)
    good = tmp_path / "good.csv"
    assert run_cli("--data-dir", str(tmp_path / "o"), "export", "--csv", str(good)).returncode == 0
    seeded_history(tmp_path / "o2", days=9)
    assert (
        run_cli(
            "--data-dir", str(tmp_path / "o2"), "export", "--csv", str(good), "--force"
        ).returncode
        == 0
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data / FILE_NAME)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "LOCKED"
        started = time.monotonic()
        done = run_cli("--data-dir", str(data), "import", "--csv", str(good))
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == EXIT_FAILED, done.stderr
    line = one_line_in_words(done.stderr)
    assert "Another program is using the history: close it and try again." in line, line
    assert waited >= 9  # it waited for the other program first
    db = Database.open(data)
    assert HistoryStore(db).count() == n
    db.close()


def test_a_full_disk_is_said_in_words_and_the_history_stays_whole(
    tmp_path: Path, small_disk: Path
) -> None:
    data = small_disk / "data"
    n = seeded_history(data, days=2)
    big = tmp_path / "big"
    seeded_history(big, days=200)
    csv_file = tmp_path / "big.csv"
    assert run_cli("--data-dir", str(big), "export", "--csv", str(csv_file)).returncode == 0
    fill(small_disk, leave=8192)
    done = run_cli("--data-dir", str(data), "import", "--csv", str(csv_file))
    assert done.returncode == EXIT_FAILED, done.stderr
    line = one_line_in_words(done.stderr)
    assert "The disk is full" in line, line
    (small_disk / "filler").unlink()
    db = Database.open(data)
    assert HistoryStore(db).count() == n
    assert db.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    db.close()
    # Exporting onto the full disk says the same.
    fill(small_disk, leave=0)
    done = run_cli("--data-dir", str(data), "export", "--csv", str(small_disk / "h.csv"))
    assert done.returncode == EXIT_FAILED, done.stderr
    assert "The disk is full" in one_line_in_words(done.stderr)
    assert not (small_disk / "h.csv").exists()


def test_a_transaction_that_fills_the_disk_reports_the_full_disk_not_the_rollback(
    small_disk: Path,
) -> None:
    from knee_coach.storage.errors import problem

    data = small_disk / "data"
    seeded_history(data, days=2)
    db = Database.open(data)
    store = HistoryStore(db)
    n = store.count()
    fill(small_disk, leave=4096)
    rows = [
        (("2026-01-01T00:00:00Z", 0, None, None, None, "both", 1, 1, 1, "x" * 400, *[None] * 4), [])
        for _ in range(2000)
    ]
    try:
        store.add_rows(rows)
    except sqlite3.Error as exc:
        assert "full" in str(exc), exc  # not "cannot rollback - no transaction is active"
        assert problem(exc).message().startswith("The disk is full")
    else:
        raise AssertionError("2000 notes fitted in 4 KiB")
    assert not db.conn.in_transaction
    (small_disk / "filler").unlink()
    assert store.count() == n
    db.close()
