"""Command line entry: `knee-coach` opens the app; sub-commands work on the history.

Kept light on purpose: Qt is imported only when the window is really needed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from knee_coach import APP_NAME, __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="knee-coach",
        description=f"{APP_NAME}: guided self-care for pain behind the knee.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder for the history and settings (default: the platform's user data folder;"
        " also settable with KNEE_COACH_DATA_DIR)",
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from knee_coach.storage.paths import data_dir

    try:
        folder: Path = data_dir(args.data_dir)
    except OSError as exc:
        print(f"knee-coach: cannot use the data folder: {exc}", file=sys.stderr)
        return 2
    from knee_coach.app import run_gui

    return run_gui(folder, self_test=args.self_test, minimized=args.minimized)


if __name__ == "__main__":
    sys.exit(main())
