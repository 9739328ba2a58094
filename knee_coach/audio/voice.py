"""Spoken counting through QTextToSpeech, when an engine has a voice for the language.

Engines differ per platform (speechd on Linux, sapi/winrt on Windows, darwin on macOS) and
may be installed without any voice for Japanese; the first engine with a voice wins, and when
none has one the reasons are reported, so the player can count with tones instead and say so
in one line.

Starting an engine is slow: speechd takes seconds in QTextToSpeech's constructor, and holds
Python's GIL all along, so even a constructor called on another thread freezes the UI thread's
Python code. `Speaker` therefore owns its QTextToSpeech on a thread of its own and starts
engines with a queued call of setEngine, which Qt makes from that thread's event loop with no
Python (and no GIL) on the stack. `find_voice` is the same look-up made on the spot, for
checks and tests that may block.

Each utterance is said with a number, and the speaker reports that number back (`said`)
when the engine's state shows it is over: Ready (or Error) after it was Speaking, or when it
was cut short. The session holds its count-in on that report.
"""

from __future__ import annotations

import atexit
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import Q_ARG, QLocale, QMetaObject, QObject, Qt, QThread, Signal, Slot
from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

log = logging.getLogger(__name__)

# Qt ships a "mock" engine for its own tests: it speaks nothing, so it must never count reps.
TEST_ENGINES = frozenset({"mock"})
NO_ENGINE = "no text-to-speech engine is installed"
_QT_LANGUAGE = {"en": QLocale.Language.English, "ja": QLocale.Language.Japanese}


@dataclass
class VoiceChoice:
    speech: QTextToSpeech | None
    voice: QVoice | None
    problem: str | None  # why there is no voice (for the log), None when found


def engine_names(engines: Sequence[str] | None = None) -> list[str]:
    """The engines to try, in order: `engines` as given, or every real one installed."""
    if engines is not None:
        return list(engines)
    return [e for e in QTextToSpeech.availableEngines() if e not in TEST_ENGINES]


def pick_voice(
    speech: QTextToSpeech, language: str, system: QLocale | None = None
) -> QVoice | None:
    """Set `speech` (a started engine) to its first voice speaking `language` ("en"/"ja").

    Among the engine's locales for the language, the system's own (en_GB on a British
    system) comes first, then the engine's order. None when it has no such voice.
    """
    wanted = _QT_LANGUAGE[language]
    system = system or QLocale.system()
    locales = [loc for loc in speech.availableLocales() if loc.language() == wanted]
    locales.sort(key=lambda loc: loc.name() != system.name())
    voices = [v for loc in locales for v in _voices_for(speech, loc)]
    if not voices:
        return None
    speech.setLocale(voices[0].locale())
    speech.setVoice(voices[0])
    return voices[0]


def find_voice(
    language: str,
    engines: Sequence[str] | None = None,
    parent: QObject | None = None,
    system: QLocale | None = None,
) -> VoiceChoice:
    """The first engine with a voice speaking `language`, ready to speak. Blocks while each
    engine starts (seconds): the app looks voices up through `Speaker` instead."""
    names = engine_names(engines)
    if not names:
        return VoiceChoice(None, None, NO_ENGINE)
    problems: list[str] = []
    for name in names:
        speech = QTextToSpeech(name, parent)
        if speech.state() is QTextToSpeech.State.Error:
            problems.append(f"{name}: {speech.errorString() or 'failed to start'}")
            speech.deleteLater()
            continue
        voice = pick_voice(speech, language, system)
        if voice is not None:
            return VoiceChoice(speech, voice, None)
        problems.append(f"{name}: no {language} voice")
        speech.deleteLater()
    return VoiceChoice(None, None, "; ".join(problems))


def _voices_for(speech: QTextToSpeech, locale: QLocale) -> list[QVoice]:
    speech.setLocale(locale)
    return list(speech.availableVoices())


@dataclass
class _Lookup:
    generation: int
    language: str
    left: list[str]  # engines still to try
    engine: str = ""  # the one starting now
    problems: list[str] = field(default_factory=list)


class Speaker(QObject):
    """The voice: a QTextToSpeech made, used and deleted on the speaker's own thread.

    Made by `start_speaker` and driven by queued calls only: `configure` looks a voice up
    (without blocking anything but this thread) and answers with `answered`; `say`, `stop`,
    `set_volume`, `release` and `shutdown` act on the voice found.
    """

    # The `configure` generation answered, whether a voice was found, and its name, or else
    # why there is none. The asker ignores answers to generations it no longer wants.
    answered = Signal(int, bool, str)
    # The number given to `say`: that utterance is over (said, cut short, or failed).
    said = Signal(int)
    _engine_set = Signal(int)  # to itself, queued: the engine of that look-up has started

    def __init__(self, engines: Sequence[str] | None = None) -> None:
        super().__init__()
        self._engines = engines
        self._speech: QTextToSpeech | None = None
        self._ready = False  # _speech has its voice set and may speak
        self._lookup: _Lookup | None = None
        self._volume = 1.0
        self._tag = 0  # the utterance being said; 0 when none
        self._tag_spoke = False  # the engine has been Speaking since it was handed over
        self._engine_set.connect(self._engine_started, Qt.ConnectionType.QueuedConnection)

    @Slot(int, str)
    def configure(self, generation: int, language: str) -> None:
        """Drop the voice there is and look up one for `language` ("en"/"ja")."""
        self._drop()
        names = engine_names(self._engines)
        if not names:
            self.answered.emit(generation, False, NO_ENGINE)
            return
        self._lookup = _Lookup(generation, language, names)
        # "none" is Qt's way of making one without an engine yet: instant.
        self._speech = QTextToSpeech("none", self)
        self._start_next_engine()

    def _start_next_engine(self) -> None:
        assert self._lookup is not None and self._speech is not None
        lookup = self._lookup
        lookup.engine = lookup.left.pop(0)
        # Queued, so Qt makes the slow call from the event loop, without the GIL; called from
        # here it would hold the GIL and freeze the UI thread as surely as calling it there.
        QMetaObject.invokeMethod(
            self._speech, "setEngine", Qt.ConnectionType.QueuedConnection, Q_ARG(str, lookup.engine)
        )
        self._engine_set.emit(lookup.generation)  # queued behind setEngine: runs once it returns

    @Slot(int)
    def _engine_started(self, generation: int) -> None:
        lookup, speech = self._lookup, self._speech
        if lookup is None or speech is None or lookup.generation != generation:
            return  # released, or a newer configure came first
        voice = None
        if speech.engine() != lookup.engine or speech.state() is QTextToSpeech.State.Error:
            lookup.problems.append(f"{lookup.engine}: {speech.errorString() or 'failed to start'}")
        else:
            voice = pick_voice(speech, lookup.language)
            if voice is None:
                lookup.problems.append(f"{lookup.engine}: no {lookup.language} voice")
        if voice is None and lookup.left:
            self._start_next_engine()
            return
        if voice is None:
            self._drop()
            self.answered.emit(generation, False, "; ".join(lookup.problems))
            return
        self._lookup = None
        speech.setVolume(self._volume)
        speech.stateChanged.connect(self._state_changed)
        self._ready = True
        self.answered.emit(generation, True, voice.name())

    @Slot(str, int)
    def say(self, text: str, tag: int = 0) -> None:
        if not self._ready or self._speech is None:
            self.said.emit(tag)  # nothing will be said: not worth waiting for
            return
        # The newest count matters, a half-said older one does not.
        self._over()
        if self._speech.state() is QTextToSpeech.State.Speaking:
            self._speech.stop(QTextToSpeech.BoundaryHint.Immediate)
        self._tag, self._tag_spoke = tag, False
        self._speech.say(text)

    @Slot()
    def stop(self) -> None:
        self._over()
        if self._ready and self._speech is not None:
            self._speech.stop(QTextToSpeech.BoundaryHint.Immediate)

    @Slot(QTextToSpeech.State)
    def _state_changed(self, state: QTextToSpeech.State) -> None:
        if not self._tag:
            return
        if state is QTextToSpeech.State.Speaking:
            self._tag_spoke = True
        elif state is QTextToSpeech.State.Error or (
            # A Ready before Speaking is the end of the utterance this one cut short.
            state is QTextToSpeech.State.Ready and self._tag_spoke
        ):
            self._over()

    def _over(self) -> None:
        """The utterance in hand is over: say so."""
        if self._tag:
            tag, self._tag = self._tag, 0
            self.said.emit(tag)

    @Slot(float)
    def set_volume(self, volume: float) -> None:
        self._volume = volume
        if self._ready and self._speech is not None:
            self._speech.setVolume(volume)

    @Slot()
    def release(self) -> None:
        """Stop speaking and let the engine go (voice turned off)."""
        self._drop()

    @Slot()
    def shutdown(self) -> None:
        """Release, then end the thread: its last event."""
        self._drop()
        self.thread().quit()

    def _drop(self) -> None:
        self._over()
        self._lookup = None
        self._ready = False
        if self._speech is not None:
            speech, self._speech = self._speech, None
            # Its last state changes are of no interest: the voice is going. (Blocked, not
            # disconnected: a disconnect takes Qt's locks while this thread holds Python's.)
            speech.blockSignals(True)
            speech.stop(QTextToSpeech.BoundaryHint.Immediate)
            # Deleted now, not later: a setEngine still queued for it is dropped with it.
            shiboken6.delete(speech)


# Every speaker thread started and not joined yet, so that none is destroyed while it runs:
# a speaker whose player was dropped without close() stays here until its thread has ended.
_threads: list[tuple[QThread, Speaker]] = []


def start_speaker(engines: Sequence[str] | None = None) -> Speaker:
    """A new `Speaker`, on a new thread of its own. End it with `stop_speaker`."""
    _threads[:] = [(t, s) for t, s in _threads if not t.isFinished()]
    thread = QThread()
    thread.setObjectName("knee-coach voice")
    speaker = Speaker(engines)
    speaker.moveToThread(thread)
    thread.start()
    _threads.append((thread, speaker))
    return speaker


def release_speaker(speaker: Speaker) -> None:
    """Ask `speaker` to let its engine go and end its thread; returns at once (any thread)."""
    QMetaObject.invokeMethod(speaker, "shutdown", Qt.ConnectionType.QueuedConnection)


def stop_speaker(speaker: Speaker) -> None:
    """End `speaker` and join its thread, then delete it (which disconnects it from all).
    An engine still starting is waited for. On the speaker's own thread (where the garbage
    collector may happen to run a finalizer) it only asks, as `release_speaker` does."""
    for entry in [e for e in _threads if e[1] is speaker]:
        release_speaker(speaker)
        if QThread.currentThread() is entry[0]:
            return
        entry[0].wait()
        _threads.remove(entry)
        shiboken6.delete(speaker)  # its thread is over: safe from here


@atexit.register
def _join_speakers() -> None:
    for _, speaker in _threads:
        release_speaker(speaker)
    for thread, _ in _threads:
        thread.wait()
    _threads.clear()
