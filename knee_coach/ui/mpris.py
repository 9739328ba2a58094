"""Knee Coach as the desktop's media player (MPRIS over D-Bus) while a session runs.

Linux desktops send the play/pause and next buttons of keyboards and headsets to the active
MPRIS player, and show its status and track in their media panel and on the lock screen. The
player is on the session bus from the session's start to its end only: the rest of the time
the buttons belong to the music player again.

It has its own connection to the bus, opened for the session and closed after it, so that
ending the session (or the process) takes the name off the bus at once. Without a session bus
(Windows, macOS, a desktop without one) there is simply no player; the window's keys work on.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import ClassInfo, Property, QMetaType, QObject, Slot
from PySide6.QtDBus import (
    QDBusAbstractAdaptor,
    QDBusArgument,
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
)

from knee_coach import APP_NAME, DESKTOP_ID
from knee_coach.core.session import Snapshot, State
from knee_coach.ui.resources import asset_path
from knee_coach.ui.texts import routine_title, set_name, tr

if TYPE_CHECKING:
    from knee_coach.ui.media_buttons import MediaButtons
    from knee_coach.ui.session_controller import SessionController

BUS_NAME = "org.mpris.MediaPlayer2.KneeCoach"
OBJECT_PATH = "/org/mpris/MediaPlayer2"
ROOT_INTERFACE = "org.mpris.MediaPlayer2"
PLAYER_INTERFACE = "org.mpris.MediaPlayer2.Player"
PROPERTIES_INTERFACE = "org.freedesktop.DBus.Properties"
NO_TRACK = "/org/mpris/MediaPlayer2/TrackList/NoTrack"
# Each set is one "track": the media panel sees a new track when the set changes.
TRACK_PREFIX = "/io/github/kneecoach/KneeCoach/set/"
_connection_numbers = itertools.count(1)


def session_bus_address() -> str | None:
    """Where the session bus listens, or None without one. The systemd user bus is found
    without the variable; libdbus's own fallback (autolaunch) would start a bus, not find one."""
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "").strip()
    if address:
        return address
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime, "bus").is_socket():
        return f"unix:path={Path(runtime, 'bus')}"
    return None


def playback_status(state: State) -> str:
    if state is State.PAUSED:
        return "Paused"
    if state in (State.PREPARE, State.COUNT_IN, State.REP):
        return "Playing"
    return "Stopped"


def track_title(snap: Snapshot, manual: bool) -> str:
    """e.g. "Right leg, inner side · 7 / 10": the set and the count the screen shows."""
    planned = snap.planned
    if planned is None:
        return ""
    counting_rep = snap.state is State.REP and not manual
    count = snap.rep if counting_rep else snap.reps_done
    return tr("{set} · {count} / {total}").format(
        set=set_name(planned), count=count, total=planned.reps
    )


def _no_strings() -> QDBusArgument:
    """An empty D-Bus string array (as): a plain empty list would go out as av, and clients
    such as GLib's drop a PropertiesChanged whose signature is not (sa{sv}as)."""
    argument = QDBusArgument()
    argument.beginArray(QMetaType(QMetaType.Type.QString))
    argument.endArray()
    return argument


# The adaptors' slots and properties are the interface's members, named as the spec names them.
# The stubs know only ClassInfo(key=value); a D-Bus interface key has a space in it.
@ClassInfo({"D-Bus Interface": ROOT_INTERFACE})  # type: ignore[call-arg]
class _RootAdaptor(QDBusAbstractAdaptor):  # type: ignore[operator]
    """org.mpris.MediaPlayer2: who the player is. Raise brings the window to the front."""

    def __init__(self, player: MprisPlayer) -> None:
        super().__init__(player)
        self._player = player

    @Slot()
    def Raise(self) -> None:
        self._player.buttons.raise_window()

    @Slot()
    def Quit(self) -> None:
        """CanQuit is false: the session ends with Stop, and the app with its window."""

    Identity = Property(str, lambda self: APP_NAME)
    DesktopEntry = Property(str, lambda self: DESKTOP_ID)
    CanQuit = Property(bool, lambda self: False)
    CanRaise = Property(bool, lambda self: True)
    HasTrackList = Property(bool, lambda self: False)
    SupportedUriSchemes = Property("QStringList", lambda self: [])  # type: ignore[arg-type]
    SupportedMimeTypes = Property("QStringList", lambda self: [])  # type: ignore[arg-type]


@ClassInfo({"D-Bus Interface": PLAYER_INTERFACE})  # type: ignore[call-arg]
class _PlayerAdaptor(QDBusAbstractAdaptor):  # type: ignore[operator]
    """org.mpris.MediaPlayer2.Player: the buttons, and where the session is."""

    def __init__(self, player: MprisPlayer) -> None:
        super().__init__(player)
        self._player = player

    @Slot()
    def PlayPause(self) -> None:
        self._player.buttons.play_pause()

    @Slot()
    def Play(self) -> None:
        self._player.buttons.play()

    @Slot()
    def Pause(self) -> None:
        self._player.buttons.pause()

    @Slot()
    def Next(self) -> None:
        self._player.buttons.next()

    @Slot()
    def Stop(self) -> None:
        self._player.buttons.stop()

    # A session does not go back or seek: CanGoPrevious and CanSeek say so, and the spec
    # asks these calls to do nothing rather than fail.
    @Slot()
    def Previous(self) -> None:
        pass

    @Slot("qlonglong")
    def Seek(self, offset: int) -> None:
        pass

    @Slot(QDBusObjectPath, "qlonglong")
    def SetPosition(self, track: QDBusObjectPath, position: int) -> None:
        pass

    @Slot(str)
    def OpenUri(self, uri: str) -> None:
        pass

    PlaybackStatus = Property(str, lambda self: self._player.status)
    Metadata = Property("QVariantMap", lambda self: self._player.metadata())  # type: ignore[arg-type]
    Rate = Property(float, lambda self: 1.0)
    MinimumRate = Property(float, lambda self: 1.0)
    MaximumRate = Property(float, lambda self: 1.0)
    CanGoNext = Property(bool, lambda self: True)
    CanGoPrevious = Property(bool, lambda self: False)
    CanPlay = Property(bool, lambda self: True)
    CanPause = Property(bool, lambda self: True)
    CanSeek = Property(bool, lambda self: False)
    CanControl = Property(bool, lambda self: True)


class MprisPlayer(QObject):
    """The object at /org/mpris/MediaPlayer2 for one session; gone when the session ends."""

    def __init__(
        self,
        buttons: MediaButtons,
        controller: SessionController,
        connection: QDBusConnection,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.buttons = buttons
        self.connection = connection
        self.bus_name: str | None = None
        self._closed = False
        self._manual = controller.manual
        self._snapshot = controller.snapshot()
        self.status = playback_status(self._snapshot.state)
        self._metadata = self._build_metadata()
        _RootAdaptor(self)
        _PlayerAdaptor(self)
        controller.changed.connect(self._on_changed)
        controller.finished.connect(self.close)

    @classmethod
    def publish(
        cls, buttons: MediaButtons, controller: SessionController, parent: QObject | None = None
    ) -> MprisPlayer | None:
        """The player on the session bus for this session, or None without a bus."""
        address = session_bus_address()
        if address is None:
            return None
        name = f"knee-coach-mpris-{os.getpid()}-{next(_connection_numbers)}"
        connection = QDBusConnection.connectToBus(address, name)
        if not connection.isConnected():
            QDBusConnection.disconnectFromBus(name)
            return None
        player = cls(buttons, controller, connection, parent)
        if not player._register():
            player.close()
            return None
        return player

    def _register(self) -> bool:
        if not self.connection.registerObject(
            OBJECT_PATH, self, QDBusConnection.RegisterOption.ExportAdaptors
        ):
            return False
        # A second player of ours (another user's session on the same bus is not) would
        # take the instance name the spec gives for that case.
        for name in (BUS_NAME, f"{BUS_NAME}.instance{os.getpid()}"):
            if self.connection.registerService(name):
                self.bus_name = name
                return True
        return False

    @property
    def registered(self) -> bool:
        return self.bus_name is not None

    def close(self) -> None:
        """Leave the bus: the name, the object and the connection (once; later calls do
        nothing)."""
        if self._closed:
            return
        self._closed = True
        if self.bus_name is not None:
            self.connection.unregisterService(self.bus_name)
            self.bus_name = None
        self.connection.unregisterObject(OBJECT_PATH)
        QDBusConnection.disconnectFromBus(self.connection.name())

    # ----- state --------------------------------------------------------------------------
    def metadata(self) -> dict[str, object]:
        return dict(self._metadata)

    def _build_metadata(self) -> dict[str, object]:
        planned = self._snapshot.planned
        if planned is None:
            return {"mpris:trackid": QDBusObjectPath(NO_TRACK)}
        art = asset_path("knee-coach.svg")
        return {
            "mpris:trackid": QDBusObjectPath(f"{TRACK_PREFIX}{planned.index}"),
            "xesam:title": track_title(self._snapshot, self._manual),
            "xesam:album": routine_title(planned.routine),
            "xesam:artist": [APP_NAME],
            "mpris:artUrl": art.as_uri(),
        }

    def _on_changed(self, snap: Snapshot) -> None:
        self._snapshot = snap
        changed: dict[str, object] = {}
        status = playback_status(snap.state)
        if status != self.status:
            self.status = changed["PlaybackStatus"] = status
        metadata = self._build_metadata()
        if metadata != self._metadata:
            self._metadata = metadata
            changed["Metadata"] = metadata
        if changed and self.registered:
            signal = QDBusMessage.createSignal(
                OBJECT_PATH, PROPERTIES_INTERFACE, "PropertiesChanged"
            )
            signal.setArguments([PLAYER_INTERFACE, changed, _no_strings()])
            self.connection.send(signal)
