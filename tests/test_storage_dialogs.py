"""Problems with the user's data are shown in the window, not only on stderr: a data folder
that cannot be written, a history that can be read but not written. The quit question
never says the sets are kept when nothing was saved."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from knee_coach import cli
from knee_coach.audio.player import SilentPlayer
from knee_coach.core.clock import FakeClock
from knee_coach.storage.db import FILE_NAME, Database
from knee_coach.storage.history import HistoryStore
from knee_coach.ui.main_window import MainWindow
from tests.driving import run_until
from tests.faults import seeded_history
from tests.test_window import check_in_by_keyboard, through_safety_gate


def mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount read-only (needs root): {done.stderr.strip()}")


@pytest.fixture
def read_only_history(tmp_path: Path) -> Iterator[Path]:
    """A data folder whose history file is on a read-only bind mount (root ignores file
    modes, so a mode of 0400 would not stop this test's writes)."""
    data = tmp_path / "data"
    seeded_history(data, days=3)
    history = str(data / FILE_NAME)
    mount("--bind", history, history)
    try:
        mount("-o", "remount,bind,ro", history)
        yield data
    finally:
        subprocess.run(["umount", "-l", history], check=False)


@pytest.fixture
def read_only_disk(tmp_path: Path) -> Iterator[Path]:
    disk = tmp_path / "ro-disk"
    disk.mkdir()
    mount("-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk))
    try:
        (disk / "data").mkdir()
        mount("-o", "remount,ro", str(disk))
        yield disk / "data"
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


class Answers:
    """Answers the message boxes that come up (modal, so they block), by clicking a button
    whose text is in `click`, and keeps their texts."""

    def __init__(self, click: tuple[str, ...] = ("OK", "&OK", "&Yes", "Yes")) -> None:
        self.texts: list[str] = []
        self.names: list[str] = []
        self._click = click
        self._timer = QTimer()
        self._timer.timeout.connect(self._answer)
        self._timer.start(20)

    def _answer(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                self.texts.append(widget.text())
                self.names.append(widget.objectName())
                button = next(b for b in widget.buttons() if b.text() in self._click)
                button.click()

    def stop(self) -> None:
        self._timer.stop()


def session_window(qtbot: QtBot, data: Path, clock: FakeClock) -> MainWindow:
    player = SilentPlayer()
    window = MainWindow(data, clock=clock, player_factory=lambda: player)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.player is player, timeout=3000)
    return window


def close_mid_session(qtbot: QtBot, window: MainWindow, clock: FakeClock, answers: Answers) -> str:
    check_in_by_keyboard(qtbot, window, "22")
    through_safety_gate(qtbot, window)
    run_until(window, clock, lambda: window.session.results)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    return answers.texts[-1]


def test_a_read_only_history_is_said_at_start_and_the_quit_claims_no_save(
    qtbot: QtBot, read_only_history: Path
) -> None:
    n = HistoryStore(Database.open(read_only_history)).count()
    answers = Answers()
    try:
        clock = FakeClock(100.0)
        window = session_window(qtbot, read_only_history, clock)
        qtbot.waitUntil(lambda: "readOnlyHistory" in answers.names, timeout=5000)
        assert "not saved" in answers.texts[-1] and str(read_only_history) in answers.texts[-1]
        question = close_mid_session(qtbot, window, clock, answers)
    finally:
        answers.stop()
    assert "not saved" in question and "are kept" not in question, question
    db = Database.open(read_only_history)
    assert HistoryStore(db).count() == n  # indeed nothing was saved
    db.close()


def test_with_a_writable_history_the_quit_says_the_sets_are_kept(
    qtbot: QtBot, tmp_path: Path
) -> None:
    answers = Answers()
    try:
        clock = FakeClock(100.0)
        window = session_window(qtbot, tmp_path / "data", clock)
        question = close_mid_session(qtbot, window, clock, answers)
    finally:
        answers.stop()
    assert "The sets done are kept." in question and answers.names.count("readOnlyHistory") == 0
    db = Database.open(tmp_path / "data")
    assert HistoryStore(db).records()[0].sets  # and they were
    db.close()


def test_a_data_folder_that_cannot_be_written_gets_a_dialog_not_only_stderr(
    qtbot: QtBot, read_only_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = Answers()
    try:
        assert cli.main(["--data-dir", str(read_only_disk)]) == 2
    finally:
        answers.stop()
    assert answers.names == ["dataFolderProblem"]
    assert str(read_only_disk) in answers.texts[0] and "read-only" in answers.texts[0]
    assert ".probe" not in answers.texts[0]
    assert "cannot use the data folder" in capsys.readouterr().err


HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("LOCKED", flush=True)
time.sleep(60)
"""


def test_the_window_words_a_locked_history_as_the_command_line_does(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from PySide6.QtWidgets import QFileDialog

    data = tmp_path / "data"
    seeded_history(data, days=2)
    source = tmp_path / "source"
    seeded_history(source, days=5)
    csv_file = tmp_path / "h.csv"
    assert cli.main(["--data-dir", str(source), "export", "--csv", str(csv_file)]) == 0
    window = session_window(qtbot, data, FakeClock(100.0))
    qtbot.waitUntil(lambda: window.access.open_tried, timeout=5000)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data / FILE_NAME)], stdout=subprocess.PIPE, text=True
    )
    answers = Answers()
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "LOCKED"
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(csv_file), ""))
        window.menus.import_csv.trigger()  # waits for the other program, then gives up
        qtbot.waitUntil(lambda: not window.csv.busy, timeout=30000)
    finally:
        answers.stop()
        holder.kill()
        holder.wait()
    assert any(
        "Another program is using the history: close it and try again." in text
        for text in answers.texts
    ), answers.texts
    window.close()
