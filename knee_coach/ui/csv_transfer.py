"""File → Export / Import history as CSV: the file dialogs and what the user is told."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from knee_coach.ui import storage_dialogs
from knee_coach.ui.history_access import HistoryAccess, storage_errors


class CsvTransfer(QObject):
    """Exports and imports the history through file dialogs parented to `window`."""

    statusMessage = Signal(str)
    imported = Signal()  # the history changed: views reload

    def __init__(self, window: QWidget, access: HistoryAccess, today: Callable[[], date]) -> None:
        super().__init__(window)
        self._window = window
        self._access = access
        self._today = today

    def export_history(self) -> None:
        history = self._access.open()
        if history is None:
            self._access.explain_unavailable(self._window)
            return
        suggested = str(
            Path.home() / self.tr("knee-coach-history-{day}.csv").format(day=self._today())
        )
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Export history as CSV"), suggested, self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        from knee_coach.storage.csv_export import export_csv

        try:
            n = export_csv(history, Path(path))
        except storage_errors() as exc:
            QMessageBox.warning(
                self._window,
                self.tr("Export failed"),
                self.tr("The history could not be written to {path}: {error}").format(
                    path=path, error=storage_dialogs.words(exc, path)
                ),
            )
            return
        self.statusMessage.emit(
            self.tr("%n session(s) exported to {path}", "", n).format(path=path)
        )

    def import_history(self) -> None:
        history = self._access.open()
        if history is None:
            self._access.explain_unavailable(self._window)
            return
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Import history from CSV"),
            str(Path.home()),
            self.tr("CSV files (*.csv)"),
        )
        if not path:
            return
        from knee_coach.storage.csv_import import CsvImportError, import_csv

        try:
            result = import_csv(history, Path(path))
        except CsvImportError as exc:
            QMessageBox.warning(
                self._window,
                self.tr("Nothing was imported"),
                self.tr("{problem}\n\nThe history was not changed.").format(
                    problem=exc.message(QCoreApplication.translate)
                ),
            )
            return
        except storage_errors() as exc:
            QMessageBox.warning(
                self._window,
                self.tr("Nothing was imported"),
                self.tr("The history could not be updated: {error}").format(
                    error=storage_dialogs.words(exc)
                ),
            )
            return
        text = self.tr("%Ln session(s) added.", "", result.added)
        if result.skipped:
            text += " " + self.tr(
                "%Ln session(s) already in the history, so skipped.", "", result.skipped
            )
        if result.repeated:
            text += " " + self.tr(
                "%Ln row(s) repeated in the file, so skipped.", "", result.repeated
            )
        QMessageBox.information(self._window, self.tr("History imported"), text)
        self.imported.emit()
