"""The moving leg in the real window, driven by a fake clock: in step with the counter,
still when the session is, mirrored per leg, as still pictures on request, remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from knee_coach.audio.player import SilentPlayer
from knee_coach.core.clock import FakeClock
from knee_coach.core.model import Leg, Pacing
from knee_coach.core.movement import POSTURES, pose_at
from knee_coach.core.session import State
from knee_coach.core.settings import Settings
from knee_coach.storage.settings_store import SettingsStore
from knee_coach.ui.main_window import MainWindow
from tests.driving import run_until, step

GLIDE = POSTURES["hamstring_glide"]


@pytest.fixture(autouse=True)
def _close_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing mid-session asks first; a modal box would hang a test, so it answers Yes."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)


def open_window(qtbot: QtBot, data: Path, clock: FakeClock, settings: Settings | None = None):
    if settings is not None:
        SettingsStore(data).save(settings)
    player = SilentPlayer()
    window = MainWindow(data, clock=clock, player_factory=lambda: player)
    qtbot.addWidget(window)
    window.resize(1280, 700)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    # The session's keys are window shortcuts: they need the window active.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window, key)


def start_session(qtbot: QtBot, window: MainWindow) -> None:
    page = window.checkin_page
    for row in page.pain_rows.values():
        row.set_value(3)
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.safety_page.start_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.session_page


def into_rep(qtbot: QtBot, window: MainWindow, clock: FakeClock, seconds: float) -> None:
    """Move the clock to `seconds` into the rep in progress and show that moment."""
    assert window.controller is not None
    snap = window.controller.snapshot()
    clock.set(clock.now() - snap.rep_elapsed + seconds)
    window.controller.poll()
    show_now(qtbot, window)


def show_now(qtbot: QtBot, window: MainWindow) -> None:
    """Show the session at the fake clock's time; a moving leg catches up on its next frame."""
    assert window.controller is not None
    snap = window.controller.snapshot()
    window.session_page.show_snapshot(snap)
    view = window.session_page.movement
    expected = pose_at(
        snap, window.controller.session.plan.pacing, reduced_motion=view.reduced_motion
    )
    qtbot.waitUntil(lambda: view.pose == expected, timeout=2000)


def in_reps(window: MainWindow) -> bool:
    return window.session is not None and window.session.state is State.REP


def test_the_leg_on_screen_is_bent_when_straighten_is_cued_and_straight_at_bend(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    window = open_window(qtbot, tmp_path / "data", clock)
    start_session(qtbot, window)
    run_until(window, clock, lambda: in_reps(window))
    view = window.session_page.movement
    period = window.session.current.seconds_per_rep  # type: ignore[union-attr]
    into_rep(qtbot, window, clock, 0.0)
    assert window.session_page.phase.text() == "Bend"
    assert view.pose is not None and view.pose.knee_flexion == pytest.approx(GLIDE.straight)
    # Straight: the foot is raised above the knee (screen y grows downwards).
    assert view.point_on_screen("ankle").y() < view.point_on_screen("knee").y()
    painted = view.paints
    into_rep(qtbot, window, clock, period / 2)
    qtbot.waitUntil(lambda: view.paints > painted, timeout=2000)  # drawn, not only computed
    assert window.session_page.phase.text() == "Straighten"
    assert view.pose.knee_flexion == pytest.approx(GLIDE.bent)
    assert view.point_on_screen("ankle").y() > view.point_on_screen("knee").y() + 50


def test_frames_run_only_while_a_set_or_its_preview_runs(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    window = open_window(qtbot, tmp_path / "data", clock)
    view = window.session_page.movement
    assert not view.animating  # idle: no timer at all
    start_session(qtbot, window)
    assert window.session.state is State.PREPARE  # type: ignore[union-attr]
    assert view.pose is not None and view.pose.preview
    assert view.animating  # the preview plays while getting ready
    run_until(window, clock, lambda: window.session.state is State.COUNT_IN)  # type: ignore[union-attr]
    show_now(qtbot, window)
    assert not view.animating  # waiting at rest through the count-in
    run_until(window, clock, lambda: in_reps(window))
    into_rep(qtbot, window, clock, 0.5)
    assert view.animating
    press(qtbot, window, Qt.Key.Key_Space)  # pause
    assert window.session.state is State.PAUSED  # type: ignore[union-attr]
    held = view.pose
    assert not view.animating
    clock.advance(5.0)
    show_now(qtbot, window)
    assert view.pose == held
    window.stop()
    assert not view.animating


def test_the_left_leg_is_drawn_as_the_mirror_image_of_the_right(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    window = open_window(qtbot, tmp_path / "data", clock)
    start_session(qtbot, window)
    view = window.session_page.movement
    run_until(window, clock, lambda: in_reps(window))
    into_rep(qtbot, window, clock, 0.0)
    assert window.session.current.leg is Leg.RIGHT  # type: ignore[union-attr]
    assert view.point_on_screen("ankle").x() > view.point_on_screen("hip").x()
    run_until(
        window,
        clock,
        lambda: in_reps(window) and window.session.current.leg is Leg.LEFT,  # type: ignore[union-attr]
    )
    into_rep(qtbot, window, clock, 0.0)
    assert view.pose is not None and view.pose.mirrored
    assert view.point_on_screen("ankle").x() < view.point_on_screen("hip").x()


def test_with_reduced_motion_the_key_poses_show_as_still_pictures(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    window = open_window(qtbot, tmp_path / "data", clock, Settings(reduced_motion=True))
    start_session(qtbot, window)
    view = window.session_page.movement
    assert view.reduced_motion
    assert not view.animating  # not even the preview moves
    run_until(window, clock, lambda: in_reps(window))
    period = window.session.current.seconds_per_rep  # type: ignore[union-attr]
    into_rep(qtbot, window, clock, period * 0.1)
    first = view.pose
    assert first is not None and first.knee_flexion == pytest.approx(GLIDE.bent)
    assert first.ghost_flexion == pytest.approx(GLIDE.straight)
    into_rep(qtbot, window, clock, period * 0.4)
    assert view.pose == first and not view.animating
    into_rep(qtbot, window, clock, period * 0.6)
    assert view.pose is not None and view.pose.knee_flexion == pytest.approx(GLIDE.straight)


def test_in_manual_pacing_each_count_starts_the_movement_again(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    window = open_window(qtbot, tmp_path / "data", clock, Settings(pacing=Pacing.MANUAL))
    start_session(qtbot, window)
    view = window.session_page.movement
    step(window, clock)  # the preparation runs out: counting begins
    assert in_reps(window)
    period = window.session.current.seconds_per_rep  # type: ignore[union-attr]
    clock.advance(period * 3)  # the user is slower than the cadence: the leg waits
    show_now(qtbot, window)
    assert not view.animating
    press(qtbot, window, Qt.Key.Key_Space)  # one rep counted
    assert window.session.reps_done == 1  # type: ignore[union-attr]
    assert view.animating
    clock.advance(period / 2)
    show_now(qtbot, window)
    assert view.pose is not None and view.pose.knee_flexion == pytest.approx(GLIDE.bent)


def test_the_choice_of_pictures_is_remembered(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    data = tmp_path / "data"
    window = open_window(qtbot, data, clock)
    start_session(qtbot, window)
    panel = window.session_page.illustrations
    assert panel.movement.isVisible() and panel.knee.isVisible()
    qtbot.mouseClick(panel.points_button, Qt.MouseButton.LeftButton)  # press points off
    assert panel.movement.isVisible() and not panel.knee.isVisible()
    qtbot.mouseClick(panel.movement_button, Qt.MouseButton.LeftButton)  # the last one off
    assert panel.knee.isVisible() and not panel.movement.isVisible()  # never an empty side
    assert SettingsStore(data).load().illustration == "points"
    window.stop()
    window.close()

    again = open_window(qtbot, data, FakeClock(500.0))
    start_session(qtbot, again)
    panel = again.session_page.illustrations
    assert panel.choice == "points"
    assert panel.knee.isVisible() and not panel.movement.isVisible()
    assert not panel.movement.animating  # hidden: it draws nothing
