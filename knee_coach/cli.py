"""Command line entry: `knee-coach` opens the app; sub-commands work on the history.

Kept light on purpose: Qt is imported only when the window is really needed, never by the
`export` and `import` sub-commands.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from knee_coach import APP_NAME, __version__
from knee_coach.core.settings import LANGUAGES as LANG_CHOICES

# The exit codes (README, "Your data"); storage/errors.py says which problem gets which.
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_UNTOUCHED = 0, 1, 2, 3


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-05-01") from None


def build_parser() -> argparse.ArgumentParser:
    data_dir_help = (
        "folder for the history and settings (default: the platform's user data folder;"
        " also settable with KNEE_COACH_DATA_DIR)"
    )
    parser = argparse.ArgumentParser(
        prog="knee-coach",
        description=f"{APP_NAME}: guided self-care for pain behind the knee.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help=data_dir_help)
    parser.add_argument(
        "--lang",
        choices=LANG_CHOICES,
        help="language of the window for this run: ja (Japanese), en (English) or system"
        " (default: the one chosen in the settings, which follows the system language)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the main window offscreen, check it, and exit 0 (for packaged builds)",
    )
    parser.add_argument(
        "--minimized",
        action="store_true",
        help="start hidden in the system tray (used when starting at login)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    export = commands.add_parser(
        "export", help="write the history as CSV (one row per session)", description=None
    )
    export.add_argument("--csv", metavar="PATH", required=True, type=Path, help="file to write")
    export.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", type=_day)
    export.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", type=_day)
    export.add_argument("--force", action="store_true", help="replace an existing file")
    imp = commands.add_parser(
        "import", help="merge a CSV history into this one (exact duplicates are skipped)"
    )
    imp.add_argument("--csv", metavar="PATH", required=True, type=Path, help="file to read")
    report = commands.add_parser(
        "report", help="write a report for your clinician as PDF (--lang chooses its language)"
    )
    report.add_argument("--pdf", metavar="PATH", required=True, type=Path, help="file to write")
    report.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", type=_day)
    report.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", type=_day)
    report.add_argument("--force", action="store_true", help="replace an existing file")
    for sub in (export, imp, report):
        sub.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=data_dir_help)
    return parser


def _err(message: str) -> None:
    print(f"knee-coach: {message}", file=sys.stderr)


def _open_store(folder: Path) -> object:
    """The history, never repaired here: a damaged file stays where it is, byte for byte,
    so that the app can still offer to restore the latest backup."""
    from knee_coach.storage.db import Database
    from knee_coach.storage.history import HistoryStore

    return HistoryStore(Database.open(folder, repair=False))


def _storage_failed(exc: BaseException, path: object = "") -> int:
    """One line in words for a storage problem, and its exit code (never a traceback)."""
    from knee_coach.storage.errors import problem

    found = problem(exc, path)
    _err(found.message())
    return found.exit_code


def _storage_errors() -> tuple[type[Exception], ...]:
    from knee_coach.storage.errors import STORAGE_ERRORS  # with SQLite, when a command needs it

    return STORAGE_ERRORS


def _check_output(path: Path, args: argparse.Namespace) -> int | None:
    """Bad input for a command that writes `path` (export, report): its exit code, or None."""
    if args.date_from and args.date_to and args.date_from > args.date_to:
        _err("--from is after --to")
        return EXIT_BAD_INPUT
    if path.exists() and not args.force:
        _err(f"{path} already exists; add --force to replace it")
        return EXIT_BAD_INPUT
    if not path.parent.is_dir():
        _err(f"the folder {path.parent} does not exist")
        return EXIT_BAD_INPUT
    return None


def _export(folder: Path, args: argparse.Namespace) -> int:
    from knee_coach.storage.csv_export import export_csv

    path: Path = args.csv
    bad = _check_output(path, args)
    if bad is not None:
        return bad
    try:
        store = _open_store(folder)
        n = export_csv(store, path, args.date_from, args.date_to)  # type: ignore[arg-type]
    except _storage_errors() as exc:
        return _storage_failed(exc, path)
    print(f"Exported {n} sessions to {path}")
    return EXIT_OK


def _report(folder: Path, args: argparse.Namespace) -> int:
    """Like export: bad input exits 2 before anything is written."""
    path: Path = args.pdf
    bad = _check_output(path, args)
    if bad is not None:
        return bad
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # draws no window: needs no display
    from PySide6.QtGui import QGuiApplication

    from knee_coach.storage.settings_store import SettingsStore
    from knee_coach.ui.report_pdf import write_report_file

    app = QGuiApplication.instance() or QGuiApplication(["knee-coach"])  # noqa: F841 (kept alive)
    try:
        store = _open_store(folder)
        language = args.lang or SettingsStore(folder).load().language
        pages = write_report_file(store, path, args.date_from, args.date_to, language)  # type: ignore[arg-type]
    except ValueError as exc:  # a period that ends before it starts (--from after today)
        _err(str(exc))
        return EXIT_BAD_INPUT
    except _storage_errors() as exc:
        return _storage_failed(exc, path)
    print(f"Wrote a {pages}-page report to {path}")
    return EXIT_OK


def _import(folder: Path, args: argparse.Namespace) -> int:
    from knee_coach.storage.csv_import import CsvImportError, import_csv

    try:
        store = _open_store(folder)
        result = import_csv(store, args.csv)  # type: ignore[arg-type]
    except CsvImportError as exc:
        _err(f"{args.csv}: {exc} Nothing was imported.")
        return EXIT_BAD_INPUT
    except _storage_errors() as exc:
        return _storage_failed(exc)
    print(
        f"Imported {result.added} sessions from {args.csv}"
        f" ({result.skipped} already in the history were skipped"
        + (f", {result.repeated} repeated in the file were skipped" if result.repeated else "")
        + ")"
    )
    return EXIT_OK


def _no_arguments() -> argparse.Namespace:
    """What the parser makes of an empty command line (tests/test_cli.py checks they agree)."""
    return argparse.Namespace(
        data_dir=None, lang=None, self_test=False, minimized=False, command=None
    )


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # Started from the desktop menu there is nothing to parse, and building the parser would
    # delay the window: argparse's gettext lookups load the `locale` tables.
    args = build_parser().parse_args(argv) if argv else _no_arguments()
    from knee_coach.storage.paths import data_dir

    try:
        folder: Path = data_dir(args.data_dir)
    except OSError as exc:
        _err(f"cannot use the data folder: {exc}")
        if args.command is None and not args.self_test:
            from knee_coach.ui.storage_dialogs import data_folder_failed

            data_folder_failed(str(args.data_dir or exc.filename or ""), exc, args.lang)
        return EXIT_BAD_INPUT
    if args.command == "export":
        return _export(folder, args)
    if args.command == "import":
        return _import(folder, args)
    if args.command == "report":
        return _report(folder, args)
    from knee_coach.app import run_gui

    return run_gui(folder, self_test=args.self_test, language=args.lang, minimized=args.minimized)


if __name__ == "__main__":
    sys.exit(main())
