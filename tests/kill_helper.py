"""Run by test_kill.py in its own process: the real window, offscreen, with a fake clock.

Checks in, starts a session, lets two sets finish, prints READY and then keeps the event
loop running (a session in progress) until the test kills the process with SIGKILL."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from knee_coach.core.checkin import CheckIn
from knee_coach.core.clock import FakeClock
from knee_coach.core.model import Leg
from knee_coach.ui.main_window import MainWindow


def main() -> None:
    app = QApplication(sys.argv[:1])
    clock = FakeClock(50.0)
    window = MainWindow(Path(sys.argv[1]), clock=clock)
    window.show()
    window.checkin_page.submitted.emit(CheckIn({Leg.RIGHT: 6, Leg.LEFT: 4}, 5, "before the kill"))
    window.start_session()
    controller = window.controller
    assert controller is not None
    while len(controller.session.results) < 2:
        deadline = controller.session.next_deadline()
        assert deadline is not None
        clock.set(max(clock.now(), deadline))
        controller.poll()
    print("READY", controller.session.reps_done, flush=True)
    # Keep running mid-set, as a real session would, until killed.
    keep = QTimer()
    keep.start(50)
    app.exec()


if __name__ == "__main__":
    main()
