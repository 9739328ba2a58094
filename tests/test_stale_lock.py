"""Start-up is decided by whether a running Knee Coach holds its lock and answers, not by the
name of the process whose PID is in the lock file; a lock that cannot be made on a full
disk is said in words."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from knee_coach.ui.single_instance import LOCK_NAME
from tests.faults import ROOT, fill

HOLD = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QCoreApplication, QLockFile
    app = QCoreApplication([])
    lock = QLockFile(sys.argv[1])
    lock.setStaleLockTime(0)
    assert lock.tryLock(0)
    print("locked", flush=True)
    time.sleep(120)
    """
)


def env(**extra: str) -> dict[str, str]:
    out = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), **extra}
    out.pop("KNEE_COACH_DATA_DIR", None)
    return out


@pytest.fixture
def live_python() -> Iterator[subprocess.Popen[bytes]]:
    """Another live process with the app's process name (python3.11, as for pip installs)."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    yield proc
    proc.kill()
    proc.wait()


def holder(data: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(data / LOCK_NAME)],
        env=env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def start_app(data: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "knee_coach", "--data-dir", str(data)],
        env=env(KNEE_COACH_BENCH_FIRST_FRAME="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_lock_whose_pid_now_names_another_python_process_does_not_block(
    tmp_path: Path, live_python: subprocess.Popen[bytes]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    crashed = holder(data)
    crashed.kill()  # the app crashed, leaving its lock file behind
    crashed.wait()
    lines = (data / LOCK_NAME).read_bytes().split(b"\n")
    assert lines[1] == Path(sys.executable).resolve().name.encode()  # python3.11
    lines[0] = str(live_python.pid).encode()  # ... and its PID was given to another python
    (data / LOCK_NAME).write_bytes(b"\n".join(lines))
    app = start_app(data)
    out, err = app.communicate(timeout=120)
    assert app.returncode == 0, err
    assert "ready" in out.split(), out + err
    assert "does not answer" not in err


def test_a_knee_coach_that_holds_its_lock_but_does_not_answer_is_not_pushed_aside(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    hung = holder(data)
    app = start_app(data)
    try:
        assert app.stderr is not None
        line = app.stderr.readline()  # printed before the dialog that waits for the user
        assert "is already running" in line and "does not answer" in line, line
    finally:
        app.kill()
        app.communicate()
        hung.kill()
        hung.wait()


def test_a_full_disk_at_lock_time_is_said_in_words(tmp_path: Path, small_disk: Path) -> None:
    data = small_disk / "data"
    data.mkdir()
    fill(small_disk, leave=0)
    app = start_app(data)
    try:
        assert app.stderr is not None
        line = app.stderr.readline()
        assert "The disk is full" in line and "UnknownError" not in line, line
    finally:
        app.kill()
        app.communicate()
