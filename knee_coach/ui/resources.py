"""Where bundled assets live (works from a checkout, a wheel and a PyInstaller bundle)."""

from __future__ import annotations

import pathlib
from typing import TYPE_CHECKING

import knee_coach

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon


def asset_path(name: str) -> pathlib.Path:
    """Path of a file shipped in ``knee_coach/assets``."""
    return pathlib.Path(knee_coach.__file__).parent / "assets" / name


def app_icon() -> QIcon:
    """The app's icon (window, tray); needs a QGuiApplication."""
    from PySide6.QtGui import QIcon  # here: set after the first frame, which need not wait

    return QIcon(str(asset_path("knee-coach.svg")))
