"""The guided flow: check-in → safety → the session → (pain advice) → check-out → summary.

Owns the flow's pages (each built the first time it shows), the running session's controller,
its keys, and the recorder that writes each finished set to the history at once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QStackedWidget, QWidget

from knee_coach.core import guidance
from knee_coach.core.clock import Clock
from knee_coach.core.model import EndReason, LegChoice
from knee_coach.core.session import State
from knee_coach.core.settings import Settings
from knee_coach.ui import storage_dialogs
from knee_coach.ui.checkin_page import CheckInPage
from knee_coach.ui.history_access import HistoryAccess, storage_errors
from knee_coach.ui.lazy_page import LazyPage
from knee_coach.ui.media_buttons import MediaButtons
from knee_coach.ui.sound_output import SoundOutput

if TYPE_CHECKING:
    from knee_coach.core.checkin import CheckIn
    from knee_coach.core.cues import CueEvent
    from knee_coach.core.guidance import Guidance
    from knee_coach.core.safety import GateResult
    from knee_coach.core.session import Session
    from knee_coach.core.trends import Nudge
    from knee_coach.storage.history import HistoryStore
    from knee_coach.storage.recorder import SessionRecorder
    from knee_coach.ui.advice_page import StopAdvicePage
    from knee_coach.ui.safety_page import SafetyPage
    from knee_coach.ui.session_controller import SessionController
    from knee_coach.ui.session_page import SessionPage
    from knee_coach.ui.summary_page import SummaryPage

log = logging.getLogger(__name__)


class SessionFlow(QObject):
    legsChanged = Signal(object)  # LegChoice picked on the check-in page
    illustrationChosen = Signal(str)  # what the session shows beside the counter
    settingsRequested = Signal()
    historyRequested = Signal()
    statusMessage = Signal(str)
    historyChanged = Signal()  # a session was checked out: history views reload

    def __init__(
        self,
        window: QWidget,
        stack: QStackedWidget,
        *,
        settings: Callable[[], Settings],
        clock: Clock,
        wall_clock: Callable[[], datetime],
        access: HistoryAccess,
        sound: SoundOutput,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._stack = stack
        self._settings = settings
        self.clock = clock
        self.wall_clock = wall_clock
        self._access = access
        self._sound = sound
        self.controller: SessionController | None = None
        self.recorder: SessionRecorder | None = None
        self.before: CheckIn | None = None
        self.after: CheckIn | None = None
        self._storage_warned = False
        self._shortcuts: list[QShortcut] = []  # the session's keys, made with its page
        self.media = MediaButtons(self, self)  # media keys, and MPRIS while a session runs

        self.checkin = LazyPage(stack, self._make_checkin_page)
        self.safety = LazyPage(stack, self._make_safety_page)
        self.session_page = LazyPage(stack, self._make_session_page)
        self.advice = LazyPage(stack, self._make_advice_page)
        self.checkout = LazyPage(stack, self._make_checkout_page)
        self.summary = LazyPage(stack, self._make_summary_page)
        stack.currentChanged.connect(self._page_changed)

    # ----- the pages, built on first use ------------------------------------------------------
    def _make_checkin_page(self) -> CheckInPage:
        page = CheckInPage(after=False, clock=self.clock)
        page.legsChanged.connect(self.legsChanged)
        page.settingsRequested.connect(self.settingsRequested)
        page.historyRequested.connect(self.historyRequested)
        page.submitted.connect(self._checked_in)
        return page

    def _make_safety_page(self) -> SafetyPage:
        from knee_coach.ui.safety_page import SafetyPage

        page = SafetyPage()
        page.back.connect(self.go_home)
        page.passed.connect(self.start_session)
        page.answered.connect(self._record_safety_answer)
        return page

    def _record_safety_answer(self, result: GateResult) -> None:
        """Kept for the report for a clinician; the session never waits on it."""
        from knee_coach.core.records import SafetyAnswer

        history = self._access.open()
        if history is None:
            return
        try:
            history.record_safety_answer(SafetyAnswer(self.wall_clock(), result.flags))
        except storage_errors() as exc:
            log.warning("the safety answers were not stored: %s", exc)

    def _make_session_page(self) -> SessionPage:
        from knee_coach.ui.session_page import SessionPage

        page = SessionPage()
        page.set_notice(self._sound.notice)
        page.pauseRequested.connect(self.toggle_pause)
        page.countRequested.connect(self.count_rep)
        page.skipRequested.connect(self.skip)
        page.stopRequested.connect(self.stop)
        page.hurtsRequested.connect(self.stop_it_hurts)
        page.illustrations.set_choice(self._settings().illustration)
        page.illustrations.choiceChanged.connect(self.illustrationChosen)
        # The session's keys work anywhere in the window, but only while the session shows.
        for key, slot in (
            (Qt.Key.Key_Space, self._space),
            (Qt.Key.Key_P, self.toggle_pause),
            (Qt.Key.Key_Right, self.skip),
            (Qt.Key.Key_Escape, self.stop),
            (Qt.Key.Key_H, self.stop_it_hurts),
            *self.media.key_bindings(),
        ):
            shortcut = QShortcut(QKeySequence(key), self._window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            shortcut.setEnabled(False)
            self._shortcuts.append(shortcut)
        return page

    def _make_advice_page(self) -> StopAdvicePage:
        from knee_coach.ui.advice_page import StopAdvicePage

        page = StopAdvicePage()
        page.checkOutRequested.connect(self._to_checkout)
        page.summaryRequested.connect(lambda: self._checked_out(None))
        return page

    def _make_checkout_page(self) -> CheckInPage:
        page = CheckInPage(after=True, clock=self.clock)
        page.submitted.connect(self._checked_out)
        return page

    def _make_summary_page(self) -> SummaryPage:
        from knee_coach.ui.summary_page import SummaryPage

        page = SummaryPage()
        page.doneRequested.connect(self.go_home)
        page.historyRequested.connect(self.historyRequested)
        return page

    def show_sound_notice(self, text: str | None) -> None:
        """What is wrong with sound or voice, on the session page (once it exists)."""
        page = self.session_page.built()
        if page is not None:
            page.set_notice(text)

    def _page_changed(self) -> None:
        on_session = self.session_page.is_current()
        for shortcut in self._shortcuts:
            shortcut.setEnabled(on_session)

    # ----- the flow ---------------------------------------------------------------------------
    @property
    def session(self) -> Session | None:
        return self.controller.session if self.controller else None

    @property
    def in_progress(self) -> bool:
        session = self.session
        return session is not None and session.started_at is not None and not session.is_over

    def go_home(self) -> None:
        self.before = self.after = None
        page = self.checkin.get()
        page.reset()
        self._stack.setCurrentWidget(page)
        page.focus_first()

    def _checked_in(self, check_in: CheckIn | None) -> None:
        self.before = check_in
        page = self.safety.get()
        page.reset()
        self._stack.setCurrentWidget(page)

    def start_session(self) -> None:
        from knee_coach.core.plan import build_plan
        from knee_coach.storage.recorder import SessionRecorder
        from knee_coach.ui.session_controller import SessionController

        self._sound.install()  # no-op once loaded
        settings = self._settings()
        history = self._access.open()
        plan = build_plan(settings, spoken=self._spoken_guidance(settings, history))
        player = self._sound.player
        # The screen shows each change when its cue is heard, as the player's delay follows
        # what the sound server reports.
        controller = SessionController(plan, self.clock, self, player.output_delay)
        self.controller = controller
        player.set_plan(plan)
        player.set_delay_listener(controller.set_presentation_delay)
        # The count-in waits while the voice says the announcement's words.
        player.set_words_listener(controller.words_speaking)
        page = self.session_page.get()
        controller.cues.connect(self._on_cues)
        controller.shownCues.connect(page.on_cues)
        controller.shownCues.connect(self._announce)
        controller.changed.connect(page.show_snapshot)
        controller.finished.connect(self._session_finished)
        self.recorder = None
        self._storage_warned = False
        if history is not None:
            try:
                self.recorder = SessionRecorder(
                    history, controller.session, settings.legs, self.before, self.wall_clock
                )
            except storage_errors() as exc:
                self._storage_failed(exc)
        from knee_coach.ui.illustrations import desktop_prefers_reduced_motion

        page.illustrations.set_reduced_motion(
            settings.reduced_motion or desktop_prefers_reduced_motion()
        )
        page.start(plan, controller.shown_snapshot)
        self.media.follow(controller)
        self._stack.setCurrentWidget(page)
        controller.begin()

    def _announce(self, events: list[CueEvent]) -> None:
        """Tell the screen reader what changed, when its cue is heard (see accessibility.py)."""
        from knee_coach.ui.accessibility import announce, spoken_change

        page, controller = self.session_page.built(), self.controller
        if page is None or controller is None:
            return
        settings = self._settings()
        counts = settings.reader_counts and not (settings.sound and settings.voice)
        for event in events:
            text = spoken_change(event, controller.session.plan, counts)
            if text:
                announce(page, text)

    @staticmethod
    def _spoken_guidance(settings: Settings, history: HistoryStore | None) -> Guidance:
        completed = 0
        if history is not None:
            try:
                completed = history.completed_count()
            except storage_errors() as exc:
                log.warning("could not count the sessions done: %s", exc)
        return guidance.resolve(settings.guidance, completed)

    def _on_cues(self, events: list[CueEvent]) -> None:
        self._sound.player.play_batch(events)
        self._store_progress()

    def _store_progress(self) -> None:
        """Finished sets (and the end) go to the history at once, not at the end."""
        if self.recorder is None:
            return
        try:
            self.recorder.sync()
        except storage_errors() as exc:
            self._storage_failed(exc)

    @property
    def save_failed(self) -> bool:
        """A write of this session to the history failed (its sets may not be kept)."""
        return self._storage_warned

    def _storage_failed(self, exc: Exception) -> None:
        log.warning("history write failed: %s", exc)
        if not self._storage_warned:
            self._storage_warned = True
            self.statusMessage.emit(
                self.tr("This session could not be saved to the history: {error}").format(
                    error=storage_dialogs.words(exc)
                )
            )

    # ----- what the keys and the session page ask for ----------------------------------------
    def _space(self) -> None:
        if self.controller is None:
            return
        if self.controller.manual:
            self.count_rep()
        else:
            self.toggle_pause()

    def _running(self) -> SessionController | None:
        if self.controller is not None and not self.controller.session.is_over:
            return self.controller
        return None

    def toggle_pause(self) -> None:
        if controller := self._running():
            controller.toggle_pause()

    def hold(self) -> bool:
        """Pause a session that runs (a question waits for an answer first): True when it
        did, so that the caller resumes it if the answer is to go on."""
        controller = self._running()
        if controller is None or controller.session.state is State.PAUSED:
            return False
        controller.toggle_pause()
        return True

    def count_rep(self) -> None:
        if self.controller is not None:
            self.controller.count_rep()

    def skip(self) -> None:
        if controller := self._running():
            controller.skip()

    def stop(self) -> None:
        if controller := self._running():
            controller.stop(EndReason.USER)

    def stop_it_hurts(self) -> None:
        if controller := self._running():
            controller.stop(EndReason.PAIN)

    # ----- after the session ------------------------------------------------------------------
    def _session_finished(self, session: Session) -> None:
        if session.end_reason is EndReason.PAIN:
            page = self.advice.get()
            page.show_session(session)
            self._stack.setCurrentWidget(page)
        else:
            self._to_checkout()

    def _to_checkout(self) -> None:
        page = self.checkout.get()
        page.set_legs(self._settings().legs)
        page.reset()
        self._stack.setCurrentWidget(page)

    def _checked_out(self, check_in: CheckIn | None) -> None:
        self.after = check_in
        before, after, nudge = self.before, self.after, None
        if self.recorder is not None:
            # The summary shows what was stored, so it is what the history will show.
            try:
                self._store_progress()
                self.recorder.check_out(check_in)
                stored = self.recorder.stored()
                if stored is not None:
                    before, after = stored.before, stored.after
                nudge = self._nudge()
            except storage_errors() as exc:
                self._storage_failed(exc)
        page = self.summary.get()
        if self.session is not None:
            page.show_session(self.session, before, after, nudge)
        self._stack.setCurrentWidget(page)
        self.historyChanged.emit()

    def _nudge(self) -> Nudge | None:
        from knee_coach.core.trends import clinic_nudge

        history = self._access.open()
        if history is None:
            return None
        now = self.wall_clock()
        records = history.review_records(now.astimezone(timezone.utc))
        return clinic_nudge(records, now.date())

    def set_legs(self, choice: LegChoice) -> None:
        self.checkin.get().set_legs(choice)
