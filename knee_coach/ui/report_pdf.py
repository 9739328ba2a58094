"""The report for a clinician laid out on paper: a PDF file or a printer, in English or
Japanese whatever language the window speaks.

The content comes from knee_coach.core.report; this module only draws it. Everything is
drawn with QPainter on a paged device (QPdfWriter, QPrinter), so the text stays text
(selectable, searchable, its fonts embedded) and the chart stays vector. The page is laid
out in blocks: each is measured first, then the blocks are placed on pages, so a heading
never ends a page and the footer can say "page 1 of 2".
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QLineF,
    QLocale,
    QMarginsF,
    QPointF,
    QRectF,
    Qt,
    QTime,
    QTranslator,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from knee_coach import APP_NAME
from knee_coach.core import report as core
from knee_coach.core import routines as core_routines
from knee_coach.core import safety
from knee_coach.core.i18n import QT_TRANSLATE_NOOP
from knee_coach.core.model import Leg
from knee_coach.core.report import Change, Reading, Report
from knee_coach.ui import i18n

if TYPE_CHECKING:
    from knee_coach.storage.history import HistoryStore

CTX = core.CTX
# In both languages (notes may be in either): Latin letters and digits from a Latin font,
# Japanese from Noto CJK where the system has it. (Qt writes some of Noto CJK's own Latin
# glyphs without their characters in the PDF's text layer: digits went missing from a copy.)
FONT_FAMILIES = [
    *("Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial"),
    *("Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "IPAexGothic"),
    "sans-serif",
]
INK = QColor("#1b1f24")
GREY = QColor("#5a6470")
RULE_GREY = QColor("#c8cdd3")
SHADE = QColor("#eef2f6")
KNEE_COLOURS = {Leg.RIGHT: QColor("#1f5fa8"), Leg.LEFT: QColor("#b8520f")}
MARGIN_MM = 16.0
SAFETY_SHOWN = 12  # the most recent answers with a red flag, and stops for pain

# Texts of the report's own (the figures' names and the rule are in knee_coach.core.report).
TITLE = QT_TRANSLATE_NOOP("report", "Knee self-care: report for the clinician")
DATE_FORMAT = QT_TRANSLATE_NOOP("report", "d MMM yyyy")
DATE_TIME_FORMAT = QT_TRANSLATE_NOOP("report", "d MMM yyyy, HH:mm")
AXIS_DAY_FORMAT = QT_TRANSLATE_NOOP("report", "d MMM")
KNEE_NAMES = {
    Leg.RIGHT: QT_TRANSLATE_NOOP("report", "Right knee"),
    Leg.LEFT: QT_TRANSLATE_NOOP("report", "Left knee"),
}
LEG_NAMES = {
    Leg.RIGHT: QT_TRANSLATE_NOOP("report", "right leg"),
    Leg.LEFT: QT_TRANSLATE_NOOP("report", "left leg"),
}


class ReportLanguage:
    """Translations and number and date forms for one language, without switching the
    window's: the translator is consulted directly, never installed."""

    def __init__(self, language: str, cache_dir: Path | None = None) -> None:
        self.language = language if language in i18n.LANGUAGES else "en"
        self.locale = i18n.locale_for(self.language)
        self._translator = QTranslator()
        qm = i18n.qm_path(self.language, cache_dir)
        if qm is None or not self._translator.load(str(qm)):
            self.language, self.locale = "en", i18n.locale_for("en")

    def text(self, source: str, context: str = CTX) -> str:
        return self._translator.translate(context, source) or source

    def number(self, value: float, decimals: int = 0) -> str:
        if decimals == 0:
            return self.locale.toString(round(value))
        return self.locale.toString(float(value), "f", decimals)

    def signed(self, value: float) -> str:
        """A change such as +1.5 or −2.0 (a true minus sign; ±0.0 for none)."""
        text = self.number(abs(value), 1)
        if text == self.number(0, 1):
            return "±" + text
        return ("+" if value > 0 else "−") + text

    def pain(self, value: float | None) -> str:
        return "–" if value is None else self.number(value, 1)

    def date(self, day: date, fmt: str = DATE_FORMAT) -> str:
        return self.locale.toString(QDate(day.year, day.month, day.day), self.text(fmt))

    def datetime(self, moment: datetime) -> str:
        when = QDateTime(
            QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
        )
        return self.locale.toString(when, self.text(DATE_TIME_FORMAT))


def default_page_size() -> QPageSize:
    """Letter where the system's locale measures in US units, else A4."""
    us = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return QPageSize(QPageSize.PageSizeId.Letter if us else QPageSize.PageSizeId.A4)


# ----- blocks and pages ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Block:
    height: float
    paint: Callable[[QPainter, float], None]  # draws with its top at y
    keep_with_next: bool = False


class _Layout:
    """Measures and draws on one device: lengths in device units, fonts in points."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice, lang: ReportLanguage):
        self.p = painter
        self.lang = lang
        self.mm = device.logicalDpiY() / 25.4
        self.left = MARGIN_MM * self.mm
        self.top = MARGIN_MM * self.mm
        self.width = device.width() - 2 * self.left
        self.bottom = device.height() - MARGIN_MM * self.mm - 8 * self.mm  # room for the footer

    def font(self, size: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(FONT_FAMILIES)
        font.setPointSizeF(size)
        font.setBold(bold)
        # No "fi" ligatures: a copied or searched "first" would hold one character "ﬁ".
        font.setFeature(QFont.Tag("liga"), 0)
        return font

    def text_height(self, text: str, font: QFont, width: float) -> float:
        self.p.setFont(font)
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        return self.p.boundingRect(QRectF(0, 0, width, 1e7), flags, text).height()

    def draw_text(
        self,
        text: str,
        font: QFont,
        x: float,
        y: float,
        width: float,
        colour: QColor = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> float:
        self.p.setFont(font)
        self.p.setPen(colour)
        flags = int(align) | int(Qt.TextFlag.TextWordWrap)
        rect = self.p.boundingRect(QRectF(x, y, width, 1e7), flags, text)
        self.p.drawText(QRectF(x, y, width, rect.height()), flags, text)
        return rect.height()

    def paragraph(
        self,
        text: str,
        size: float = 9.5,
        bold: bool = False,
        colour: QColor = INK,
        gap: float = 1.2,
        keep_with_next: bool = False,  # a caption stays on the page of what it describes
    ) -> _Block:
        font = self.font(size, bold)
        height = self.text_height(text, font, self.width)

        def paint(p: QPainter, y: float) -> None:
            self.draw_text(text, font, self.left, y, self.width, colour)

        return _Block(height + gap * self.mm, paint, keep_with_next)

    def heading(self, text: str) -> _Block:
        font = self.font(11.5, bold=True)
        height = self.text_height(text, font, self.width)
        above = 3.5 * self.mm

        def paint(p: QPainter, y: float) -> None:
            self.draw_text(text, font, self.left, y + above, self.width)
            p.setPen(QPen(RULE_GREY, 0.25 * self.mm))
            line_y = y + above + height + 0.6 * self.mm
            p.drawLine(QLineF(self.left, line_y, self.left + self.width, line_y))

        return _Block(above + height + 2.2 * self.mm, paint, keep_with_next=True)

    def pairs(self, rows: Sequence[tuple[str, str]], size: float = 9.5) -> list[_Block]:
        """Label and value in two columns, one block a row."""
        label_w = 0.27 * self.width
        value_w = self.width - label_w
        bold, plain = self.font(size, bold=True), self.font(size)
        blocks = []
        for label, value in rows:
            h = max(
                self.text_height(label, bold, label_w - 2 * self.mm),
                self.text_height(value, plain, value_w),
            )

            def paint(p: QPainter, y: float, label: str = label, value: str = value) -> None:
                self.draw_text(label, bold, self.left, y, label_w - 2 * self.mm, GREY)
                self.draw_text(value, plain, self.left + label_w, y, value_w)

            blocks.append(_Block(h + 1.0 * self.mm, paint))
        return blocks

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        size: float = 8.5,
    ) -> _Block:
        """A ruled table, kept on one page (numbers right-aligned)."""
        total = sum(widths)
        xs, x = [], self.left
        for w in widths:
            xs.append((x, w * self.width / total))
            x += w * self.width / total
        pad = 1.2 * self.mm
        head_font, cell_font = self.font(size, bold=True), self.font(size)

        def row_block(cells: Sequence[str], font: QFont, shade: bool, head: bool) -> _Block:
            cols = zip(cells, xs, strict=True)
            h = max(self.text_height(c, font, w - 2 * pad) for c, (_, w) in cols)
            h += 2 * pad

            def paint(p: QPainter, y: float) -> None:
                if shade:
                    p.fillRect(QRectF(self.left, y, self.width, h), SHADE)
                for i, (cell, (cx, w)) in enumerate(zip(cells, xs, strict=True)):
                    align = Qt.AlignmentFlag.AlignLeft if i == 0 else Qt.AlignmentFlag.AlignRight
                    # Bottom-aligned, so Japanese dates and Latin digits share a baseline.
                    below = h - 2 * pad - self.text_height(cell, font, w - 2 * pad)
                    colour = GREY if head else INK
                    self.draw_text(
                        cell, font, cx + pad, y + pad + below, w - 2 * pad, colour, align
                    )
                p.setPen(QPen(RULE_GREY if not head else GREY, 0.2 * self.mm))
                p.drawLine(QLineF(self.left, y + h, self.left + self.width, y + h))

            return _Block(h, paint, keep_with_next=head)

        parts = [row_block(header, head_font, False, True)]
        parts += [row_block(r, cell_font, i % 2 == 1, False) for i, r in enumerate(rows)]

        def paint(p: QPainter, y: float) -> None:
            for part in parts:
                part.paint(p, y)
                y += part.height

        return _Block(sum(part.height for part in parts), paint)

    # ----- pages ---------------------------------------------------------------------------
    def paginate(self, blocks: Sequence[_Block]) -> list[list[tuple[_Block, float]]]:
        pages: list[list[tuple[_Block, float]]] = [[]]
        y = self.top
        for i, block in enumerate(blocks):
            need = block.height
            j = i
            while blocks[j].keep_with_next and j + 1 < len(blocks):  # a heading and its text
                j += 1
                need += blocks[j].height
            if y + need > self.bottom and pages[-1]:
                pages.append([])
                y = self.top
            pages[-1].append((block, y))
            y += block.height
        return pages


# ----- the chart -----------------------------------------------------------------------------
def _chart_block(layout: _Layout, report: Report) -> _Block:
    lang, mm = layout.lang, layout.mm
    height = 62 * mm
    legend_h = (4 * len(report.knees) + 2) * mm

    def paint(p: QPainter, y: float) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = layout.font(7.5)
        axis_w = 8 * mm
        plot = QRectF(
            layout.left + axis_w,
            y + legend_h,
            layout.width - axis_w - 2 * mm,
            height - legend_h - 9 * mm,
        )
        # The legend, a line for each knee: its colour, solid before the session, dashed after.
        p.setFont(small)
        knee_w = max(p.fontMetrics().horizontalAdvance(lang.text(KNEE_NAMES[leg])) for leg in Leg)
        for row, leg in enumerate(report.knees):
            ly = y + row * 4 * mm
            x = layout.left + axis_w
            bold = layout.font(7.5, bold=True)
            layout.draw_text(
                lang.text(KNEE_NAMES[leg]), bold, x, ly, knee_w + 4 * mm, KNEE_COLOURS[leg]
            )
            x += knee_w + 5 * mm
            for after in (False, True):
                p.setPen(_line_pen(leg, after, mm))
                p.drawLine(QLineF(x, ly + 1.7 * mm, x + 7 * mm, ly + 1.7 * mm))
                label = lang.text(
                    QT_TRANSLATE_NOOP("report", "after the session")
                    if after
                    else QT_TRANSLATE_NOOP("report", "before the session")
                )
                p.setFont(small)
                width = p.fontMetrics().horizontalAdvance(label) + 2 * mm
                layout.draw_text(label, small, x + 8.5 * mm, ly, width)
                x += width + 14 * mm
        # The grid: pain 0 to 10.
        for v in range(0, 11, 2):
            gy = plot.bottom() - v / 10 * plot.height()
            p.setPen(QPen(RULE_GREY, 0.15 * mm))
            p.drawLine(QLineF(plot.left(), gy, plot.right(), gy))
            layout.draw_text(
                lang.number(v),
                small,
                layout.left,
                gy - 1.6 * mm,
                axis_w - 1.5 * mm,
                GREY,
                Qt.AlignmentFlag.AlignRight,
            )
        span = max(1, (report.last - report.first).days)

        def x_of(day: date) -> float:
            # A week that began before the period is drawn at its start.
            day = min(max(day, report.first), report.last)
            return plot.left() + (day - report.first).days / span * plot.width()

        for tick, text in _ticks(report, lang):
            tx = x_of(tick)
            p.setPen(QPen(GREY, 0.2 * mm))
            p.drawLine(QLineF(tx, plot.bottom(), tx, plot.bottom() + 1.2 * mm))
            layout.draw_text(
                text,
                small,
                tx - 12 * mm,
                plot.bottom() + 1.8 * mm,
                24 * mm,
                GREY,
                Qt.AlignmentFlag.AlignHCenter,
            )
        p.setPen(QPen(GREY, 0.25 * mm))
        p.drawLine(QLineF(plot.left(), plot.bottom(), plot.right(), plot.bottom()))
        dots = report.chart_step is core.Step.DAY
        for leg in report.knees:
            for after in (False, True):
                path = QPainterPath()
                started = False
                points = []
                for point in report.chart:
                    value = (point.after if after else point.before).of(leg)
                    if value is None:
                        continue
                    q = QPointF(x_of(point.day), plot.bottom() - value / 10 * plot.height())
                    points.append(q)
                    if started:
                        path.lineTo(q)
                    else:
                        path.moveTo(q)
                        started = True
                p.setPen(_line_pen(leg, after, mm))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawPath(path)
                if dots and not after:
                    p.setBrush(KNEE_COLOURS[leg])
                    p.setPen(Qt.PenStyle.NoPen)
                    for q in points:
                        p.drawEllipse(q, 0.55 * mm, 0.55 * mm)
                    p.setBrush(Qt.BrushStyle.NoBrush)

    return _Block(height, paint)


def _line_pen(leg: Leg, after: bool, mm: float) -> QPen:
    pen = QPen(KNEE_COLOURS[leg], (0.3 if after else 0.45) * mm)
    if after:
        pen.setStyle(Qt.PenStyle.DashLine)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def _ticks(report: Report, lang: ReportLanguage) -> list[tuple[date, str]]:
    span = (report.last - report.first).days
    if span > 540:
        years = range(report.first.year + 1, report.last.year + 1)
        step = max(1, len(years) // 8 + 1)
        return [
            (date(y, 1, 1), lang.number(y).replace(lang.locale.groupSeparator(), ""))
            for y in years[::step]
        ]
    step = max(1, -(-span // 7))
    out, day = [], report.first
    while day <= report.last:
        out.append((day, lang.date(day, AXIS_DAY_FORMAT)))
        day = date.fromordinal(day.toordinal() + step)
    return out


# ----- the report ----------------------------------------------------------------------------
def _change_text(lang: ReportLanguage, change: Change) -> str:
    if change.baseline is None or change.latest is None:
        return lang.text(core.READING_TEXTS[Reading.NOT_ENOUGH])
    return lang.text(
        QT_TRANSLATE_NOOP(
            "report", "first week {baseline}, last 7 days {latest} ({difference}): {reading}"
        )
    ).format(
        baseline=lang.pain(change.baseline),
        latest=lang.pain(change.latest),
        difference=lang.signed(change.latest - change.baseline),
        reading=lang.text(core.READING_TEXTS[change.reading]),
    )


def _routine_text(lang: ReportLanguage, done: core.RoutineDone) -> str:
    title = lang.text(done.title, core_routines.CTX)
    if not done.sets_done and not done.reps_done:
        return lang.text(
            QT_TRANSLATE_NOOP("report", "{number}. {title}: not done in this period")
        ).format(number=lang.number(done.number), title=title)
    legs = (
        lang.text(QT_TRANSLATE_NOOP("report", "{first} and {second}")).format(
            first=lang.text(LEG_NAMES[Leg.RIGHT]), second=lang.text(LEG_NAMES[Leg.LEFT])
        )
        if len(done.legs) == 2
        else lang.text(LEG_NAMES[done.legs[0]])
    )
    if done.reps_per_set is None:
        return lang.text(
            QT_TRANSLATE_NOOP("report", "{number}. {title}: {legs}; {reps} reps in all")
        ).format(
            number=lang.number(done.number),
            title=title,
            legs=legs,
            reps=lang.number(done.reps_done),
        )
    return lang.text(
        QT_TRANSLATE_NOOP(
            "report", "{number}. {title}: {per_set} reps a set, {legs}; {sets} sets done"
        )
    ).format(
        number=lang.number(done.number),
        title=title,
        per_set=lang.number(done.reps_per_set),
        legs=legs,
        sets=lang.number(done.sets_done),
    )


def _head(layout: _Layout, report: Report, name: str) -> list[_Block]:
    lang, say = layout.lang, layout.lang.text
    period = say(QT_TRANSLATE_NOOP("report", "{first} to {last} ({days} days)")).format(
        first=lang.date(report.first),
        last=lang.date(report.last),
        days=lang.number(report.frequency.days),
    )
    rows = [(say(QT_TRANSLATE_NOOP("report", "Period")), period)]
    if name.strip():
        rows.append((say(QT_TRANSLATE_NOOP("report", "Name")), name.strip()))
    rows.append((say(QT_TRANSLATE_NOOP("report", "Made on")), lang.date(report.made)))
    source = QT_TRANSLATE_NOOP(
        "report",
        "the person's own records in {app}, a self-care app for pain behind the knee. Pain "
        "and tightness are rated by the person from 0 (none) to 10 (worst imaginable). This "
        "report states figures only; it is not a diagnosis.",
    )
    rows.append((say(QT_TRANSLATE_NOOP("report", "Source")), say(source).format(app=APP_NAME)))
    return [layout.paragraph(say(TITLE), size=16, bold=True, gap=1.5), *layout.pairs(rows, 9)]


def _change(layout: _Layout, report: Report) -> list[_Block]:
    lang, say = layout.lang, layout.lang.text
    blocks = [layout.heading(say(QT_TRANSLATE_NOOP("report", "Change over the period")))]
    rows = [(say(KNEE_NAMES[leg]), _change_text(lang, c)) for leg, c in report.changes]
    if not rows:
        pain = say(QT_TRANSLATE_NOOP("report", "Pain"))
        rows.append((pain, say(core.READING_TEXTS[Reading.NOT_ENOUGH])))
    rows.append(
        (say(QT_TRANSLATE_NOOP("report", "Tightness")), _change_text(lang, report.tightness))
    )
    blocks += layout.pairs(rows)
    if report.baseline_days is not None:
        compared = say(QT_TRANSLATE_NOOP("report", "Compared: {a} to {b}, and {c} to {d}.")).format(
            a=lang.date(report.baseline_days[0]),
            b=lang.date(report.baseline_days[1]),
            c=lang.date(report.latest_days[0]),
            d=lang.date(report.latest_days[1]),
        )
        blocks.append(layout.paragraph(compared, size=8.5, colour=GREY, gap=0.6))
    blocks.append(layout.paragraph(say(core.RULE), size=8.5, colour=GREY))
    return blocks


def _practice(layout: _Layout, report: Report) -> list[_Block]:
    lang, say, f = layout.lang, layout.lang.text, report.frequency
    sessions = QT_TRANSLATE_NOOP(
        "report",
        "{sessions} in {days} days: {per_week} a week (the routines ask for 1 to 2 a day, "
        "7 to 14 a week)",
    )
    days = QT_TRANSLATE_NOOP("report", "{practised} of {days} ({on_target} with 1 or 2 sessions)")
    rows = [
        (
            say(QT_TRANSLATE_NOOP("report", "Routines")),
            "\n".join(_routine_text(lang, r) for r in report.routines),
        ),
        (
            say(QT_TRANSLATE_NOOP("report", "Sessions")),
            say(sessions).format(
                sessions=lang.number(f.sessions),
                days=lang.number(f.days),
                per_week=lang.number(f.per_week, 1),
            ),
        ),
        (
            say(QT_TRANSLATE_NOOP("report", "Days practised")),
            say(days).format(
                practised=lang.number(f.days_practised),
                days=lang.number(f.days),
                on_target=lang.number(f.days_on_target),
            ),
        ),
        (
            say(QT_TRANSLATE_NOOP("report", "Longest run")),
            say(QT_TRANSLATE_NOOP("report", "{days} days in a row")).format(
                days=lang.number(f.longest_run)
            ),
        ),
    ]
    return [
        layout.heading(say(QT_TRANSLATE_NOOP("report", "What was practised"))),
        *layout.pairs(rows),
    ]


def _stops_and_safety(layout: _Layout, report: Report) -> list[_Block]:
    lang, say = layout.lang, layout.lang.text
    stops = say(
        QT_TRANSLATE_NOOP("report", "{count} of {sessions} sessions: {dates}")
        if report.pain_stops
        else QT_TRANSLATE_NOOP("report", "none of {sessions} sessions")
    ).format(
        count=lang.number(len(report.pain_stops)),
        sessions=lang.number(report.frequency.sessions),
        # The most recent ones; the count says how many there were.
        dates=("…, " if len(report.pain_stops) > SAFETY_SHOWN else "")
        + ", ".join(lang.datetime(moment) for moment in report.pain_stops[-SAFETY_SHOWN:]),
    )
    flagged = [a for a in report.safety if a.flags]
    if not report.safety:
        answers = say(QT_TRANSLATE_NOOP("report", "no safety check was recorded in this period"))
    else:
        checks = QT_TRANSLATE_NOOP(
            "report", "{count} checks before a session; {flagged} with sharp pain, swelling or heat"
        )
        answers = say(checks).format(
            count=lang.number(len(report.safety)), flagged=lang.number(len(flagged))
        )
    rows = [
        (say(QT_TRANSLATE_NOOP("report", "Stopped for pain")), stops),
        (say(QT_TRANSLATE_NOOP("report", "Safety check")), answers),
    ]
    questions = {flag.id: flag.question for flag in safety.RED_FLAGS}
    for answer in flagged[-SAFETY_SHOWN:]:
        said = [lang.text(questions[f], safety.CTX) for f in answer.flags if f in questions]
        rows.append((lang.datetime(answer.at), "; ".join(said)))
    blocks = [
        layout.heading(say(QT_TRANSLATE_NOOP("report", "Stops for pain and safety answers"))),
        *layout.pairs(rows),
    ]
    if len(flagged) > SAFETY_SHOWN:
        shown = QT_TRANSLATE_NOOP("report", "The most recent {shown} of {count} are listed.")
        text = say(shown).format(shown=lang.number(SAFETY_SHOWN), count=lang.number(len(flagged)))
        blocks.append(layout.paragraph(text, size=8.5, colour=GREY))
    return blocks


def _pain(layout: _Layout, report: Report) -> list[_Block]:
    say = layout.lang.text
    caption = {
        core.Step.DAY: QT_TRANSLATE_NOOP("report", "Daily averages (0 to 10), day by day."),
        core.Step.WEEK: QT_TRANSLATE_NOOP("report", "Weekly averages (0 to 10), week by week."),
        core.Step.MONTH: QT_TRANSLATE_NOOP("report", "Monthly averages (0 to 10), month by month."),
    }[report.chart_step]
    heading = layout.heading(say(QT_TRANSLATE_NOOP("report", "Pain before and after the sessions")))
    if not report.knees:
        none = say(QT_TRANSLATE_NOOP("report", "No pain ratings in this period."))
        return [heading, layout.paragraph(none)]
    caption_block = layout.paragraph(say(caption), size=8.5, colour=GREY, keep_with_next=True)
    return [heading, caption_block, _chart_block(layout, report)]


def _table(layout: _Layout, report: Report) -> list[_Block]:
    lang, say = layout.lang, layout.lang.text
    blocks = [layout.heading(say(QT_TRANSLATE_NOOP("report", "Weekly averages")))]
    if len(report.weeks) > len(report.table_weeks):
        last = QT_TRANSLATE_NOOP(
            "report", "The last {weeks} weeks with sessions (the chart shows the whole period)."
        )
        text = say(last).format(weeks=lang.number(len(report.table_weeks)))
        blocks.append(layout.paragraph(text, size=8.5, colour=GREY, keep_with_next=True))
    if not report.weeks:
        text = say(QT_TRANSLATE_NOOP("report", "No sessions in this period."))
        return [*blocks, layout.paragraph(text)]
    header = [
        say(QT_TRANSLATE_NOOP("report", "Week from")),
        say(QT_TRANSLATE_NOOP("report", "Sessions")),
        say(QT_TRANSLATE_NOOP("report", "Days")),
    ]
    names = {
        Leg.RIGHT: (
            QT_TRANSLATE_NOOP("report", "Right, before"),
            QT_TRANSLATE_NOOP("report", "Right, after"),
        ),
        Leg.LEFT: (
            QT_TRANSLATE_NOOP("report", "Left, before"),
            QT_TRANSLATE_NOOP("report", "Left, after"),
        ),
    }
    for leg in report.knees:
        header += [say(names[leg][0]), say(names[leg][1])]
    header += [
        say(QT_TRANSLATE_NOOP("report", "Tightness, before")),
        say(QT_TRANSLATE_NOOP("report", "Tightness, after")),
    ]
    rows = []
    for week in report.table_weeks:
        row = [lang.date(week.start), lang.number(week.sessions), lang.number(week.days_practised)]
        for leg in report.knees:
            row += [lang.pain(week.before.of(leg)), lang.pain(week.after.of(leg))]
        row += [lang.pain(week.tightness_before), lang.pain(week.tightness_after)]
        rows.append(row)
    widths = [1.9, 1.1, 0.8] + [1.1] * (2 * len(report.knees)) + [1.2, 1.2]
    blocks.append(layout.table(header, rows, widths))
    return blocks


def _notes(layout: _Layout, report: Report) -> list[_Block]:
    lang, say = layout.lang, layout.lang.text
    blocks = [layout.heading(say(QT_TRANSLATE_NOOP("report", "Notes")))]
    if not report.notes:
        text = say(QT_TRANSLATE_NOOP("report", "No notes in this period."))
        return [*blocks, layout.paragraph(text)]
    if report.notes_total > len(report.notes):
        some = QT_TRANSLATE_NOOP("report", "The most recent {shown} of {count} notes, shortened.")
        text = say(some).format(
            shown=lang.number(len(report.notes)), count=lang.number(report.notes_total)
        )
        blocks.append(layout.paragraph(text, size=8.5, colour=GREY))
    before = say(QT_TRANSLATE_NOOP("report", "before the session: {note}"))
    after = say(QT_TRANSLATE_NOOP("report", "after the session: {note}"))
    rows = [
        (lang.datetime(n.when), (after if n.after else before).format(note=n.text))
        for n in report.notes
    ]
    return [*blocks, *layout.pairs(rows, size=8.5)]


def _blocks(layout: _Layout, report: Report, name: str) -> list[_Block]:
    return [
        *_head(layout, report, name),
        *_change(layout, report),
        *_practice(layout, report),
        *_stops_and_safety(layout, report),
        *_pain(layout, report),
        *_table(layout, report),
        *_notes(layout, report),
    ]


def paint_report(
    device: QPagedPaintDevice, report: Report, lang: ReportLanguage, name: str = ""
) -> int:
    """Draw the report on `device` (a QPdfWriter or a QPrinter); returns the page count.
    Raises OSError when the device cannot be painted on (e.g. the file cannot be written)."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the report could not be started (the file or printer refused it)")
    try:
        layout = _Layout(painter, device, lang)
        pages = layout.paginate(_blocks(layout, report, name))
        footer_font = layout.font(7.5)
        for number, page in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            for block, y in page:
                block.paint(painter, y)
            footer = lang.text(
                QT_TRANSLATE_NOOP("report", "{app}, {made}: page {page} of {pages}")
            ).format(
                app=APP_NAME,
                made=lang.date(report.made),
                page=lang.number(number),
                pages=lang.number(len(pages)),
            )
            y = device.height() - MARGIN_MM * layout.mm
            layout.draw_text(
                footer, footer_font, layout.left, y, layout.width, GREY, Qt.AlignmentFlag.AlignRight
            )
    finally:
        painter.end()
    return len(pages)


def write_pdf(
    path: Path,
    report: Report,
    lang: ReportLanguage,
    name: str = "",
    page_size: QPageSize | None = None,
) -> int:
    """Write the report to `path` as PDF, atomically (a reader never sees half a file and a
    failure leaves what was there); the file is readable by its owner only. Returns the
    page count; raises OSError when it cannot be written."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        writer.setResolution(600)
        writer.setCreator(APP_NAME)
        writer.setTitle(lang.text(TITLE))
        writer.setPageLayout(
            QPageLayout(
                page_size or default_page_size(),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        pages = paint_report(writer, report, lang, name)
        del writer  # flushes and closes the file
        if os.path.getsize(tmp) == 0:
            raise OSError(f"nothing could be written to {path}")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return pages


# ----- from the history to a file ------------------------------------------------------------
def make_report(
    store: HistoryStore, date_from: date | None, date_to: date | None, today: date
) -> Report:
    """The report over `date_from` to `date_to` (default: the first session to today), read
    through the history. Raises ValueError for a period that ends before it starts."""
    last = date_to or today
    first = date_from or store.first_day() or last
    if first > last:
        raise ValueError(f"the period would start on {first} and end before it, on {last}")
    records, answers = store.report_data(first, last)
    return core.build_report(records, first, last, today, answers)


def write_report_file(
    store: HistoryStore,
    path: Path,
    date_from: date | None,
    date_to: date | None,
    language: str,
    today: date | None = None,
) -> int:
    """Build the report and write it as PDF in `language` ("en", "ja" or "system"); the
    page count. Needs a QGuiApplication (fonts)."""
    report = make_report(store, date_from, date_to, today or date.today())
    return write_pdf(path, report, ReportLanguage(i18n.resolve_language(language)))
