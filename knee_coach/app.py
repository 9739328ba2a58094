"""Start the Qt application: the window first, heavy parts (audio) once it is on screen."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from knee_coach import APP_ID, APP_NAME, __version__


def _make_player(data_dir: Path) -> object:
    # QtMultimedia costs start-up time; it is imported only here, after the first frame.
    from knee_coach.audio.qt_player import QtCuePlayer

    return QtCuePlayer(data_dir / "cache" / "cues")


def run_gui(data_dir: Path, self_test: bool = False, language: str | None = None) -> int:
    """`language` ("ja", "en", "system") overrides the saved setting for this run."""
    if self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from knee_coach.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    window = MainWindow(
        data_dir,
        player_factory=None if self_test else lambda: _make_player(data_dir),  # type: ignore[arg-type,return-value]
        language=language,
    )
    window.show()
    if self_test:
        ok = window.isVisible() and window.stack.currentWidget() is window.checkin_page
        QTimer.singleShot(0, app.quit)
        app.exec()
        print("self-test: ok" if ok else "self-test: FAILED")
        return 0 if ok else 1
    return app.exec()
