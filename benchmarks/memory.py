"""Resident memory of the app with ten years of twice-daily history, History window open.

The history (about 7,300 sessions, each with its six sets) is seeded by a separate process,
so none of the seeding's memory is counted. Then, in this process, the real main window is
built on that data folder (with the real audio player, loaded after the first frame as in
the app), shown, and the History window opened the way the History button opens it
(`MainWindow.open_history`); then the whole history is shown (range "All") and the window
is closed and opened again. Resident memory (VmRSS, and the peak VmHWM, from
/proc/self/status) is read after each step, once the events have settled.
Linux only. Target: under 200 MB with the History window open. Run under a display, e.g.:

    xvfb-run -a -s "-screen 0 1280x860x24" .venv/bin/python benchmarks/memory.py
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from procstat import status_mb  # benchmarks/ is on sys.path when run

if not __package__:  # run as a script: the checkout's `benchmarks` package is importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_MB = 200.0
LAST = date(2026, 10, 31)
FIRST = LAST - timedelta(days=3652)


def seed(folder: str) -> None:
    from benchmarks.demo_history import seed as seed_demo
    from knee_coach.storage.db import Database
    from knee_coach.storage.history import HistoryStore

    db = Database.open(Path(folder))
    n = seed_demo(HistoryStore(db), FIRST, LAST, per_day=(2,))
    db.close()
    print(f"seeded {n} sessions, {FIRST} .. {LAST}")


def settle(app: object, ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()  # type: ignore[attr-defined]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed-only", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--silent", action="store_true", help="no audio player")
    args = parser.parse_args()
    if args.seed_only:
        seed(args.seed_only)
        return 0
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    rows: list[tuple[str, float, float]] = []

    def note(step: str) -> None:
        rows.append((step, status_mb("VmRSS"), status_mb("VmHWM")))

    with tempfile.TemporaryDirectory(prefix="knee-coach-mem-") as data:
        subprocess.run([sys.executable, __file__, "--seed-only", data], check=True)
        note("Python, before Qt")
        from PySide6.QtWidgets import QApplication

        from knee_coach.ui.main_window import MainWindow

        def make_player() -> object:  # as app.py does: QtMultimedia, after the first frame
            from knee_coach.audio.qt_player import QtCuePlayer

            return QtCuePlayer(Path(data) / "cache" / "cues")

        app = QApplication(sys.argv[:1])
        now = datetime(2026, 10, 31, 21, 0, tzinfo=timezone(timedelta(hours=9)))
        window = MainWindow(
            Path(data),
            player_factory=None if args.silent else make_player,  # type: ignore[arg-type]
            wall_clock=lambda: now,
        )
        window.show()
        settle(app, 1500)  # first frame, then the audio player is loaded
        note("main window, idle on the check-in page")
        window.open_history()  # what the History button does
        settle(app, 500)
        view = window.history_view
        while view is None or view.loading:  # imported and read on worker threads
            settle(app, 100)
            view = window.history_view
        note("History window open (month)")
        assert view.isVisible()
        from knee_coach.ui.history_view import Range

        view.set_range(Range.ALL)
        settle(app, 500)
        note("History showing all ten years")
        view.close()
        window.open_history()
        settle(app, 500)
        note("History closed and opened again")
        window.close()
        app.processEvents()
        if window.db is not None:
            window.db.close()

    print(f"platform: {os.environ['QT_QPA_PLATFORM']}, audio: {'off' if args.silent else 'on'}")
    print(f"{'step':42s} {'resident':>9s} {'peak':>9s}")
    for step, rss, peak in rows:
        print(f"{step:42s} {rss:6.0f} MB {peak:6.0f} MB")
    worst = max(rss for step, rss, _ in rows if "History" in step)
    verdict = "met" if worst < TARGET_MB else "NOT met"
    print(f"target: under {TARGET_MB:.0f} MB with the History open -> {verdict} ({worst:.0f} MB)")
    return 0 if worst < TARGET_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())
