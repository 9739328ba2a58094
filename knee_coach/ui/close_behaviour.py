"""What closing the window does: hide to the tray (reminders go on), ask, or quit."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox, QWidget

from knee_coach.core.settings import CloseAction


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
        QCoreApplication.translate("MainWindow", "Keep in tray"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    quit_button = box.addButton(
        QCoreApplication.translate("MainWindow", "Quit"),
        QMessageBox.ButtonRole.DestructiveRole,
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


class Closing(Enum):
    HIDE = "hide"  # keep running in the tray
    CANCEL = "cancel"  # keep the window open
    QUIT = "quit"


class CloseBehaviour(QObject):
    """Decides what a close of the window means, given the tray and the user's choice."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._tray_available = False
        self.quitting = False  # a real quit (tray menu, session end): never hide
        self.ask: Callable[[QWidget], tuple[CloseAction | None, bool]] = ask_close_action

    @property
    def tray_available(self) -> bool:
        return self._tray_available

    @tray_available.setter
    def tray_available(self, available: bool) -> None:
        # Qt 6 closes the visible windows when the app quits (from the session manager too);
        # that close must quit, not hide to the tray, so the Quit event marks it first. The
        # app-wide filter sees every event, so it is only installed while it matters.
        app = QApplication.instance()
        if app is not None and available != self._tray_available:
            if available:
                app.installEventFilter(self)
            else:
                app.removeEventFilter(self)
        self._tray_available = available

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Quit and watched is QApplication.instance():
            self.quitting = True
        return False

    def decide(self, action: CloseAction) -> tuple[Closing, CloseAction | None]:
        """What to do with a close, and the choice to remember (None: nothing to remember)."""
        if not self._tray_available or self.quitting:
            return Closing.QUIT, None
        remembered = None
        if action is CloseAction.ASK:
            choice, remember = self.ask(self._window)
            if choice is None:
                return Closing.CANCEL, None
            if remember:
                remembered = choice
            action = choice
        if action is CloseAction.TRAY:
            return Closing.HIDE, remembered
        return Closing.QUIT, remembered
