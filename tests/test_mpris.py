"""Media buttons drive the session: the media keys in the window, and MPRIS on a real,
private session bus driven by real clients (playerctl, dbus-send) in their own processes.

Each test starts its own dbus-daemon; the window finds it through DBUS_SESSION_BUS_ADDRESS,
as it finds the desktop's bus. The pacing runs on a fake clock.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from knee_coach.audio.player import SilentPlayer
from knee_coach.core.clock import FakeClock
from knee_coach.core.cues import CueKind
from knee_coach.core.model import EndReason, Pacing
from knee_coach.core.session import SetStatus, State
from knee_coach.core.settings import Settings
from knee_coach.storage.settings_store import SettingsStore
from knee_coach.ui.main_window import MainWindow
from tests.driving import run_until, step

PLAYER = "org.mpris.MediaPlayer2.KneeCoach"
MISSING = "needs dbus-daemon, dbus-send and playerctl (scripts/debian-test-packages.txt)"


@pytest.fixture(autouse=True)
def _closing_answers_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a window mid-session asks first; a modal box would hang the test."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)


@pytest.fixture
def session_bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A private session bus for this test alone; gone after it."""
    try:
        daemon = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
    except FileNotFoundError:
        pytest.fail(MISSING)
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        assert address, "dbus-daemon gave no address"
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


def client(qtbot: QtBot, *args: str, check: bool = True) -> str:
    """Run a D-Bus client in its own process and return what it printed. Qt's event loop
    runs meanwhile, so the window (in this process) answers the client's calls."""
    try:
        proc = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ
        )
    except FileNotFoundError:
        pytest.fail(MISSING)
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=15_000)
    out, err = proc.communicate()
    if check:
        assert proc.returncode == 0, f"{args}: {err}"
    return out.strip()


def playerctl(qtbot: QtBot, *args: str) -> str:
    return client(qtbot, "playerctl", "--player=KneeCoach", *args)


def on_the_bus(qtbot: QtBot) -> bool:
    reply = client(
        qtbot,
        "dbus-send",
        "--session",
        "--print-reply",
        "--dest=org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        "org.freedesktop.DBus.NameHasOwner",
        f"string:{PLAYER}",
    )
    return reply.split()[-1] == "true"


def make_window(
    qtbot: QtBot, data: Path, clock: FakeClock, player: SilentPlayer, **settings: object
) -> MainWindow:
    if settings:
        SettingsStore(data).save(Settings().replace(**settings))
    window = MainWindow(data, clock=clock, player_factory=lambda: player)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.player is player, timeout=2000)
    return window


def start_session(qtbot: QtBot, window: MainWindow) -> None:
    """Check in (pain 4 on each knee) and pass the safety gate, as a user does."""
    page = window.checkin_page
    page.focus_first()
    for digit in "44":
        qtbot.keyClicks(window.focusWidget(), digit)
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.safety_page.start_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.session_page


@pytest.fixture
def player() -> SilentPlayer:
    return SilentPlayer()


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, player: SilentPlayer, session_bus: str
) -> MainWindow:
    return make_window(qtbot, tmp_path / "data", clock, player)


# ----- the same session, by keys and by the bus ---------------------------------------------
def play_through(
    window: MainWindow, clock: FakeClock, press: Callable[[str], None]
) -> tuple[object, ...]:
    """Pause, resume, skip twice and stop, by `press`; what the session did in the end."""
    session = window.session
    assert session is not None
    run_until(window, clock, lambda: session.reps_done == 2)
    press("play-pause")
    assert session.state is State.PAUSED
    clock.advance(30)
    press("play-pause")
    assert session.state is State.COUNT_IN  # the interrupted rep starts again after 3, 2, 1
    press("next")  # past the count-in
    assert session.state is State.REP
    press("next")  # past the rest of the set
    assert session.set_index == 1
    run_until(window, clock, lambda: session.reps_done == 1)
    press("stop")
    return (
        [(r.status, r.reps_done) for r in session.results],
        session.end_reason,
        [(e.kind, e.at) for e in window.player.played],  # type: ignore[attr-defined]
        window.stack.currentWidget() is window.checkout_page,
    )


def test_playerctl_pauses_resumes_skips_and_stops_a_session_as_the_keys_do(
    qtbot: QtBot, tmp_path: Path, session_bus: str
) -> None:
    keys = {"play-pause": Qt.Key.Key_P, "next": Qt.Key.Key_Right, "stop": Qt.Key.Key_Escape}
    keys_clock, bus_clock = FakeClock(100.0), FakeClock(100.0)
    by_keys = make_window(qtbot, tmp_path / "keys", keys_clock, SilentPlayer())
    start_session(qtbot, by_keys)
    with_keys = play_through(
        by_keys, keys_clock, lambda action: qtbot.keyClick(by_keys, keys[action])
    )
    by_bus = make_window(qtbot, tmp_path / "bus", bus_clock, SilentPlayer())
    start_session(qtbot, by_bus)

    def by_playerctl(action: str) -> None:
        playerctl(qtbot, action)

    with_bus = play_through(by_bus, bus_clock, by_playerctl)

    assert with_bus == with_keys
    results, reason, played, on_checkout = with_bus
    assert results == [(SetStatus.SKIPPED, 2), (SetStatus.PARTIAL, 1)]
    assert reason is EndReason.USER
    kinds = [kind for kind, _ in played]  # type: ignore[attr-defined]
    assert CueKind.PAUSED in kinds and CueKind.RESUMED in kinds
    assert kinds[-1] is CueKind.STOPPED
    assert on_checkout


def test_status_and_metadata_follow_the_session_and_are_announced_on_the_bus(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    start_session(qtbot, window)
    assert playerctl(qtbot, "status") == "Playing"
    title = playerctl(qtbot, "metadata", "--format", "{{title}}|{{album}}|{{artist}}")
    assert title == "Right leg, inner side · 0 / 10|Hamstring glide|Knee Coach"

    # A client that only listens (as a desktop's media panel does) hears every change.
    heard = tmp_path / "heard.txt"
    listen = ["--follow", "metadata", "--format", "{{status}}|{{title}}|{{mpris:trackid}}"]
    with heard.open("w") as out:
        follow = subprocess.Popen(
            ["playerctl", "--player=KneeCoach", *listen],
            stdout=out,
            stderr=subprocess.DEVNULL,
        )
    try:
        qtbot.waitUntil(lambda: "Playing|Right leg, inner side · 0 / 10" in heard.read_text())
        session = window.session
        assert session is not None
        run_until(window, clock, lambda: session.state is State.REP and session.reps_done == 6)
        assert window.session_page.counter.text() == "7 / 10"  # the rep in progress
        qtbot.waitUntil(lambda: "Playing|Right leg, inner side · 7 / 10|" in heard.read_text())
        qtbot.keyClick(window, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: "Paused|Right leg, inner side · 6 / 10" in heard.read_text())
        assert playerctl(qtbot, "status") == "Paused"
        qtbot.keyClick(window, Qt.Key.Key_Space)
        qtbot.keyClick(window, Qt.Key.Key_Right)
        qtbot.keyClick(window, Qt.Key.Key_Right)  # on to the next set: a new track
        qtbot.waitUntil(lambda: "Playing|Right leg, outer side · 0 / 10" in heard.read_text())
        lines = heard.read_text().splitlines()
        # (playerctl quotes an object path)
        tracks = [line.rsplit("|", 1)[1].strip("'") for line in lines if line.count("|") == 2]
        assert tracks[0] == "/io/github/kneecoach/KneeCoach/set/0"
        assert tracks[-1] == "/io/github/kneecoach/KneeCoach/set/1"
        run_until(window, clock, lambda: session.set_index == 4)
        qtbot.waitUntil(lambda: "Popliteus release" in playerctl(qtbot, "metadata", "album"))
        assert playerctl(qtbot, "metadata", "title") == "Right leg · 0 / 15"
    finally:
        follow.terminate()
        follow.wait(timeout=10)


def test_the_player_is_on_the_bus_only_while_a_session_runs(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    assert not on_the_bus(qtbot)  # the buttons belong to the music player before...
    start_session(qtbot, window)
    assert on_the_bus(qtbot)
    assert "KneeCoach" in client(qtbot, "playerctl", "--list-all").splitlines()
    run_until(window, clock, lambda: window.session is not None and window.session.is_over)
    assert window.stack.currentWidget() is window.checkout_page
    assert not on_the_bus(qtbot)  # ... and after
    assert client(qtbot, "playerctl", "--list-all", check=False) == ""

    window.go_home()
    start_session(qtbot, window)  # the next session is a player again, then stops for pain
    assert playerctl(qtbot, "status") == "Playing"
    qtbot.keyClick(window, Qt.Key.Key_H)
    assert not on_the_bus(qtbot)


def test_closing_the_window_mid_session_takes_the_player_off_the_bus(
    qtbot: QtBot, window: MainWindow
) -> None:
    start_session(qtbot, window)
    assert on_the_bus(qtbot)
    window.close()
    assert window.session is not None and window.session.end_reason is EndReason.USER
    assert not on_the_bus(qtbot)


def test_the_player_says_who_it_is_and_raise_brings_the_window_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    start_session(qtbot, window)
    root = client(
        qtbot,
        "dbus-send",
        "--session",
        "--print-reply",
        f"--dest={PLAYER}",
        "/org/mpris/MediaPlayer2",
        "org.freedesktop.DBus.Properties.GetAll",
        "string:org.mpris.MediaPlayer2",
    )
    words = " ".join(root.split())
    assert 'string "Identity" variant string "Knee Coach"' in words
    assert 'string "CanQuit" variant boolean false' in words
    assert 'string "CanRaise" variant boolean true' in words
    assert 'string "DesktopEntry" variant string "io.github.kneecoach.KneeCoach"' in words

    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    client(
        qtbot,
        "dbus-send",
        "--session",
        "--print-reply",
        f"--dest={PLAYER}",
        "/org/mpris/MediaPlayer2",
        "org.mpris.MediaPlayer2.Raise",
    )
    qtbot.waitUntil(lambda: not window.isMinimized())
    assert window.isVisible()


def test_play_only_resumes_and_pause_only_pauses_over_the_bus(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    start_session(qtbot, window)
    session = window.session
    assert session is not None
    playerctl(qtbot, "play")
    assert session.state is State.PREPARE  # already playing: nothing to do
    playerctl(qtbot, "pause")
    assert session.state is State.PAUSED
    playerctl(qtbot, "pause")
    assert session.state is State.PAUSED
    playerctl(qtbot, "play")
    assert session.state is State.PREPARE  # the set is announced again
    assert playerctl(qtbot, "status") == "Playing"
    # Going back and seeking are not for a session: clients are told so (CanGoPrevious and
    # CanSeek), and a call made anyway does nothing and fails nothing.
    assert client(qtbot, "playerctl", "--player=KneeCoach", "previous", check=False) == ""
    for call in ("Previous", "Seek int64:30000000"):
        member, *args = call.split()
        client(
            qtbot,
            "dbus-send",
            "--session",
            "--print-reply",
            f"--dest={PLAYER}",
            "/org/mpris/MediaPlayer2",
            f"org.mpris.MediaPlayer2.Player.{member}",
            *args,
        )
    assert session.state is State.PREPARE and session.set_index == 0
    step(window, clock)
    assert session.state is State.COUNT_IN


def test_manual_pacing_play_pause_pauses_and_never_counts_a_rep(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, player: SilentPlayer, session_bus: str
) -> None:
    window = make_window(qtbot, tmp_path / "data", clock, player, pacing=Pacing.MANUAL)
    start_session(qtbot, window)
    session = window.session
    assert session is not None
    qtbot.keyClick(window, Qt.Key.Key_Space)  # counting starts the set
    assert session.state is State.REP and session.reps_done == 1
    playerctl(qtbot, "play-pause")
    assert session.state is State.PAUSED and session.reps_done == 1
    assert playerctl(qtbot, "metadata", "title") == "Right leg, inner side · 1 / 10"
    playerctl(qtbot, "play-pause")
    assert session.state is State.REP and session.reps_done == 1


# ----- without a bus ------------------------------------------------------------------------
@pytest.mark.parametrize("bus", ["none", "dead"])
def test_without_a_session_bus_the_media_keys_still_drive_the_session(
    qtbot: QtBot,
    tmp_path: Path,
    clock: FakeClock,
    player: SilentPlayer,
    monkeypatch: pytest.MonkeyPatch,
    bus: str,
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))  # no bus socket in it
    if bus == "none":
        monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    else:  # an address nobody listens on, as after a desktop's bus went away
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'gone'}")
    window = make_window(qtbot, tmp_path / "data", clock, player)
    start_session(qtbot, window)
    assert window.flow.media.player is None
    session = window.session
    assert session is not None

    def press(key: Qt.Key) -> None:
        qtbot.keyClick(window, key)

    press(Qt.Key.Key_MediaPlay)
    assert session.state is State.PREPARE  # already going
    press(Qt.Key.Key_MediaTogglePlayPause)
    assert session.state is State.PAUSED
    press(Qt.Key.Key_MediaPause)
    assert session.state is State.PAUSED
    press(Qt.Key.Key_MediaPlay)
    assert session.state is State.PREPARE
    press(Qt.Key.Key_MediaPause)
    assert session.state is State.PAUSED
    press(Qt.Key.Key_MediaTogglePlayPause)
    assert session.state is State.PREPARE
    press(Qt.Key.Key_MediaNext)
    assert session.state is State.COUNT_IN
    press(Qt.Key.Key_MediaNext)
    press(Qt.Key.Key_MediaNext)
    assert session.set_index == 1
    assert session.results[0].status is SetStatus.SKIPPED
    press(Qt.Key.Key_MediaStop)
    assert session.end_reason is EndReason.USER
    assert window.stack.currentWidget() is window.checkout_page
    # Off the session page the media keys are not the window's: a music player's again.
    press(Qt.Key.Key_MediaTogglePlayPause)
    assert window.stack.currentWidget() is window.checkout_page
