"""Where the user's data lives: --data-dir, else KNEE_COACH_DATA_DIR, else platformdirs."""

from __future__ import annotations

import os
from pathlib import Path

from knee_coach import APP_ID

ENV_VAR = "KNEE_COACH_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder, created if missing. Raises OSError when it cannot be used."""
    chosen = override or os.environ.get(ENV_VAR)
    if chosen:
        folder = Path(chosen).expanduser()
    else:
        from platformdirs import user_data_dir

        folder = Path(user_data_dir(APP_ID, appauthor=False, roaming=False))
    folder.mkdir(parents=True, exist_ok=True)
    if not os.access(folder, os.W_OK):
        raise PermissionError(f"{folder} is not writable")
    return folder.resolve()
