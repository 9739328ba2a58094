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


def run_gui(data_dir: Path, self_test: bool = False, minimized: bool = False) -> int:
    if self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)

    from knee_coach.ui.main_window import MainWindow

    if self_test:
        window = MainWindow(data_dir, player_factory=None)
        window.show()
        ok = window.isVisible() and window.stack.currentWidget() is window.checkin_page
        QTimer.singleShot(0, app.quit)
        app.exec()
        print("self-test: ok" if ok else "self-test: FAILED")
        return 0 if ok else 1

    from knee_coach.ui.single_instance import SingleInstance

    instance = SingleInstance(data_dir)
    if not instance.acquire():
        if not instance.held_elsewhere():
            message = QApplication.translate(
                "app", "{app} cannot lock its data folder {folder}: {error}"
            ).format(app=APP_NAME, folder=data_dir, error=instance.lock.error().name)
            print(message, file=sys.stderr)
            QMessageBox.critical(None, APP_NAME, message)
            return 2
        # One app per data folder, so the history never has two writers.
        if SingleInstance.activate_running(data_dir):
            print(f"{APP_NAME} is already running; its window was brought to the front.")
            return 0
        message = QApplication.translate(
            "app",
            "{app} is already running with the data folder {folder}, but it does not answer. "
            "Close it (or end it in the task manager) and try again.",
        ).format(app=APP_NAME, folder=data_dir)
        print(message, file=sys.stderr)
        QMessageBox.warning(None, APP_NAME, message)
        return 3

    from knee_coach.ui.desktop import Desktop

    window = MainWindow(
        data_dir,
        player_factory=lambda: _make_player(data_dir),  # type: ignore[arg-type,return-value]
    )
    desktop = Desktop(window)
    instance.activated.connect(desktop.activate)
    # With a tray icon the app lives on after its window closes; without one, closing quits.
    app.setQuitOnLastWindowClosed(desktop.tray is None)
    desktop.start(minimized=minimized or window.settings.start_minimized)
    try:
        return app.exec()
    finally:
        desktop.shutdown()
        instance.release()
