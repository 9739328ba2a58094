"""Media buttons (keyboard, headset, a foot pedal) drive the session as the window's keys do.

Both hands are on the knee during a set. The buttons come two ways: as keys while the window
has focus, and, on desktops with a session bus, through the MPRIS player
(`knee_coach.ui.mpris`) whichever window has focus. Either way they end in the session's own
slots: play/pause as P, next as →, stop as Esc.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:
    from knee_coach.core.session import Session
    from knee_coach.ui.mpris import MprisPlayer
    from knee_coach.ui.session_controller import SessionController


class SessionControls(Protocol):
    """What the buttons need from the session flow: its session and the slots its keys use."""

    @property
    def controller(self) -> SessionController | None: ...

    def toggle_pause(self) -> None: ...
    def skip(self) -> None: ...
    def stop(self) -> None: ...


class MediaButtons(QObject):
    raiseRequested = Signal()  # the media panel asks for the window

    def __init__(self, controls: SessionControls, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controls = controls
        self.player: MprisPlayer | None = None  # on the bus while a session runs

    def key_bindings(self) -> tuple[tuple[Qt.Key, Callable[[], None]], ...]:
        """The media keys, for the window's session shortcuts."""
        return (
            (Qt.Key.Key_MediaTogglePlayPause, self.play_pause),
            (Qt.Key.Key_MediaPlay, self.play),
            (Qt.Key.Key_MediaPause, self.pause),
            (Qt.Key.Key_MediaNext, self.next),
            (Qt.Key.Key_MediaStop, self.stop),
        )

    def follow(self, controller: SessionController) -> None:
        """Be the desktop's media player while this session runs, where there is a bus."""
        from knee_coach.ui.mpris import MprisPlayer

        if self.player is not None:  # a session ends before the next begins; to be sure
            self.player.close()
        self.player = MprisPlayer.publish(self, controller, self)
        controller.finished.connect(self._session_over)

    def _session_over(self) -> None:
        if self.player is not None:
            self.player.close()
            self.player.deleteLater()
            self.player = None

    # ----- the buttons --------------------------------------------------------------------
    def _session(self) -> Session | None:
        controller = self._controls.controller
        return controller.session if controller is not None else None

    def play_pause(self) -> None:
        self._controls.toggle_pause()

    def play(self) -> None:
        """Headsets send Play and Pause as two buttons: Play only resumes."""
        from knee_coach.core.session import State  # (loaded with the session by now)

        session = self._session()
        if session is not None and session.state is State.PAUSED:
            self._controls.toggle_pause()

    def pause(self) -> None:
        session = self._session()
        if session is not None and session.is_running:
            self._controls.toggle_pause()

    def next(self) -> None:
        self._controls.skip()

    def stop(self) -> None:
        self._controls.stop()

    def raise_window(self) -> None:
        self.raiseRequested.emit()
