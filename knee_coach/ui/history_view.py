"""The history window: how the knee felt over time, sessions per day against the target,
weekly averages, and the weekly review with the honest nudge.

Imported only when the history is first opened: pyqtgraph is slow to import.
Years of twice-daily sessions stay quick: the data is read once as plain numbers on a worker
thread and grouped by core/history_series.py, the single sessions are drawn only for the week
and month ranges, and the whole history is drawn as weekly (or monthly) averages.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from enum import Enum
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QPointF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QBoxLayout,
    QButtonGroup,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from knee_coach.core import trends
from knee_coach.core.history_series import (
    DAY,
    ChartFigures,
    Periods,
    Series,
    periods,
    segments,
)
from knee_coach.core.model import Leg
from knee_coach.storage.history import HistoryStore
from knee_coach.storage.recorder import WallClock
from knee_coach.ui import storage_dialogs
from knee_coach.ui.fill_scroll import FillScrollArea
from knee_coach.ui.history_reading import HistoryReading
from knee_coach.ui.style import ACCENT, CARD, INK, MUTED, STYLESHEET, set_role
from knee_coach.ui.texts import date_text, datetime_text, number
from knee_coach.ui.window_fit import fit_to_screen

log = logging.getLogger(__name__)

LEFT_COLOUR = "#c8702a"
COLOURS = {Leg.RIGHT: ACCENT, Leg.LEFT: LEFT_COLOUR}
TARGET_BAND = QColor(42, 127, 130, 38)


class Range(str, Enum):
    WEEK = "week"
    MONTH = "month"
    ALL = "all"


RANGE_DAYS = {Range.WEEK: 7, Range.MONTH: 30}


LONG_HISTORY_DAYS = 400  # beyond this the whole history is drawn month by month
STEP_PAUSE_MS = 1  # between the steps that build and draw the charts
RANGE_BUTTON_WIDTH = 92  # at the least; wider when a language's word needs it
NARROW_WINDOW = 960  # narrower than this, the review goes under the chart
NARROW_CHART_HEIGHT = 420


class HistoryView(QWidget):
    """A window of its own, so it can stay open beside the session.

    It opens at once with a note that the history is being read; the history is read and
    grouped on a worker thread (ui/history_reading.py), then the two charts are built, drawn
    and shown in short steps, the event loop answering in between (pyqtgraph makes many
    objects per chart), so the window's thread never freezes for long. `loaded` says when
    what was read is drawn."""

    rangeChanged = Signal(str)
    # The reading is over: what was read is drawn, or why it could not be read is shown.
    # Emitted after opening and after each `reload`.
    loaded = Signal()

    pain_plot: pg.PlotWidget  # the charts, built in steps after the window shows
    day_plot: pg.PlotWidget

    def __init__(
        self, store: HistoryStore, wall_clock: WallClock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("page")
        if parent is None:  # on its own (tests, benchmarks); else its window's, in its language
            self.setStyleSheet(STYLESHEET)
        # Fits a 1366x768 laptop screen less its taskbar and the title bar; never larger
        # than the screen (a large text size makes it smaller).
        fit_to_screen(self, QSize(1180, 680), QSize(0, 0))
        self.store = store
        self.wall_clock = wall_clock
        self.range = Range.MONTH
        self.loading = True  # the history is being read (or what was read is not drawn yet)
        self.drawn = False  # the charts hold what was read
        self._charts_shown = False  # and are on screen (until then the note is)
        self.read_problem: str | None = None  # why the last reading failed, in words
        self.series = Series.from_rows([])
        self._days = self._counts = np.zeros(0, dtype=np.int64)
        self.weeks = self.months = periods(self.series, False, 0)
        self._figures: ChartFigures | None = None  # read, waiting for the charts
        self._build_frame()
        self.retranslate()
        self._reading = HistoryReading(store, self)
        self._reading.read.connect(self._read)
        self._reading.failed.connect(self._read_failed)
        self._steps: list[Callable[[], None]] = []  # what is left to do with what was read
        # Read once the window has shown: the reading then does not slow down its showing.
        QTimer.singleShot(0, self, self.reload)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "title"):
            self.retranslate()
            if self.drawn:
                self._show_review()  # from what was read: the history may be closed by now
                self._render()  # the legend and the dates under the chart
            self.hover.setText(" ")
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The fixed texts; what depends on the data is redrawn by `_show_review` and
        `_render` (both follow the language too)."""
        self.setWindowTitle(self.tr("History and weekly review"))
        self.title.setText(self.tr("How your knee felt"))
        names = {
            Range.WEEK: self.tr("Week"),
            Range.MONTH: self.tr("Month"),
            Range.ALL: self.tr("All"),
        }
        for rng, name in names.items():
            self.range_buttons[rng].setText(name)
        # One width for the three, that of the widest text in this language.
        for button in self.range_buttons.values():
            button.ensurePolished()
            button.setMinimumWidth(0)
        widest = max(button.sizeHint().width() for button in self.range_buttons.values())
        for button in self.range_buttons.values():
            button.setMinimumWidth(max(RANGE_BUTTON_WIDTH, widest))
        self.png_button.setText(self.tr("Save chart as PNG…"))
        self._label_charts()
        self.empty_note.setText(
            self.tr("No sessions yet. After your first session, how the knee felt shows here.")
        )
        self.review_heading.setText(self.tr("This week and last week"))
        self.advice_label.setText(
            self.tr(
                "Aim for once or twice a day. Many people notice a change after one to two "
                "weeks of daily practice; it varies from person to person. See a clinic if "
                "there is no improvement or it gets worse, and stop at once if the pain is "
                "sharp or the knee is swollen or hot."
            )
        )
        self.chart_box.setAccessibleName(self.tr("Chart of pain and sessions over time"))
        self._name(self.review_scroll, self.tr("This week and last week"))
        self._show_status()

    def _label_charts(self) -> None:
        """The charts' own texts, for those built so far."""
        if hasattr(self, "pain_plot"):
            self.pain_plot.setLabel("left", self.tr("Pain (0–10)"), color=INK)
            self._name(self.pain_plot, self.tr("Pain (0–10)"))
        if hasattr(self, "day_plot"):
            self.day_plot.setLabel("left", self.tr("Sessions a day"), color=INK)
            self._name(self.day_plot, self.tr("Sessions a day"))
            self.target_label.setText(self.tr("target: 1–2 a day"), color=ACCENT)

    @staticmethod
    def _name(area: QAbstractScrollArea, name: str) -> None:
        """The plots and the review take the focus (to scroll): each says what it is."""
        area.setAccessibleName(name)
        area.viewport().setAccessibleName(name)

    def _show_status(self) -> None:
        """The note in place of the charts: reading, or why the history could not be read."""
        if self.read_problem is not None:
            self.status_note.setText(
                self.tr("The history could not be read. {problem}").format(
                    problem=self.read_problem
                )
            )
        else:
            self.status_note.setText(self.tr("Reading your history…"))
        self.status_note.setVisible(self.read_problem is not None or not self._charts_shown)

    # ----- layout -----------------------------------------------------------------------
    def _build_frame(self) -> None:
        """Everything but the charts: cheap, so the window shows at once."""
        self.title = QLabel()
        set_role(self.title, "title")
        self.range_buttons: dict[Range, QPushButton] = {}
        group = QButtonGroup(self)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        for rng in Range:
            button = QPushButton()
            button.setCheckable(True)
            set_role(button, "choice")
            # Never narrower than its text (no minimum width that could cut it): a narrow
            # window scrolls instead.
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            group.addButton(button)
            button.clicked.connect(lambda _=False, r=rng: self.set_range(r))
            self.range_buttons[rng] = button
            top.addWidget(button)
        self.range_buttons[self.range].setChecked(True)
        self.png_button = QPushButton()
        self.png_button.clicked.connect(self._ask_png)
        self.png_button.setEnabled(False)  # until there is a chart to save
        self.png_button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        top.addSpacing(16)
        top.addWidget(self.png_button)

        self.chart_box = QFrame()
        set_role(self.chart_box, "card")
        self.chart_layout = chart_layout = QVBoxLayout(self.chart_box)
        chart_layout.setContentsMargins(10, 10, 10, 10)
        self.hover = QLabel(" ")
        set_role(self.hover, "muted")
        self.hover.setMinimumHeight(22)
        self.empty_note = QLabel()
        set_role(self.empty_note, "subtitle")
        self.empty_note.setWordWrap(True)
        self.empty_note.hide()
        self.status_note = QLabel()
        set_role(self.status_note, "subtitle")
        self.status_note.setWordWrap(True)
        self.status_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        set_role(self.legend, "muted")
        chart_layout.addWidget(self.legend)
        chart_layout.addWidget(self.status_note, 1)  # the charts go after it
        chart_layout.addWidget(self.hover)
        chart_layout.addWidget(self.empty_note)

        self.review = self._review_panel()
        # The general advice sits under the chart, where the line is long: beside it, in
        # Japanese with a nudge showing, the review would not fit a laptop screen's height.
        chart_layout.addWidget(self.advice_label)
        # On a short screen (or with a long translation and the nudge showing) the review
        # scrolls rather than squeezing its rows.
        self.review_scroll = QScrollArea()
        self.review_scroll.setWidget(self.review)
        self.review_scroll.setWidgetResizable(True)
        self.review_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.review_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.review_scroll.viewport().setAutoFillBackground(False)
        self.review_scroll.setFixedWidth(446)
        # The review beside the chart; under it in a narrow window (a large text size).
        body = self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.setSpacing(16)
        body.addWidget(self.chart_box, 1)
        body.addWidget(self.review_scroll)
        content = QWidget()
        content.setObjectName("page")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        # A window smaller than all this (a large text size on a laptop) scrolls, rather
        # than cutting the review or squeezing the charts.
        self.page_scroll = FillScrollArea()
        self.page_scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page_scroll)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = self.width() < NARROW_WINDOW
        if narrow != (self.body.direction() == QBoxLayout.Direction.TopToBottom):
            self.body.setDirection(
                QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
            )
            # One above the other, each takes the height it needs and the window scrolls:
            # the charts keep a readable height, the review shows whole.
            self.chart_box.setMinimumHeight(NARROW_CHART_HEIGHT if narrow else 0)
            self._fit_review()

    def _fit_review(self) -> None:
        """Under the charts, the review is as tall as its rows (again when they change);
        beside them, it shares their height and scrolls in its own box."""
        narrow = self.body.direction() == QBoxLayout.Direction.TopToBottom
        self.review_scroll.setMinimumHeight(self.review.sizeHint().height() if narrow else 0)

    # Each chart is built in three steps (its date axis, its plot, the widget with its
    # lines), each short enough not to freeze the window; the first date axis pays for
    # Qt's first rich-text layout, the first plot for pyqtgraph's first menu form.
    def _chart_steps(self) -> list[Callable[[], None]]:
        return [
            self._make_axis,
            self._make_plot_item,
            self._build_pain_plot,
            self._make_axis,
            self._make_plot_item,
            self._build_day_plot,
        ]

    def _make_axis(self) -> None:
        self._axis = pg.DateAxisItem(orientation="bottom", utcOffset=0)

    def _make_plot_item(self) -> None:
        # No context menu (nothing to set there): pyqtgraph then builds none.
        item = pg.PlotItem(axisItems={"bottom": self._axis}, enableMenu=False)
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        item.showGrid(x=True, y=True, alpha=0.15)
        font = QFont()
        font.setPointSize(10)
        for name in ("left", "bottom"):
            ax = item.getAxis(name)
            ax.setTextPen(pg.mkPen(INK))
            ax.setPen(pg.mkPen(MUTED))
            ax.setStyle(tickFont=font)
            # No units here: without this every range change re-lays out the label's HTML.
            ax.enableAutoSIPrefix(False)
        item.getAxis("left").setWidth(58)
        self._item = item

    def _build_pain_plot(self) -> None:
        # Lines are horizontal levels and the markers are cached pixmaps: no antialiasing
        # needed, and years of weekly levels draw much faster without it.
        pg.setConfigOptions(antialias=False)
        self.pain_plot = self._plot_widget(3)
        self.pain_plot.setYRange(-0.5, 10.5, padding=0)
        self.pain_plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])
        self._add_pain_items()
        self._label_charts()

    def _build_day_plot(self) -> None:
        self.day_plot = self._plot_widget(2)
        self.day_plot.setXLink(self.pain_plot)
        self._add_day_items()
        self._label_charts()

    def _plot_widget(self, stretch: int) -> pg.PlotWidget:
        """The plot just made, in a widget placed under the note and the charts before it.
        Hidden until it shows what was read (no empty chart flashes by), its room kept
        meanwhile: showing the second chart then does not resize and repaint the first."""
        plot = pg.PlotWidget(plotItem=self._item, background=CARD)
        plot.hide()
        policy = plot.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        plot.setSizePolicy(policy)
        self.chart_layout.insertWidget(self.chart_layout.indexOf(self.hover), plot, stretch)
        plot.scene().sigMouseMoved.connect(self._hovered)
        return plot

    def _legend_html(self, monthly: bool = False) -> str:
        parts = []
        for leg in Leg:
            knee = self.tr("Right knee") if leg is Leg.RIGHT else self.tr("Left knee")
            if monthly:
                text = self.tr(
                    "<b style='color:{colour}'>{knee}</b>: "
                    "<span style='color:{colour}'>━━</span> monthly average before a session, "
                    "<span style='color:{colour}'>╍╍</span> after"
                )
            else:
                text = self.tr(
                    "<b style='color:{colour}'>{knee}</b>: "
                    "<span style='color:{colour}'>●</span> before a session, "
                    "<span style='color:{colour}'>○</span> after; "
                    "<span style='color:{colour}'>━━</span> weekly average before, "
                    "<span style='color:{colour}'>╍╍</span> after"
                )
            parts.append(text.format(colour=COLOURS[leg], knee=knee))
        return "<br>".join(parts)

    def _add_pain_items(self) -> None:
        self.points: dict[tuple[Leg, str], pg.PlotDataItem] = {}
        self.weekly_lines: dict[tuple[Leg, str], pg.PlotDataItem] = {}
        for leg in Leg:
            colour = COLOURS[leg]
            self.weekly_lines[(leg, "before")] = self.pain_plot.plot(
                pen=pg.mkPen(colour, width=3), connect="pairs"
            )
            self.weekly_lines[(leg, "after")] = self.pain_plot.plot(
                pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine), connect="pairs"
            )
        for leg in Leg:
            colour = COLOURS[leg]
            self.points[(leg, "before")] = self.pain_plot.plot(
                pen=None, symbol="o", symbolSize=9, symbolBrush=colour, symbolPen=pg.mkPen(colour)
            )
            self.points[(leg, "after")] = self.pain_plot.plot(
                pen=None,
                symbol="o",
                symbolSize=9,
                symbolBrush=pg.mkBrush(CARD),
                symbolPen=pg.mkPen(colour, width=2),
            )
        self.cursor_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(MUTED, width=1))
        self.pain_plot.addItem(self.cursor_line, ignoreBounds=True)
        self.cursor_line.hide()

    def _add_day_items(self) -> None:
        band = pg.LinearRegionItem(
            values=(trends.TARGET_MIN, trends.TARGET_MAX),
            orientation="horizontal",
            brush=pg.mkBrush(TARGET_BAND),
            pen=pg.mkPen(None),
            movable=False,
        )
        band.setZValue(-10)
        self.day_plot.addItem(band, ignoreBounds=True)
        self.target_label = pg.TextItem(
            "",
            color=ACCENT,
            anchor=(1, 0),
            fill=pg.mkBrush(255, 255, 255, 215),
        )
        self.target_label.setZValue(20)
        self.day_plot.addItem(self.target_label, ignoreBounds=True)
        self.bars = pg.BarGraphItem(
            x=[0], height=[0], width=0.7 * DAY, brush=pg.mkBrush(ACCENT), pen=pg.mkPen(None)
        )
        self.day_plot.addItem(self.bars)
        self.day_plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 6)]])

    def _review_panel(self) -> QFrame:
        card = QFrame()
        set_role(card, "card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        self.review_heading = heading = QLabel()
        heading.setStyleSheet("font-size: 19px; font-weight: 600;")
        self.review_grid = QGridLayout()
        self.review_grid.setHorizontalSpacing(14)
        self.review_grid.setColumnStretch(0, 1)
        self.review_grid.setVerticalSpacing(3)
        self.streak_label = QLabel()
        set_role(self.streak_label, "body")
        self.streak_label.setWordWrap(True)
        self.nudge_label = QLabel()
        set_role(self.nudge_label, "danger")  # shown only when there is a nudge
        self.nudge_label.hide()
        self.nudge_label.setWordWrap(True)
        self.advice_label = QLabel()
        self.advice_label.setWordWrap(True)
        set_role(self.advice_label, "muted")
        layout.addWidget(heading)
        layout.addLayout(self.review_grid)
        layout.addWidget(self.streak_label)
        layout.addWidget(self.nudge_label)
        layout.addStretch(1)
        return card

    # ----- data -------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the history again (after a session or an import); redrawn once read."""
        self.loading = True
        self._reading.start(self.wall_clock())

    def _read(self, figures: ChartFigures) -> None:
        self._figures = figures
        if self._steps:
            return  # drawn by the steps under way
        if not hasattr(self, "day_plot"):
            # The first time: each chart built, drawn and shown in a step of its own, the
            # event loop answering in between.
            self._steps = [
                *self._chart_steps(),
                *self._draw_steps(),
                self._show_pain_plot,
                self._show_day_plot,
            ]
        else:
            self._steps = self._draw_steps()
        self._next_step()

    def _next_step(self) -> None:
        self._steps.pop(0)()
        if not self._steps and self._figures is not None:
            self._steps = self._draw_steps()  # read again meanwhile
        if self._steps:
            # A pause, not a zero timer: the event loop goes idle in between, so its own
            # timers and input are not held up by the steps and the paints they cause.
            QTimer.singleShot(STEP_PAUSE_MS, self, self._next_step)
        elif not self._reading.busy:
            self.loading = False
            self.loaded.emit()

    def _read_failed(self, exc: Exception) -> None:
        log.warning("history could not be read for the chart: %s", exc)
        self.read_problem = storage_dialogs.words(exc)
        self._show_status()
        if not self._steps:
            self.loading = False
            self.loaded.emit()

    def _draw_steps(self) -> list[Callable[[], None]]:
        return [self._take_figures, self._draw_charts]

    def _take_figures(self) -> None:
        """What was read, taken in and shown in the review."""
        figures, self._figures = self._figures, None
        if figures is None:
            return
        self.series, self.weeks, self.months = figures.series, figures.weeks, figures.months
        self._days, self._counts = figures.days, figures.counts
        self.review_data, self._review_day = figures.review, figures.today
        self._show_review()
        self.empty_note.setVisible(self.series.empty)
        self.read_problem = None
        self.drawn = True
        self._show_status()  # a problem told before is over

    def _draw_charts(self) -> None:
        """What was taken in, drawn into the charts (shown or not yet)."""
        self._render()
        self.hover.setText(" ")
        self.png_button.setEnabled(True)

    def _show_pain_plot(self) -> None:
        self._charts_shown = True
        self._show_status()  # the note makes way
        self.pain_plot.show()

    def _show_day_plot(self) -> None:
        self.day_plot.show()

    def _today_x(self) -> float:
        """Local midnight today on the chart's axis (local wall time read as UTC)."""
        today = self.wall_clock().date()
        return datetime.combine(today, datetime.min.time(), timezone.utc).timestamp()

    def x_range(self) -> tuple[float, float]:
        end = self._today_x() + DAY
        if self.range is Range.ALL and not self.series.empty:
            start = float(np.floor(self.series.x[0] / DAY) * DAY)
            return min(start, end - 7 * DAY), end
        return end - RANGE_DAYS.get(self.range, 30) * DAY, end

    def set_range(self, rng: Range | str) -> None:
        self.range = Range(rng)
        self.range_buttons[self.range].setChecked(True)
        self.hover.setText(" ")  # the cursor line goes too
        if self.drawn:
            self._render()  # else drawn in this range once read
        self.rangeChanged.emit(self.range.value)

    def _render(self) -> None:
        """Draw the chosen range: points, bars, weekly levels, legend and date ticks."""
        lo, hi = self.x_range()
        s = self.series
        detailed = self.range is not Range.ALL
        if detailed:
            i, j = np.searchsorted(s.x, [lo, hi])
            for (leg, kind), item in self.points.items():
                values = s.before[leg] if kind == "before" else s.after[leg]
                xs, ys = s.x[i:j], values[i:j]
                ok = ~np.isnan(ys)
                item.setData(xs[ok], ys[ok])
            di, dj = np.searchsorted(self._days, [lo / DAY, hi / DAY])
            self.bars.setOpts(
                x=self._days[di:dj] * DAY + DAY / 2,
                height=self._counts[di:dj],
                width=0.7 * DAY,
            )
            self.legend.setText(self._legend_html(monthly=False))
            for key, item in self.weekly_lines.items():
                levels = segments(self.weeks, self.weeks.means[key], lo, hi)
                item.setData(*levels, connect="pairs")
        else:
            # The whole history: one value per week (or per month for long histories),
            # joined up; the single sessions would only be noise at this scale.
            p = self.overview_periods()
            for item in self.points.values():
                item.setData([], [])
            for key, item in self.weekly_lines.items():
                item.setData(p.middle, p.means[key], connect="finite")
            self.bars.setOpts(x=p.middle, height=p.rate, width=p.end - p.start)
            self.legend.setText(self._legend_html(monthly=p is self.months))
        ticks = self._day_ticks(lo, hi)
        for plot in (self.pain_plot, self.day_plot):
            plot.getAxis("bottom").setTicks(ticks)
        self.pain_plot.setXRange(lo, hi, padding=0.01)
        self.day_plot.setXRange(lo, hi, padding=0.01)
        top = max(3.0, float(self._counts.max()) if len(self._counts) else 0.0)
        self.day_plot.setYRange(0, top + 0.3, padding=0)
        self.target_label.setPos(hi, top + 0.25)
        self.cursor_line.hide()

    def overview_periods(self) -> Periods:
        lo, hi = self.x_range()
        return self.months if hi - lo > LONG_HISTORY_DAYS * DAY else self.weeks

    def _day_ticks(self, lo: float, hi: float) -> list[list[tuple[float, str]]]:
        """Readable dates under the chart in the window's language: days under the week
        and month ranges ("Mon 8", "Jun 8"), months and years under the whole history."""
        if self.range is Range.ALL:
            return self._month_ticks(lo, hi)
        locale = QLocale()
        # Date patterns of QLocale.toString, translated: each language orders them its way.
        week_format = self.tr("ddd d")  # "Mon 8"
        month_format = self.tr("MMM d")  # "Jun 8"
        first = date(1970, 1, 1) + timedelta(days=int(lo // DAY))
        days = int((hi - lo) // DAY)
        major: list[tuple[float, str]] = []
        minor: list[tuple[float, str]] = []
        for i in range(days + 1):
            day = first + timedelta(days=i)
            x = (day - date(1970, 1, 1)).days * DAY + DAY / 2
            qday = QDate(day.year, day.month, day.day)
            if self.range is Range.WEEK:
                major.append((x, locale.toString(qday, week_format)))
            elif day.weekday() == 0:
                major.append((x, locale.toString(qday, month_format)))
            else:
                minor.append((x, ""))
        return [major, minor]

    def _month_ticks(self, lo: float, hi: float) -> list[list[tuple[float, str]]]:
        """A tick at each month's first day; labels every month, quarter or year as the
        span allows; January is named by its year."""
        locale = QLocale()
        month_format = self.tr("MMM")  # "Jun"
        year_format = self.tr("yyyy")  # "2026"
        first = date(1970, 1, 1) + timedelta(days=int(lo // DAY))
        last = date(1970, 1, 1) + timedelta(days=int(hi // DAY))
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        step = 1 if months <= 14 else 3 if months <= 48 else 12
        major: list[tuple[float, str]] = []
        minor: list[tuple[float, str]] = []
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            x = (date(year, month, 1) - date(1970, 1, 1)).days * DAY
            if lo <= x <= hi:
                if (month - 1) % step == 0:
                    pattern = year_format if month == 1 else month_format
                    major.append((x, locale.toString(QDate(year, month, 1), pattern)))
                else:
                    minor.append((x, ""))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return [major, minor]

    # ----- the weekly review ------------------------------------------------------------
    def _show_review(self) -> None:
        """The review panel from the last computed review, in the current language."""
        review, today = self.review_data, self._review_day
        grid = self.review_grid
        while grid.count():
            item = grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone now, not once the event loop deletes it
                widget.deleteLater()

        def cell(text: str, row: int, col: int, bold: bool = False) -> None:
            label = QLabel(text)
            set_role(label, "body")
            if bold:
                label.setStyleSheet("font-weight: 600;")
            if col:
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            else:
                label.setWordWrap(True)  # long names (and translations) wrap, never clip
            grid.addWidget(label, row, col)
            # Shown now, not by Qt from the event loop: the review's size hint counts it at
            # once (_fit_review).
            label.show()

        def avg(value: float | None) -> str:
            return "–" if value is None else number(value, 1)

        this, last = review.this_week, review.last_week
        cell("", 0, 0)
        cell(self.tr("This week"), 0, 1, bold=True)
        cell(self.tr("Last week"), 0, 2, bold=True)
        rows: list[tuple[str, str, str]] = [
            (self.tr("Sessions"), number(this.sessions), number(last.sessions)),
            (
                self.tr("Days practised"),
                self.tr("{days} of {total}").format(
                    days=number(this.days_practised), total=number((today - this.start).days + 1)
                ),
                self.tr("{days} of {total}").format(
                    days=number(last.days_practised), total=number(7)
                ),
            ),
            (
                self.tr("Days with 1–2 sessions"),
                number(this.days_on_target),
                number(last.days_on_target),
            ),
        ]
        names = {
            Leg.RIGHT: (self.tr("Right knee, before"), self.tr("Right knee, after")),
            Leg.LEFT: (self.tr("Left knee, before"), self.tr("Left knee, after")),
        }
        for leg in Leg:
            if this.before.get(leg) is None and last.before.get(leg) is None:
                continue
            rows.append((names[leg][0], avg(this.before.get(leg)), avg(last.before.get(leg))))
            rows.append((names[leg][1], avg(this.after.get(leg)), avg(last.after.get(leg))))
        for r, (name, a, b) in enumerate(rows, start=1):
            cell(name, r, 0)
            cell(a, r, 1)
            cell(b, r, 2)
        # The chart in words for a screen reader: the weekly table, row by row.
        table = [
            self.tr("{name}: this week {this}, last week {last}").format(name=name, this=a, last=b)
            for name, a, b in rows
        ]
        note = QLabel(self.tr("Average pain, 0–10."))
        set_role(note, "muted")
        grid.addWidget(note, len(rows) + 1, 0, 1, 3)
        note.show()

        lines = [
            self.tr("Practised %n day(s) in a row.", "", review.streak)
            if review.streak
            else self.tr("No practice today or yesterday yet.")
        ]
        for leg in Leg:
            change = review.before_change(leg)
            if change is None:
                continue
            knee = self.tr("Right knee") if leg is Leg.RIGHT else self.tr("Left knee")
            if change <= -0.05:
                lines.append(
                    self.tr("{knee}: {points:.1f} points less pain than last week.").format(
                        knee=knee, points=-change
                    )
                )
            elif change >= 0.05:
                lines.append(
                    self.tr("{knee}: {points:.1f} points more pain than last week.").format(
                        knee=knee, points=change
                    )
                )
            else:
                lines.append(self.tr("{knee}: the same as last week.").format(knee=knee))
        self.streak_label.setText("\n".join(lines))
        self.chart_box.setAccessibleDescription(" ".join([*(t + "." for t in table), *lines]))
        nudge = review.nudge
        if nudge is not None:
            self.nudge_label.setText(nudge.text(QCoreApplication.translate))
            self.nudge_label.show()
        else:
            self.nudge_label.clear()
            self.nudge_label.hide()
        self._fit_review()

    # ----- hover ------------------------------------------------------------------------
    def _hovered(self, pos: QPointF) -> None:
        plot = self.pain_plot if self.pain_plot.sceneBoundingRect().contains(pos) else None
        if plot is None and self.day_plot.sceneBoundingRect().contains(pos):
            plot = self.day_plot
        if plot is None or not self.drawn or self.series.empty:
            return
        x = plot.getPlotItem().vb.mapSceneToView(pos).x()
        self.hover.setText(self.describe(x))
        self.cursor_line.setPos(x)
        self.cursor_line.show()

    def describe(self, x: float) -> str:
        """The values nearest to `x` (a point of the date axis), for the hover line."""
        s = self.series
        if self.range is Range.ALL:
            p = self.overview_periods()
            k = p.find(x)
            if k is None:
                return " "
            first = date(1970, 1, 1) + timedelta(days=round(float(p.start[k]) / DAY))
            if p is self.months:
                head = self.tr("{month}: {rate:.1f} sessions a day").format(
                    month=QLocale().toString(
                        QDate(first.year, first.month, 1),
                        self.tr("MMMM yyyy"),  # "June 2026"
                    ),
                    rate=p.rate[k],
                )
            else:
                head = self.tr("Week of {day}: {rate:.1f} sessions a day").format(
                    day=date_text(first), rate=p.rate[k]
                )
            parts = [head]
            for leg in Leg:
                b, a = p.means[(leg, "before")][k], p.means[(leg, "after")][k]
                if np.isnan(b) and np.isnan(a):
                    continue
                parts.append(
                    self._pain_text(
                        leg, None if np.isnan(b) else b, None if np.isnan(a) else a, "{:.1f}"
                    )
                )
            return "   ".join(parts)
        lo, hi = self.x_range()
        i, j = np.searchsorted(s.x, [lo, hi])
        if i == j:
            return " "
        k = i + int(np.argmin(np.abs(s.x[i:j] - x)))
        when = datetime.fromtimestamp(float(s.x[k]), timezone.utc)
        day_no = int(s.day[k])
        count = int(self._counts[np.searchsorted(self._days, day_no)])
        parts = [
            self.tr("{when}  (%n session(s) that day)", "", count).format(when=datetime_text(when))
        ]
        for leg in Leg:
            b, a = s.before[leg][k], s.after[leg][k]
            bv = None if np.isnan(b) else float(b)
            av = None if np.isnan(a) else float(a)
            if bv is None and av is None:
                continue
            parts.append(self._pain_text(leg, bv, av, "{:.0f}"))
        return "   ".join(parts)

    def _pain_text(self, leg: Leg, before: float | None, after: float | None, fmt: str) -> str:
        b = "–" if before is None else fmt.format(before)
        a = "–" if after is None else fmt.format(after)
        if leg is Leg.RIGHT:
            return self.tr("Right knee: {before} → {after}").format(before=b, after=a)
        return self.tr("Left knee: {before} → {after}").format(before=b, after=a)

    # ----- PNG --------------------------------------------------------------------------
    def save_png(self, path: Path) -> bool:
        """The chart as it is shown, with its legend, as a PNG image."""
        return self.chart_box.grab().save(str(path), "PNG")

    def _ask_png(self) -> None:
        suggested = str(
            Path.home() / self.tr("knee-coach-chart-{day}.png").format(day=self.wall_clock().date())
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart as PNG"), suggested, self.tr("PNG images (*.png)")
        )
        if path and not self.save_png(Path(path)):
            self.hover.setText(self.tr("The image could not be saved to {path}.").format(path=path))
