"""Pictures of the report for a clinician, in English and Japanese, and of its dialog.

Six weeks of demo history (with a stop for pain, two safety checks with a red flag, notes in
the report's language) are written as PDF, and each page is rendered with pdftoppm
(poppler-utils):

    .venv/bin/python scripts/report_screenshots.py

Writes assets/screenshots/{en,ja}/report-1.png, report-2.png and report-dialog.png.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import tempfile
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.demo_history import demo_records  # noqa: E402
from knee_coach.core.model import EndReason  # noqa: E402
from knee_coach.core.records import SafetyAnswer  # noqa: E402
from knee_coach.storage.db import Database  # noqa: E402
from knee_coach.storage.history import HistoryStore  # noqa: E402
from knee_coach.ui import i18n  # noqa: E402
from knee_coach.ui.report_dialog import ReportDialog  # noqa: E402
from knee_coach.ui.report_pdf import write_report_file  # noqa: E402

JST = timezone(timedelta(hours=9))
FIRST, LAST = date(2026, 5, 4), date(2026, 6, 14)
NOTES_JA = {
    "long walk": "長く歩いた",
    "slept badly": "よく眠れなかった",
    "stairs at work": "職場で階段が多かった",
    "after cycling": "自転車に乗ったあと",
}


def history(folder: Path, language: str) -> HistoryStore:
    records = demo_records(FIRST, LAST, seed=11, start_pain=5.5, end_pain=2.5)
    out = []
    for i, rec in enumerate(records):
        if language == "ja" and rec.before and rec.before.note:
            rec = dataclasses.replace(
                rec, before=rec.before.replace(note=NOTES_JA.get(rec.before.note, ""))
            )
        if i == 40:  # one session stopped because it hurt
            rec = dataclasses.replace(rec, end_reason=EndReason.PAIN, after=None)
        out.append(rec)
    store = HistoryStore(Database.open(folder))
    store.add_records(out)
    for rec in out:
        store.record_safety_answer(SafetyAnswer(rec.started - timedelta(minutes=1), ()))
    for day, flags in ((date(2026, 5, 20), ("swelling",)), (date(2026, 6, 2), ("heat",))):
        at = datetime.combine(day, time(7, 2), JST)
        store.record_safety_answer(SafetyAnswer(at, flags))
    return store


def main() -> int:
    app = QApplication([])
    for language in ("en", "ja"):
        target = ROOT / "assets" / "screenshots" / language
        with tempfile.TemporaryDirectory() as tmp:
            store = history(Path(tmp) / "data", language)
            pdf = Path(tmp) / "report.pdf"
            pages = write_report_file(store, pdf, FIRST, LAST, language, today=date(2026, 6, 15))
            subprocess.run(
                ["pdftoppm", "-r", "110", "-png", str(pdf), str(target / "report")], check=True
            )
            print(f"{language}: {pages} pages -> {target}/report-*.png")
            i18n.apply_language(language)
            dialog = ReportDialog(store, lambda: date(2026, 6, 15), language)
            dialog.name.setText("Hanako Sato" if language == "en" else "佐藤 花子")
            dialog.show()
            app.processEvents()
            dialog.grab().save(str(target / "report-dialog.png"))
            dialog.close()
            store.db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
