"""The small interface the window plays cues through, and a silent player.

The silent player is what runs when there is no audio device (and in tests): it keeps the
events it was given so the session can be checked without sound.
"""

from __future__ import annotations

from typing import Protocol

from knee_coach.core.cues import CueEvent


class CuePlayer(Protocol):
    notice: str | None  # one line for the user when sound is degraded, else None

    def play_batch(self, events: list[CueEvent]) -> None: ...
    def set_enabled(self, enabled: bool) -> None: ...
    def set_volume(self, volume: float) -> None: ...
    def close(self) -> None: ...


class SilentPlayer:
    def __init__(self, notice: str | None = None) -> None:
        self.notice = notice
        self.played: list[CueEvent] = []
        self.enabled = True
        self.volume = 1.0

    def play_batch(self, events: list[CueEvent]) -> None:
        self.played.extend(events)

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def close(self) -> None:
        pass
