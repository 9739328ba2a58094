"""Spoken counting through QTextToSpeech, when an engine has a voice for the language.

Engines differ per platform (speechd on Linux, sapi/winrt on Windows, darwin on macOS) and
may be installed without any voice for Japanese; `find_voice` tries each real engine and
reports why none fits, so the player can count with tones instead and say so in one line.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QObject
from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

log = logging.getLogger(__name__)

# Qt ships a "mock" engine for its own tests: it speaks nothing, so it must never count reps.
TEST_ENGINES = frozenset({"mock"})
_QT_LANGUAGE = {"en": QLocale.Language.English, "ja": QLocale.Language.Japanese}


@dataclass
class VoiceChoice:
    speech: QTextToSpeech | None
    voice: QVoice | None
    problem: str | None  # why there is no voice (for the log), None when found


def find_voice(
    language: str,
    engines: Sequence[str] | None = None,
    parent: QObject | None = None,
    system: QLocale | None = None,
) -> VoiceChoice:
    """The first engine with a voice speaking `language` ("en"/"ja"), ready to speak.

    Among that engine's locales for the language, the system's own (en_GB on a British
    system) comes first, then the engine's order.
    """
    wanted = _QT_LANGUAGE[language]
    system = system or QLocale.system()
    names = (
        list(engines)
        if engines is not None
        else [e for e in QTextToSpeech.availableEngines() if e not in TEST_ENGINES]
    )
    if not names:
        return VoiceChoice(None, None, "no text-to-speech engine is installed")
    problems: list[str] = []
    for name in names:
        speech = QTextToSpeech(name, parent)
        if speech.state() is QTextToSpeech.State.Error:
            problems.append(f"{name}: {speech.errorString() or 'failed to start'}")
            speech.deleteLater()
            continue
        locales = [loc for loc in speech.availableLocales() if loc.language() == wanted]
        locales.sort(key=lambda loc: loc.name() != system.name())
        voices = [v for loc in locales for v in _voices_for(speech, loc)]
        if voices:
            speech.setLocale(voices[0].locale())
            speech.setVoice(voices[0])
            return VoiceChoice(speech, voices[0], None)
        problems.append(f"{name}: no {language} voice")
        speech.deleteLater()
    return VoiceChoice(None, None, "; ".join(problems))


def _voices_for(speech: QTextToSpeech, locale: QLocale) -> list[QVoice]:
    speech.setLocale(locale)
    return list(speech.availableVoices())
