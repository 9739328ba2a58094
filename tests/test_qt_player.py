"""The Qt player's fallbacks: no device, a device lost mid-session, no voice, voice/sound off.

Speech goes through Qt's "mock" engine (English voices only, no Japanese), which makes both
paths testable without a real speech engine: English counts aloud, Japanese falls back. The
voice is looked up on the speaker's thread, so a test waits for its answer.
"""

from __future__ import annotations

import gc
import itertools
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
from pytestqt.qtbot import QtBot

from knee_coach.audio.cue_sounds import SOUNDS, render
from knee_coach.audio.qt_player import QtCuePlayer
from knee_coach.audio.tone_stream import ToneStream
from knee_coach.audio.voice import engine_names
from knee_coach.core.cues import CueEvent, CueKind
from knee_coach.core.model import LegChoice
from knee_coach.core.plan import build_plan
from knee_coach.core.settings import Settings

REP = CueEvent(CueKind.REP_PHASE, 10.0, 0, rep=4, phase=0, phase_id="bend")


class Devices:
    """Stands in for the system's list of outputs, so a test can pull the plug."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.present = True
        self._fake = [object()]
        monkeypatch.setattr(
            QMediaDevices, "audioOutputs", staticmethod(lambda: self._fake if self.present else [])
        )


@pytest.fixture
def devices(monkeypatch: pytest.MonkeyPatch) -> Devices:
    return Devices(monkeypatch)


RENDERED = {name: render(sound) for name, sound in SOUNDS.items()}


@pytest.fixture(params=["stream", "effect"])
def tones(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def played(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the tones started (by either backend), newest last. The stream is opened
    on no real device: these tests are about the player's choices; the tests in
    test_sound_is_heard.py prove the stream itself sounds."""
    names: list[str] = []

    def play(effect: QSoundEffect) -> None:
        names.append(Path(effect.source().toLocalFile()).stem)

    def play_at(stream: ToneStream, at: float, samples: object) -> None:
        names.append(next(n for n, s in RENDERED.items() if s == samples))

    monkeypatch.setattr(QSoundEffect, "play", play)
    monkeypatch.setattr(ToneStream, "play_at", play_at)
    monkeypatch.setattr(ToneStream, "open", lambda stream: True)
    return names


def make(qtbot: QtBot, tmp_path: Path, tones: str = "stream") -> QtCuePlayer:
    player = QtCuePlayer(tmp_path / "cues", tts_engines=["mock"], tones=tones)
    player.set_plan(build_plan(Settings(legs=LegChoice.BOTH)))
    return player


def test_tones_prepared_before_the_first_beat(
    qtbot: QtBot, tmp_path: Path, devices: Devices, played: list[str], tones: str
) -> None:
    player = make(qtbot, tmp_path, tones)
    if tones == "effect":
        assert (tmp_path / "cues" / "bend.wav").is_file()
        assert set(player._effects) == set(SOUNDS)
    else:
        assert player._samples["bend"] == RENDERED["bend"]
        assert not (tmp_path / "cues").exists()  # the stream needs no files
    assert player.notice is None


def test_english_voice_counts_after_the_tone(
    qtbot: QtBot, tmp_path: Path, devices: Devices, played: list[str], tones: str
) -> None:
    player = make(qtbot, tmp_path, tones)
    player.set_voice(True, "en")
    qtbot.waitUntil(lambda: player.voice_active, timeout=5000)
    assert player.notice is None
    player.play_batch([REP])
    assert played == ["bend"]
    assert player.spoken == []  # the words wait for the tone to end
    qtbot.waitUntil(lambda: player.spoken == ["4"], timeout=2000)
    player.play_batch([CueEvent(CueKind.SESSION_START, 20.0, 0)])
    qtbot.waitUntil(lambda: player.spoken[-1] == "Right leg, inner side", timeout=2000)


def test_no_japanese_voice_falls_back_to_tones_with_a_notice(
    qtbot: QtBot, tmp_path: Path, devices: Devices, played: list[str], tones: str
) -> None:
    player = make(qtbot, tmp_path, tones)
    notices: list[str | None] = []
    player.set_notice_listener(notices.append)
    player.set_voice(True, "ja")
    assert player.notice is None  # still looking: there may be a voice
    qtbot.waitUntil(lambda: player.notice is not None, timeout=5000)
    assert not player.voice_active
    assert player.notice is not None and "tones" in player.notice
    assert notices == [player.notice]
    player.play_batch([REP])
    assert played == ["bend"]
    player.set_enabled(False)
    assert player.notice is not None and "screen" in player.notice
    player.set_voice(False, "ja")
    assert player.notice is None and notices[-1] is None


def test_voice_off_and_sound_off_each_silence_their_part(
    qtbot: QtBot, tmp_path: Path, devices: Devices, played: list[str], tones: str
) -> None:
    player = make(qtbot, tmp_path, tones)
    player.set_voice(False, "en")
    player.set_enabled(True)
    player.play_batch([REP])
    assert played == ["bend"] and not player.voice_active
    player.set_voice(True, "en")
    player.set_enabled(False)
    qtbot.waitUntil(lambda: player.voice_active, timeout=5000)
    player.play_batch([REP])
    assert played == ["bend"]  # no new tone
    # Without a tone the words come at once, on the beat.
    qtbot.waitUntil(lambda: player.spoken == ["4"], timeout=1000)


def test_volume_reaches_tones_and_voice_and_is_clamped(
    qtbot: QtBot, tmp_path: Path, devices: Devices, played: list[str], tones: str
) -> None:
    player = make(qtbot, tmp_path, tones)
    player.set_voice(True, "en")
    player.set_volume(0.3)
    assert all(abs(e.volume() - 0.3) < 1e-6 for e in player._effects.values())
    if player._stream is not None:
        assert player._stream._gain == pytest.approx(0.3)
    qtbot.waitUntil(lambda: player.voice_active, timeout=5000)
    assert player._speaker is not None
    speech = player._speaker._speech  # read across threads: the speaker is idle by now
    assert speech is not None and abs(speech.volume() - 0.3) < 1e-6
    player.set_volume(4.0)
    assert player.volume == 1.0


def test_no_device_at_start_plays_nothing_and_says_why(
    qtbot: QtBot, tmp_path: Path, devices: Devices, played: list[str], tones: str
) -> None:
    devices.present = False
    player = make(qtbot, tmp_path, tones)
    assert player.notice is not None and "No sound device" in player.notice
    player.set_voice(True, "en")
    qtbot.waitUntil(lambda: player.voice_active, timeout=5000)
    player.play_batch([REP])
    assert played == []
    assert player.spoken == []


def test_device_lost_and_back_mid_session_updates_the_notice(
    qtbot: QtBot, tmp_path: Path, devices: Devices, played: list[str], tones: str
) -> None:
    player = make(qtbot, tmp_path, tones)
    notices: list[str | None] = []
    player.set_notice_listener(notices.append)
    devices.present = False
    player._devices.audioOutputsChanged.emit()
    assert notices and notices[-1] is not None and "No sound device" in notices[-1]
    player.play_batch([REP])
    assert played == []
    devices.present = True
    player._devices.audioOutputsChanged.emit()
    assert notices[-1] is None and player.notice is None
    player.play_batch([REP])
    assert played == ["bend"]


def test_the_voice_is_looked_up_on_another_thread_and_tones_count_meanwhile(
    qtbot: QtBot, tmp_path: Path, devices: Devices, played: list[str]
) -> None:
    player = make(qtbot, tmp_path)
    notices: list[str | None] = []
    player.set_notice_listener(notices.append)
    player.set_voice(True, "en")
    # The answer comes through this thread's event loop, which has not run yet.
    assert not player.voice_active and player.notice is None
    assert player._speaker is not None and player._speaker.thread() is not QThread.currentThread()
    player.play_batch([REP])
    assert played == ["bend"]
    qtbot.waitUntil(lambda: player.voice_active, timeout=5000)
    assert player.spoken == []  # a count from before the voice is not said late
    assert notices == []  # and at no point was there said to be no voice


def test_an_answer_from_before_a_language_switch_is_ignored(
    qtbot: QtBot, tmp_path: Path, devices: Devices, played: list[str]
) -> None:
    player = make(qtbot, tmp_path)
    player.set_voice(True, "en")
    player.set_voice(True, "ja")
    # Answers come in the order asked: the English one, if any, came first and was ignored.
    qtbot.waitUntil(lambda: player.notice is not None, timeout=5000)
    assert not player.voice_active and player.notice is not None and "tones" in player.notice
    speaker = player._speaker
    assert speaker is not None
    # A late answer to an older question (a slow engine) changes nothing either.
    speaker.answered.emit(player._voice_generation - 1, True, "English voice")
    assert not player.voice_active and "tones" in player.notice
    player.set_voice(True, "en")
    qtbot.waitUntil(lambda: player.voice_active, timeout=5000)
    assert player.notice is None
    speaker.answered.emit(player._voice_generation - 1, False, "mock: no ja voice")
    assert player.voice_active and player.notice is None


def test_engines_are_tried_in_turn_and_each_says_why_it_has_no_voice(
    qtbot: QtBot,
    tmp_path: Path,
    devices: Devices,
    played: list[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    player = QtCuePlayer(tmp_path / "cues", tts_engines=["nosuch", "mock"])
    caplog.set_level("INFO", logger="knee_coach.audio.qt_player")
    player.set_voice(True, "en")
    qtbot.waitUntil(lambda: player.voice_active, timeout=5000)
    player.set_voice(True, "ja")
    qtbot.waitUntil(lambda: player.notice is not None, timeout=5000)
    assert "no ja voice: nosuch: " in caplog.text and "; mock: no ja voice" in caplog.text
    player.close()


@pytest.mark.parametrize("when", ["voice found", "still looking"])
def test_close_ends_the_speaker_thread(
    qtbot: QtBot, tmp_path: Path, devices: Devices, played: list[str], when: str
) -> None:
    player = make(qtbot, tmp_path)
    player.set_voice(True, "en")
    if when == "voice found":
        qtbot.waitUntil(lambda: player.voice_active, timeout=5000)
    assert player._speaker is not None
    thread = player._speaker.thread()
    player.close()
    assert thread.isFinished()
    assert player._speaker is None and not player.voice_active
    player.close()  # twice is harmless
    player.set_voice(True, "ja")  # and a closed player starts no thread again
    assert player._speaker is None


def speaking_player_thread(qtbot: QtBot, tmp_path: Path) -> QThread:
    """The speaker thread of a player that found its voice, the player itself gone."""
    player = make(qtbot, tmp_path)
    player.set_voice(True, "en")
    qtbot.waitUntil(lambda: player.voice_active, timeout=5000)
    assert player._speaker is not None
    return player._speaker.thread()


def test_a_player_dropped_without_close_lets_its_speaker_go(
    qtbot: QtBot, tmp_path: Path, devices: Devices, played: list[str]
) -> None:
    thread = speaking_player_thread(qtbot, tmp_path)
    gc.collect()
    # Ended before the player's C++ part is deleted, not some time after: see the player.
    assert thread.isFinished()


def test_a_real_engine_starts_without_freezing_this_thread(
    qtbot: QtBot, tmp_path: Path, devices: Devices, played: list[str]
) -> None:
    """speechd takes 1.4-2 s to start here, holding the GIL: this thread must not notice."""
    if not engine_names():
        pytest.skip("no text-to-speech engine on this machine")
    player = QtCuePlayer(tmp_path / "cues")
    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    start = time.perf_counter()
    player.set_voice(True, "en")
    assert time.perf_counter() - start < 0.25
    qtbot.waitUntil(lambda: not player._voice_pending, timeout=20000)
    ticks.append(time.perf_counter())  # a freeze at the very end counts too
    timer.stop()
    player.close()
    gaps = [b - a for a, b in itertools.pairwise([start, *ticks])]
    assert max(gaps) < 0.5, max(gaps)


@pytest.mark.parametrize(("system", "expected"), [("en_US", "en_US"), ("en_GB", "en_GB")])
def test_voice_choice_prefers_the_system_locale(qtbot: QtBot, system: str, expected: str) -> None:
    from PySide6.QtCore import QLocale

    from knee_coach.audio.voice import find_voice

    choice = find_voice("en", ["mock"], system=QLocale(system))
    assert choice.voice is not None and choice.voice.locale().name() == expected
    assert find_voice("ja", ["mock"]).problem == "mock: no ja voice"
    assert find_voice("en", []).problem == "no text-to-speech engine is installed"


def test_a_stream_that_cannot_open_means_no_device_notice(
    qtbot: QtBot, tmp_path: Path, devices: Devices, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ToneStream, "open", lambda stream: False)
    player = make(qtbot, tmp_path)
    assert player.notice is not None and "No sound device" in player.notice


def test_unknown_tone_backend_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        QtCuePlayer(tmp_path / "cues", tones="beeper")


def test_an_announcements_words_are_reported_said_when_the_engine_is_done(
    qtbot: QtBot, tmp_path: Path, devices: Devices, played: list[str], tones: str
) -> None:
    player = make(qtbot, tmp_path, tones)
    reports: list[bool] = []
    player.set_words_listener(reports.append)
    player.set_voice(True, "en")
    qtbot.waitUntil(lambda: player.voice_active, timeout=5000)
    player.play_batch([REP])  # a count: nothing waits for it
    qtbot.waitUntil(lambda: player.spoken == ["4"], timeout=2000)
    qtbot.wait(300)
    assert reports == []
    player.play_batch([CueEvent(CueKind.SESSION_START, 20.0, 0)])
    qtbot.waitUntil(lambda: reports == [True], timeout=2000)
    # The mock engine goes Speaking, then Ready once it has "said" every word.
    qtbot.waitUntil(lambda: reports == [True, False], timeout=5000)
    # Cut short by a pause: over at once, as far as the session is concerned.
    player.play_batch([CueEvent(CueKind.SWITCH_SIDE, 30.0, 1)])
    qtbot.waitUntil(lambda: len(reports) == 3, timeout=2000)
    player.play_batch([CueEvent(CueKind.PAUSED, 31.0, 1)])
    qtbot.waitUntil(lambda: reports == [True, False, True, False], timeout=2000)
    assert player.spoken[-1] == "Paused."
    player.close()
