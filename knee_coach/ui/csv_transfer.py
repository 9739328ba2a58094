"""File → Export / Import history as CSV: the file dialogs, the work on a worker thread with a
progress dialog and Cancel, and what the user is told.

A file of years of sessions takes a while: the work runs on a thread of its own, with its own
connection to the history (SQLite connections belong to their thread), so the window keeps
answering. Cancel leaves no exported file and imports nothing."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from knee_coach.ui import storage_dialogs
from knee_coach.ui.background import BackgroundWork
from knee_coach.ui.history_access import HistoryAccess, storage_errors

if TYPE_CHECKING:
    from knee_coach.storage.history import HistoryStore

# What a job runs on the worker: given its own store and the progress callback.
Run = Callable[["HistoryStore", Callable[[float], None]], object]
PROGRESS_STEPS = 1000
PROGRESS_POLL_MS = 100  # how often the dialog shows how far the worker is
PROGRESS_AFTER_MS = 400  # a job done sooner never shows the dialog


class Job:
    """One export or import, run by `work` on a worker thread."""

    def __init__(
        self, data_dir: Path, run: Callable[[HistoryStore, Callable[[float], None]], object]
    ):
        self._data_dir = data_dir
        self._run = run
        self.fraction = 0.0  # written by the worker, read by the window's thread
        self.cancel_requested = threading.Event()
        self.result: object = None
        self.error: Exception | None = None

    def work(self) -> None:
        from knee_coach.storage.db import Database
        from knee_coach.storage.history import HistoryStore

        try:
            # Never repair from here: the window opened (and, if need be, repaired) it already.
            db = Database.open(self._data_dir, repair=False)
            try:
                self.result = self._run(HistoryStore(db), self._progress)
            finally:
                db.close()
        except Exception as exc:  # told to the user on the window's thread
            self.error = exc

    def _progress(self, fraction: float) -> None:
        from knee_coach.storage.progress import Cancelled

        self.fraction = fraction
        if self.cancel_requested.is_set():
            raise Cancelled


class CsvTransfer(QObject):
    """Exports and imports the history through file dialogs parented to `window`."""

    statusMessage = Signal(str)
    imported = Signal()  # the history changed: views reload

    def __init__(self, window: QWidget, access: HistoryAccess, today: Callable[[], date]) -> None:
        super().__init__(window)
        self._window = window
        self._access = access
        self._today = today
        self._job: Job | None = None
        self._dialog: QProgressDialog | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(PROGRESS_POLL_MS)
        self._poll.timeout.connect(self._show_progress)

    @property
    def busy(self) -> bool:
        """An export or import is running."""
        return self._job is not None

    # ----- export -----------------------------------------------------------------------------
    def export_history(self) -> None:
        if self.busy or not self._history_open():
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

        self._start(
            lambda store, progress: export_csv(store, Path(path), progress=progress),
            self.tr("Exporting the history…"),
            lambda job: self._exported(job, path),
        )

    def _exported(self, job: Job, path: str) -> None:
        from knee_coach.storage.progress import Cancelled

        if isinstance(job.error, Cancelled):
            self.statusMessage.emit(self.tr("Export cancelled; no file was written."))
        elif job.error is not None:
            self._report_error(job.error)
            QMessageBox.warning(
                self._window,
                self.tr("Export failed"),
                self.tr("The history could not be written to {path}: {error}").format(
                    path=path, error=storage_dialogs.words(job.error, path)
                ),
            )
        else:
            n = job.result
            assert isinstance(n, int)
            self.statusMessage.emit(
                self.tr("%n session(s) exported to {path}", "", n).format(path=path)
            )

    # ----- import -----------------------------------------------------------------------------
    def import_history(self) -> None:
        if self.busy or not self._history_open():
            return
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Import history from CSV"),
            str(Path.home()),
            self.tr("CSV files (*.csv)"),
        )
        if not path:
            return
        from knee_coach.storage.csv_import import import_csv

        self._start(
            lambda store, progress: import_csv(store, Path(path), progress=progress),
            self.tr("Importing the history…"),
            self._imported,
        )

    def _imported(self, job: Job) -> None:
        from knee_coach.storage.csv_import import CsvImportError, ImportResult
        from knee_coach.storage.progress import Cancelled

        if isinstance(job.error, Cancelled):
            self.statusMessage.emit(self.tr("Import cancelled; the history was not changed."))
            return
        if isinstance(job.error, CsvImportError):
            QMessageBox.warning(
                self._window,
                self.tr("Nothing was imported"),
                self.tr("{problem}\n\nThe history was not changed.").format(
                    problem=job.error.message(QCoreApplication.translate)
                ),
            )
            return
        if job.error is not None:
            self._report_error(job.error)
            QMessageBox.warning(
                self._window,
                self.tr("Nothing was imported"),
                self.tr("The history could not be updated: {error}").format(
                    error=storage_dialogs.words(job.error)
                ),
            )
            return
        result = job.result
        assert isinstance(result, ImportResult)
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

    # ----- the job ----------------------------------------------------------------------------
    def _history_open(self) -> bool:
        if self._access.open() is None:
            self._access.explain_unavailable(self._window)
            return False
        return True

    def _start(
        self,
        run: Run,
        label: str,
        finished: Callable[[Job], None],
    ) -> None:
        job = Job(self._access.data_dir, run)
        self._job = job
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, PROGRESS_STEPS, self._window)
        dialog.setObjectName("csvProgress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel_requested.set)
        dialog.setValue(0)
        self._dialog = dialog
        worker = BackgroundWork(job.work, self)
        worker.done.connect(lambda: self._finish(job, worker, finished))
        self._poll.start()
        worker.start()

    def _show_progress(self) -> None:
        if self._job is not None and self._dialog is not None:
            self._dialog.setValue(round(self._job.fraction * PROGRESS_STEPS))

    def _finish(self, job: Job, worker: BackgroundWork, finished: Callable[[Job], None]) -> None:
        self._poll.stop()
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        self._job = None
        worker.deleteLater()
        finished(job)

    def _report_error(self, exc: Exception) -> None:
        if not isinstance(exc, storage_errors()):
            raise exc  # a bug, not a storage fault: let it be seen
