"""Reading the history for the History window on a worker thread.

Ten years of sessions take a while to read and group, and the window's thread must not
freeze meanwhile: the worker reads with a connection of its own (SQLite connections belong
to their thread), computes the figures with numpy and hands them back as plain values."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from knee_coach.core.history_series import ChartFigures
from knee_coach.ui.background import BackgroundWork
from knee_coach.ui.history_access import storage_errors

if TYPE_CHECKING:
    from knee_coach.storage.history import HistoryStore


class HistoryReading(QObject):
    """Reads the history again each time `start` is called, one read at a time; `read` is
    emitted on this object's thread with the figures of the latest read, `failed` with what
    went wrong reading it (a storage error: a bug is raised, not hidden)."""

    read = Signal(object)  # ChartFigures
    failed = Signal(object)  # the storage error

    def __init__(self, store: HistoryStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._worker: BackgroundWork | None = None
        self._figures: list[ChartFigures] = []  # what the current read made, once done
        self._problems: list[Exception] = []  # or why it could not read
        self._again: datetime | None = None  # asked again while reading: read once more

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def start(self, now: datetime) -> None:
        """Read the history as of `now` (local, aware); while a read is under way, once more
        after it, and only the newer figures are handed on."""
        if self._worker is not None:
            self._again = now
            return
        figures: list[ChartFigures] = []
        problems: list[Exception] = []
        store = self._store

        def work() -> None:
            from knee_coach.storage.history import HistoryStore

            try:
                db = store.db.reader()
                try:
                    reader = HistoryStore(db)
                    rows = reader.pain_series()
                    records = reader.review_records(now.astimezone(timezone.utc))
                finally:
                    db.close()
            except storage_errors() as exc:  # told in the window, in words
                problems.append(exc)
                return
            figures.append(ChartFigures.compute(rows, records, now.date()))

        # No parent: it lives until its thread has said it is done, even if the window is
        # deleted first (what was read then goes nowhere).
        worker = BackgroundWork(work)
        worker.done.connect(self._done)
        self._worker, self._figures, self._problems = worker, figures, problems
        worker.start()

    def _done(self) -> None:
        worker, self._worker = self._worker, None
        assert worker is not None
        again, self._again = self._again, None
        if again is not None:
            self.start(again)  # what was read is already out of date
            return
        if worker.error is not None:
            raise worker.error  # a bug, not a storage fault: let it be seen
        if self._problems:
            self.failed.emit(self._problems[0])
        else:
            self.read.emit(self._figures[0])
