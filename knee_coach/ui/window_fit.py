"""Window sizes that fit the screen, also at a large text scale (QT_SCALE_FACTOR=2 makes a
1366×768 screen 683×384 pixels of layout)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_to_screen(window: QWidget, preferred: QSize, minimum: QSize) -> None:
    """Size `window` as `preferred` and never smaller than `minimum`, both cut to the room
    the screen has: a window larger than its screen hides its own edges."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() if screen is not None else preferred
    window.setMinimumSize(minimum.boundedTo(room))
    window.resize(preferred.boundedTo(room))
