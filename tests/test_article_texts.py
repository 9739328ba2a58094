"""The article's technique and cautions reach the screen when they matter, and say no more than
the article does: every routine text is shown in each set, the advice after a stop for pain
fits the routine in progress, and counts and cadences stay within what the article asks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from knee_coach.audio.player import SilentPlayer
from knee_coach.core import routines, safety
from knee_coach.core.checkin import CheckIn
from knee_coach.core.clock import FakeClock
from knee_coach.core.model import EndReason, Leg, Pacing
from knee_coach.core.plan import build_plan
from knee_coach.core.routines import HAMSTRING_GLIDE, POPLITEUS_RELEASE, ROUTINES
from knee_coach.core.session import Session, State
from knee_coach.core.settings import Settings
from knee_coach.storage.settings_store import SettingsStore
from knee_coach.ui import i18n
from knee_coach.ui.main_window import MainWindow
from knee_coach.ui.prevention import PreventionDialog
from knee_coach.ui.summary_page import SummaryPage
from tests.driving import step


@pytest.fixture(autouse=True)
def _closing_mid_session_answers_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a window mid-session asks first; a modal box would hang the test."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)


def shown(page: QWidget) -> set[str]:
    """Every text a user can see on the page now, one entry per line of each label."""
    out: set[str] = set()
    for widget in page.findChildren(QWidget):
        if widget.isVisibleTo(page) and isinstance(widget, (QLabel, QAbstractButton)):
            out.update(line for line in widget.text().splitlines() if line.strip())
    return out


def routine_texts(routine: routines.Routine) -> dict[str, str]:
    """Each text the routine defines for the screen, by the field that holds it."""
    texts = {
        "position": routine.position,
        "summary": routine.summary,
        "caution": routine.caution,
        "afterwards": routine.afterwards,
    }
    texts.update({f"hint of {t.id}": t.hint for t in routine.sets_per_leg})
    texts.update({f"phase {p.id}": p.label for p in routine.phases})
    return {name: text for name, text in texts.items() if text}


def tr(text: str) -> str:
    return QCoreApplication.translate(routines.CTX, text)


def start(qtbot: QtBot, tmp_path: Path, clock: FakeClock, language: str, **settings: object):
    data = tmp_path / "data"
    if settings:
        SettingsStore(data).save(Settings(**settings))  # type: ignore[arg-type]
    window = MainWindow(data, clock=clock, player_factory=lambda: SilentPlayer(), language=language)
    qtbot.addWidget(window)
    window.resize(1040, 740)
    window.show()
    qtbot.waitExposed(window)
    page = window.checkin_page
    for leg in (Leg.RIGHT, Leg.LEFT):
        page.pain_rows[leg].set_value(5)
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.safety_page.start_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.session_page
    return window


@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_routine_text_is_shown_and_summary_and_caution_in_every_set(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    clock = FakeClock(100.0)
    window = start(qtbot, tmp_path, clock, language)
    session = window.session
    assert session is not None
    seen_in_set: dict[int, set[str]] = {}
    seen_anywhere: set[str] = set()
    while not session.is_over:
        window.session_page.show_snapshot(window.controller.snapshot())  # type: ignore[union-attr]
        texts = shown(window.session_page)
        seen_anywhere |= texts
        seen_in_set.setdefault(session.set_index, set()).update(texts)
        step(window, clock)

    for routine in ROUTINES:
        for name, text in routine_texts(routine).items():
            lines = set(tr(text).splitlines())
            assert lines <= seen_anywhere, f"{routine.id}: {name} is shown nowhere"
    for planned in session.plan.sets:
        for text in (planned.routine.summary, planned.routine.caution):
            assert set(tr(text).splitlines()) <= seen_in_set[planned.index], (planned.index, text)
    if language == "ja":
        assert tr(POPLITEUS_RELEASE.caution) != POPLITEUS_RELEASE.caution  # translated


def test_counting_by_hand_from_the_get_ready_time_still_shows_the_technique(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Counting during the get-ready time skips it; the reps screen says how to move."""
    clock = FakeClock(100.0)
    window = start(qtbot, tmp_path, clock, "en", pacing=Pacing.MANUAL)
    window.count_rep()
    assert window.session is not None and window.session.state is State.REP
    texts = shown(window.session_page)
    assert HAMSTRING_GLIDE.summary in texts and HAMSTRING_GLIDE.caution in texts


def test_after_routine_1_the_get_ready_time_asks_to_notice_the_change(
    qtbot: QtBot, tmp_path: Path
) -> None:
    clock = FakeClock(100.0)
    window = start(qtbot, tmp_path, clock, "en")
    session = window.session
    assert session is not None
    first_of_routine_2 = next(s.index for s in session.plan.sets if s.routine is POPLITEUS_RELEASE)
    asked_in: set[int] = set()
    while not session.is_over:
        window.session_page.show_snapshot(window.controller.snapshot())  # type: ignore[union-attr]
        if HAMSTRING_GLIDE.afterwards in shown(window.session_page):
            assert session.state is State.PREPARE
            asked_in.add(session.set_index)
        step(window, clock)
    assert asked_in == {first_of_routine_2}


def test_the_check_out_asks_to_bend_and_straighten_once_the_check_in_does_not(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(tmp_path / "data", clock=FakeClock(0.0), player_factory=None)
    qtbot.addWidget(window)
    prompt = "First bend and straighten the knee once and notice how it has changed."
    assert prompt in window.checkout_page.subtitle.text()
    assert prompt not in window.checkin_page.subtitle.text()


# ----- the advice after a stop for pain --------------------------------------------------
def test_every_routine_has_stop_advice_of_its_own_after_the_general_advice() -> None:
    for routine in ROUTINES:
        advice = safety.stop_advice(routine.id)
        assert advice[0] == safety.STOP_ADVICE and len(advice) == 2
    assert safety.stop_advice(None) == (safety.STOP_ADVICE,)
    assert "centre" not in safety.STOP_ADVICE  # true whatever was being pressed
    assert "centre" in safety.stop_advice(POPLITEUS_RELEASE.id)[1]
    assert "centre" not in safety.stop_advice(HAMSTRING_GLIDE.id)[1]


@pytest.mark.parametrize(
    ("routine", "fits", "does_not_fit"),
    [
        (HAMSTRING_GLIDE, "hook the fingers on the tendon more lightly", "centre"),
        (POPLITEUS_RELEASE, "Never press the centre", "tendon"),
    ],
)
def test_stopping_for_pain_shows_the_advice_for_the_routine_in_progress(
    qtbot: QtBot,
    tmp_path: Path,
    routine: routines.Routine,
    fits: str,
    does_not_fit: str,
) -> None:
    clock = FakeClock(100.0)
    window = start(qtbot, tmp_path, clock, "en")
    session = window.session
    assert session is not None
    while not (session.current.routine is routine and session.state is State.REP):
        step(window, clock)
    qtbot.mouseClick(window.session_page.hurts_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.advice_page
    advice = window.advice_page.advice.text()
    assert fits in advice and does_not_fit not in advice
    assert advice.startswith(safety.STOP_ADVICE)
    qtbot.mouseClick(window.advice_page.skip_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.summary_page
    assert fits in window.summary_page.advice.text()


def test_the_stop_advice_follows_a_language_change(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock(100.0)
    window = start(qtbot, tmp_path, clock, "en")
    window.stop_it_hurts()  # during routine 1's get-ready time
    window.set_language("ja")
    fitted = QCoreApplication.translate(
        safety.CTX, safety.STOP_ADVICE_FOR_ROUTINE[HAMSTRING_GLIDE.id]
    )
    assert fitted != safety.STOP_ADVICE_FOR_ROUTINE[HAMSTRING_GLIDE.id]
    qtbot.waitUntil(lambda: fitted in window.advice_page.advice.text(), timeout=2000)
    assert "中央" not in window.advice_page.advice.text()


# ----- counts and cadences: what the article asks -----------------------------------------
def test_counts_follow_the_article_about_ten_and_ten_to_twenty_swings() -> None:
    # Routine 1: "10 times each, inner and outer", more once it gets easy.
    assert HAMSTRING_GLIDE.min_reps == HAMSTRING_GLIDE.default_reps == 10
    assert HAMSTRING_GLIDE.max_reps > 10
    # Routine 2: "swing 10 to 20 times".
    assert (POPLITEUS_RELEASE.min_reps, POPLITEUS_RELEASE.max_reps) == (10, 20)
    for routine in ROUTINES:
        assert routine.min_reps <= routine.default_reps <= routine.max_reps
        assert routine.clamp_reps(5) == routine.min_reps


def test_cadences_stay_slow_as_the_article_asks() -> None:
    """A slow bend and a slow straightening; a slow push up before each loose swing."""
    per_movement = HAMSTRING_GLIDE.min_seconds_per_rep / len(HAMSTRING_GLIDE.phases)
    assert per_movement >= 1.5
    assert POPLITEUS_RELEASE.min_seconds_per_rep >= 2.0
    for routine in ROUTINES:
        low, high = routine.min_seconds_per_rep, routine.max_seconds_per_rep
        assert low <= routine.default_seconds_per_rep <= high
    with pytest.raises(ValueError, match=r"between 2\.0 and 5\.0"):
        Settings(seconds_per_rep={POPLITEUS_RELEASE.id: 0.8})


def test_settings_saved_by_an_earlier_version_move_within_the_bounds_and_are_kept(
    tmp_path: Path,
) -> None:
    """Reps and cadences an earlier version allowed are brought within today's bounds; the
    file is not set aside as damaged and the rest of it stays as it was."""
    path = tmp_path / "settings.json"
    stored = {
        "reps": {HAMSTRING_GLIDE.id: 5, POPLITEUS_RELEASE.id: 30},
        "seconds_per_rep": {HAMSTRING_GLIDE.id: 2.0, POPLITEUS_RELEASE.id: 0.8},
        "legs": "left",
        "volume": 0.4,
    }
    path.write_text(json.dumps(stored), encoding="utf-8")
    store = SettingsStore(tmp_path)
    settings = store.load()
    assert store.problem is None and path.exists()
    assert settings.reps_for(HAMSTRING_GLIDE.id) == 10
    assert settings.reps_for(POPLITEUS_RELEASE.id) == 20
    assert settings.seconds_per_rep_for(HAMSTRING_GLIDE.id) == 3.0
    assert settings.seconds_per_rep_for(POPLITEUS_RELEASE.id) == 2.0
    assert (settings.legs.value, settings.volume) == ("left", 0.4)


def test_a_count_no_version_allowed_is_still_refused() -> None:
    with pytest.raises(ValueError, match="between 10 and 30"):
        Settings.from_dict({"reps": {HAMSTRING_GLIDE.id: 2}})
    with pytest.raises(ValueError, match=r"between 2\.0 and 5\.0"):
        Settings.from_dict({"seconds_per_rep": {POPLITEUS_RELEASE.id: 0.1}})


# ----- the summary: what happened, no more ------------------------------------------------
def finished(before: dict[Leg, int], after: dict[Leg, int]) -> tuple[Session, CheckIn, CheckIn]:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.stop(60.0, EndReason.USER)
    return session, CheckIn(before), CheckIn(after)


def test_the_summary_states_a_lower_rating_without_calling_it_an_improvement(
    qtbot: QtBot, tmp_path: Path
) -> None:
    i18n.apply_language("en", tmp_path / "cache")  # English plural forms: "3 points"
    page = SummaryPage()
    qtbot.addWidget(page)
    page.show_session(*finished({Leg.RIGHT: 6, Leg.LEFT: 3}, {Leg.RIGHT: 3, Leg.LEFT: 3}))
    text = page.advice.text()
    assert text == "Right knee: your pain rating is 3 points lower than before the session."
    assert "improvement" not in text.lower()
    names = {w.text() for w in page.card.findChildren(QLabel)}
    assert {"Right knee: pain", "Left knee: pain"} <= names


def test_the_summary_says_many_people_and_that_it_varies(qtbot: QtBot) -> None:
    page = SummaryPage()
    qtbot.addWidget(page)
    page.show_session(*finished({Leg.RIGHT: 4}, {Leg.RIGHT: 4}))
    text = page.advice.text()
    assert "Many people" in text and "varies from person to person" in text
    assert "Most" not in text


def test_the_summary_shows_what_else_helps_beyond_the_routines(qtbot: QtBot) -> None:
    page = SummaryPage()
    qtbot.addWidget(page)
    page.show_session(*finished({Leg.RIGHT: 4}, {Leg.RIGHT: 4}))
    page.show()
    assert page.prevention.isVisible()
    text = page.prevention.points.text()
    for words in ("posture", "walk", "weight", "front and the back of the thigh", "flexible"):
        assert words in text


def test_help_beyond_the_routines_opens_the_prevention_panel(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(tmp_path / "data", player_factory=SilentPlayer)
    qtbot.addWidget(window)
    window.show()
    assert window.menus.prevention in window.menus.help_menu.actions()
    window.menus.prevention.trigger()
    dialog = window.findChild(PreventionDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Beyond the routines"
    assert dialog.panel.isVisible() and "weight" in dialog.panel.points.text()
    dialog.close()
