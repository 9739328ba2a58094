"""Preferences persisted as JSON in the data folder, written atomically."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from knee_coach.core.settings import Settings, SettingsError

log = logging.getLogger(__name__)
FILE_NAME = "settings.json"


class SettingsStore:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE_NAME
        # Set when a stored file could not be used: what was wrong with it (for the log), and
        # where it was kept (the window says so in the user's language).
        self.problem: str | None = None
        self.kept_as: Path | None = None

    def load(self) -> Settings:
        """The stored settings, or defaults. A damaged file is kept aside, never lost."""
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Settings()
        import json  # here: the first start (no file yet) shows its window without it

        try:
            return Settings.from_dict(json.loads(raw))
        except (json.JSONDecodeError, SettingsError) as exc:
            aside = self.path.with_suffix(".json.bad")
            os.replace(self.path, aside)
            self.kept_as = aside
            self.problem = f"Settings file was unreadable ({exc}); kept as {aside.name}."
            log.warning(self.problem)
            return Settings()

    def save(self, settings: Settings) -> None:
        import json

        settings.validate()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(settings.to_dict(), indent=2, sort_keys=True)
        import tempfile  # here: loading tempfile (and random, hashlib) slows the first frame

        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
