"""Hostile CSV files: import reads them as a stream with bounded memory, refuses what is not a
regular file, and names the exact problem (offsets, NULs, invisible characters, the cell of
a CSV syntax error, duplicates inside the file) with nothing written."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from benchmarks.demo_history import demo_records
from knee_coach.storage.csv_export import export_csv
from knee_coach.storage.csv_format import HEADER
from knee_coach.storage.csv_import import CsvImportError, import_csv, import_data
from knee_coach.storage.db import FILE_NAME, Database
from knee_coach.storage.history import HistoryStore
from tests.faults import ROOT, one_line_in_words, run_cli

HEADER_LINE = ",".join(HEADER)
ROW = "{start},{end},completed,both,5,4,3,{note},2,2,1,,10,10,15,15"


def rows(n: int, note: str = "") -> str:
    """`n` distinct sessions, one a minute from 2020-01-01."""
    out = ["\ufeff" + HEADER_LINE]
    for i in range(n):
        day, minute = divmod(i, 1440)
        hour, minute = divmod(minute, 60)
        d = date.fromordinal(date(2020, 1, 1).toordinal() + day).isoformat()
        start = f"{d}T{hour:02d}:{minute:02d}:00+09:00"
        out.append(ROW.format(start=start, end=start, note=note))
    return "\r\n".join(out) + "\r\n"


def store_in(folder: Path) -> HistoryStore:
    return HistoryStore(Database.open(folder))


def error_of(tmp_path: Path, text: str | bytes) -> CsvImportError:
    store = store_in(tmp_path / "d")
    path = tmp_path / "bad.csv"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    with pytest.raises(CsvImportError) as err:
        import_csv(store, path)
    assert store.count() == 0
    return err.value


# ----- item 7: streaming, bounded memory, regular files only ---------------------------------
PEAK = """
import resource, sys
from pathlib import Path
from knee_coach.storage.csv_import import import_csv
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore
store = HistoryStore(Database.open(Path(sys.argv[1])))
result = import_csv(store, Path(sys.argv[2]))
print(result.added, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_import_kib(folder: Path, csv_file: Path) -> tuple[int, int]:
    done = subprocess.run(
        [sys.executable, "-c", PEAK, str(folder), str(csv_file)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
        check=True,
    )
    added, peak = done.stdout.split()
    return int(added), int(peak)


def test_import_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    small, big = tmp_path / "small.csv", tmp_path / "big.csv"
    small.write_text(rows(10_000, "a note"), encoding="utf-8")
    big.write_text(rows(80_000, "a note"), encoding="utf-8")
    grown_by = big.stat().st_size - small.stat().st_size  # about 7 MB
    added_small, peak_small = peak_import_kib(tmp_path / "a", small)
    added_big, peak_big = peak_import_kib(tmp_path / "b", big)
    assert (added_small, added_big) == (10_000, 80_000)
    # Reading the whole file took about 12 times its size; streamed, the growth is the
    # 16-byte duplicate digests and SQLite's page cache, well under half the file's size.
    assert (peak_big - peak_small) * 1024 < grown_by / 2, (peak_small, peak_big, grown_by)


def test_a_bad_row_at_the_end_of_a_big_file_writes_nothing(tmp_path: Path) -> None:
    store = store_in(tmp_path / "d")
    store.add_records(demo_records(date(2025, 1, 1), date(2025, 1, 5)))
    before = store.count()
    text = rows(30_000) + "2026-01-01T07:00:00+09:00,,completed,both,11,,,,,,,,,,,\r\n"
    with pytest.raises(CsvImportError) as err:
        import_data(store, text.encode())
    assert (err.value.line, err.value.column) == (30_002, 5)
    assert store.count() == before
    assert store.db.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_what_is_not_a_regular_file_is_refused_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "zero.csv").symlink_to("/dev/zero")
    (tmp_path / "folder.csv").mkdir()
    os.mkfifo(tmp_path / "pipe.csv")
    for name in ("zero.csv", "folder.csv", "pipe.csv"):
        done = run_cli("--data-dir", str(tmp_path / "d"), "import", "--csv", str(tmp_path / name))
        assert done.returncode == 2, done.stderr
        line = one_line_in_words(done.stderr)
        assert "is not a regular file" in line and "Nothing was imported" in line, line


def test_a_line_without_end_is_refused_not_read_whole(tmp_path: Path) -> None:
    err = error_of(tmp_path, HEADER_LINE + "\r\n" + "x" * (2 << 20))
    assert (err.line, err.column) == (2, 1) and "longer than" in str(err)


# ----- item 9: the smaller faults ----------------------------------------------------------
@pytest.mark.parametrize("offset", ["+09:60", "+24:00", "-00:99"])
def test_an_offset_beyond_59_minutes_or_23_hours_is_refused(tmp_path: Path, offset: str) -> None:
    text = rows(2).replace("+09:00", offset, 1)
    err = error_of(tmp_path, text)
    assert (err.line, err.column) == (2, 1) and "not a date and time" in str(err)


def test_a_nul_in_a_cell_is_refused_with_its_line_and_column(tmp_path: Path) -> None:
    err = error_of(tmp_path, rows(3, note="a\x00b").replace("a\x00b", "ok", 2))
    assert (err.line, err.column) == (4, 8) and "NUL" in str(err), str(err)


def test_a_stored_nul_is_exported_as_a_visible_replacement(tmp_path: Path) -> None:
    store = store_in(tmp_path / "d")
    store.db.conn.execute(
        "INSERT INTO sessions (started_utc, started_offset_min, legs, before_note, after_note)"
        " VALUES ('2026-01-01T00:00:00Z', 540, 'both', ?, ?)",
        ("a\x00b", "=\x00"),
    )
    out = tmp_path / "h.csv"
    export_csv(store, out)
    data = out.read_bytes()
    assert b"\x00" not in data
    assert "a\ufffdb" in data.decode() and "'=\ufffd" in data.decode()


@pytest.mark.parametrize(
    ("first", "shown"),
    [("\ufeffstarted", "<U+FEFF>started"), ("started\x00", "started<U+0000>")],
)
def test_header_messages_show_invisible_characters(tmp_path: Path, first: str, shown: str) -> None:
    err = error_of(tmp_path, rows(1).replace("started", first, 1))
    assert f"says “{shown}”" in str(err), str(err)


def test_a_csv_syntax_error_names_its_cell(tmp_path: Path) -> None:
    bad = rows(3).splitlines()
    bad[2] = bad[2].replace(",5,4,3,", ',5,"4"x,3,', 1)
    err = error_of(tmp_path, "\r\n".join(bad))
    assert (err.line, err.column) == (3, 6), str(err)


def test_rows_repeated_in_the_file_are_counted_apart_from_the_history(tmp_path: Path) -> None:
    store = store_in(tmp_path / "d")
    text = rows(5)
    lines = text.splitlines()
    import_data(store, "\r\n".join(lines[:3]).encode())  # two sessions stored
    repeated = "\r\n".join([*lines, lines[4], lines[5], lines[5]]) + "\r\n"
    result = import_data(store, repeated.encode())
    assert (result.added, result.skipped, result.repeated) == (3, 2, 3)
    path = tmp_path / "r.csv"
    path.write_text(repeated, encoding="utf-8")
    done = run_cli("--data-dir", str(tmp_path / "e"), "import", "--csv", str(path))
    assert done.returncode == 0, done.stderr
    assert "0 already in the history were skipped, 3 repeated in the file" in done.stdout


def test_a_restore_leaves_no_wal_or_shm_files_beside_the_backups(tmp_path: Path) -> None:
    from tests.test_history_db import make_v1

    folder = tmp_path / "d"
    folder.mkdir()
    make_v1(folder / FILE_NAME)
    db = Database.open(folder)  # migrates: a backup
    backup = min((folder / "backups").iterdir())  # the first step's (from version 1)
    db.restore(backup)
    assert HistoryStore(db).count() == 3
    db.close()
    assert [p.name for p in (folder / "backups").iterdir() if p.suffix != ".sqlite3"] == []
    # A backup left in WAL mode by an older version restores cleanly too.
    conn = sqlite3.connect(backup)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    db = Database.open(folder)
    db.restore(backup)
    db.close()
    assert [p.name for p in (folder / "backups").iterdir() if p.suffix != ".sqlite3"] == []
