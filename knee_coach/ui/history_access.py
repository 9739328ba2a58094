"""Opening the history for the window, and telling the user when it is damaged or newer.

The history opens right after the window's first frame (or when first needed), so the window
shows without waiting for SQLite; without a history, sessions still run but are not stored."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from knee_coach.ui import storage_dialogs
from knee_coach.ui.texts import datetime_text

if TYPE_CHECKING:
    from knee_coach.storage.db import CorruptionReport, Database
    from knee_coach.storage.history import HistoryStore

log = logging.getLogger(__name__)


def storage_errors() -> tuple[type[Exception], ...]:
    """What can go wrong reading or writing the history; a session always goes on regardless.

    A function, so that SQLite loads with the history, not with the window."""
    from knee_coach.storage.errors import STORAGE_ERRORS

    return STORAGE_ERRORS


class HistoryAccess(QObject):
    """The open history (or why there is none), opened once on first use."""

    statusMessage = Signal(str)  # something for the window's status bar
    interruptedFound = Signal()  # a session cut short last time was found and closed
    opened = Signal()  # the first open was tried (see `history` and `problem`)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.db: Database | None = None
        self.history: HistoryStore | None = None
        self.problem: str | None = None  # why there is no history, for the user
        self.corruption: CorruptionReport | None = None
        # The last session cut short (its start, sets kept), told on the status bar.
        self.interrupted: tuple[datetime, int] | None = None
        self.open_tried = False  # opening was tried (it may have failed: see `problem`)
        self.read_only_untold = False  # opened read-only, not yet said

    def open(self) -> HistoryStore | None:
        """The history, opened on the first call; None if it cannot be (see `problem`)."""
        if not self.open_tried:
            self.open_tried = True
            self._open()
            if self.interrupted is not None:
                self.interruptedFound.emit()
            self.opened.emit()
        return self.history

    @property
    def has_news(self) -> bool:
        """Damage or a problem the user has not been told about yet."""
        return bool(self.problem or self.corruption or self.read_only_untold)

    @property
    def writable(self) -> bool:
        """Sessions can be saved: the history is open and not read-only."""
        return self.db is not None and not self.db.read_only

    def _open(self) -> None:
        from knee_coach.storage.db import Database, NewerDatabaseError
        from knee_coach.storage.history import HistoryStore

        try:
            self.db = Database.open(self.data_dir)
        except NewerDatabaseError as exc:
            self.problem = self.tr(
                "Your history was saved by a newer version of Knee Coach (database version "
                "{version}). It was left untouched. Please update Knee Coach to see it and "
                "to keep recording; sessions run meanwhile but are not stored.\n\n{path}"
            ).format(version=exc.version, path=exc.path)
        except storage_errors() as exc:
            self.problem = self.tr(
                "The history cannot be opened, so sessions are not stored for now: {error}"
            ).format(error=storage_dialogs.words(exc))
        if self.db is None:
            log.warning("history unavailable: %s", self.problem)
            return
        self.history = HistoryStore(self.db)
        self.corruption = self.db.corruption
        self.read_only_untold = self.db.read_only
        try:
            interrupted = self.history.mark_interrupted()
        except storage_errors() as exc:
            log.warning("could not mark interrupted sessions: %s", exc)
            interrupted = []
        if interrupted:
            last = interrupted[-1]
            self.interrupted = (last.started, len(last.sets))

    def explain_unavailable(self, parent: QWidget) -> None:
        QMessageBox.warning(
            parent,
            self.tr("History not available"),
            self.problem or self.tr("The history is not available."),
        )

    def report_problems(self, parent: QWidget) -> None:
        """Tell the user, once, why there is no history or that a damaged one was moved aside;
        offer the latest backup."""
        if self.problem:
            self.explain_unavailable(parent)
        if self.read_only_untold and self.db is not None:
            self.read_only_untold = False
            storage_dialogs.warn_read_only(parent, self.db.path)
        report, self.corruption = self.corruption, None
        if report is None:
            return
        text = self.tr(
            "The history file was damaged and could not be read. It was kept, not deleted, "
            "as:\n{moved}\n\nA new, empty history was started."
        ).format(moved=report.moved_to)
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("History damaged"))
        restore = None
        backup = report.latest_backup
        if backup is not None:
            text += "\n\n" + self.tr(
                "The latest backup is from {when}. Restore it? Sessions after it are in the "
                "damaged file only."
            ).format(when=datetime_text(backup.made.astimezone()))
            restore = box.addButton(
                self.tr("Restore the latest backup"), QMessageBox.ButtonRole.AcceptRole
            )
            box.addButton(self.tr("Start with an empty history"), QMessageBox.ButtonRole.RejectRole)
        else:
            box.addButton(QMessageBox.StandardButton.Ok)
        box.setText(text)
        box.exec()
        if restore is None or box.clickedButton() is not restore or self.db is None:
            return
        assert backup is not None  # a restore button is only offered with a backup
        try:
            self.db.restore(backup.path)
        except storage_errors() as exc:
            QMessageBox.warning(
                parent,
                self.tr("History damaged"),
                self.tr("The backup could not be restored: {error}").format(
                    error=storage_dialogs.words(exc, backup.path)
                ),
            )
            return
        self.statusMessage.emit(self.tr("The latest backup was restored."))

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
        self.db = self.history = None
