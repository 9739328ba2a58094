"""The report for a clinician over ten years of twice-daily history.

Seeds ten years of sessions (benchmarks/demo_history.py, one or two a day with their sets and
notes) and a safety check before each into a temporary data folder, then times, as the median of
several runs, the whole report as the menu and the command line make it: reading the
period through the history, building the figures (knee_coach.core.report) and writing the
PDF in English and in Japanese (knee_coach.ui.report_pdf). Each part is printed too, and
the same report end to end through the real command line, interpreter start-up included.
Target: the report in under 2 s (wall time).

    .venv/bin/python benchmarks/report.py [--years N] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

if not __package__:  # run as a script: the checkout's `benchmarks` package is importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_S = 2.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from benchmarks.demo_history import demo_records
    from knee_coach.core.records import to_utc_text
    from knee_coach.core.report import build_report
    from knee_coach.storage.db import Database
    from knee_coach.storage.history import HistoryStore
    from knee_coach.ui.report_pdf import ReportLanguage, write_pdf, write_report_file

    app = QGuiApplication([])  # noqa: F841 (fonts need it)
    last = date(2026, 6, 30)
    first = last - timedelta(days=365 * args.years)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        db = Database.open(folder)
        store = HistoryStore(db)
        records = demo_records(first, last, per_day=(2,))
        store.add_records(records)
        with db.transaction() as conn:  # one safety check before each session
            conn.executemany(
                "INSERT INTO safety_answers (answered_utc, answered_offset_min, flags)"
                " VALUES (?, ?, '')",
                [(to_utc_text(r.started - timedelta(minutes=1)), 540) for r in records],
            )
        n_sets = sum(len(r.sets) for r in records)
        print(
            f"history: {len(records):,} sessions ({n_sets:,} sets) and {len(records):,} safety"
            f" checks over {args.years} years, {first} to {last}"
        )
        lang = {code: ReportLanguage(code) for code in ("en", "ja")}
        for code in ("en", "ja"):
            totals, reads, builds, writes = [], [], [], []
            for i in range(args.repeat):
                out = Path(tmp) / f"report-{code}-{i}.pdf"
                t0 = time.perf_counter()
                recs, answers = store.report_data(first, last)
                t1 = time.perf_counter()
                report = build_report(recs, first, last, last, answers)
                t2 = time.perf_counter()
                pages = write_pdf(out, report, lang[code])
                t3 = time.perf_counter()
                reads.append(t1 - t0)
                builds.append(t2 - t1)
                writes.append(t3 - t2)
                totals.append(t3 - t0)
            # The same through the function the command line calls (period from the history).
            start = time.perf_counter()
            write_report_file(store, Path(tmp) / f"cli-{code}.pdf", None, last, code, last)
            whole = time.perf_counter() - start
            median = statistics.median(totals)
            print(
                f"{code}: report in {median:.2f} s (median of {args.repeat}; read"
                f" {statistics.median(reads):.2f} s, figures {statistics.median(builds):.2f} s,"
                f" PDF {statistics.median(writes):.2f} s; {pages} pages,"
                f" {out.stat().st_size / 1024:.0f} KiB); write_report_file {whole:.2f} s"
                f" -> {'OK' if median < TARGET_S else 'OVER'} (target {TARGET_S:.0f} s)"
            )
        db.close()
        out = Path(tmp) / "cli.pdf"
        t = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "knee_coach",
                "--data-dir",
                str(folder),
                "--lang",
                "ja",
                "report",
                "--pdf",
                str(out),
                "--to",
                last.isoformat(),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - t
        if done.returncode != 0:
            raise SystemExit(f"the command failed ({done.returncode}): {done.stderr.strip()}")
        print(
            f"command line (ja, interpreter start-up included): {elapsed:.2f} s"
            f" at {datetime.now().isoformat(timespec='seconds')}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
