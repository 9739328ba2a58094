"""Cue playback through QtMultimedia: tones mixed into one stream, counting by voice.

Imported only after the first frame (QtMultimedia is slow to load). The session controller
calls `play_batch` when a cue's scheduled instant is due; every tone is already rendered and
is placed in the stream at the sample of that instant (tone_stream.py), so what is heard
follows the core's absolute schedule to about a millisecond, after a constant latency
(benchmarks/audio_timing.py measures it): the stream's lead plus what the sound server
reports it holds, `output_delay`, by which the screen shows each change later.
Without an audio device, when the device goes away mid-session, or with no voice for the
language, the session goes on with what is left (tones, or the screen) and a one-line notice
that follows the device as it comes and goes.

The voice is looked up and spoken on a thread of its own (voice.Speaker): starting a speech
engine takes seconds, which on this thread would freeze the window. Until the speaker answers,
counting is by tones, as when there is no voice, but without the notice (not known yet).

When the words of a set's announcement go to the engine, the words listener hears True, and
False when the engine reports them over (or they were cut short, or the voice went): the
session holds its count-in meanwhile.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

from knee_coach.audio.cue_sounds import (
    SOUNDS,
    duration,
    rendered_sounds,
    sounds_for_batch,
    wav_bytes,
)
from knee_coach.audio.server_latency import sound_delay
from knee_coach.audio.speech import Phrasebook, resolve_language
from knee_coach.audio.tone_stream import LEAD, ToneStream
from knee_coach.audio.voice import Speaker, start_speaker, stop_speaker
from knee_coach.core.cues import CueEvent
from knee_coach.core.plan import Plan

log = logging.getLogger(__name__)


def write_cue_files(folder: Path) -> dict[str, Path]:
    """Synthesise the cue WAVs into `folder`, rewriting only those that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for name, sound in SOUNDS.items():
        data = wav_bytes(sound)
        path = folder / f"{name}.wav"
        if not path.exists() or path.read_bytes() != data:
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
        paths[name] = path
    return paths


class QtCuePlayer(QObject):
    # To the speaker, queued to its thread.
    _voice_configure = Signal(int, str)  # generation, language
    _voice_say = Signal(str, int)  # text, its number (the speaker reports it said)
    _voice_stop = Signal()
    _voice_volume = Signal(float)
    _voice_release = Signal()

    def __init__(
        self,
        cache_dir: Path,
        parent: QObject | None = None,
        tts_engines: Sequence[str] | None = None,
        tones: str = "stream",
    ) -> None:
        """`tones`: "stream" mixes them into one QAudioSink stream at their exact sample
        (the default); "effect" plays preloaded QSoundEffects, kept to measure against."""
        super().__init__(parent)
        if tones not in ("stream", "effect"):
            raise ValueError(f"unknown tone backend {tones!r}")
        self.tones = tones
        self.notice: str | None = None
        # The stream places each tone LEAD after its instant (room for a late timer), and the
        # server's latency for it is added once reported; the effects play at once.
        self.output_delay = LEAD if tones == "stream" else 0.0
        self._listener: Callable[[str | None], None] | None = None
        self._delay_listener: Callable[[float], None] | None = None
        self._sound = True
        self._voice_wanted = False
        self._language = "en"
        self._volume = 0.8
        self._plan: Plan | None = None
        self._tts_engines = tts_engines
        self._phrases: Phrasebook | None = None
        # The voice, made on first use. Each look-up (or drop) gets a new generation, and
        # only the answer to the newest one counts: a switch makes earlier answers stale.
        self._speaker: Speaker | None = None
        self._speaker_finalizer: weakref.finalize | None = None
        self._closed = False
        self._voice_generation = 0
        self._voice_language: str | None = None  # asked of the speaker, None when dropped
        self._voice_found: bool | None = None  # its answer for that language; None: waiting
        self._voice_pending = False  # an answer is still to come
        self._has_device = True
        self._say_timer = QTimer(self)
        self._say_timer.setSingleShot(True)
        self._say_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._say_timer.timeout.connect(self._say_pending)
        self._pending_text = ""
        self._pending_announces = False
        self._say_count = 0  # numbers the utterances handed to the speaker
        self._words_tag = 0  # the announcement being said, 0 when none
        self._words_listener: Callable[[bool], None] | None = None
        self.spoken: list[str] = []  # what was handed to the engine, newest last (for tests)
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._outputs_changed)
        self._paths: dict[str, Path] = {}  # WAV files, for the QSoundEffect backend only
        self._effects: dict[str, QSoundEffect] = {}
        self._samples = rendered_sounds()
        self._stream: ToneStream | None = None
        # While the stream is stalled (device gone without Qt noticing), retry every second.
        self._reopen_timer = QTimer(self)
        self._reopen_timer.setInterval(1000)
        self._reopen_timer.timeout.connect(self._reopen)
        if tones == "stream":
            self._stream = ToneStream(self)
            self._stream.set_gain(self._volume)
            self._stream.stalledChanged.connect(self._stalled)
            self._stream.serverLatencyChanged.connect(self._server_latency_changed)
        else:
            self._paths = write_cue_files(cache_dir)
            self._load_effects()
        self._check_device()
        if self._stream is not None and self._has_device and not self._stream.open():
            self._has_device = False
            self._update_notice()

    def _load_effects(self) -> None:
        """A QSoundEffect per sound, decoded now so that nothing is loaded on the beat.

        Rebuilt whenever the outputs change, to follow the new default device. Even so, in
        Qt 6.11 effects stay silent once the device they played on went away and came back
        (tests/test_sound_is_heard.py shows the stream does not): why "stream" is the default.
        """
        for effect in self._effects.values():
            effect.stop()
            effect.deleteLater()
        self._effects = {}
        for name, path in self._paths.items():
            effect = QSoundEffect(QMediaDevices.defaultAudioOutput(), self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(self._volume)
            self._effects[name] = effect

    # ----- state and notices ---------------------------------------------------------------
    def set_notice_listener(self, listener: Callable[[str | None], None] | None) -> None:
        """Called with the new notice whenever it changes (device gone/back, voice missing)."""
        self._listener = listener

    def set_words_listener(self, listener: Callable[[bool], None] | None) -> None:
        """Called with True when an announcement's words are handed to the voice, and with
        False when the voice reports them said (or they were cut short)."""
        self._words_listener = listener

    def set_delay_listener(self, listener: Callable[[float], None] | None) -> None:
        """Called with the new `output_delay` whenever the server reports another latency."""
        self._delay_listener = listener

    def _server_latency_changed(self, latency: float) -> None:
        self.output_delay = sound_delay(LEAD, latency)
        if self._delay_listener is not None:
            self._delay_listener(self.output_delay)

    @property
    def voice_active(self) -> bool:
        """Counting by voice now: wanted, and the speaker has found a voice."""
        return self._voice_wanted and self._voice_found is True

    def _update_notice(self) -> None:
        lost = self._stream is not None and self._stream.stalled
        if not self._has_device or lost:
            notice: str | None = QCoreApplication.translate(
                "audio", "No sound device found: follow the cues on screen."
            )
        elif self._voice_wanted and self._voice_found is False:
            # Not while the voice is still being looked up: there may well be one.
            if self._sound:
                notice = QCoreApplication.translate(
                    "audio", "No voice for this language: counting with tones."
                )
            else:
                notice = QCoreApplication.translate(
                    "audio", "No voice for this language and tones are off: follow the screen."
                )
        else:
            notice = None
        if notice != self.notice:
            self.notice = notice
            if self._listener is not None:
                self._listener(notice)

    def _check_device(self) -> None:
        self._has_device = bool(QMediaDevices.audioOutputs())
        if not self._has_device:
            self._stop_all()
        self._update_notice()

    def _stalled(self, stalled: bool) -> None:
        if stalled:
            self._reopen_timer.start()
        else:
            self._reopen_timer.stop()
        self._update_notice()

    def _reopen(self) -> None:
        if self._stream is not None and self._has_device:
            self._stream.open()

    def _outputs_changed(self) -> None:
        self._check_device()
        if not self._has_device:
            return
        if self._stream is not None:
            # Reopen on whatever is the default now (the old device may be gone).
            if not self._stream.open():
                self._has_device = False
                self._update_notice()
        else:
            self._load_effects()

    # ----- settings ------------------------------------------------------------------------
    def set_enabled(self, enabled: bool) -> None:
        """Tones on or off (settings.sound)."""
        self._sound = enabled
        if not enabled:
            for effect in self._effects.values():
                effect.stop()
            if self._stream is not None:
                self._stream.stop_sounds()
        self._update_notice()

    def set_voice(self, enabled: bool, language: str) -> None:
        """Counting by voice on or off (settings.voice), in the UI language setting."""
        resolved = resolve_language(language, QLocale.system().name())
        self._voice_wanted = enabled
        if not enabled:
            self._drop_voice()
        elif resolved != self._voice_language or (
            # None found: look again (one may have been installed), one look-up at a time.
            self._voice_found is False and not self._voice_pending
        ):
            self._ask_for_voice(resolved)
        self._language = resolved
        self._phrases = Phrasebook(resolved, QCoreApplication.translate, self._plan)
        self._update_notice()

    def set_plan(self, plan: Plan | None) -> None:
        """The session's plan, so announcements can name the next set."""
        self._plan = plan
        self._phrases = Phrasebook(self._language, QCoreApplication.translate, plan)

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))
        for effect in self._effects.values():
            effect.setVolume(self._volume)
        if self._stream is not None:
            self._stream.set_gain(self._volume)
        self._voice_volume.emit(self._volume)

    @property
    def volume(self) -> float:
        return self._volume

    # ----- playing -------------------------------------------------------------------------
    def play_batch(self, events: list[CueEvent]) -> None:
        if not self._has_device:
            return
        tone_ms = 0
        scheduled = sounds_for_batch(events) if self._sound else []
        if scheduled:
            # Only the latest instant sounds: cues a late tick caught up on are already stale.
            at, name = scheduled[-1]
            tone_ms = round(duration(SOUNDS[name]) * 1000)
            if self._stream is not None:
                self._stream.play_at(at, self._samples[name])
                tone_ms += round(LEAD * 1000)
            else:
                effect = self._effects.get(name)
                if effect is None or effect.status() == QSoundEffect.Status.Error:
                    log.warning("cue %s could not be played", name)
                    tone_ms = 0
                else:
                    effect.play()
        if self.voice_active and self._phrases is not None:
            said = self._phrases.utterances(events)
            if said:
                # Words start as the tone ends, so the beat stays a clean tone.
                self._pending_text = said[-1].text
                self._pending_announces = said[-1].announces
                self._say_timer.start(tone_ms)

    def _say_pending(self) -> None:
        if not self.voice_active or not self._pending_text:
            return
        text, self._pending_text = self._pending_text, ""
        self._say_count += 1
        # Whatever was being said is cut short by these words.
        self._words_over()
        if self._pending_announces:
            self._words_tag = self._say_count
            if self._words_listener is not None:
                self._words_listener(True)
        # The speaker stops a half-said older count first: the newest one matters.
        self._voice_say.emit(text, self._say_count)
        self.spoken.append(text)
        del self.spoken[:-50]

    @Slot(int)
    def _voice_said(self, tag: int) -> None:
        if tag == self._words_tag:
            self._words_over()

    def _words_over(self) -> None:
        if self._words_tag:
            self._words_tag = 0
            if self._words_listener is not None:
                self._words_listener(False)

    def _stop_all(self) -> None:
        for effect in self._effects.values():
            effect.stop()
        if self._stream is not None:
            self._stream.stop_sounds()
        self._say_timer.stop()
        self._voice_stop.emit()
        self._words_over()

    # ----- the voice, on the speaker's thread -----------------------------------------------
    def _ask_for_voice(self, language: str) -> None:
        speaker = self._ensure_speaker()
        if speaker is None:
            return  # closed
        self._say_timer.stop()
        if language != self._voice_language:
            self._voice_found = None  # not known yet
        # (Looking again for the same language, "none found" stays true until one is.)
        self._voice_language = language
        self._voice_generation += 1
        self._voice_pending = True
        self._voice_configure.emit(self._voice_generation, language)

    def _ensure_speaker(self) -> Speaker | None:
        if self._speaker is None and not self._closed:
            speaker = start_speaker(self._tts_engines)
            self._voice_configure.connect(speaker.configure)
            self._voice_say.connect(speaker.say)
            self._voice_stop.connect(speaker.stop)
            self._voice_volume.connect(speaker.set_volume)
            self._voice_release.connect(speaker.release)
            speaker.answered.connect(self._voice_answered)
            speaker.said.connect(self._voice_said)
            self._voice_volume.emit(self._volume)
            # A player dropped without close() still ends its speaker, and waits for it: its
            # C++ part is deleted next, and while Qt deletes it, it holds a lock and calls
            # into Python (asking the speaker about each connection from it). A speaker
            # still running Python then waits for that lock while holding Python's: frozen.
            self._speaker_finalizer = weakref.finalize(self, stop_speaker, speaker)
            self._speaker = speaker
        return self._speaker

    @Slot(int, bool, str)
    def _voice_answered(self, generation: int, found: bool, detail: str) -> None:
        """The speaker's answer: `detail` is the voice's name when found, else why not."""
        if generation != self._voice_generation:
            return  # asked before a switch of language (or voice off): stale
        self._voice_pending = False
        self._voice_found = found
        if found:
            log.info("counting with the %s voice %s", self._voice_language, detail)
        else:
            log.info("no %s voice: %s", self._voice_language, detail)
        self._update_notice()

    def _drop_voice(self) -> None:
        self._say_timer.stop()
        self._pending_text = ""
        self._words_over()
        if self._voice_language is not None:
            self._voice_generation += 1  # an answer still on its way is stale now
            self._voice_release.emit()
        self._voice_language = None
        self._voice_found = None
        self._voice_pending = False

    def close(self) -> None:
        """Stop every sound and end the speaker's thread (joined: it is gone on return)."""
        self._stop_all()
        self._drop_voice()
        self._reopen_timer.stop()
        if self._stream is not None:
            self._stream.close()
        self._closed = True
        if self._speaker is not None:
            assert self._speaker_finalizer is not None
            self._speaker_finalizer.detach()
            stop_speaker(self._speaker)
            self._speaker = None
