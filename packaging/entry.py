"""PyInstaller entry point: the same `main` as the installed `knee-coach` command."""

import sys

from knee_coach.cli import main

if __name__ == "__main__":
    sys.exit(main())
