"""Save screenshots of the tray menu, a reminder and the settings dialog.

Run under a real X server (e.g. `xvfb-run -s "-screen 0 1280x860x24" .venv/bin/python
scripts/habit_screenshots.py`). Xvfb has no tray host, so the reminder is shown as the
in-window banner (the same text the tray message carries).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEventLoop, QPoint, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from knee_coach import APP_ID, APP_NAME
from knee_coach.audio.player import SilentPlayer
from knee_coach.core.clock import FakeClock
from knee_coach.core.reminders import DueReminder
from knee_coach.core.settings import Settings
from knee_coach.storage.autostart import Autostart
from knee_coach.ui.desktop import Desktop
from knee_coach.ui.main_window import MainWindow
from knee_coach.ui.settings_dialog import SettingsDialog

OUT = Path(__file__).resolve().parent.parent / "assets" / "screenshots"


def settle(app: QApplication, ms: int = 300) -> None:
    # a local loop: QApplication.quit() would also close (here: ask about) the window
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget: QWidget, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    data = Path(tempfile.mkdtemp(prefix="knee-coach-shots-"))
    window = MainWindow(data, clock=FakeClock(), player_factory=SilentPlayer)
    desktop = Desktop(
        window,
        use_tray=True,
        autostart=Autostart(data / "autostart.desktop"),
        autostart_supported=True,
    )
    desktop.start(minimized=False)
    settle(app)

    # The tray menu, as it pops up from the icon.
    assert desktop.tray is not None
    menu = desktop.tray.menu
    menu.popup(QPoint(400, 300))
    settle(app)
    save(menu, "tray-menu.png")
    menu.hide()

    # A reminder: the in-window banner (Xvfb has no tray host to show the tray message).
    zone = ZoneInfo("Europe/London")
    due = DueReminder(
        slot=Settings().reminder("bed"),
        scheduled=dt.datetime(2026, 6, 1, 22, 0, tzinfo=zone),
        missed=1,
        after_sleep=False,
    )
    desktop.remind(due)
    settle(app)
    save(window, "reminder-banner.png")

    # The settings dialog, one picture per tab.
    dialog = SettingsDialog(window.settings, window, tray_available=True, autostart_supported=True)
    dialog.show()
    for index, name in enumerate(("session", "sound", "reminders", "general")):
        dialog.tabs.setCurrentIndex(index)
        settle(app)
        save(dialog, f"settings-{name}.png")
    # and the message shown for an invalid choice
    dialog.tabs.setCurrentIndex(2)
    dialog.reminder_time["bed"].setTime(dialog.reminder_time["wake"].time())
    dialog.accept()
    settle(app)
    save(dialog, "settings-invalid.png")
    dialog.reject()
    desktop.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
