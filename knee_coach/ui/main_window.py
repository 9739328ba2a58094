"""The main window: the guided flow from check-in to summary, and the session shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QWidget

from knee_coach import APP_NAME
from knee_coach.audio.player import CuePlayer, SilentPlayer
from knee_coach.core.checkin import CheckIn
from knee_coach.core.clock import Clock, MonotonicClock
from knee_coach.core.cues import CueEvent
from knee_coach.core.model import EndReason, LegChoice
from knee_coach.core.plan import build_plan
from knee_coach.core.session import Session
from knee_coach.core.settings import Settings
from knee_coach.storage.settings_store import SettingsStore
from knee_coach.ui.advice_page import StopAdvicePage
from knee_coach.ui.checkin_page import CheckInPage
from knee_coach.ui.safety_page import SafetyPage
from knee_coach.ui.session_controller import SessionController
from knee_coach.ui.session_page import SessionPage
from knee_coach.ui.settings_dialog import SettingsDialog
from knee_coach.ui.style import STYLESHEET
from knee_coach.ui.summary_page import SummaryPage

PlayerFactory = Callable[[], CuePlayer]


class MainWindow(QMainWindow):
    def __init__(
        self,
        data_dir: Path,
        clock: Clock | None = None,
        player_factory: PlayerFactory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setStyleSheet(STYLESHEET)
        self.resize(1040, 720)
        self.setMinimumSize(860, 600)
        self.data_dir = data_dir
        self.clock = clock or MonotonicClock()
        self.settings_store = SettingsStore(data_dir)
        self.settings = self.settings_store.load()
        # The real player loads QtMultimedia; it is created after the first frame is shown.
        self.player: CuePlayer = SilentPlayer()
        self._player_factory = player_factory
        self.controller: SessionController | None = None
        self.before: CheckIn | None = None
        self.after: CheckIn | None = None

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.checkin_page = CheckInPage(after=False)
        self.safety_page = SafetyPage()
        self.session_page = SessionPage()
        self.advice_page = StopAdvicePage()
        self.checkout_page = CheckInPage(after=True)
        self.summary_page = SummaryPage()
        for page in (
            self.checkin_page,
            self.safety_page,
            self.session_page,
            self.advice_page,
            self.checkout_page,
            self.summary_page,
        ):
            self.stack.addWidget(page)

        self.checkin_page.set_legs(self.settings.legs)
        self.checkin_page.legsChanged.connect(self._legs_changed)
        self.checkin_page.settingsRequested.connect(self.open_settings)
        self.checkin_page.submitted.connect(self._checked_in)
        self.safety_page.back.connect(self.go_home)
        self.safety_page.passed.connect(self.start_session)
        self.session_page.pauseRequested.connect(self.toggle_pause)
        self.session_page.countRequested.connect(self.count_rep)
        self.session_page.skipRequested.connect(self.skip)
        self.session_page.stopRequested.connect(self.stop)
        self.session_page.hurtsRequested.connect(self.stop_it_hurts)
        self.advice_page.checkOutRequested.connect(self._to_checkout)
        self.advice_page.summaryRequested.connect(lambda: self._checked_out(None))
        self.checkout_page.submitted.connect(self._checked_out)
        self.summary_page.doneRequested.connect(self.go_home)

        self._shortcuts: list[QShortcut] = []
        for key, slot in (
            (Qt.Key.Key_Space, self._space),
            (Qt.Key.Key_P, self.toggle_pause),
            (Qt.Key.Key_Right, self.skip),
            (Qt.Key.Key_Escape, self.stop),
            (Qt.Key.Key_H, self.stop_it_hurts),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            shortcut.setEnabled(False)
            self._shortcuts.append(shortcut)
        self.stack.currentChanged.connect(self._page_changed)
        self.go_home()
        if self.settings_store.problem:
            self.statusBar().showMessage(self.settings_store.problem)

    # ----- start-up -------------------------------------------------------------------------
    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if self._player_factory is not None:
            factory, self._player_factory = self._player_factory, None
            QTimer.singleShot(0, lambda: self._install_player(factory))

    def _install_player(self, factory: PlayerFactory) -> None:
        try:
            player = factory()
        except Exception as exc:  # no audio must never stop a session
            self.player = SilentPlayer()
            self.session_page.set_notice(self.tr("Sound is unavailable: {error}").format(error=exc))
            return
        self.player = player
        # The notice follows the device and the voice as they come and go mid-session.
        player.set_notice_listener(self.session_page.set_notice)
        self._apply_sound_settings()
        self.session_page.set_notice(player.notice)

    def _apply_sound_settings(self) -> None:
        self.player.set_enabled(self.settings.sound)
        self.player.set_voice(self.settings.voice, self.settings.language)
        self.player.set_volume(self.settings.volume)

    # ----- flow -----------------------------------------------------------------------------
    def _page_changed(self) -> None:
        on_session = self.stack.currentWidget() is self.session_page
        for shortcut in self._shortcuts:
            shortcut.setEnabled(on_session)

    def go_home(self) -> None:
        self.before = self.after = None
        self.checkin_page.reset()
        self.stack.setCurrentWidget(self.checkin_page)
        self.checkin_page.focus_first()

    def _legs_changed(self, choice: LegChoice) -> None:
        self._save_settings(Settings.from_dict({**self.settings.to_dict(), "legs": choice.value}))

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() and dialog.result_settings is not None:
            self._save_settings(dialog.result_settings)
            self.checkin_page.set_legs(self.settings.legs)

    def _save_settings(self, settings: Settings) -> None:
        self.settings = settings
        try:
            self.settings_store.save(settings)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Settings not saved"),
                self.tr("Could not save the settings: {error}").format(error=exc),
            )
        self._apply_sound_settings()

    def _checked_in(self, check_in: CheckIn | None) -> None:
        self.before = check_in
        self.safety_page.reset()
        self.stack.setCurrentWidget(self.safety_page)

    def start_session(self) -> None:
        plan = build_plan(self.settings)
        controller = SessionController(plan, self.clock, self)
        self.controller = controller
        self.player.set_plan(plan)
        controller.cues.connect(self._on_cues)
        controller.changed.connect(self.session_page.show_snapshot)
        controller.finished.connect(self._session_finished)
        self.session_page.start(plan, controller.snapshot)
        self.stack.setCurrentWidget(self.session_page)
        controller.begin()

    def _on_cues(self, events: list[CueEvent]) -> None:
        self.player.play_batch(events)
        self.session_page.on_cues(events)

    @property
    def session(self) -> Session | None:
        return self.controller.session if self.controller else None

    def _space(self) -> None:
        if self.controller is None:
            return
        if self.controller.manual:
            self.count_rep()
        else:
            self.toggle_pause()

    def toggle_pause(self) -> None:
        if self.controller is not None and not self.controller.session.is_over:
            self.controller.toggle_pause()

    def count_rep(self) -> None:
        if self.controller is not None:
            self.controller.count_rep()

    def skip(self) -> None:
        if self.controller is not None and not self.controller.session.is_over:
            self.controller.skip()

    def stop(self) -> None:
        if self.controller is not None and not self.controller.session.is_over:
            self.controller.stop(EndReason.USER)

    def stop_it_hurts(self) -> None:
        if self.controller is not None and not self.controller.session.is_over:
            self.controller.stop(EndReason.PAIN)

    def _session_finished(self, session: Session) -> None:
        if session.end_reason is EndReason.PAIN:
            self.advice_page.show_session(session)
            self.stack.setCurrentWidget(self.advice_page)
        else:
            self._to_checkout()

    def _to_checkout(self) -> None:
        legs = self.settings.legs
        self.checkout_page.set_legs(legs)
        self.checkout_page.reset()
        self.stack.setCurrentWidget(self.checkout_page)

    def _checked_out(self, check_in: CheckIn | None) -> None:
        self.after = check_in
        if self.session is not None:
            self.summary_page.show_session(self.session, self.before, self.after)
        self.stack.setCurrentWidget(self.summary_page)

    # ----- closing --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        session = self.session
        if session is not None and session.started_at is not None and not session.is_over:
            answer = QMessageBox.question(
                self,
                self.tr("Stop the session?"),
                self.tr("A session is in progress. Stop it and quit? The sets done are kept."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.controller.stop(EndReason.USER)  # type: ignore[union-attr]
        self.player.set_notice_listener(None)
        self.player.close()
        super().closeEvent(event)
