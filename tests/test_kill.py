"""A real app process killed with SIGKILL mid-session keeps the sets already done; the next
start shows that session as interrupted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from knee_coach.core.checkin import CheckIn
from knee_coach.core.clock import FakeClock
from knee_coach.core.model import EndReason, Leg
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore
from knee_coach.ui.main_window import MainWindow

HELPER = Path(__file__).with_name("kill_helper.py")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_kill_9_mid_session_keeps_the_completed_sets(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.Popen(
        [sys.executable, str(HELPER), str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("READY"), proc.stderr.read() if proc.stderr else line
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL

    db = Database.open(data)
    (rec,) = HistoryStore(db).records()
    assert rec.before == CheckIn({Leg.RIGHT: 6, Leg.LEFT: 4}, 5, "before the kill")
    assert [s.status for s in rec.sets] == ["completed", "completed"]
    assert [s.reps_done for s in rec.sets] == [10, 10]
    assert rec.end_reason is EndReason.INTERRUPTED  # never ended
    assert db.conn.execute("SELECT end_reason FROM sessions").fetchone()[0] is None
    db.close()

    window = MainWindow(data, clock=FakeClock())
    qtbot.addWidget(window)
    window.show()  # the history opens right after the first frame
    qtbot.waitUntil(lambda: "interrupted" in window.statusBar().currentMessage(), timeout=5000)
    assert "2 sets" in window.statusBar().currentMessage()
    assert window.history is not None
    (after,) = window.history.records()
    assert after.end_reason is EndReason.INTERRUPTED and after.ended is not None
    window.close()
