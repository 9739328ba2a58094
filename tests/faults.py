"""Helpers for the fault tests: the real command line in its own process, a small disk that
fills up, and histories that are damaged or belong to someone else."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from benchmarks.demo_history import seed
from knee_coach.storage.db import FILE_NAME, Database
from knee_coach.storage.history import HistoryStore

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`python -m knee_coach ARGS` in its own process, as a user would run it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "knee_coach", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def seeded_history(folder: Path, days: int = 10) -> int:
    """A history with a few sessions a day; returns how many."""
    db = Database.open(folder)
    store = HistoryStore(db)
    seed(store, date(2026, 2, 1), date(2026, 2, 1) + timedelta(days=days - 1), per_day=(1, 2))
    n = store.count()
    db.close()
    return n


def damaged_history(folder: Path) -> bytes:
    """A real history with its table pages overwritten; returns its bytes."""
    seeded_history(folder, days=28)
    path = folder / FILE_NAME
    data = bytearray(path.read_bytes())
    page = 4096
    for p in range(2, len(data) // page):
        data[p * page : p * page + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    return bytes(data)


def foreign_database(path: Path) -> None:
    """An SQLite file of some other program."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Aiko', '090')")
    conn.commit()
    conn.close()


def one_line_in_words(stderr: str) -> str:
    """The command line's error: exactly one line, no traceback."""
    lines = stderr.strip().splitlines()
    assert "Traceback" not in stderr, stderr
    assert len(lines) == 1, stderr
    return lines[0]


def folder_snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the disk `folder` is on, leaving about `leave` bytes free."""
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize
    with open(folder / "filler", "wb") as fh:
        try:
            fh.write(b"\0" * max(0, free - leave))
            fh.flush()
        except OSError:
            pass
