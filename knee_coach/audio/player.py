"""The small interface the window plays cues through, and a silent player.

The silent player is what runs when there is no audio device (and in tests): it keeps the
events it was given so the session can be checked without sound.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # types only: the window creates a SilentPlayer before its first frame
    from knee_coach.core.cues import CueEvent
    from knee_coach.core.plan import Plan

NoticeListener = Callable[[str | None], None]
WordsListener = Callable[[bool], None]  # an announcement's words: being said (True) or over
DelayListener = Callable[[float], None]  # the new output_delay


class CuePlayer(Protocol):
    notice: str | None  # one line for the user when sound is degraded, else None
    # Seconds from a cue's instant (when play_batch gets it) to its sound leaving the device,
    # as far as it is known: the screen shows each change that much later, so picture and
    # sound agree. It may change (the sound server reports its latency, the device changes).
    output_delay: float

    def play_batch(self, events: list[CueEvent]) -> None: ...
    def set_enabled(self, enabled: bool) -> None: ...
    def set_voice(self, enabled: bool, language: str) -> None: ...
    def set_volume(self, volume: float) -> None: ...
    def set_plan(self, plan: Plan | None) -> None: ...
    def set_notice_listener(self, listener: NoticeListener | None) -> None: ...
    def set_words_listener(self, listener: WordsListener | None) -> None: ...
    def set_delay_listener(self, listener: DelayListener | None) -> None: ...
    def close(self) -> None: ...


class SilentPlayer:
    def __init__(self, notice: str | None = None) -> None:
        self.notice = notice
        self.output_delay = 0.0
        self.played: list[CueEvent] = []
        self.enabled = True
        self.voice = False
        self.language = "system"
        self.volume = 1.0
        self.plan: Plan | None = None
        self.listener: NoticeListener | None = None
        self.words_listener: WordsListener | None = None  # never called: it says nothing
        self.delay_listener: DelayListener | None = None  # never called: no delay to change

    def play_batch(self, events: list[CueEvent]) -> None:
        self.played.extend(events)

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled

    def set_voice(self, enabled: bool, language: str) -> None:
        self.voice, self.language = enabled, language

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def set_plan(self, plan: Plan | None) -> None:
        self.plan = plan

    def set_notice_listener(self, listener: NoticeListener | None) -> None:
        self.listener = listener

    def set_words_listener(self, listener: WordsListener | None) -> None:
        self.words_listener = listener

    def set_delay_listener(self, listener: DelayListener | None) -> None:
        self.delay_listener = listener

    def close(self) -> None:
        pass
