"""Work on a worker thread: its end is told on the window's thread, and the worker itself
calls nothing of Qt's, so a window closed meanwhile cannot freeze both threads."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject, QThread
from pytestqt.qtbot import QtBot

from knee_coach.ui.background import BackgroundWork


def test_done_is_told_on_the_window_s_thread_with_what_the_work_raised(qtbot: QtBot) -> None:
    ran_on: list[threading.Thread] = []

    def work() -> None:
        ran_on.append(threading.current_thread())
        raise OSError("the disk went away")

    worker = BackgroundWork(work)
    told_on: list[QThread] = []
    worker.done.connect(lambda: told_on.append(QThread.currentThread()))
    with qtbot.waitSignal(worker.done, timeout=5000):
        worker.start()
    assert ran_on and ran_on[0] is not threading.main_thread()
    assert told_on == [worker.thread()]
    assert isinstance(worker.error, OSError) and str(worker.error) == "the disk went away"


def test_work_that_ends_after_its_window_is_gone_touches_nothing_of_it(qtbot: QtBot) -> None:
    window = QObject()
    release = threading.Event()
    worker_errors: list[BaseException] = []

    def work() -> None:
        release.wait(timeout=5)

    worker = BackgroundWork(work, window)
    told: list[bool] = []
    worker.done.connect(lambda: told.append(True))
    worker.start()
    original = threading.excepthook
    threading.excepthook = lambda args: worker_errors.append(args.exc_value)  # type: ignore[assignment]
    try:
        shiboken6.delete(window)  # the window closes, its worker with it, mid-work
        release.set()
        worker.wait()  # plain Python: the worker's Qt part is gone
    finally:
        threading.excepthook = original
    qtbot.wait(20)  # what the event loop has to deliver, delivered
    assert worker_errors == []  # the worker did not reach for the deleted object
    assert told == []
