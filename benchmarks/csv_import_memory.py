"""Peak resident memory of importing a very large CSV history through the real command line.

Writes a file of 450,000 sessions (about 48 MB, two check-ins with notes and four reps
columns each, as the export writes them), then runs
`python -m knee_coach --data-dir D import --csv F` into an empty data folder and prints the
child's peak resident set size (ru_maxrss from wait4) and its wall time. Target: under
300 MB. A second run imports the same file again (every row a duplicate, skipped).

    .venv/bin/python benchmarks/csv_import_memory.py [--sessions N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

TARGET_MB = 300
ROW = "{start},{end},completed,both,{a},{b},3,{note},2,{c},1,after {i},10,10,15,15\r\n"


def write_file(path: Path, sessions: int) -> None:
    from knee_coach.storage.csv_format import BOM, HEADER

    first = date(2000, 1, 1)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(BOM + ",".join(HEADER) + "\r\n")
        for i in range(sessions):
            day, slot = divmod(i, 48)
            d = (first + timedelta(days=day)).isoformat()
            hour, half = divmod(slot, 2)
            start = f"{d}T{hour:02d}:{half * 30:02d}:00+09:00"
            end = f"{d}T{hour:02d}:{half * 30 + 12:02d}:41+09:00"
            note = '"stairs at work, slept badly"' if i % 3 == 0 else "long walk"
            fh.write(
                ROW.format(start=start, end=end, a=i % 11, b=(i * 7) % 11, c=i % 5, note=note, i=i)
            )


def run(*args: str) -> tuple[float, float]:
    """(peak resident MB, wall seconds) of one command-line run."""
    cmd = [sys.executable, "-m", "knee_coach", *args]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    out, err = proc.stdout.read(), proc.stderr.read()  # type: ignore[union-attr]
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {err.decode().strip()}")
    print("   ", out.decode().strip())
    return usage.ru_maxrss / 1024, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=450_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="knee-coach-import-mem-") as tmp_name:
        tmp = Path(tmp_name)
        csv_file = tmp / "history.csv"
        write_file(csv_file, args.sessions)
        size = csv_file.stat().st_size / 1e6
        print(f"file: {args.sessions} sessions, {size:.1f} MB")
        data = tmp / "data"
        worst = 0.0
        for label in ("import into an empty history", "import again (all skipped)"):
            peak, wall = run("--data-dir", str(data), "import", "--csv", str(csv_file))
            worst = max(worst, peak)
            print(f"{label:32s} peak RSS {peak:6.1f} MB   wall {wall:5.1f} s")
    ok = worst < TARGET_MB
    print(f"target: peak under {TARGET_MB} MB: {'met' if ok else 'NOT met'} ({worst:.1f} MB)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
