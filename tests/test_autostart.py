"""Start at login: the XDG autostart entry, with Exec quoting that survives odd folder names."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from knee_coach.storage.autostart import (
    Autostart,
    default_entry_path,
    entry_text,
    launch_command,
    quote_exec_arg,
    supported,
)


def test_default_path_follows_xdg_config_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert default_entry_path() == tmp_path / "cfg" / "autostart" / "knee-coach.desktop"
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_entry_path() == tmp_path / ".config" / "autostart" / "knee-coach.desktop"


def test_supported_only_where_xdg_autostart_exists() -> None:
    assert supported("linux") and supported("freebsd14")
    assert not supported("win32") and not supported("darwin")


def test_launch_command_starts_this_python_minimised_with_the_same_folder(tmp_path: Path) -> None:
    cmd = launch_command(tmp_path / "my data")
    assert cmd == [
        sys.executable,
        "-m",
        "knee_coach",
        "--minimized",
        "--data-dir",
        str(tmp_path / "my data"),
    ]


@pytest.mark.parametrize(
    ("arg", "quoted"),
    [
        ("/usr/bin/python3", "/usr/bin/python3"),
        ("/home/a b/data", '"/home/a b/data"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("100%", '"100%%"'),
        ("$HOME", '"\\$HOME"'),
    ],
)
def test_exec_arguments_are_quoted_by_the_desktop_entry_rules(arg: str, quoted: str) -> None:
    assert quote_exec_arg(arg) == quoted


def test_entry_text_is_a_valid_autostart_entry() -> None:
    text = entry_text(["/usr/bin/python3", "-m", "knee_coach", "--data-dir", "/home/a b/data"])
    lines = dict(line.split("=", 1) for line in text.splitlines()[1:])
    assert text.startswith("[Desktop Entry]\n")
    assert lines["Type"] == "Application" and lines["Name"] == "Knee Coach"
    assert lines["Terminal"] == "false"
    assert shlex.split(lines["Exec"]) == [
        "/usr/bin/python3",
        "-m",
        "knee_coach",
        "--data-dir",
        "/home/a b/data",
    ]


def test_enable_and_disable(tmp_path: Path) -> None:
    entry = Autostart(tmp_path / "autostart" / "knee-coach.desktop")
    assert not entry.is_enabled()
    entry.apply(True, tmp_path / "data")
    assert entry.is_enabled() and "--minimized" in entry.path.read_text(encoding="utf-8")
    assert list(entry.path.parent.glob("*.tmp")) == []
    entry.apply(False, tmp_path / "data")
    assert not entry.is_enabled()
    entry.disable()  # already gone: fine


@pytest.mark.parametrize("odd", ["\nExec=/bin/sh -c evil\nX=", "\r", "\t", "a\\nb"])
def test_a_data_folder_with_line_breaks_makes_one_valid_exec_key(tmp_path: Path, odd: str) -> None:
    import re
    import shutil
    import subprocess

    folder = f"/home/a{odd}b/data"
    entry = Autostart(tmp_path / "autostart" / "knee-coach.desktop")
    entry.enable(["/usr/bin/python3", "-m", "knee_coach", "--data-dir", folder])
    text = entry.path.read_text(encoding="utf-8")
    exec_lines = [line for line in text.splitlines() if line.startswith("Exec")]
    assert len(exec_lines) == 1, text
    assert "\r" not in text and "\t" not in text
    # Read back as the spec says: string escapes first, then the Exec quoting.
    value = re.sub(
        r"\\(.)",
        lambda m: {"n": "\n", "r": "\r", "t": "\t", "s": " "}.get(m[1], m[1]),
        exec_lines[0].split("=", 1)[1],
    )
    assert shlex.split(value)[-1] == folder
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(
            ["desktop-file-validate", str(entry.path)], capture_output=True, text=True
        )
        assert "error" not in done.stdout + done.stderr, done.stdout + done.stderr
