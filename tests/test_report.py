"""The report for a clinician: built from a made-up history, written as PDF in English and
Japanese, and read back with poppler-utils as a person's PDF viewer would (pages, embedded
fonts, the text a search or a copy finds)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize
from pytestqt.qtbot import QtBot

from benchmarks.demo_history import demo_records
from knee_coach.core.checkin import CheckIn
from knee_coach.core.model import EndReason, Leg, LegChoice
from knee_coach.core.records import SafetyAnswer, SessionRecord, SetRecord
from knee_coach.core.report import (
    Reading,
    Step,
    build_report,
    longest_run,
    read_change,
    shorten,
)
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore
from knee_coach.ui.report_pdf import ReportLanguage, write_pdf, write_report_file

POPPLER = all(shutil.which(tool) for tool in ("pdfinfo", "pdffonts", "pdftotext"))
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils (scripts/debian-test-packages.txt) is not installed"
)
JST = timezone(timedelta(hours=9))
FIRST, LAST = date(2026, 6, 1), date(2026, 6, 28)  # four whole weeks, Monday to Sunday
MADE = date(2026, 6, 29)
LONG_NOTE = "階段を下りるときにひざ裏が突っ張る感じがあり、" * 8  # 200+ characters, no spaces
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


# ----- the made-up history -------------------------------------------------------------------
def made_up_history() -> tuple[list[SessionRecord], list[SafetyAnswer]]:
    """Four weeks: the right knee eases from 6 to 2, the left stays near 4; most days have a
    morning session, some an evening one too; Thursdays of week 2 are missed; one session
    stopped for pain; a few notes; one safety check with swelling."""
    records: list[SessionRecord] = []
    answers: list[SafetyAnswer] = []
    sets = (
        SetRecord("hamstring_glide", "inner", Leg.RIGHT, 10, 10, "completed"),
        SetRecord("hamstring_glide", "outer", Leg.RIGHT, 10, 10, "completed"),
        SetRecord("popliteus_release", "both_points", Leg.RIGHT, 15, 15, "completed"),
        SetRecord("popliteus_release", "both_points", Leg.LEFT, 15, 12, "completed"),
    )
    for i in range(28):
        day = FIRST + timedelta(days=i)
        if i in (10, 17):  # two missed days
            answers.append(SafetyAnswer(datetime.combine(day, time(7, 0), JST), ("swelling",)))
            continue
        for k, hour in enumerate((7, 21) if i % 3 == 0 else (7,)):
            started = datetime.combine(day, time(hour, 5), JST)
            right = max(0, 6 - i // 7 - (i % 2))  # 6/5 in week 1 .. 3/2 in week 4
            left = 4 + (i + k) % 2
            note = ""
            if i == 3 and k == 0:
                note = "stairs at work"
            elif i == 20:
                note = LONG_NOTE
            reason = EndReason.PAIN if (i, k) == (12, 0) else EndReason.COMPLETED
            answers.append(SafetyAnswer(started - timedelta(minutes=1), ()))
            records.append(
                SessionRecord(
                    id=None,
                    started=started,
                    ended=started + timedelta(minutes=10),
                    end_reason=reason,
                    legs=LegChoice.BOTH,
                    before=CheckIn({Leg.RIGHT: right, Leg.LEFT: left}, tightness=5, note=note),
                    after=None
                    if reason is EndReason.PAIN
                    else CheckIn({Leg.RIGHT: max(0, right - 1), Leg.LEFT: left}, tightness=3),
                    sets=sets if reason is EndReason.COMPLETED else sets[:1],
                )
            )
    return records, answers


def expected_weeks(records: list[SessionRecord]) -> dict[date, list[float | None]]:
    """Per week (its Monday): sessions, then the averages before/after per knee."""
    out: dict[date, list[float | None]] = {}
    for w in range(4):
        monday = FIRST + timedelta(days=7 * w)
        recs = [r for r in records if monday <= r.day < monday + timedelta(days=7)]

        def avg(values: list[int]) -> float | None:
            return sum(values) / len(values) if values else None

        row: list[float | None] = [float(len(recs))]
        for leg in (Leg.RIGHT, Leg.LEFT):
            row.append(avg([r.before.pain[leg] for r in recs if r.before]))
            row.append(avg([r.after.pain[leg] for r in recs if r.after]))
        out[monday] = row
    return out


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


# ----- the figures -----------------------------------------------------------------------------
def test_the_figures_follow_from_the_history_and_the_stated_rule() -> None:
    records, answers = made_up_history()
    report = build_report(records, FIRST, LAST, MADE, answers)
    f = report.frequency
    assert (f.days, f.sessions, f.days_practised) == (28, len(records), 26)
    assert report.chart_step is Step.DAY and len(report.chart) == 26  # a point a day practised
    assert f.longest_run == 10  # days 0-9, then a gap on day 10
    assert f.days_on_target == 26  # one or two sessions on every day practised
    assert f.per_week == pytest.approx(len(records) / 4)
    glide, release = report.routines
    assert (glide.reps_per_set, glide.legs) == (10, (Leg.RIGHT,))
    assert (release.reps_per_set, release.legs) == (15, (Leg.RIGHT, Leg.LEFT))
    completed = sum(1 for r in records if r.end_reason is EndReason.COMPLETED)
    assert glide.sets_done == 2 * completed + (len(records) - completed)
    assert len(report.pain_stops) == 1 and report.pain_stops[0].date() == FIRST + timedelta(12)
    assert [a.at.date() for a in report.safety if a.flags] == [date(2026, 6, 11), date(2026, 6, 18)]
    # Right knee: the first week against the last seven days, by hand.
    first_week = [r.before.pain[Leg.RIGHT] for r in records if r.day < FIRST + timedelta(7)]
    last_week = [r.before.pain[Leg.RIGHT] for r in records if r.day > LAST - timedelta(7)]
    right = report.change(Leg.RIGHT)
    assert right is not None
    assert right.baseline == pytest.approx(sum(first_week) / len(first_week))
    assert right.latest == pytest.approx(sum(last_week) / len(last_week))
    assert right.reading is Reading.LESS_PAIN  # about 5.6 -> 2.6
    assert report.change(Leg.LEFT).reading is Reading.NO_CHANGE  # type: ignore[union-attr]
    weeks = expected_weeks(records)
    for row in report.weeks:
        sessions, rb, ra, lb, la = weeks[row.start]
        assert row.sessions == sessions
        assert (row.before.right, row.after.right) == (pytest.approx(rb), pytest.approx(ra))
        assert (row.before.left, row.after.left) == (pytest.approx(lb), pytest.approx(la))
    assert report.notes_total == 2 and report.notes[0].text == "stairs at work"
    assert len(report.notes[1].text) <= 141 and report.notes[1].text.endswith("…")


@pytest.mark.parametrize(
    ("baseline", "latest", "reading"),
    [
        (5.0, 3.0, Reading.LESS_PAIN),  # 2 points
        (3.0, 2.1, Reading.LESS_PAIN),  # 30 %
        (3.0, 2.2, Reading.NO_CHANGE),  # 0.8 points, 27 %
        (5.0, 6.4, Reading.NO_CHANGE),  # 1.4 points, 28 %
        (5.0, 7.0, Reading.MORE_PAIN),
        (2.0, 2.6, Reading.MORE_PAIN),  # 30 % worse
        (0.0, 1.0, Reading.NO_CHANGE),
        (None, 1.0, Reading.NOT_ENOUGH),
    ],
)
def test_a_change_is_meaningful_from_2_points_or_30_percent(
    baseline: float | None, latest: float, reading: Reading
) -> None:
    assert read_change(baseline, latest) is reading


def test_a_short_period_reads_no_change_and_says_there_is_not_enough() -> None:
    records, _ = made_up_history()
    report = build_report(records, FIRST, FIRST + timedelta(days=12), MADE)
    assert report.baseline_days is None
    assert {c.reading for _, c in report.changes} == {Reading.NOT_ENOUGH}


def test_notes_are_shortened_at_a_word_and_japanese_at_the_limit() -> None:
    words = "the knee felt stiff on the stairs " * 10
    short = shorten(words, 60)
    assert short.endswith("…") and len(short) <= 61 and not short[:-1].endswith(" ")
    assert words.startswith(short[:-1])
    assert shorten(LONG_NOTE, 50) == LONG_NOTE[:50].rstrip("、。") + "…"
    assert shorten("  two\n lines ") == "two lines"


def test_longest_run_counts_days_in_a_row() -> None:
    days = [date(2026, 1, d) for d in (1, 2, 3, 5, 6, 7, 8, 20)]
    assert longest_run(days) == 4
    assert longest_run([]) == 0


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
    # Three and a half years: the chart shows months, the table the last twelve weeks.
    assert report.chart_step is Step.MONTH and len(report.chart) == 42
    assert report.chart[0].day == date(2023, 1, 1) and len(report.table_weeks) == 12
    june = [r.pain_before(Leg.LEFT) for r in records if r.day >= date(2026, 6, 1)]
    assert report.chart[-1].before.left == pytest.approx(sum(june) / len(june))
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
