"""Screenshots of the history window and the summary screen, with a realistic history.

Seeds two months of sessions into a temporary data folder, runs one real session through
the window (fake clock, so it takes no time), and saves:

    assets/screenshots/history.png   the history window, month range, a point hovered
    assets/screenshots/summary.png   the summary after that session

Run under a virtual screen so fonts render as on a desktop:

    xvfb-run -s "-screen 0 1280x860x24" .venv/bin/python scripts/screenshots_history.py
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "screenshots"
JST = timezone(timedelta(hours=9))
NOW = datetime(2026, 6, 14, 20, 40, tzinfo=JST)  # a Sunday evening


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEventLoop, QPointF
    from PySide6.QtWidgets import QApplication

    from benchmarks.demo_history import demo_records
    from knee_coach.audio.player import SilentPlayer
    from knee_coach.core.checkin import CheckIn
    from knee_coach.core.clock import FakeClock
    from knee_coach.core.model import Leg
    from knee_coach.storage.db import Database
    from knee_coach.storage.history import HistoryStore
    from knee_coach.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="knee-coach-shots-") as tmp:
        data = Path(tmp)
        db = Database.open(data)
        records = demo_records(date(2026, 4, 13), NOW.date() - timedelta(days=1), seed=21)
        records += [r for r in demo_records(NOW.date(), NOW.date(), seed=5)][:1]
        HistoryStore(db).add_records(records)
        db.close()

        clock = FakeClock(1000.0)
        start = clock.now()

        def wall() -> datetime:
            return NOW + timedelta(seconds=round(clock.now() - start))

        window = MainWindow(data, clock=clock, player_factory=SilentPlayer, wall_clock=wall)
        window.resize(1040, 720)
        window.show()
        app.processEvents()

        # One evening session, as a user would do it.
        window.checkin_page.submitted.emit(CheckIn({Leg.RIGHT: 3, Leg.LEFT: 4}, 4, "long walk"))
        window.start_session()
        controller = window.controller
        assert controller is not None
        while not controller.session.is_over:
            deadline = controller.session.next_deadline()
            assert deadline is not None
            clock.set(max(clock.now(), deadline))
            controller.poll()
        window.checkout_page.submitted.emit(CheckIn({Leg.RIGHT: 1, Leg.LEFT: 2}, 2, ""))
        app.processEvents()
        window.grab().save(str(OUT / "summary.png"))

        window.open_history()
        # pyqtgraph is imported and the history read on worker threads: wait for the chart.
        while window.history_view is None or window.history_view.loading:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        view = window.history_view
        view.resize(1180, 780)
        app.processEvents()
        # Hover the chart two days ago, morning, to show the values line and cursor.
        x = datetime.combine(NOW.date() - timedelta(days=2), datetime.min.time(), timezone.utc)
        vb = view.pain_plot.getPlotItem().vb
        scene_pos: QPointF = vb.mapViewToScene(QPointF(x.timestamp() + 7.5 * 3600, 3))
        view._hovered(scene_pos)
        app.processEvents()
        view.grab().save(str(OUT / "history.png"))
        view.close()
        window.close()
    for name in ("history.png", "summary.png"):
        print(OUT / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
