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
        """The stored settings, or defaults. A file that cannot be used, for whatever
        reason, is kept aside (never lost, never overwriting an earlier kept copy)."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Settings()
        except OSError as exc:  # a folder, an unreadable file
            return self._keep_aside(exc)
        import json  # here: the first start (no file yet) shows its window without it

        try:
            # utf-8-sig: a file saved by an editor with a byte-order mark is still read.
            return Settings.from_dict(json.loads(raw.decode("utf-8-sig")))
        except (ValueError, RecursionError, SettingsError) as exc:
            # ValueError covers bad JSON, a bad encoding and a number too long to read;
            # RecursionError, nesting deeper than the parser goes.
            return self._keep_aside(exc)

    def _keep_aside(self, exc: BaseException) -> Settings:
        aside = self.path.with_suffix(".json.bad")
        n = 1
        while aside.exists() or aside.is_symlink():
            n += 1
            aside = self.path.with_suffix(f".json.bad-{n}")
        detail = f"{type(exc).__name__}: {str(exc)[:200]}"
        try:
            os.replace(self.path, aside)
        except OSError as move_exc:
            self.problem = f"Settings file was unusable ({detail}) and could not be moved aside"
            self.problem += f" ({move_exc}); the defaults are used."
        else:
            self.kept_as = aside
            self.problem = f"Settings file was unusable ({detail}); kept as {aside.name}."
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
