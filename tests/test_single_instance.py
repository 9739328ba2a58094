"""One instance per data folder: a real second process hands over; stale locks do not block."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from knee_coach.ui.single_instance import LOCK_NAME, SingleInstance, server_name


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("KNEE_COACH_DATA_DIR", None)
    return env


def test_a_second_process_hands_over_to_the_running_one(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    first = SingleInstance(data)
    assert first.acquire()
    try:
        started = time.monotonic()
        with qtbot.waitSignal(first.activated, timeout=30_000):
            second = subprocess.Popen(
                [sys.executable, "-m", "knee_coach", "--data-dir", str(data)],
                env=_env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        out, err = second.communicate(timeout=30)
        elapsed = time.monotonic() - started
        assert second.returncode == 0, err
        assert "already running" in out
        assert elapsed < 20  # it hands over and leaves; it does not open a window and wait
        assert not (data / "settings.json").exists()  # the second start wrote nothing
    finally:
        first.release()


def test_the_same_folder_is_refused_a_different_folder_is_another_instance(
    qtbot: QtBot, tmp_path: Path
) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    first_a, again_a, first_b = SingleInstance(a), SingleInstance(a), SingleInstance(b)
    try:
        assert first_a.acquire()
        assert not again_a.acquire(timeout_ms=0)
        assert first_b.acquire()
        assert server_name(a) != server_name(b)
        assert server_name(a) == server_name(a / "." / "")  # the folder, however it is written

        woken: list[str] = []
        first_a.activated.connect(lambda: woken.append("a"))
        first_b.activated.connect(lambda: woken.append("b"))
        with qtbot.waitSignal(first_b.activated, timeout=5000):
            # a separate process, since the client blocks while the server needs this loop
            client = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    "import sys; from pathlib import Path;"
                    "from knee_coach.ui.single_instance import SingleInstance as S;"
                    "sys.exit(0 if S.activate_running(Path(sys.argv[1])) else 1)",
                    str(b),
                ],
                env=_env(),
            )
        assert client.wait(timeout=30) == 0
        assert woken == ["b"]
    finally:
        for instance in (first_a, again_a, first_b):
            instance.release()


def test_a_lock_left_by_a_crash_does_not_block(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    crash = textwrap.dedent(
        """
        import os, signal, sys
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from knee_coach.ui.single_instance import SingleInstance
        app = QCoreApplication([])
        instance = SingleInstance(Path(sys.argv[1]))
        assert instance.acquire()
        print("locked", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)  # no clean-up: lock file and socket stay behind
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", crash, str(data)],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "locked" in done.stdout and done.returncode != 0, done.stderr
    assert (data / LOCK_NAME).exists()  # the crashed process left its lock

    after_crash = SingleInstance(data)
    try:
        assert after_crash.acquire()
        assert after_crash.server is not None and after_crash.server.isListening()
    finally:
        after_crash.release()
    assert not (data / LOCK_NAME).exists()


def test_nobody_answering_is_reported(tmp_path: Path) -> None:
    assert SingleInstance.activate_running(tmp_path, attempts=1, wait_ms=1) is False


def test_a_folder_where_no_lock_can_be_made_is_not_mistaken_for_a_running_app(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "not-there"  # the lock file cannot be created in a missing folder
    instance = SingleInstance(missing)
    assert not instance.acquire(timeout_ms=0)
    assert not instance.held_elsewhere()


def test_the_app_started_twice_from_the_command_line_runs_once(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    first = subprocess.Popen(
        [sys.executable, "-m", "knee_coach", "--data-dir", str(data)],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        qtbot.waitUntil(lambda: (data / LOCK_NAME).exists(), timeout=30_000)
        probe = SingleInstance(data)
        assert not probe.acquire(timeout_ms=0) and probe.held_elsewhere()
        second = subprocess.run(
            [sys.executable, "-m", "knee_coach", "--data-dir", str(data)],
            env=_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stdout
        assert first.poll() is None  # the first one is still running
    finally:
        first.terminate()
        first.communicate(timeout=30)
