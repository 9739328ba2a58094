"""Start the Qt application: the window first, heavy parts (audio) once it is on screen."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from knee_coach import APP_ID, APP_NAME, DESKTOP_ID, __version__

if TYPE_CHECKING:
    from knee_coach.audio.player import CuePlayer
    from knee_coach.ui.desktop import Desktop
    from knee_coach.ui.main_window import MainWindow


def prepare_player() -> None:
    """The slow, thread-safe part of making the player, done on a worker thread: importing
    QtMultimedia and the player's modules, and rendering the cues' samples."""
    from knee_coach.audio.cue_sounds import rendered_sounds
    from knee_coach.audio.qt_player import QtCuePlayer  # noqa: F401 - imported for its cost

    rendered_sounds()


def make_player(data_dir: Path) -> CuePlayer:
    """The real player, made on the window's thread once `prepare_player` has run."""
    from knee_coach.audio.qt_player import QtCuePlayer

    return QtCuePlayer(data_dir / "cache" / "cues")


# Set by benchmarks/startup.py: print "first-frame" once the window is shown, "ready" once
# the rest of the start-up (history, tray, reminders) is done, then quit ("exit": stop at once
# after the first frame).
BENCH_ENV = "KNEE_COACH_BENCH_FIRST_FRAME"


def _report_start_up(window: MainWindow) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def first_frame() -> None:
        window.repaint()
        print("first-frame", flush=True)
        if os.environ.get(BENCH_ENV) == "exit":
            # Counting instructions up to the first frame (startup.py --instructions): stop
            # here, before anything that follows it runs.
            os._exit(0)

    def ready() -> None:
        print("ready", flush=True)
        QApplication.quit()

    QTimer.singleShot(0, first_frame)
    # Queued: runs after every other slot of the signal.
    window.firstFramePainted.connect(lambda: QTimer.singleShot(0, ready))


def _why_not_writable(data_dir: Path, instance: object) -> str:
    """Why no lock file could be made, in the storage's words (a full disk, permissions);
    Qt's lock only says "UnknownError"."""
    from PySide6.QtCore import QCoreApplication

    from knee_coach.storage.errors import problem
    from knee_coach.storage.paths import probe_writable

    try:
        probe_writable(data_dir)
    except OSError as exc:
        return problem(exc, data_dir).message(QCoreApplication.translate)
    return str(instance.lock.error().name)  # type: ignore[attr-defined]


def run_gui(
    data_dir: Path,
    self_test: bool = False,
    language: str | None = None,
    minimized: bool = False,
) -> int:
    """`language` ("ja", "en", "system") overrides the saved setting for this run;
    `minimized` starts hidden in the tray (start at login)."""
    if self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from knee_coach.ui.main_window import MainWindow
    from knee_coach.ui.resources import asset_path

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)  # matches packaging/linux/<DESKTOP_ID>.desktop
    from knee_coach.ui import scroll_accessibility

    scroll_accessibility.install()  # before any window: a screen reader may ask at once

    def set_app_icon() -> None:
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(asset_path("app_icon.svg"))))

    if self_test:
        from knee_coach.self_test import Check, history_check, run_checks

        history = history_check(data_dir)  # before the window could open (and repair) it
        set_app_icon()
        window = MainWindow(data_dir, player_factory=None, language=language)
        window.show()
        shown = window.isVisible() and window.stack.currentWidget() is window.checkin_page
        QTimer.singleShot(0, app.quit)
        app.exec()
        checks = [Check("main window", shown, f"{app.platformName()}, check-in page shown")]
        checks += [history, *run_checks()]
        for check in checks:
            print(check.line())
        ok = all(check.ok for check in checks)
        print("self-test: ok" if ok else "self-test: FAILED")
        window.close()
        return 0 if ok else 1

    from knee_coach.ui.single_instance import SingleInstance

    instance = SingleInstance(data_dir)
    if not instance.acquire(listen=False):
        from PySide6.QtWidgets import QMessageBox

        if not instance.held_elsewhere():
            message = QCoreApplication.translate(
                "app", "{app} cannot lock its data folder {folder}: {error}"
            ).format(app=APP_NAME, folder=data_dir, error=_why_not_writable(data_dir, instance))
            print(message, file=sys.stderr)
            QMessageBox.critical(None, APP_NAME, message)
            return 2
        # One app per data folder, so the history never has two writers.
        if SingleInstance.activate_running(data_dir):
            print(f"{APP_NAME} is already running; its window was brought to the front.")
            return 0
    if not instance.lock.isLocked() and not instance.take_over_stale():
        from PySide6.QtWidgets import QMessageBox

        message = QCoreApplication.translate(
            "app",
            "{app} is already running with the data folder {folder}, but it does not answer. "
            "Close it (or end it in the task manager) and try again.",
        ).format(app=APP_NAME, folder=data_dir)
        print(message, file=sys.stderr)
        QMessageBox.warning(None, APP_NAME, message)
        return 3

    window = MainWindow(
        data_dir,
        player_factory=lambda: make_player(data_dir),
        prepare_player=prepare_player,
        language=language,
    )
    desktops: list[Desktop] = []

    def attach_desktop() -> Desktop:
        """The icon, tray, reminders, start at login, and the socket later starts knock on."""
        from knee_coach.ui.desktop import Desktop

        set_app_icon()
        desktop = Desktop(window)
        desktops.append(desktop)
        instance.activated.connect(desktop.activate)
        instance.listen()
        # With a tray icon the app lives on after its window closes; without one, closing quits.
        app.setQuitOnLastWindowClosed(desktop.tray is None)
        return desktop

    if minimized or window.settings.start_minimized:
        attach_desktop().start(minimized=True)  # only the tray icon, if there is a tray
    else:
        # None of it is seen in the window: it waits until the window is on screen.
        window.firstFramePainted.connect(attach_desktop)
        window.show()
    if os.environ.get(BENCH_ENV):
        _report_start_up(window)
    try:
        return app.exec()
    finally:
        for desktop in desktops:
            desktop.shutdown()
        instance.release()
