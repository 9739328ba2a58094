"""File → Report for your clinician: choose the period, a name if wanted and the language,
then save the report as PDF or print it (knee_coach.ui.report_pdf draws it)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from knee_coach.storage.db import DatabaseError
from knee_coach.ui import i18n
from knee_coach.ui.i18n import Retranslating
from knee_coach.ui.report_pdf import ReportLanguage, default_page_size, make_report, paint_report
from knee_coach.ui.report_pdf import write_pdf as write_report_pdf
from knee_coach.ui.style import set_role

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from knee_coach.core.report import Report
    from knee_coach.storage.history import HistoryStore
    from knee_coach.ui.history_access import HistoryAccess

PRESETS = ("all", "4", "12", "custom")  # since the first session, last 4 / 12 weeks, dates


class ReportDialog(Retranslating, QDialog):
    def __init__(
        self,
        store: HistoryStore,
        today: Callable[[], date],
        language: str,
        cache_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.store = store
        self.today = today
        self.cache_dir = cache_dir
        self.preset = QComboBox()
        self.preset.setObjectName("reportPeriod")
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.name = QLineEdit()
        self.name.setObjectName("reportName")
        self.language = QComboBox()
        self.language.setObjectName("reportLanguage")
        for lang in i18n.LANGUAGES:
            self.language.addItem(i18n.NATIVE_NAMES[lang], lang)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.period_label, self.from_label, self.to_label = QLabel(), QLabel(), QLabel()
        self.name_label, self.language_label = QLabel(), QLabel()
        for label, field in (
            (self.period_label, self.preset),
            (self.from_label, self.date_from),
            (self.to_label, self.date_to),
            (self.name_label, self.name),
            (self.language_label, self.language),
        ):
            label.setBuddy(field)
        form = QFormLayout()
        form.addRow(self.period_label, self.preset)
        form.addRow(self.from_label, self.date_from)
        form.addRow(self.to_label, self.date_to)
        form.addRow(self.name_label, self.name)
        form.addRow(self.language_label, self.language)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("reportSave")
        set_role(self.save_button, "primary")
        self.print_button = QPushButton()
        self.print_button.setObjectName("reportPrint")
        self.close_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_report)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.retranslate()
        self._preset_changed()
        self.save_button.setDefault(True)
        self.resize(520, 0)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Report for your clinician"))
        self.intro.setText(
            self.tr(
                "A one- or two-page summary of your practice and ratings to show a clinic "
                "or a physiotherapist. It stays on this computer until you save or print it."
            )
        )
        texts = (
            self.tr("Since the first session"),
            self.tr("The last 4 weeks"),
            self.tr("The last 12 weeks"),
            self.tr("Dates I choose"),
        )
        current = self.preset.currentIndex()
        self.preset.blockSignals(True)
        self.preset.clear()
        for key, text in zip(PRESETS, texts, strict=True):
            self.preset.addItem(text, key)
        self.preset.setCurrentIndex(max(0, current))
        self.preset.blockSignals(False)
        self.period_label.setText(self.tr("&Period:"))
        self.from_label.setText(self.tr("&From:"))
        self.to_label.setText(self.tr("&To:"))
        self.name_label.setText(self.tr("&Name (optional):"))
        self.name.setPlaceholderText(self.tr("Left off the report when empty"))
        self.language_label.setText(self.tr("&Language of the report:"))
        self.save_button.setText(self.tr("&Save as PDF…"))
        self.print_button.setText(self.tr("&Print…"))
        self.close_button.setText(self.tr("Close"))

    def _preset_changed(self) -> None:
        key = self.preset.currentData() or "all"
        today = self.today()
        custom = key == "custom"
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if custom:
            return
        if key == "all":
            first = self.store.first_day() or today
        else:
            first = today - timedelta(days=7 * int(key) - 1)
        self._set_dates(min(first, today), today)

    def _set_dates(self, first: date, last: date) -> None:
        self.date_from.setDate(QDate(first.year, first.month, first.day))
        self.date_to.setDate(QDate(last.year, last.month, last.day))

    # ----- what the buttons do ------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()  # type: ignore[return-value]

    def report_language(self) -> ReportLanguage:
        return ReportLanguage(self.language.currentData(), self.cache_dir)

    def build(self) -> Report | None:
        """The report for the chosen period, or None (and a message) when it cannot be made."""
        first, last = self.period()
        try:
            return make_report(self.store, first, last, self.today())
        except ValueError:
            self._problem(self.tr("The period ends before it starts: please check the dates."))
        except (sqlite3.Error, DatabaseError, OSError) as exc:
            self._problem(self.tr("The history could not be read: {error}").format(error=exc))
        return None

    def save(self) -> None:
        suggested = str(
            Path.home() / self.tr("knee-report-{day}.pdf").format(day=self.today().isoformat())
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the report to `path` (the file dialog has asked before replacing a file)."""
        report = self.build()
        if report is None:
            return False
        try:
            pages = write_report_pdf(path, report, self.report_language(), self.name.text())
        except OSError as exc:
            self._problem(
                self.tr("The report could not be written to {path}: {error}").format(
                    path=path, error=exc
                )
            )
            return False
        self.status.setText(self.tr("Saved: {path} (%n page(s))", "", pages).format(path=path))
        return True

    def print_report(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(default_page_size())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the report"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        report = self.build()
        if report is None:
            return False
        try:
            pages = paint_report(printer, report, self.report_language(), self.name.text())
        except OSError as exc:
            self._problem(self.tr("The report could not be printed: {error}").format(error=exc))
            return False
        self.status.setText(self.tr("Sent to the printer (%n page(s)).", "", pages))
        return True

    def _problem(self, text: str) -> None:
        self.status.setText(text)
        QMessageBox.warning(self, self.tr("Report not made"), text)


# ----- from the main window's File menu -------------------------------------------------------
def open_report_dialog(
    window: QWidget, access: HistoryAccess, today: Callable[[], date], cache_dir: Path
) -> None:
    """File → Report for your clinician: the dialog, in the window's language to start with."""
    history = access.open()
    if history is None:
        access.explain_unavailable(window)
        return
    applied = i18n.current()
    dialog = ReportDialog(history, today, applied.language if applied else "en", cache_dir, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()  # window-modal, without a nested event loop
