"""What the window says about the user's data: a data folder that cannot be used, a history
that cannot be written, a storage error in the same words as the command line
(storage/errors.py), and a quit question that never claims a save that did not happen."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from knee_coach import APP_NAME


def words(exc: BaseException, path: object = "") -> str:
    """The storage problem `exc` in the user's words and language."""
    from knee_coach.storage.errors import problem

    return problem(exc, path).message(QCoreApplication.translate)


def data_folder_failed(folder: str, exc: OSError, language: str | None = None) -> None:
    """Before any window: the data folder cannot be used. A dialog says so (the app was
    started from a menu, so nobody reads stderr), then the app ends."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from knee_coach.ui import i18n

    i18n.apply_language(language or "system")
    text = QCoreApplication.translate(
        "storage_dialogs",
        "{app} cannot use its data folder, so it cannot keep your history:\n{folder}\n\n{error}",
    ).format(app=APP_NAME, folder=folder, error=words(exc, folder))
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, text)
    box.setObjectName("dataFolderProblem")
    box.exec()
    del app


def warn_read_only(parent: QWidget, path: Path) -> None:
    """The history opened but cannot be written: sessions run, nothing is saved."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("storage_dialogs", "History is read-only"),
        QCoreApplication.translate(
            "storage_dialogs",
            "The history can be read but not written, so sessions you do now are not "
            "saved:\n{path}\n\nMake the file writable (or free the disk it is on) and start "
            "{app} again.",
        ).format(path=path, app=APP_NAME),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("readOnlyHistory")
    box.exec()


def stop_question(saved: bool) -> str:
    """The quit question mid-session: the sets done are kept only if they were saved."""
    if saved:
        return QCoreApplication.translate(
            "storage_dialogs", "A session is in progress. Stop it and quit? The sets done are kept."
        )
    return QCoreApplication.translate(
        "storage_dialogs",
        "A session is in progress. Stop it and quit? The history could not be written, so "
        "the sets done are not saved.",
    )
