"""Enter on a page presses its main button, as in a dialog (pages are not dialogs)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QPushButton, QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def enter_pressed(page: QWidget, event: QKeyEvent, main: QAbstractButton) -> bool:
    """Handle Return/Enter for `page`: a focused button is pressed, else `main` when it is
    enabled and shown. Returns whether the key was used."""
    if event.key() not in ENTER_KEYS:
        return False
    if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return False
    focused = page.focusWidget()
    # A focused push button is what Enter means (not a check box: Enter does not tick it).
    if isinstance(focused, QPushButton) and focused.isEnabled() and focused.isVisible():
        focused.click()
        return True
    if main.isEnabled() and main.isVisible():
        main.click()
        return True
    return False
