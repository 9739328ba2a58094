"""CSV export and import of a very large history: 100,000 sessions, each with its six sets.

Seeds the sessions (benchmarks/demo_history.py, twice a day) into a temporary data folder,
then times, each as the median of several runs:

- export of the whole history to CSV, through `export_csv` (what the CLI and the window use);
- import of that file into an empty data folder, through `import_csv`;
- import of the same file again into that folder (every row an exact duplicate, skipped);
- the same export and import end to end through the real command line,
  `python -m knee_coach --data-dir D export --csv F` (interpreter start-up included).

It also checks that the round trip is exact: the history exported again from the imported
folder is byte for byte the file that was imported. Target: each step under 2 s (wall
time). The CPU time is printed beside it: on a busy machine it shows what the step itself
costs.

    .venv/bin/python benchmarks/csv_roundtrip.py [--sessions N] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

if not __package__:  # run as a script: the checkout's `benchmarks` package is importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_S = 2.0


def timed(fn: object) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process)."""
    t, c = time.perf_counter(), time.process_time()
    fn()  # type: ignore[operator]
    return time.perf_counter() - t, time.process_time() - c


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cli(*args: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command) of one run of the command line."""
    cmd = [sys.executable, "-m", "knee_coach", *args]
    t, c = time.perf_counter(), child_cpu()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    elapsed, cpu = time.perf_counter() - t, child_cpu() - c
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed, cpu


def median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100_000, help="sessions to seed (even)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per step (median)")
    args = parser.parse_args()

    from benchmarks.demo_history import demo_records
    from knee_coach.storage.csv_export import export_csv
    from knee_coach.storage.csv_import import import_csv
    from knee_coach.storage.db import Database
    from knee_coach.storage.history import HistoryStore

    results: list[tuple[str, tuple[float, float]]] = []
    with tempfile.TemporaryDirectory(prefix="knee-coach-csv-bench-") as tmp_name:
        tmp = Path(tmp_name)
        last = date(2026, 10, 31)
        first = last - timedelta(days=args.sessions // 2 - 1)
        t = time.perf_counter()
        source = HistoryStore(Database.open(tmp / "source"))
        n = source.add_records(demo_records(first, last, per_day=(2,)))
        sets = source.db.conn.execute("SELECT count(*) FROM sets").fetchone()[0]
        print(
            f"seeded {n} sessions ({sets} sets), {first} .. {last},"
            f" in {time.perf_counter() - t:.1f} s"
        )
        csv_file = tmp / "history.csv"

        # In process, through the functions the command line and the window call.
        exports = [timed(lambda: export_csv(source, csv_file)) for _ in range(args.repeat)]
        size_mb = csv_file.stat().st_size / 1e6
        results.append((f"export {n} sessions ({size_mb:.1f} MB)", median(exports)))

        imports, again = [], []
        for i in range(args.repeat):
            target = HistoryStore(Database.open(tmp / f"import{i}"))
            imports.append(timed(lambda target=target: import_csv(target, csv_file)))
            if target.count() != n:
                raise SystemExit(f"import stored {target.count()} sessions, not {n}")
            again.append(timed(lambda target=target: import_csv(target, csv_file)))
            if target.count() != n:
                raise SystemExit("importing the same file twice added sessions")
            if i == 0:
                round_trip = tmp / "round-trip.csv"
                export_csv(target, round_trip)
                if round_trip.read_bytes() != csv_file.read_bytes():
                    raise SystemExit("export -> import -> export did not give the same bytes")
                print("round trip export -> import -> export: byte-identical")
            target.db.close()
        results.append((f"import {n} sessions into an empty history", median(imports)))
        results.append(("import the same file again (all skipped)", median(again)))
        source.db.close()

        # End to end through the real command line (a new interpreter each time).
        env_dir = str(tmp / "source")
        cli_exports = [
            cli("--data-dir", env_dir, "export", "--csv", str(tmp / "cli.csv"), "--force")
            for _ in range(args.repeat)
        ]
        results.append(("CLI: knee-coach export --csv", median(cli_exports)))
        cli_imports = [
            cli("--data-dir", str(tmp / f"cli-import{i}"), "import", "--csv", str(csv_file))
            for i in range(args.repeat)
        ]
        results.append(("CLI: knee-coach import --csv", median(cli_imports)))

    print(f"median of {args.repeat} runs each, {os.cpu_count()} CPU cores,")
    print(f"load average {os.getloadavg()[0]:.2f} (other work on the machine slows the wall time)")
    print(f"{'':52s} {'wall':>8s} {'CPU':>8s}")
    worst = 0.0
    for name, (wall, cpu) in results:
        worst = max(worst, wall)
        flag = "ok" if wall < TARGET_S else "SLOW"
        print(f"{name:52s} {wall:6.2f} s {cpu:6.2f} s  {flag}")
    verdict = "met" if worst < TARGET_S else "NOT met"
    print(f"target: each under {TARGET_S:.0f} s of wall time -> {verdict}")
    return 0 if worst < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
