"""The report for a clinician: built from a made-up history (tests/report_history.py; its
figures are checked Qt-free in tests/test_report_figures.py), written as PDF in English and
Japanese, and read back with poppler-utils as a person's PDF viewer would (pages, embedded
fonts, the text a search or a copy finds)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize
from pytestqt.qtbot import QtBot

from benchmarks.demo_history import demo_records
from knee_coach.core.report import build_report
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore
from knee_coach.ui.report_pdf import ReportLanguage, write_pdf, write_report_file
from tests.report_history import FIRST, LAST, MADE, expected_weeks, made_up_history

POPPLER = all(shutil.which(tool) for tool in ("pdfinfo", "pdffonts", "pdftotext"))
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils (scripts/debian-test-packages.txt) is not installed"
)
HEADINGS = {
    "en": [
        "Knee self-care: report for the clinician",
        "Change over the period",
        "What was practised",
        "Stops for pain and safety answers",
        "Pain before and after the sessions",
        "Weekly averages",
        "Notes",
    ],
    "ja": [
        "ひざのセルフケア：医療者向けレポート",
        "期間中の変化",
        "実践した内容",
        "痛みによる中止と安全確認の回答",
        "セッション前後の痛み",
        "週ごとの平均",
        "メモ",
    ],
}


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    db = Database.open(tmp_path / "history")
    history = HistoryStore(db)
    records, answers = made_up_history()
    history.add_records(records)
    for answer in answers:
        history.record_safety_answer(answer)
    yield history
    db.close()


# ----- poppler -------------------------------------------------------------------------------
def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]


def pdf_fonts(path: Path) -> list[tuple[str, str]]:
    """(font name, "yes"/"no" embedded) for every font of the file."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    # name type... encoding emb sub uni object ID: "emb" is the 5th field from the end.
    return [(row.split()[0], row.split()[-5]) for row in rows if row.strip()]


def pdf_text(path: Path) -> str:
    """The text layer, NFKC-normalised as viewers' search does: Qt writes a CJK glyph that
    Noto CJK shares with a Kangxi radical (月 and ⽉) under the radical's code point."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return unicodedata.normalize("NFKC", out.stdout)


def week_label(monday: date, language: str) -> str:
    if language == "ja":
        return f"{monday.year}年{monday.month}月{monday.day}日"
    return f"{monday.day} {monday.strftime('%b')} {monday.year}"


# ----- the PDF ---------------------------------------------------------------------------------
@needs_poppler
@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_pdf_has_its_headings_and_the_weekly_averages_with_every_font_embedded(
    qtbot: QtBot, store: HistoryStore, tmp_path: Path, language: str
) -> None:
    path = tmp_path / f"report-{language}.pdf"
    pages = write_report_file(store, path, FIRST, LAST, language, today=MADE)
    assert 1 <= pages <= 2 and pdf_pages(path) == pages
    assert path.stat().st_mode & 0o777 == 0o600  # health data: readable by its owner only
    fonts = pdf_fonts(path)
    assert fonts and all(emb == "yes" for _, emb in fonts), fonts
    if language == "ja":
        assert any("CJK" in name for name, _ in fonts)
    text = pdf_text(path)
    for heading in HEADINGS[language]:
        assert unicodedata.normalize("NFKC", heading) in text, heading
    # Each week's row holds its sessions and averages, computed here from the made-up data.
    records, _ = made_up_history()
    for monday, expected in expected_weeks(records).items():
        label = week_label(monday, language)
        lines = [line for line in text.splitlines() if line.strip().startswith(label)]
        assert len(lines) == 1, (label, text)
        cells = lines[0].strip()[len(label) :].split()
        sessions, _days, rb, ra, lb, la, tb, ta = cells
        assert int(sessions) == expected[0]
        for cell, value in zip((rb, ra, lb, la), expected[1:], strict=True):
            assert float(cell) == pytest.approx(value, abs=0.05), (label, cells)
        assert (float(tb), float(ta)) == (5.0, 3.0)
    # The stop for pain with its time, the reading and its rule; no name unless one was given.
    flat = re.sub(r"\s+", " ", text)
    if language == "en":
        assert f"1 of {len(records)} sessions: 13 Jun 2026, 07:05" in flat
        assert "meaningful decrease in pain" in text and "no meaningful change" in text
        assert "at least 2 points" in re.sub(r"\s+", " ", text)
        assert "Name" not in text
    else:
        assert f"{len(records)}回中1回:2026年6月13日 7:05" in flat  # NFKC: "：" is ":"
        assert "痛みに意味のある減少" in text and "意味のある変化なし" in text
        assert "2ポイント以上" in text and "30 %以上" in re.sub(r"\s+", " ", text)
        assert "ひざのまわりが腫れている" in text  # the safety answer, with its date
        assert "2026年6月11日 7:00" in text
        assert "氏名" not in text


@needs_poppler
def test_a_name_typed_in_is_printed_and_a_long_history_still_fits_two_pages(
    qtbot: QtBot, tmp_path: Path
) -> None:
    records = demo_records(date(2023, 1, 1), date(2026, 6, 30))
    report = build_report(records, date(2023, 1, 1), date(2026, 6, 30), MADE)
    # Three and a half years (its figures: tests/test_report_figures.py).
    path = tmp_path / "long.pdf"
    pages = write_pdf(
        path, report, ReportLanguage("en"), "Hanako Sato", QPageSize(QPageSize.PageSizeId.Letter)
    )
    assert pages == pdf_pages(path) <= 2
    text = pdf_text(path)
    assert "Hanako Sato" in text
    assert "The last 12 weeks with sessions" in re.sub(r"\s+", " ", text)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert "(letter)" in info.stdout


def test_writing_replaces_a_file_whole_and_a_missing_folder_is_an_error(
    qtbot: QtBot, tmp_path: Path
) -> None:
    records, _ = made_up_history()
    report = build_report(records, FIRST, LAST, MADE)
    with pytest.raises(OSError):
        write_pdf(tmp_path / "missing" / "report.pdf", report, ReportLanguage("en"))
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    assert write_pdf(target, report, ReportLanguage("en")) in (1, 2)
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]  # no temporary file left


@needs_poppler
def test_an_empty_history_makes_one_page_that_says_there_is_nothing_to_read(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = Database.open(tmp_path / "empty")
    try:
        path = tmp_path / "empty.pdf"
        assert write_report_file(HistoryStore(db), path, None, None, "en", today=MADE) == 1
    finally:
        db.close()
    text = re.sub(r"\s+", " ", pdf_text(path))
    assert "29 Jun 2026 to 29 Jun 2026" in text  # no --from: the first session, or today
    assert "Pain not enough ratings to read a change" in text
    assert "No pain ratings in this period." in text and "No sessions in this period." in text
    assert "none of 0 sessions" in text
