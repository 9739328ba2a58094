"""Shared test set-up: Qt runs offscreen, and no test touches the user's real data folder."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

# Loads the hypothesis profile that scripts/mutation.sh asks for (see property_budget.py).
import tests.property_budget  # noqa: F401
from knee_coach.core.clock import FakeClock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# "Follow the system language" must mean English here whatever the developer's desktop
# speaks: the window tests read English texts (tests/test_translations.py covers Japanese).
os.environ["LANGUAGE"] = "en"
os.environ["LC_ALL"] = "C.UTF-8"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("KNEE_COACH_DATA_DIR", str(data))
    return data


@pytest.fixture
def clock() -> FakeClock:
    """The monotonic clock of a window or session, moved on by the test itself."""
    return FakeClock(100.0)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Warning and information boxes recorded as (title, text), not shown: Ok at once."""
    from PySide6.QtWidgets import QMessageBox

    seen: list[tuple[str, str]] = []

    def warning(parent: object, title: str, text: str, *args: object) -> object:
        seen.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "information", warning)
    return seen


@pytest.fixture(autouse=True)
def _untranslated_after_each_test() -> object:
    """Translators are global to the QApplication: each test starts and ends in English."""
    yield
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        from knee_coach.ui import i18n

        i18n.reset()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 KiB tmpfs, to fill up. Skips (with the reason) where mounting is not allowed."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill up (needs root): {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)
