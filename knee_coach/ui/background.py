"""Slow, Qt-free preparation (imports, rendering, reading) on a worker thread.

The window's thread must never freeze; Python switches threads every few milliseconds, so
work that is mostly Python (importing pyqtgraph, rendering the cues) can run beside it.
Qt objects are still made on the window's thread, in `done`, once the work is over."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

WATCH_MS = 5  # how often, while the work runs, this thread looks whether it is over


class BackgroundWork(QObject):
    """Runs `work` once on a worker thread; `done` is emitted on this object's thread.

    The worker touches nothing of Qt's: it sets a flag that a timer on this object's thread
    looks at. A signal emitted from a Python thread takes its receiver's connection lock
    while holding Python's lock; a receiver being deleted at that moment (its window closed)
    holds that lock and calls into Python while Qt deletes it, and both threads would wait
    for each other for good."""

    done = Signal()  # emitted on this object's thread, once `work` is over

    def __init__(self, work: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._thread: threading.Thread | None = None
        self._over = False  # set by the worker, read here
        self.error: Exception | None = None  # what `work` raised, if it did
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._look)

    @property
    def started(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        if self._thread is not None:
            return
        # Daemon: an app that quits meanwhile does not wait for an import to finish.
        self._thread = threading.Thread(target=self._run, name="knee-coach-work", daemon=True)
        self._thread.start()
        self._watch.start()

    def wait(self) -> None:
        """Block until the work is over (when it is needed at once); `done` follows as usual,
        from the event loop."""
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        try:
            self._work()
        except Exception as exc:  # reported where it is used, on the window's thread
            log.exception("background work failed")
            self.error = exc
        self._over = True

    def _look(self) -> None:
        if self._over:
            self._watch.stop()
            self.done.emit()


def make_qt_classes() -> None:
    """On a worker thread, before importing pyqtgraph: have PySide make the Python classes of
    QtCore, QtGui and QtWidgets one at a time, letting the window's thread run in between.

    PySide makes each class on first use. pyqtgraph's import asks for all of them at once,
    hundreds of calls into PySide in a row, and the window's thread then hardly gets its turn;
    made here first, they are simply there when pyqtgraph asks."""
    from PySide6 import QtCore, QtGui, QtWidgets

    for module in (QtCore, QtGui, QtWidgets):
        for name in dir(module):
            getattr(module, name)
            time.sleep(0)  # lets the window's thread take its turn
