"""Health data is the user's alone: under the usual umask (022) the data folder and every
folder in it are 0700, the history, its WAL and shared-memory files, the backups, the
settings and the lock 0600; set on creation and repaired on open for older installs."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from knee_coach.storage.db import FILE_NAME, Database
from knee_coach.storage.history import HistoryStore
from tests.faults import ROOT
from tests.test_history_db import make_v1


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def modes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): mode(p) for p in [folder, *sorted(folder.rglob("*"))]}


def private(folder: Path) -> bool:
    return all(m == (0o700 if (folder / n).is_dir() else 0o600) for n, m in modes(folder).items())


def cli(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "knee_coach", "--data-dir", str(folder), *args],
        capture_output=True,
        text=True,
        env=env,
        umask=0o022,
        timeout=120,
        check=False,
    )


def test_a_fresh_data_folder_and_history_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "fresh"
    done = cli(folder, "export", "--csv", str(tmp_path / "h.csv"))
    assert done.returncode == 0, done.stderr
    assert mode(folder) == 0o700
    assert mode(folder / FILE_NAME) == 0o600
    db = Database.open(folder)  # while it is open: the WAL and shared-memory files
    HistoryStore(db).count()
    assert (folder / (FILE_NAME + "-wal")).exists() and (folder / (FILE_NAME + "-shm")).exists()
    assert private(folder), modes(folder)
    db.close()


def test_backups_made_before_a_migration_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    make_v1(folder / FILE_NAME)
    Database.open(folder).close()
    backups = list((folder / "backups").iterdir())  # one per migration step
    assert backups and mode(folder / "backups") == 0o700
    assert all(mode(backup) == 0o600 for backup in backups)
    assert private(folder), modes(folder)


def test_an_older_install_readable_by_everyone_is_repaired_on_open(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    make_v1(folder / FILE_NAME)
    Database.open(folder).close()
    (folder / "settings.json").write_text("{}")
    (folder / "cache" / "cues").mkdir(parents=True)
    (folder / "cache" / "cues" / "tick.wav").write_bytes(b"RIFF")
    for path in [folder, *folder.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    assert not private(folder)
    done = cli(folder, "export", "--csv", str(tmp_path / "h.csv"))
    assert done.returncode == 0, done.stderr
    assert private(folder), modes(folder)


def test_the_lock_file_is_private(qtbot: QtBot, tmp_path: Path) -> None:
    from knee_coach.ui.single_instance import LOCK_NAME, SingleInstance

    folder = tmp_path / "d"
    folder.mkdir(mode=0o700)
    instance = SingleInstance(folder)
    assert instance.acquire(listen=False)
    try:
        assert mode(folder / LOCK_NAME) == 0o600
    finally:
        instance.release()
