"""The main window: the guided flow from check-in to summary, and the session shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from knee_coach import APP_NAME
from knee_coach.audio.player import CuePlayer, SilentPlayer
from knee_coach.core.checkin import CheckIn
from knee_coach.core.clock import Clock, MonotonicClock
from knee_coach.core.cues import CueEvent
from knee_coach.core.model import EndReason, LegChoice
from knee_coach.core.plan import build_plan
from knee_coach.core.session import Session
from knee_coach.core.settings import CloseAction, Settings
from knee_coach.storage.settings_store import SettingsStore
from knee_coach.ui.advice_page import StopAdvicePage
from knee_coach.ui.checkin_page import CheckInPage
from knee_coach.ui.reminders import ReminderBanner
from knee_coach.ui.resources import app_icon
from knee_coach.ui.safety_page import SafetyPage
from knee_coach.ui.session_controller import SessionController
from knee_coach.ui.session_page import SessionPage
from knee_coach.ui.settings_dialog import SettingsDialog
from knee_coach.ui.style import STYLESHEET
from knee_coach.ui.summary_page import SummaryPage

PlayerFactory = Callable[[], CuePlayer]


def ask_close_action(parent: QWidget) -> tuple[CloseAction | None, bool]:
    """Ask whether closing the window keeps the app in the tray or quits.

    Returns the choice (None: cancel, keep the window) and whether to remember it.
    """
    box = QMessageBox(parent)
    box.setObjectName("closeQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "Close Knee Coach?"))
    box.setText(
        QCoreApplication.translate(
            "MainWindow",
            "Keep Knee Coach running in the tray so your reminders still come, or quit it?",
        )
    )
    keep = box.addButton(
        QCoreApplication.translate("MainWindow", "Keep in tray"), QMessageBox.ButtonRole.AcceptRole
    )
    quit_button = box.addButton(
        QCoreApplication.translate("MainWindow", "Quit"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    remember = QCheckBox(
        QCoreApplication.translate("MainWindow", "Remember my choice (change it in Settings)")
    )
    box.setCheckBox(remember)
    box.exec()
    clicked = box.clickedButton()
    if clicked is keep:
        return CloseAction.TRAY, remember.isChecked()
    if clicked is quit_button:
        return CloseAction.QUIT, remember.isChecked()
    return None, False


class MainWindow(QMainWindow):
    settingsChanged = Signal(object)  # Settings, after the user changed and saved them
    visibilityChanged = Signal(bool)  # shown (True) or hidden (False)

    def __init__(
        self,
        data_dir: Path,
        clock: Clock | None = None,
        player_factory: PlayerFactory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
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
        # Set by the desktop integration when a tray icon is showing: closing may then hide.
        self.tray_available = False
        self.autostart_supported = False
        self._quitting = False
        # Qt 6 closes the visible windows when the app quits (from the session manager too);
        # that close must quit, not hide to the tray, so the Quit event marks it first.
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.ask_close_action: Callable[[QWidget], tuple[CloseAction | None, bool]] = (
            ask_close_action
        )

        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        self.reminder_banner = ReminderBanner()
        self.reminder_banner.startRequested.connect(self.start_from_reminder)
        banner_row = QVBoxLayout()
        banner_row.setContentsMargins(12, 8, 12, 0)
        banner_row.addWidget(self.reminder_banner)
        central_layout.addLayout(banner_row)
        self.stack = QStackedWidget()
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
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
        self.visibilityChanged.emit(True)
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
        self._apply_sound_settings()
        self.session_page.set_notice(player.notice)

    def _apply_sound_settings(self) -> None:
        self.player.set_enabled(self.settings.sound)
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
        dialog = SettingsDialog(
            self.settings,
            self,
            tray_available=self.tray_available,
            autostart_supported=self.autostart_supported,
        )
        if dialog.exec() and dialog.result_settings is not None:
            self._save_settings(dialog.result_settings)
            self.checkin_page.set_legs(self.settings.legs)

    # ----- reminders and the tray -----------------------------------------------------------
    @property
    def session_in_progress(self) -> bool:
        session = self.session
        return session is not None and session.started_at is not None and not session.is_over

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def show_reminder(self, title: str, body: str) -> None:
        """The reminder inside the window (the tray shows its own message too, if it can)."""
        self.reminder_banner.show_reminder(title, body)

    def start_from_reminder(self) -> None:
        """A reminder was clicked: the window, on the check-in page that starts a session."""
        self.reminder_banner.hide()
        self.bring_to_front()
        if not self.session_in_progress and self.stack.currentWidget() is not self.checkin_page:
            self.go_home()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Quit and watched is QApplication.instance():
            self._quitting = True
        return False

    def quit_app(self) -> bool:
        """Really quit (tray menu): asks first only if a session is running."""
        self._quitting = True
        if self.close():
            QApplication.quit()
            return True
        self._quitting = False
        return False

    def hideEvent(self, event: object) -> None:  # type: ignore[override]
        super().hideEvent(event)  # type: ignore[arg-type]
        self.visibilityChanged.emit(False)

    def _save_settings(self, settings: Settings) -> None:
        changed = settings != self.settings
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
        if changed:
            self.settingsChanged.emit(settings)

    def _checked_in(self, check_in: CheckIn | None) -> None:
        self.before = check_in
        self.safety_page.reset()
        self.stack.setCurrentWidget(self.safety_page)

    def start_session(self) -> None:
        plan = build_plan(self.settings)
        controller = SessionController(plan, self.clock, self)
        self.controller = controller
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
        if self.tray_available and not self._quitting:
            action = self.settings.close_action
            if action is CloseAction.ASK:
                choice, remember = self.ask_close_action(self)
                if choice is None:
                    event.ignore()
                    return
                if remember:
                    self._save_settings(replace(self.settings, close_action=choice))
                action = choice
            if action is CloseAction.TRAY:
                # Keep running (a session goes on by ear); the tray brings the window back.
                event.ignore()
                self.hide()
                return
        if self.session_in_progress:
            answer = QMessageBox.question(
                self,
                self.tr("Stop the session?"),
                self.tr("A session is in progress. Stop it and quit? The sets done are kept."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                self._quitting = False
                event.ignore()
                return
            self.controller.stop(EndReason.USER)  # type: ignore[union-attr]
        self.player.close()
        super().closeEvent(event)
        if self.tray_available:  # the tray keeps the app alive after its last window closes
            QApplication.quit()
