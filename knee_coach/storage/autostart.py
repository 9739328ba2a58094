"""Start at login: a standard XDG autostart entry on Linux (and other freedesktop systems).

Windows and macOS are not supported yet; `supported()` says so and the settings dialog
shows it. The entry starts the app hidden in the tray (`--minimized`) with the same data
folder the app is using now.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from knee_coach import APP_ID, APP_NAME

FILE_NAME = f"{APP_ID}.desktop"


def supported(platform: str | None = None) -> bool:
    platform = platform or sys.platform
    return not (platform.startswith("win") or platform == "darwin")


def default_entry_path() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / FILE_NAME


def launch_command(data_dir: Path) -> list[str]:
    """How to start this app again: the bundle's executable, or this Python with -m."""
    if getattr(sys, "frozen", False):  # PyInstaller bundle
        base = [sys.executable]
    else:
        base = [sys.executable, "-m", "knee_coach"]
    return [*base, "--minimized", "--data-dir", str(data_dir)]


def quote_exec_arg(arg: str) -> str:
    """Quote one argument for a desktop entry's Exec key (freedesktop rules)."""
    reserved = set(" \t\n\r\"'\\><~|&;$*?#()`=%")
    if arg and not (set(arg) & reserved):
        return arg
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
    return '"' + escaped.replace("%", "%%") + '"'


def entry_text(command: Sequence[str]) -> str:
    exec_line = " ".join(quote_exec_arg(a) for a in command)
    # String values of the desktop-entry format escape backslashes once more, and line
    # breaks and tabs as \n \r \t: a raw line break would end the key (and what follows
    # could add keys of its own).
    exec_line = exec_line.replace("\\", "\\\\")
    for raw, escaped in (("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
        exec_line = exec_line.replace(raw, escaped)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Reminders for your knee routine\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


class Autostart:
    def __init__(self, entry_path: Path | None = None) -> None:
        self.path = entry_path or default_entry_path()

    def is_enabled(self) -> bool:
        return self.path.is_file()

    def enable(self, command: Sequence[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(entry_text(command), encoding="utf-8")
        os.replace(tmp, self.path)

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)

    def apply(self, enabled: bool, data_dir: Path) -> None:
        """Make the entry match the setting. Raises OSError when it cannot be written."""
        if enabled:
            self.enable(launch_command(data_dir))
        else:
            self.disable()
