"""Driving a session in the real window with a fake clock: jump to each deadline, never sleep."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pytestqt.qtbot import QtBot

from knee_coach.core.clock import FakeClock
from knee_coach.ui.main_window import MainWindow

if TYPE_CHECKING:  # imported with pyqtgraph, when the history is first opened
    from knee_coach.ui.history_view import HistoryView


def step(window: MainWindow, clock: FakeClock) -> None:
    """Move the clock to the session's next deadline and let the controller act on it."""
    assert window.controller is not None
    deadline = window.controller.session.next_deadline()
    assert deadline is not None
    clock.set(max(clock.now(), deadline))
    window.controller.poll()


def run_until(window: MainWindow, clock: FakeClock, condition: Callable[[], object]) -> None:
    for _ in range(5000):
        if condition():
            return
        step(window, clock)
    raise AssertionError("condition never met")


def loaded(qtbot: QtBot, view: HistoryView) -> HistoryView:
    """`view` once what it reads is drawn (the reading runs on a worker thread)."""
    if view.loading:
        with qtbot.waitSignal(view.loaded, timeout=10000):
            pass
    return view


def history_shown(qtbot: QtBot, window: MainWindow) -> HistoryView:
    """The History window opened from `window`, once its module is imported (on a worker
    thread, the first time) and what it reads is drawn."""
    qtbot.waitUntil(lambda: window.history_view is not None, timeout=10000)
    assert window.history_view is not None
    return loaded(qtbot, window.history_view)
