"""`python -m knee_coach` runs the same entry point as the `knee-coach` command."""

import sys

from knee_coach.cli import main

if __name__ == "__main__":
    sys.exit(main())
