"""Spoken guidance in the real window: the level a session speaks at, the count-in held while
the player reports words, and the setting in the dialog. A fake clock; the player is the
silent one, whose words listener the test calls as the real player does from the engine."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from knee_coach.audio.player import SilentPlayer
from knee_coach.core import guidance
from knee_coach.core.clock import FakeClock
from knee_coach.core.cues import CueKind
from knee_coach.core.guidance import Guidance
from knee_coach.core.model import EndReason, LegChoice
from knee_coach.core.session import State
from knee_coach.core.settings import Settings
from knee_coach.storage.settings_store import SettingsStore
from knee_coach.ui.main_window import MainWindow
from tests.driving import run_until, step
from tests.test_window import check_in_by_keyboard, make_window, through_safety_gate


@pytest.fixture(autouse=True)
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing mid-session asks first: a modal box would hang a test."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)


def start(
    qtbot: QtBot, tmp_path: Path, settings: Settings | None = None
) -> tuple[MainWindow, FakeClock, SilentPlayer]:
    clock, player = FakeClock(100.0), SilentPlayer()
    window = make_window(qtbot, tmp_path / "data", clock, player, settings)
    check_in_by_keyboard(qtbot, window, "33")
    through_safety_gate(qtbot, window)
    return window, clock, player


def test_a_first_session_tells_every_instruction_and_waits_for_the_words(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, clock, player = start(qtbot, tmp_path)
    session = window.session
    assert session is not None and session.plan.guidance is Guidance.FULL
    first = player.played[0]
    assert first.kind is CueKind.SESSION_START and first.words[0] == guidance.HOW_TO_STOP
    # The player hands the words to the voice and reports them being said.
    assert player.words_listener is not None
    clock.advance(0.3)
    player.words_listener(True)
    clock.advance(20.0)  # far past the get-ready time: the words go on
    assert window.controller is not None
    window.controller.poll()
    page = window.session_page
    assert session.state is State.PREPARE
    assert page.phase.text() == "Listen" and page.counter.text() == "…"
    player.words_listener(False)  # said: a breath, then the count-in
    done = clock.now()
    run_until(window, clock, lambda: session.state is State.COUNT_IN)
    assert page.phase.text() == "Starting in"
    count_in = next(e for e in player.played if e.kind is CueKind.COUNT_IN)
    assert count_in.at == pytest.approx(done + session.plan.timing.after_words)
    window.stop()


def test_after_three_completed_sessions_the_voice_names_the_place_only(
    qtbot: QtBot, tmp_path: Path
) -> None:
    clock, player = FakeClock(100.0), SilentPlayer()
    window = make_window(qtbot, tmp_path / "data", clock, player, Settings(legs=LegChoice.RIGHT))
    history = window.history
    assert history is not None
    day = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)
    for n in range(4):
        sid = history.begin_session(day + timedelta(days=n), LegChoice.RIGHT, None)
        # Three completed, and one stopped early, which does not count.
        reason = EndReason.USER if n == 3 else EndReason.COMPLETED
        history.end_session(sid, reason, day + timedelta(days=n, minutes=9))
    assert history.completed_count() == 3
    check_in_by_keyboard(qtbot, window, "3")
    through_safety_gate(qtbot, window)
    assert window.session is not None
    assert window.session.plan.guidance is Guidance.SHORT
    assert player.played[0].words == ()
    window.stop()


def test_the_guidance_setting_is_chosen_in_the_dialog_and_used_by_the_next_session(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from knee_coach.ui.settings_dialog import SettingsDialog

    clock, player = FakeClock(100.0), SilentPlayer()
    window = make_window(qtbot, tmp_path / "data", clock, player, None)
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    combo = dialog.guidance
    assert combo.currentData() == "auto"
    assert combo.currentText() == "Full for your first 3 sessions, then short"
    combo.setCurrentIndex(combo.findData("off"))
    dialog.accept()
    assert dialog.result_settings is not None
    window.save_settings(dialog.result_settings)
    assert SettingsStore(tmp_path / "data").load().guidance == "off"
    check_in_by_keyboard(qtbot, window, "33")
    through_safety_gate(qtbot, window)
    assert window.session is not None and window.session.plan.guidance is Guidance.OFF
    # Nothing to wait for: the count-in comes at the end of the get-ready time.
    step(window, clock)
    assert window.session.state is State.COUNT_IN
    window.stop()


def test_the_screen_holds_the_count_in_as_the_ear_does(qtbot: QtBot) -> None:
    """The screen shows the session a player's output delay behind, replaying what happened:
    the words' reports are replayed too, so it never counts in while the voice still talks."""
    from knee_coach.core.plan import build_plan
    from knee_coach.ui.session_controller import SessionController

    clock = FakeClock(100.0)
    plan = build_plan(Settings(), spoken=Guidance.FULL)
    controller = SessionController(plan, clock, presentation_delay=0.07)
    shown: list[State] = []
    controller.changed.connect(lambda snap: shown.append(snap.state))
    controller.begin()
    clock.advance(0.3)
    controller.words_speaking(True)
    clock.advance(20.0)
    controller.poll()
    controller.present()
    assert controller.session.state is State.PREPARE
    assert controller.shown_snapshot().listening
    assert State.COUNT_IN not in shown
    controller.words_speaking(False)
    clock.advance(plan.timing.after_words + 0.1)
    controller.poll()
    controller.present()
    assert controller.session.state is State.COUNT_IN
    assert controller.shown_snapshot().state is State.COUNT_IN
