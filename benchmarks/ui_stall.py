"""UI stalls: the longest time the window's thread stops answering, scenario by scenario.

Each run starts a fresh process that opens the main window (with the app's real cue player)
on a fresh data folder and fires a 10 ms precise timer on the window's thread: a tick that
comes late means the thread was busy; the longest lateness is the longest freeze. Scenarios:

- start-up: the window appears, then the player (QtMultimedia, the voice) and the history load;
- language switch: to Japanese, which also asks the player for a Japanese voice;
- open History (ten years): the first opening, with ten years of twice-daily sessions, until
  the charts show them;
- save chart as PNG: the History's chart written to a file;
- CSV export / CSV import (100,000 sessions): from the File menu, as the user does it.

Prints one line per scenario, the worst of its runs (target: 50 ms):

    longest stall: Z ms (scenario name)

Run under a display, e.g.:

    xvfb-run -a .venv/bin/python benchmarks/ui_stall.py [runs]
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knee_coach.ui.main_window import MainWindow

if not __package__:  # run as a script: the checkout's `benchmarks` package is importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TICK_S = 0.010
SETTLE_S = 3.0  # the start-up (player, voice look-up, history) is over well before this
TARGET_MS = 50.0
# Said on every start (FFmpeg's version, no PipeWire here): not news.
QUIET = ("qt.multimedia.symbolsresolver", "qt.multimedia.ffmpeg", "This plugin does not")
SCENARIOS = (
    "start-up",
    "language switch",
    "open History (ten years)",
    "save chart as PNG",
    "CSV export (100,000 sessions)",
    "CSV import (100,000 sessions)",
)


def longest_stall(ticks: list[float], since: float, until: float) -> float:
    """The longest lateness (ms) of the ticks that fired from `since` to before `until`."""
    late = [b - a - TICK_S for a, b in itertools.pairwise(ticks) if since <= b < until]
    return max(late, default=0.0) * 1000


def history_drawn(window: MainWindow) -> bool:
    """The History window shows what it read (pyqtgraph and the history load off-thread)."""
    view = window.history_view
    return view is not None and not view.loading


def seed_years(data: Path, years: int = 10, per_day: int = 2) -> int:
    from benchmarks.demo_history import seed
    from knee_coach.storage.db import Database
    from knee_coach.storage.history import HistoryStore

    db = Database.open(data)
    last = date.today() - timedelta(days=1)
    n = seed(HistoryStore(db), last - timedelta(days=365 * years), last, per_day=(per_day,))
    db.close()
    return n


def one_run(scenario: str, seeded: Path | None) -> float:
    """In the child process: the window, the scenario, its longest stall in ms."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from knee_coach.app import make_player, prepare_player
    from knee_coach.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        if seeded is not None:
            subprocess.run(["cp", "-a", str(seeded), str(data)], check=True)
        window = MainWindow(
            data, player_factory=lambda: make_player(data), prepare_player=prepare_player
        )
        ticks: list[float] = []
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(round(TICK_S * 1000))
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))

        def wait(seconds: float, until: Callable[[], bool] = lambda: False) -> None:
            end = time.perf_counter() + seconds
            while time.perf_counter() < end and not until():
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

        # Dialogs answer at once, as a user who clicked straight through would.
        out = Path(tmp) / "export.csv"
        png = Path(tmp) / "chart.png"
        QFileDialog.getSaveFileName = staticmethod(  # type: ignore[method-assign]
            lambda *a, **k: (str(png if "png" in str(a[1:3]).lower() else out), "")
        )
        QFileDialog.getOpenFileName = staticmethod(  # type: ignore[method-assign]
            lambda *a, **k: (str(Path(tmp) / "import.csv"), "")
        )
        QMessageBox.information = staticmethod(lambda *a, **k: None)  # type: ignore[method-assign]
        QMessageBox.warning = staticmethod(lambda *a, **k: None)  # type: ignore[method-assign]

        start = time.perf_counter()
        window.show()
        timer.start()
        if scenario == "start-up":
            wait(SETTLE_S)
            return longest_stall(ticks, start, float("inf"))
        wait(SETTLE_S)
        if scenario == "CSV import (100,000 sessions)":
            # A file exported from the seeded history, into an empty one.
            assert window.history is not None
            from knee_coach.storage.csv_export import export_csv

            export_csv(window.history, Path(tmp) / "import.csv")
            window.close()
            window.deleteLater()
            empty = Path(tmp) / "empty"
            window = MainWindow(empty)
            window.show()
            wait(1.0)
        began = time.perf_counter()
        if scenario == "language switch":
            window.set_language("ja")
            wait(SETTLE_S)
        elif scenario == "open History (ten years)":
            window.open_history()
            wait(SETTLE_S, lambda: history_drawn(window))
            wait(0.5)
        elif scenario == "save chart as PNG":
            window.open_history()
            wait(SETTLE_S, lambda: history_drawn(window))
            wait(1.0)
            began = time.perf_counter()
            assert window.history_view is not None
            window.history_view.png_button.click()
            wait(1.0)
        elif scenario == "CSV export (100,000 sessions)":
            window.menus.export_csv.trigger()
            wait(30.0, lambda: out.exists() and not window.csv.busy)
            wait(0.3)
        elif scenario == "CSV import (100,000 sessions)":
            window.menus.import_csv.trigger()
            wait(60.0, lambda: not window.csv.busy)
            wait(0.3)
        stall = longest_stall(ticks, began, float("inf"))
        timer.stop()
        window.close()
    return stall


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        seeded = Path(sys.argv[3]) if len(sys.argv) > 3 else None
        print(json.dumps(one_run(sys.argv[2], seeded)), flush=True)
        return
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    only = sys.argv[2:] or SCENARIOS
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    with tempfile.TemporaryDirectory(prefix="knee-coach-stall-") as tmp:
        ten_years = Path(tmp) / "ten-years"
        big = Path(tmp) / "hundred-thousand"
        needs = {
            "open History (ten years)": ten_years,
            "save chart as PNG": ten_years,
            "CSV export (100,000 sessions)": big,
            "CSV import (100,000 sessions)": big,
        }
        if ten_years in (needs.get(s) for s in only):
            seed_years(ten_years)
        if big in (needs.get(s) for s in only):
            seed_years(big, years=69, per_day=4)  # ~100,000 sessions
        worst_all = 0.0
        for scenario in only:
            stalls = []
            for _ in range(runs):
                args = [sys.executable, __file__, "--child", scenario]
                if scenario in needs:
                    args.append(str(needs[scenario]))
                proc = subprocess.run(args, env=env, capture_output=True, text=True)
                if proc.returncode != 0:
                    said = "\n".join(
                        line for line in proc.stderr.splitlines() if not line.startswith(QUIET)
                    )
                    raise SystemExit(f"{scenario}: failed (exit {proc.returncode}):\n{said}")
                stalls.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            worst = max(stalls)
            worst_all = max(worst_all, worst)
            runs_text = ", ".join(f"{s:.0f}" for s in stalls)
            print(f"longest stall: {worst:.0f} ms ({scenario})   runs: {runs_text}", flush=True)
        verdict = "met" if worst_all <= TARGET_MS else "NOT met"
        print(f"target: every scenario at most {TARGET_MS:.0f} ms -> {verdict}")


if __name__ == "__main__":
    main()
