"""What Orca reads aloud on the check-in and session pages, as text.

Runs the real app, Orca and speech-dispatcher on a private desktop (tests/a11y_desktop.py:
Xvfb, a session bus, the AT-SPI bus) with a small window manager, so that the window becomes
active (Orca ignores windows that never do). Orca's debug log holds every "SPEECH OUTPUT"
line; this script prints them. Speech goes to whatever PulseAudio PULSE_SERVER names, or
nowhere: the log is written either way.

Needs (Debian): orca, speech-dispatcher, matchbox-window-manager, xdotool, and what the
accessibility tests need.

    .venv/bin/python scripts/orca_transcript.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.a11y_desktop import Desktop  # noqa: E402


def speech(log: Path) -> list[str]:
    lines = log.read_text(errors="replace").splitlines() if log.exists() else []
    return [line.split("SPEECH OUTPUT: ", 1)[1] for line in lines if "SPEECH OUTPUT: " in line]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="a folder for Orca's whole debug log")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        log = (args.keep or tmp) / "orca-debug.out"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.unlink(missing_ok=True)
        desktop = Desktop(tmp)
        procs: list[subprocess.Popen[bytes]] = []
        heard: list[str] = []
        try:
            env = dict(desktop.env)
            if "PULSE_SERVER" in os.environ:
                env["PULSE_SERVER"] = os.environ["PULSE_SERVER"]
            procs.append(
                subprocess.Popen(
                    ["matchbox-window-manager", "-use_titlebar", "no"],
                    env=env,
                    stderr=subprocess.DEVNULL,
                )
            )
            # speech-dispatcher of its own (Orca would spawn one; this one logs what it said).
            procs.append(
                subprocess.Popen(
                    ["speech-dispatcher", "-s", "-t", "0", "-l", "5", "-L", str(log.parent)],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            data = tmp / "data"
            data.mkdir(mode=0o700)
            with desktop.app(data) as app:
                procs.append(
                    subprocess.Popen(
                        ["orca", "--replace", "--debug-file", str(log)],
                        env=env,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                )
                time.sleep(8)  # Orca starts
                subprocess.run(  # the window manager gives the window the focus
                    ["xdotool", "search", "--name", "Knee Coach", "windowactivate"],
                    env=env,
                    check=False,
                    stderr=subprocess.DEVNULL,
                )
                time.sleep(4)

                def step(what: str, act: object, wait: float) -> None:
                    before = len(speech(log))
                    act()  # type: ignore[operator]
                    time.sleep(wait)
                    heard.append(f"## {what}")
                    heard.extend(speech(log)[before:])

                heard.append("## the window opens on the check-in")
                heard.extend(speech(log))
                for _ in range(3):
                    step("Tab", lambda: app.key("Tab"), 2)
                step(
                    "Shift+Tab back to the first rating row",
                    lambda: [app.key("shift+Tab") for _ in range(3)],
                    3,
                )
                step("type 4", lambda: app.key("4"), 2)
                step("press Skip (check-in)", lambda: app.press("Skip"), 3)
                step("press Start the session", lambda: app.press("Start the session"), 15)
                step("press Pause", lambda: app.press("Pause"), 4)
                step("press Resume", lambda: app.press("Resume"), 8)
        finally:
            for proc in procs:
                proc.kill()
                proc.wait()
            desktop.close()
        print("\n".join(heard))
    return 0


if __name__ == "__main__":
    sys.exit(main())
