"""Start-up: the first frame loads only what it shows; the rest follows right after it.

Run in a fresh interpreter, since what a module import costs shows only the first time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Heavy parts no first frame needs: each is loaded after it, or when first used.
LATER = (
    "sqlite3",
    "pyqtgraph",
    "PySide6.QtMultimedia",
    "PySide6.QtNetwork",
    "PySide6.QtSvg",
    "knee_coach.storage.db",
    "knee_coach.storage.csv_export",
    "knee_coach.storage.csv_import",
    "knee_coach.core.trends",
    "knee_coach.ui.settings_dialog",
    "knee_coach.ui.session_page",
    "json",  # a first start: there is no settings file to read yet
)

DRIVER = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from knee_coach.ui.main_window import MainWindow
later = sys.argv[2].split(",")

class Probe(MainWindow):
    def paintEvent(self, event):
        if not at_first_frame:  # what is loaded when the first frame is drawn
            at_first_frame.append([m for m in later if m in sys.modules])
        super().paintEvent(event)

at_first_frame = []
w = Probe(Path(sys.argv[1]))
painted = []
w.firstFramePainted.connect(lambda: painted.append(True))
w.show()
while not painted:
    app.processEvents()
print("loaded", ",".join(at_first_frame[0]))
icon = not w.windowIcon().isNull()
print("after", w.history is not None, w.menus.history.shortcut().toString(), icon)
"""


def test_first_frame_waits_for_nothing_it_does_not_show(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(tmp_path / "data"), ",".join(LATER)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    assert lines["loaded"] == ""
    # Right after it: the history is open, the menus have their shortcuts, the window its icon.
    assert lines["after"] == "True Ctrl+H True"
    assert (tmp_path / "data" / "history.sqlite3").is_file()


def test_the_real_entry_point_shows_the_window_then_finishes_starting(tmp_path: Path) -> None:
    # The benchmark's hook: "first-frame" once painted, "ready" once the history, tray and
    # reminders are set up after it, then the app quits.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KNEE_COACH_BENCH_FIRST_FRAME": "1"}
    for extra in ([], ["--minimized"]):  # no tray offscreen: minimised still shows the window
        data = tmp_path / f"data{len(extra)}"
        done = subprocess.run(
            [sys.executable, "-m", "knee_coach", "--data-dir", str(data), *extra],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["first-frame", "ready"]
        assert (data / "history.sqlite3").is_file()
