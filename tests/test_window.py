"""The real window, driven like a user: clicks and keys, with a fake clock for the pacing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from knee_coach.audio.player import SilentPlayer
from knee_coach.core.clock import FakeClock
from knee_coach.core.cues import CueKind
from knee_coach.core.model import EndReason, Leg, LegChoice, Pacing, Point
from knee_coach.core.session import SetStatus, State
from knee_coach.core.settings import Settings
from knee_coach.storage.settings_store import SettingsStore
from knee_coach.ui.checkin_page import READ_SECONDS
from knee_coach.ui.main_window import MainWindow
from tests.driving import run_until


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Closing mid-session asks first; a modal box would hang a test, so it answers Yes and
    records the question (tests that want another answer patch it again)."""
    asked: list[str] = []

    def question(parent: object, title: str, text: str, *args: object) -> object:
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.fixture
def player() -> SilentPlayer:
    return SilentPlayer()


def make_window(
    qtbot: QtBot, data: Path, clock: FakeClock, player: SilentPlayer, settings: Settings | None
) -> MainWindow:
    if settings is not None:
        SettingsStore(data).save(settings)
    window = MainWindow(data, clock=clock, player_factory=lambda: player)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.player is player, timeout=2000)
    return window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, clock: FakeClock, player: SilentPlayer) -> MainWindow:
    return make_window(qtbot, tmp_path / "data", clock, player, None)


def key(qtbot: QtBot, window: MainWindow, k: Qt.Key, text: str = "") -> None:
    focus = window.focusWidget() or window
    qtbot.keyClick(focus, k) if not text else qtbot.keyClicks(focus, text)


def check_in_by_keyboard(qtbot: QtBot, window: MainWindow, digits: str) -> None:
    """Type one rating per visible row (number keys; focus moves on by itself)."""
    page = window.checkin_page
    assert window.stack.currentWidget() is page
    window.flow.clock.advance(READ_SECONDS)  # type: ignore[attr-defined]  # the user reads first
    page.focus_first()
    for digit in digits:
        qtbot.keyClicks(window.focusWidget(), digit)


def through_safety_gate(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.checkin_page.continue_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.safety_page
    qtbot.mouseClick(window.safety_page.start_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.session_page


def test_a_whole_session_by_keyboard_and_mouse(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, player: SilentPlayer
) -> None:
    page = window.checkin_page
    assert not page.continue_button.isEnabled()  # pain per knee is needed first
    check_in_by_keyboard(qtbot, window, "5")  # right knee
    qtbot.keyClicks(window.focusWidget(), "1")
    qtbot.keyClicks(window.focusWidget(), "0")  # left knee: 1 then 0 is ten
    assert page.pain_rows[Leg.RIGHT].value() == 5
    assert page.pain_rows[Leg.LEFT].value() == 10
    page.tightness_row.set_value(7)
    qtbot.keyClicks(page.note, "long walk")
    through_safety_gate(qtbot, window)

    session_page = window.session_page
    assert "Routine 1 of 2" in session_page.heading.text()
    assert session_page.set_title.text() == "Right leg, inner side"
    assert session_page.phase.text() == "Get ready"
    assert session_page.knee.is_mirrored() is False
    assert player.played[0].kind is CueKind.SESSION_START
    assert window.session is not None and player.plan is window.session.plan  # names sets

    run_until(window, clock, lambda: window.session.state is State.REP)
    assert session_page.counter.text() == "1 / 10"
    assert session_page.phase.text() == "Bend"
    run_until(window, clock, lambda: window.session.set_index == 2)
    assert session_page.set_title.text() == "Left leg, inner side"
    assert session_page.knee.is_mirrored() is True
    run_until(window, clock, lambda: window.session.set_index == 4)
    assert "Popliteus release" in session_page.heading.text()
    run_until(window, clock, lambda: window.session.state is State.REP)
    assert session_page.phase.text() == "Straighten and swing"
    assert session_page.counter.text() == "1 / 15"
    run_until(window, clock, lambda: window.session.is_over)

    assert window.stack.currentWidget() is window.checkout_page
    assert not session_page.animating
    out = window.checkout_page
    clock.advance(READ_SECONDS)
    out.focus_first()
    qtbot.keyClicks(window.focusWidget(), "3")
    qtbot.keyClicks(window.focusWidget(), "8")
    qtbot.mouseClick(out.continue_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.summary_page
    summary = window.summary_page
    assert summary.title.text() == "Well done: session complete"
    texts = [summary.grid.itemAt(i).widget().text() for i in range(summary.grid.count())]
    assert "5 → 3  (-2)" in texts
    assert "10 → 8  (-2)" in texts
    assert "40 of 40 reps" in texts and "30 of 30 reps" in texts
    kinds = [e.kind for e in player.played]
    assert kinds[-1] is CueKind.SESSION_DONE
    assert kinds.count(CueKind.SWITCH_LEG) == 2 and kinds.count(CueKind.NEXT_ROUTINE) == 1
    qtbot.mouseClick(summary.done_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.checkin_page


def test_space_pauses_and_resumes_right_skips_and_no_timer_runs_while_paused(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    check_in_by_keyboard(qtbot, window, "44")
    through_safety_gate(qtbot, window)
    run_until(window, clock, lambda: window.session.reps_done == 2)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.session.state is State.PAUSED
    assert not window.controller.timer_active
    assert not window.session_page.animating
    assert window.session_page.phase.text() == "Paused"
    clock.advance(120)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.session.state is State.COUNT_IN
    assert window.controller.timer_active
    qtbot.keyClick(window, Qt.Key.Key_Right)  # skip the count-in
    assert window.session.state is State.REP
    assert window.session_page.counter.text() == "3 / 10"
    qtbot.keyClick(window, Qt.Key.Key_Right)  # skip the rest of the set
    assert window.session.results[0].status is SetStatus.SKIPPED
    assert window.session_page.set_title.text() == "Right leg, outer side"


def test_stop_for_pain_shows_the_advice_and_keeps_the_sets_done(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, player: SilentPlayer
) -> None:
    check_in_by_keyboard(qtbot, window, "33")
    through_safety_gate(qtbot, window)
    run_until(window, clock, lambda: window.session.set_index == 1 and window.session.reps_done)
    qtbot.mouseClick(window.session_page.hurts_button, Qt.MouseButton.LeftButton)
    assert window.session.end_reason is EndReason.PAIN
    assert player.played[-1].kind is CueKind.STOPPED_PAIN
    assert window.stack.currentWidget() is window.advice_page
    assert "reps: 11" in window.advice_page.kept.text()
    assert [r.status for r in window.session.results] == [SetStatus.COMPLETED, SetStatus.PARTIAL]
    qtbot.mouseClick(window.advice_page.check_out, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.checkout_page.skip_button, Qt.MouseButton.LeftButton)
    assert window.summary_page.title.text() == "Session stopped because it hurt"


def test_h_key_stops_for_pain_and_esc_stops(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, player: SilentPlayer
) -> None:
    for k, reason in ((Qt.Key.Key_H, EndReason.PAIN), (Qt.Key.Key_Escape, EndReason.USER)):
        window = make_window(qtbot, tmp_path / reason.value, clock, player, None)
        check_in_by_keyboard(qtbot, window, "22")
        through_safety_gate(qtbot, window)
        qtbot.keyClick(window, k)
        assert window.session.end_reason is reason
        window.close()


def test_safety_gate_blocks_on_a_red_flag(qtbot: QtBot, window: MainWindow) -> None:
    check_in_by_keyboard(qtbot, window, "66")
    qtbot.mouseClick(window.checkin_page.continue_button, Qt.MouseButton.LeftButton)
    window.safety_page.flags["swelling"].setChecked(True)
    qtbot.mouseClick(window.safety_page.start_button, Qt.MouseButton.LeftButton)
    assert window.safety_page.is_blocked
    assert window.session is None
    assert "professional" in window.safety_page.blocked_text.text()
    qtbot.mouseClick(window.safety_page.home_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.checkin_page


def test_manual_mode_counts_with_space_one_leg(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, player: SilentPlayer
) -> None:
    settings = Settings(pacing=Pacing.MANUAL, legs=LegChoice.LEFT)
    window = make_window(qtbot, tmp_path / "d", clock, player, settings)
    assert not window.checkin_page.pain_rows[Leg.RIGHT].isVisibleTo(window)
    check_in_by_keyboard(qtbot, window, "4")
    through_safety_gate(qtbot, window)
    assert window.session_page.count_button.isVisible()
    assert window.session_page.knee.is_mirrored() is True
    for _ in range(3):
        clock.advance(2.5)
        qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.session.reps_done == 3
    assert window.session_page.counter.text() == "3 / 10"
    assert not window.controller.timer_active  # waiting on the user, not polling
    qtbot.keyClick(window, Qt.Key.Key_P)
    assert window.session.state is State.PAUSED
    qtbot.keyClick(window, Qt.Key.Key_P)
    assert window.session.state is State.REP
    for _ in range(7):
        qtbot.mouseClick(window.session_page.count_button, Qt.MouseButton.LeftButton)
    assert window.session.results[0].reps_done == 10
    assert window.session_page.set_title.text() == "Left leg, outer side"


def test_knee_highlights_the_points_of_the_current_set(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    check_in_by_keyboard(qtbot, window, "11")
    through_safety_gate(qtbot, window)
    knee = window.session_page.knee
    assert knee.active_points() == (Point.HAMSTRING_MEDIAL,)
    run_until(window, clock, lambda: window.session.set_index == 1)
    assert knee.active_points() == (Point.HAMSTRING_LATERAL,)
    run_until(window, clock, lambda: window.session.set_index == 4)
    assert set(knee.active_points()) == {Point.POPLITEUS_MEDIAL, Point.POPLITEUS_LATERAL}


def test_settings_dialog_changes_persist(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from knee_coach.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.reps["popliteus_release"].setValue(20)
    dialog.cadence["hamstring_glide"].setValue(6.0)
    dialog.pacing.setCurrentIndex(dialog.pacing.findData("manual"))
    dialog.accept()
    assert dialog.result_settings is not None
    window.save_settings(dialog.result_settings)
    stored = SettingsStore(tmp_path / "data").load()
    assert stored.reps_for("popliteus_release") == 20
    assert stored.seconds_per_rep_for("hamstring_glide") == 6.0
    assert stored.pacing is Pacing.MANUAL


def test_closing_mid_session_asks_and_no_keeps_it_running(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    answers: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    check_in_by_keyboard(qtbot, window, "22")
    through_safety_gate(qtbot, window)
    run_until(window, clock, lambda: window.session.reps_done == 1)
    counted_while_asked: list[int] = []

    def read_for_a_minute_then_no(*args: object) -> QMessageBox.StandardButton:
        assert window.controller is not None
        clock.advance(60.0)
        window.controller.poll()  # the session's timer fires while the question waits
        counted_while_asked.append(window.session.reps_done - 1)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", read_for_a_minute_then_no)
    window.close()
    assert counted_while_asked == [0]  # paused while the question waited
    assert window.isVisible() and window.session.is_running  # and on again after No
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    window.close()
    assert not window.isVisible()
    assert window.session.end_reason is EndReason.USER
    assert window.session.results[0].status is SetStatus.PARTIAL


def test_player_gets_the_sound_settings_and_its_notices_reach_the_session_page(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, player: SilentPlayer
) -> None:
    settings = Settings(sound=False, voice=True, volume=0.4, language="ja")
    window = make_window(qtbot, tmp_path / "d", clock, player, settings)
    assert (player.enabled, player.voice, player.language, player.volume) == (
        False,
        True,
        "ja",
        0.4,
    )
    assert player.listener is not None
    # The device goes away mid-session: the player says so and the page shows it at once.
    player.listener("No sound device found: follow the cues on screen.")
    assert window.session_page.notice.text().startswith("No sound device")
    assert not window.session_page.notice.isHidden()
    player.listener(None)
    assert window.session_page.notice.isHidden()
