"""Driving a session in the real window with a fake clock: jump to each deadline, never sleep."""

from __future__ import annotations

from collections.abc import Callable

from knee_coach.core.clock import FakeClock
from knee_coach.ui.main_window import MainWindow


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
