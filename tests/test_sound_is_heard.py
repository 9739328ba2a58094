"""Cues really sound, in order and in time: a paced set through a PulseAudio null sink.

The app's own controller and player play into the null sink; its monitor is recorded and the
onsets compared with the core's schedule. ./run-tests.sh starts PulseAudio with the null
sink before pytest (scripts/test-services.sh); the fixture starts it too when these run
alone. Skipped only when PulseAudio cannot be started on this machine; CI requires them.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from benchmarks.audio_measure import MonitorRecorder, detect_onsets, ensure_null_sink
from benchmarks.audio_timing import run_paced_set
from knee_coach.core.cues import CueEvent, CueKind

# Loose enough for a busy shared CI machine, tight enough that a cue on the wrong beat fails:
# the beats are 0.8 s apart.
TOLERANCE = 0.040


@pytest.fixture
def null_sink() -> Iterator[None]:
    """The null sink, to this test alone: a recording hears everything played to the sink, so
    two test runs sharing one PulseAudio server (two checkouts on one machine) would hear
    each other's cues. A lock file shared by every checkout takes turns."""
    problem = ensure_null_sink()
    if problem:
        if os.environ.get("KNEE_COACH_REQUIRE_SOUND"):
            pytest.fail(f"sound is required here but: {problem}")
        pytest.skip(f"no PulseAudio null sink to record from: {problem}")
    import fcntl  # POSIX only, like PulseAudio here: imported once the sink is there

    with open(Path(tempfile.gettempdir()) / "knee-coach-sound-tests.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            assert ensure_null_sink() is None  # a test holding the lock before may reload it
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.mark.parametrize("tones", ["stream", "effect"])
def test_a_paced_set_sounds_every_cue_in_order_and_in_time(
    qtbot: QtBot, null_sink: None, tmp_path: Path, tones: str
) -> None:
    run = run_paced_set(tones, reps=10, seconds_per_rep=0.8, wav_path=tmp_path / "rec.wav")
    # Announcement, 3 count-in beats, 10 reps, session done.
    assert len(run.expected) == 15
    assert len(run.heard) == len(run.expected), (run.expected, run.heard)
    assert run.heard == sorted(run.heard)
    report = run.report()
    assert 0.0 <= report.offset < 0.25  # heard after scheduled, by a plausible output latency
    assert report.jitter_max < TOLERANCE, report.lines()
    assert abs(report.drift) < TOLERANCE, report.lines()


def test_a_disabled_player_records_silence(qtbot: QtBot, null_sink: None, tmp_path: Path) -> None:
    from knee_coach.audio.qt_player import QtCuePlayer

    player = QtCuePlayer(tmp_path / "cues")
    recorder = MonitorRecorder()
    assert recorder.wait_started()
    player.set_enabled(False)
    player.play_batch([CueEvent(CueKind.SESSION_DONE, time.monotonic(), 0)])
    qtbot.wait(600)
    player.set_enabled(True)
    player.play_batch([CueEvent(CueKind.SESSION_DONE, time.monotonic(), 0)])
    qtbot.wait(900)
    samples, _, _ = recorder.stop()
    player.close()
    # Only the second, enabled play is heard: one onset, in the second half of the recording.
    onsets = detect_onsets(samples, recorder.rate)
    assert len(onsets) == 1
    assert onsets[0] > 0.5


def speech_heard_after_tone(qtbot: QtBot, tmp_path: Path, language: str, voice: bool) -> bool:
    """Plays one rep beat with counting on or off; True when sound follows the tone."""
    from knee_coach.audio.qt_player import QtCuePlayer
    from knee_coach.audio.voice import find_voice

    if find_voice(language).speech is None:
        if os.environ.get("KNEE_COACH_REQUIRE_VOICE"):
            pytest.fail(f"a {language} voice is required here (speech-dispatcher, espeak-ng)")
        pytest.skip(f"no text-to-speech voice for {language} on this machine")
    player = QtCuePlayer(tmp_path / "cues")
    player.set_voice(voice, language)
    qtbot.waitUntil(lambda: player.voice_active is voice, timeout=10000)
    recorder = MonitorRecorder()
    assert recorder.wait_started()
    qtbot.wait(200)
    now = time.monotonic()
    player.play_batch([CueEvent(CueKind.REP_PHASE, now, 0, rep=3, phase=0, phase_id="bend")])
    qtbot.wait(2500)
    samples, _, _ = recorder.stop()
    player.close()
    rate = recorder.rate
    onsets = detect_onsets(samples, rate, min_quiet=0.02)
    assert onsets, "the tone was not heard"
    # The bend tone lasts 160 ms; anything loud from 250 ms after its onset is the voice.
    after = samples[int((onsets[0] + 0.25) * rate) :]
    peak = max(abs(s) for s in samples)
    return bool(after) and max(abs(s) for s in after) > 0.1 * peak


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_count_is_spoken_after_the_tone_when_voice_is_on(
    qtbot: QtBot, null_sink: None, tmp_path: Path, language: str
) -> None:
    assert speech_heard_after_tone(qtbot, tmp_path, language, voice=True)


def test_nothing_follows_the_tone_when_voice_is_off(
    qtbot: QtBot, null_sink: None, tmp_path: Path
) -> None:
    assert not speech_heard_after_tone(qtbot, tmp_path, "en", voice=False)


def unload_the_sink() -> None:
    modules = subprocess.run(
        ["pactl", "list", "short", "modules"], capture_output=True, text=True, check=True
    ).stdout
    ids = [line.split()[0] for line in modules.splitlines() if "sink_name=cue" in line]
    assert ids, modules
    for module in ids:
        subprocess.run(["pactl", "unload-module", module], check=True)


def test_sound_comes_back_after_the_device_goes_away_and_returns(
    qtbot: QtBot, null_sink: None, tmp_path: Path
) -> None:
    from knee_coach.audio.qt_player import QtCuePlayer

    player = QtCuePlayer(tmp_path / "cues")
    notices: list[str | None] = []
    player.set_notice_listener(notices.append)
    player.play_batch([CueEvent(CueKind.SWITCH_SIDE, time.monotonic(), 0)])
    qtbot.wait(500)
    # The device plays. On a busy machine PulseAudio may take more than the stall limit to
    # start taking data, and the notice shows until it does.
    qtbot.waitUntil(lambda: player.notice is None, timeout=3000)
    try:
        unload_the_sink()
        # The device is gone: the window is told within a second or so.
        qtbot.waitUntil(lambda: player.notice is not None, timeout=3000)
        assert notices[-1] is not None and "No sound device" in notices[-1]
    finally:
        assert ensure_null_sink() is None
    # It is back: the player reopens its stream and the notice goes.
    qtbot.waitUntil(lambda: player.notice is None, timeout=5000)
    assert notices[-1] is None
    recorder = MonitorRecorder()
    assert recorder.wait_started()
    qtbot.wait(200)
    played = []
    for _ in range(2):
        played.append(time.monotonic())
        player.play_batch([CueEvent(CueKind.SWITCH_SIDE, played[-1], 0)])
        qtbot.wait(900)
    samples, start, step = recorder.stop()
    player.close()
    heard = [start + t * recorder.rate * step for t in detect_onsets(samples, recorder.rate)]
    assert len(heard) == 2, heard
    for scheduled, onset in zip(played, heard, strict=True):
        assert 0.0 < onset - scheduled < 0.25


def test_a_cue_after_an_idle_pause_still_lands_on_its_beat(
    qtbot: QtBot, null_sink: None, tmp_path: Path
) -> None:
    from knee_coach.audio import tone_stream
    from knee_coach.audio.qt_player import QtCuePlayer

    player = QtCuePlayer(tmp_path / "cues")
    stream = player._stream
    assert stream is not None
    # Opened with nothing to sound, it suspends once the device has taken data (no CPU spent
    # while the app is idle); a sink slow to start taking it can make that take a while.
    qtbot.waitUntil(lambda: not stream.is_running, timeout=10_000)
    assert stream.is_open and player.notice is None
    recorder = MonitorRecorder()
    assert recorder.wait_started()
    qtbot.wait(200)
    scheduled = time.monotonic()
    player.play_batch([CueEvent(CueKind.SESSION_START, scheduled, 0)])
    qtbot.wait(900)
    samples, start, step = recorder.stop()
    player.close()
    heard = [start + t * recorder.rate * step for t in detect_onsets(samples, recorder.rate)]
    assert len(heard) == 1
    # The same constant latency as a running stream (LEAD plus the sink's own), within CI slack.
    assert abs(heard[0] - scheduled - (tone_stream.LEAD + 0.013)) < TOLERANCE


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_instruction_is_heard_while_getting_ready_and_the_count_in_follows_it(
    qtbot: QtBot, null_sink: None, tmp_path: Path, language: str
) -> None:
    """A whole short session with full guidance, through the app's controller and player:
    the instruction is heard in the get-ready time, which lasts as long as it does, and the
    first count-in tone sounds only once the words have ended."""
    import dataclasses

    from PySide6.QtCore import QCoreApplication

    from knee_coach.audio.qt_player import QtCuePlayer
    from knee_coach.audio.voice import find_voice
    from knee_coach.core import guidance
    from knee_coach.core.guidance import Guidance
    from knee_coach.core.model import EndReason, LegChoice
    from knee_coach.core.plan import Timing, Transition, build_plan
    from knee_coach.core.routines import ROUTINES_BY_ID
    from knee_coach.core.session import State
    from knee_coach.core.settings import Settings
    from knee_coach.ui import i18n
    from knee_coach.ui.session_controller import SessionController

    if find_voice(language).speech is None:
        if os.environ.get("KNEE_COACH_REQUIRE_VOICE"):
            pytest.fail(f"a {language} voice is required here (speech-dispatcher, espeak-ng)")
        pytest.skip(f"no text-to-speech voice for {language} on this machine")
    i18n.apply_language(language)
    settings = Settings(
        legs=LegChoice.RIGHT,
        reps={"popliteus_release": 10},
        seconds_per_rep={"popliteus_release": 2.0},
    )
    # A get-ready time far shorter than the words: only the hold can make it long enough.
    prepare = 1.5
    timing = Timing(prepare=tuple((t, prepare) for t in Transition))
    plan = build_plan(
        settings,
        routines=(ROUTINES_BY_ID["popliteus_release"],),
        timing=timing,
        spoken=Guidance.FULL,
    )
    # How to stop and the caution about the centre: a few seconds of words, not half a minute.
    words = (guidance.HOW_TO_STOP, guidance.SET_WORDS[("popliteus_release", "both_points")][1])
    plan = dataclasses.replace(plan, sets=(dataclasses.replace(plan[0], words=words),))
    player = QtCuePlayer(tmp_path / "cues")
    player.set_voice(True, language)
    qtbot.waitUntil(lambda: player.voice_active, timeout=10000)
    controller = SessionController(plan)
    events: list[CueEvent] = []

    def on_cues(batch: list[CueEvent]) -> None:
        events.extend(batch)
        player.play_batch(batch)

    controller.cues.connect(on_cues)
    player.set_words_listener(controller.words_speaking)
    recorder = MonitorRecorder()
    assert recorder.wait_started()
    qtbot.wait(300)
    controller.begin()
    # Once the reps begin, what matters has been heard: the session stops there.
    qtbot.waitUntil(lambda: controller.session.state is State.REP, timeout=60_000)
    qtbot.wait(500)
    controller.stop(EndReason.USER)
    qtbot.wait(1500)
    samples, start, step = recorder.stop()
    player.close()
    caution = QCoreApplication.translate(guidance.CTX, words[-1])
    i18n.reset()
    # The instruction was said in the language asked for, after the place.
    assert player.spoken[0].endswith(caution)
    if language == "ja":
        assert caution != words[-1]

    announced = next(e.at for e in events if e.kind is CueKind.SESSION_START)
    counted = next(e.at for e in events if e.kind is CueKind.COUNT_IN)
    held = counted - announced
    assert held > prepare + timing.after_words, "the count-in did not wait for the words"
    assert held < timing.words_limit

    def loudest(t0: float, t1: float) -> float:
        a, b = (max(0, int((t - start) / step)) for t in (t0, t1))
        return max((abs(s) for s in samples[a:b]), default=0.0)

    peak = max(abs(s) for s in samples)
    # Heard while getting ready: the words follow the announcement's tone.
    assert loudest(announced + 0.6, announced + prepare) > 0.1 * peak
    # The words ended before the count-in: nothing is heard in the breath before its first
    # tone (played a constant latency after its instant), and then the tone is.
    heard = [start + t * recorder.rate * step for t in detect_onsets(samples, recorder.rate)]
    first_tone = min((h for h in heard if h > counted - 0.2), default=None)
    assert first_tone is not None and 0.0 < first_tone - counted < 0.25
    assert loudest(first_tone - timing.after_words + 0.15, first_tone - 0.02) < 0.02 * peak
    # And the words were still being said after the get-ready time would have ended.
    assert loudest(announced + prepare, counted - timing.after_words) > 0.1 * peak


def keep_playing(qtbot: QtBot, player: object, seconds: float) -> None:
    """A cue every half second, so the stream runs (as in a set) rather than idling."""
    from knee_coach.audio.qt_player import QtCuePlayer

    assert isinstance(player, QtCuePlayer)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        player.play_batch([CueEvent(CueKind.REP_PHASE, time.monotonic(), 0, rep=1, phase=0)])
        qtbot.wait(500)


def test_the_player_adds_the_latency_the_server_reports_for_its_own_stream(
    qtbot: QtBot, null_sink: None, tmp_path: Path
) -> None:
    from knee_coach.audio.qt_player import QtCuePlayer
    from knee_coach.audio.server_latency import read_steady_latency
    from knee_coach.audio.tone_stream import LEAD

    player = QtCuePlayer(tmp_path / "cues")
    delays: list[float] = []
    player.set_delay_listener(delays.append)
    assert player.output_delay == LEAD  # nothing reported yet
    # A sink that idled may take a few seconds to report a steady latency.
    end = time.monotonic() + 10
    while not delays and time.monotonic() < end:
        keep_playing(qtbot, player, 0.5)
    assert delays, "the server's latency for the stream was never learnt"
    keep_playing(qtbot, player, 0.5)
    reported = read_steady_latency()  # asked here too, while the stream plays
    player.close()
    assert reported is not None and reported > 0
    assert player.output_delay == delays[-1]
    # The same figure as the server gives, within the wobble of the sink's own latency.
    assert abs(player.output_delay - (LEAD + reported)) < 0.010


def test_where_the_server_cannot_be_asked_the_screen_waits_for_the_lead_alone(
    qtbot: QtBot, null_sink: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from knee_coach.audio.qt_player import QtCuePlayer
    from knee_coach.audio.tone_stream import LEAD

    monkeypatch.setenv("PATH", str(tmp_path))  # no pactl: another sound system, or OS
    player = QtCuePlayer(tmp_path / "cues")
    delays: list[float] = []
    player.set_delay_listener(delays.append)
    keep_playing(qtbot, player, 2.0)
    player.close()
    assert delays == [] and player.output_delay == LEAD
