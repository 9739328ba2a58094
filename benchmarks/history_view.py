"""How quickly the history window opens and switches ranges with ten years of history.

Seeds ten years of twice-daily sessions (about 7,300, each with its six sets) into a
temporary data folder, then times: importing the view (pyqtgraph, paid once, when the
history is first opened), opening the window until it shows the history (read on a worker
thread, the charts built in steps; the window answers meanwhile: benchmarks/ui_stall.py),
each switch of range (week, month, all) until it is painted again, and a reload. Target:
every step after the import under 150 ms. Runs offscreen unless QT_QPA_PLATFORM says
otherwise.

    .venv/bin/python benchmarks/history_view.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

if not __package__:  # run as a script: the checkout's `benchmarks` package is importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_MS = 150.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="times to repeat each switch")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from benchmarks.demo_history import seed
    from knee_coach.storage.db import Database
    from knee_coach.storage.history import HistoryStore

    app = QApplication([])
    results: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="knee-coach-bench-") as tmp:
        last = date(2026, 10, 31)
        first = last - timedelta(days=3652)
        db = Database.open(Path(tmp))
        store = HistoryStore(db)
        t = time.perf_counter()
        n = seed(store, first, last, per_day=(2,))
        sets = db.conn.execute("SELECT count(*) FROM sets").fetchone()[0]
        print(
            f"seeded {n} sessions ({sets} sets), {first} .. {last},"
            f" in {time.perf_counter() - t:.1f} s"
        )
        now = datetime(2026, 10, 31, 21, 0, tzinfo=timezone(timedelta(hours=9)))

        t = time.perf_counter()
        from knee_coach.ui.history_view import HistoryView, Range

        import_ms = (time.perf_counter() - t) * 1000

        def painted(view: HistoryView) -> None:
            view.repaint()
            app.processEvents()

        def drawn(view: HistoryView) -> None:
            # Read on a worker thread, the charts built and drawn in steps: until it is over.
            while view.loading:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            painted(view)

        t = time.perf_counter()
        view = HistoryView(store, lambda: now)
        view.show()
        drawn(view)
        results.append(("open until drawn (month)", (time.perf_counter() - t) * 1000))

        order = [Range.WEEK, Range.MONTH, Range.ALL]
        timings: dict[Range, list[float]] = {r: [] for r in order}
        for _ in range(args.repeat):
            for rng in order:
                t = time.perf_counter()
                view.set_range(rng)
                painted(view)
                timings[rng].append((time.perf_counter() - t) * 1000)
        for rng in order:
            results.append(
                (
                    f"switch to {rng.value} (median of {args.repeat})",
                    statistics.median(timings[rng]),
                )
            )
            results.append((f"switch to {rng.value} (worst)", max(timings[rng])))
        t = time.perf_counter()
        view.reload()
        drawn(view)
        results.append(("reload after a new session", (time.perf_counter() - t) * 1000))
        view.close()
        db.close()

    print(f"{'import pyqtgraph + view (once)':40s} {import_ms:8.1f} ms")
    worst = 0.0
    for name, ms in results:
        worst = max(worst, ms)
        flag = "ok" if ms < TARGET_MS else "SLOW"
        print(f"{name:40s} {ms:8.1f} ms  {flag}")
    print(f"target: each under {TARGET_MS:.0f} ms -> {'met' if worst < TARGET_MS else 'NOT met'}")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
