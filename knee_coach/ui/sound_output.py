"""The cue player behind the window: silent until the real one is loaded after the first frame.

Loading QtMultimedia and rendering the cues takes a noticeable moment: that part runs on a
worker thread once the window is on screen, and only the player itself (which must live on
the window's thread) is made there afterwards. A session started sooner makes it on the spot.
With no audio device, sessions run on screen."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from knee_coach.audio.player import CuePlayer, SilentPlayer
from knee_coach.core.settings import Settings
from knee_coach.ui.background import BackgroundWork

PlayerFactory = Callable[[], CuePlayer]
log = logging.getLogger(__name__)


class SoundOutput(QObject):
    """Holds the current player, applies the sound settings to it, and says what is wrong."""

    noticeChanged = Signal(object)  # str | None: one line about sound or voice for the user

    def __init__(
        self,
        factory: PlayerFactory | None,
        parent: QObject | None = None,
        prepare: Callable[[], None] | None = None,
    ) -> None:
        """`prepare`: the thread-safe, slow part of making the player (run off this thread)."""
        super().__init__(parent)
        self.player: CuePlayer = SilentPlayer()
        self._factory = factory
        self._preparing = BackgroundWork(prepare, self) if prepare is not None else None
        if self._preparing is not None:
            self._preparing.done.connect(self.install)
        self._error: str | None = None
        self._settings: Settings | None = None
        self.notice: str | None = None  # the last notice, for a page built later
        self.noticeChanged.connect(self._remember_notice)

    def _remember_notice(self, text: str | None) -> None:
        self.notice = text

    def install_soon(self) -> None:
        """Prepare the player on a worker thread, then make it here (`install`)."""
        if self._factory is None:
            return
        if self._preparing is None:
            self.install()
        else:
            self._preparing.start()

    def install(self) -> None:
        """Load the real player (once; later calls do nothing)."""
        if self._preparing is not None:
            self._preparing.wait()  # a session starts now: it needs the player at once
        factory, self._factory = self._factory, None
        if factory is None:
            return
        try:
            player = factory()
        except Exception as exc:  # no audio must never stop a session
            log.warning("no sound: %s", exc)
            self._error = str(exc)
            self.retranslate()
            return
        self.player = player
        # The notice follows the device and the voice as they come and go mid-session.
        player.set_notice_listener(self.noticeChanged.emit)
        if self._settings is not None:
            self.apply(self._settings)
        self.noticeChanged.emit(player.notice)

    def apply(self, settings: Settings) -> None:
        self._settings = settings
        self.player.set_enabled(settings.sound)
        self.player.set_voice(settings.voice, settings.language)
        self.player.set_volume(settings.volume)

    def retranslate(self) -> None:
        if self._error is not None:
            self.noticeChanged.emit(
                self.tr("Sound is unavailable: {error}").format(error=self._error)
            )

    def close(self) -> None:
        self.player.set_notice_listener(None)
        self.player.close()
