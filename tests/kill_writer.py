"""Run by test_kill_random.py in its own process: writes the history as the app does, without
end, and prints one line per write once it is committed (acknowledged):

    S <id> <note>       a session began (its check-in note)
    T <id> <set>        a set was stored
    E <id>              the session ended
    C <id> <note>       its check-out was stored
    I <tag> <n>         a CSV import of n sessions (their notes are <tag>) was committed

The test kills it with SIGKILL at random moments; every acknowledged write must be there."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from knee_coach.core.checkin import CheckIn
from knee_coach.core.model import EndReason, Leg, LegChoice
from knee_coach.core.session import SetResult, SetStatus
from knee_coach.storage.csv_format import BOM, HEADER
from knee_coach.storage.csv_import import import_data
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore

ROW = "{start},{start},completed,both,5,4,3,{tag},2,2,1,,10,10,15,15"


def csv_bytes(tag: str, n: int, first: datetime) -> bytes:
    lines = [BOM + ",".join(HEADER)]
    for i in range(n):
        start = (first + timedelta(minutes=i)).isoformat(timespec="seconds")
        lines.append(ROW.format(start=start, tag=tag))
    return ("\r\n".join(lines) + "\r\n").encode()


def main() -> None:
    folder, run = Path(sys.argv[1]), int(sys.argv[2])
    store = HistoryStore(Database.open(folder))
    zone = timezone(timedelta(hours=9))
    when = datetime(2026, 1, 1, 7, tzinfo=zone) + timedelta(days=run * 1000)
    n = 0
    while True:
        n += 1
        when += timedelta(hours=1)
        if n % 7 == 0:  # a bigger transaction now and then
            tag = f"import-{run}-{n}"
            result = import_data(store, csv_bytes(tag, 300, when))
            print("I", tag, result.added, flush=True)
            when += timedelta(days=1)
            continue
        note = f"before-{run}-{n}"
        sid = store.begin_session(when, LegChoice.BOTH, CheckIn({Leg.RIGHT: 5}, 2, note))
        print("S", sid, note, flush=True)
        for i in range(6):
            result = SetResult(i, "hamstring_glide", "t", "right", 10, 10, SetStatus.COMPLETED)
            store.record_set(sid, result, when + timedelta(minutes=i))
            print("T", sid, i, flush=True)
        store.end_session(sid, EndReason.COMPLETED, when + timedelta(minutes=8))
        print("E", sid, flush=True)
        after = f"after-{run}-{n}"
        store.record_checkout(sid, CheckIn({Leg.RIGHT: 3}, 1, after))
        print("C", sid, after, flush=True)


if __name__ == "__main__":
    main()
