"""What synchronous = FULL costs the history: the writes of whole sessions, timed with FULL
(what the app uses: every commit synced) and with NORMAL (synced only at checkpoints).

A session writes a handful of short transactions: its start, each finished set (six with
both legs), its end and the check-out. Runs N sessions each way in a data folder on the
disk given (default: a temporary folder), alternating, and prints the median time per
session and per transaction.

    .venv/bin/python benchmarks/sync_cost.py [--sessions N] [--dir DIR]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from knee_coach.core.checkin import CheckIn
from knee_coach.core.model import EndReason, Leg, LegChoice
from knee_coach.core.session import SetResult, SetStatus
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore

SETS = 6
WRITES = SETS + 3  # start, sets, end, check-out


def one_session(store: HistoryStore, when: datetime) -> float:
    t = time.perf_counter()
    sid = store.begin_session(when, LegChoice.BOTH, CheckIn({Leg.RIGHT: 5, Leg.LEFT: 4}, 3))
    for i in range(SETS):
        result = SetResult(i, "hamstring_glide", "t", "right", 10, 10, SetStatus.COMPLETED)
        store.record_set(sid, result, when + timedelta(minutes=i))
    store.end_session(sid, EndReason.COMPLETED, when + timedelta(minutes=8))
    store.record_checkout(sid, CheckIn({Leg.RIGHT: 3, Leg.LEFT: 3}, 2))
    return time.perf_counter() - t


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=60)
    parser.add_argument("--dir", type=Path, default=None, help="folder on the disk to test")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="knee-coach-sync-", dir=args.dir) as tmp_name:
        stores = {}
        for mode in ("FULL", "NORMAL"):
            db = Database.open(Path(tmp_name) / mode)
            db.conn.execute(f"PRAGMA synchronous = {mode}")
            stores[mode] = HistoryStore(db)
        times: dict[str, list[float]] = {"FULL": [], "NORMAL": []}
        start = datetime(2026, 1, 1, 7, tzinfo=timezone(timedelta(hours=9)))
        for n in range(args.sessions):
            for mode in ("FULL", "NORMAL") if n % 2 else ("NORMAL", "FULL"):
                times[mode].append(one_session(stores[mode], start + timedelta(hours=n)))
        for store in stores.values():
            store.db.close()
    print(f"{args.sessions} sessions each, {WRITES} transactions per session")
    for mode, runs in times.items():
        per = statistics.median(runs)
        print(
            f"synchronous={mode:6s} median {per * 1000:7.2f} ms per session,"
            f" {per * 1000 / WRITES:6.2f} ms per transaction"
        )
    ratio = statistics.median(times["FULL"]) / statistics.median(times["NORMAL"])
    print(f"FULL / NORMAL: {ratio:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
