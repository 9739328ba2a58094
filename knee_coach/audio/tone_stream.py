"""Tones mixed sample-accurately into one continuous QAudioSink stream.

Why not QSoundEffect: in Qt 6.11 a QSoundEffect, even one created afresh, stays silent for
the rest of the process once its output device has gone away and come back (checked against
a PulseAudio sink unloaded and reloaded), and each play starts with a few ms of variable
latency. Here one stream runs for as long as the device does; every cue is placed at the
sample where its scheduled instant falls, so the timer's wake-up jitter does not reach the
ear, and when the outputs change the stream is simply reopened on the new default device.

The map from monotonic time to stream sample is re-estimated at every feed from what is
still buffered (frame W, just written, sounds after the buffered frames have played) and
smoothed, so it follows the device's own clock: no drift over a long session. Every cue is
placed LEAD seconds after its instant, a constant latency that leaves room for the timer
to have woken late and for the frames already written ahead.

After that the sound server holds the stream a while longer, which Qt does not report: each
time the stream starts, once it plays, the server is asked (server_latency.py, on a worker
thread) and `server_latency` follows its answer, so the screen can wait for it too.
"""

from __future__ import annotations

import logging
import threading
import time
from array import array

from PySide6.QtCore import QIODevice, QObject, Qt, QTimer, Signal
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices

from knee_coach.audio.cue_sounds import SAMPLE_RATE
from knee_coach.audio.server_latency import plausible, read_steady_latency

log = logging.getLogger(__name__)

BUFFER_SECONDS = 0.040  # what the sink holds: rides out a busy main thread
FEED_MS = 5  # how often the buffer is topped up
LEAD = 0.055  # constant delay from a cue's instant to its sound (> buffer + timer wake-up)
_SMOOTHING = 0.02  # weight of one feed's estimate of the time map
_SNAP = 0.015  # an estimate this far off means an underrun or a stall: take it at once
# A device that went away can leave the stream "active" and error-free but taking no more
# data (PulseAudio with its sink unloaded): no frames taken for this long means it is lost.
STALL_SECONDS = 0.5
# Streaming silence keeps the audio thread and PulseAudio busy, so after this long with
# nothing to sound the stream is suspended; reopening is quick, and the next cue (placed LEAD
# ahead) still lands on its sample.
IDLE_SECONDS = 8.0
# Opened with nothing to sound yet (the app starting), the stream only runs long enough to
# show whether the device takes data (STALL_SECONDS), then waits suspended for the first cue.
OPENING_SECONDS = 1.0
# The server's latency for the stream is read this long after it starts: by then it plays and
# the server's buffer for it has filled (and within OPENING_SECONDS, at the app's start).
READ_LATENCY_AFTER = 0.3
ANSWER_POLL_MS = 100  # how often, while the server is being asked, its answer is looked for


class ToneStream(QObject):
    stalledChanged = Signal(bool)  # True: the device stopped taking data; False: it plays
    serverLatencyChanged = Signal(float)  # seconds: the new `server_latency`

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stalled = False  # sticky across reopening: cleared only by real progress
        self._last_progress = 0.0
        self._wanted = False  # open() was called and close() not: suspended is still open
        self._idle_from = 0.0  # monotonic time after which, with nothing to sound, it suspends
        self._format = QAudioFormat()
        self._format.setSampleRate(SAMPLE_RATE)
        self._format.setChannelCount(1)
        self._format.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self._sink: QAudioSink | None = None
        self._io: QIODevice | None = None
        self._written = 0  # frames written since the stream opened
        self._origin: float | None = None  # monotonic time at which frame 0 sounds
        self._voices: list[tuple[int, array]] = []  # (start frame, samples) still to mix
        self._gain = 0.8
        self.late: int = 0  # cues that could not be placed at their sample (for the log)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FEED_MS)
        self._timer.timeout.connect(self._feed)
        # Seconds the sound server holds the stream before it is heard, as last reported for
        # this device (0 until then, or where the server cannot be asked).
        self.server_latency = 0.0
        self._latency_timer = QTimer(self)
        self._latency_timer.setSingleShot(True)
        self._latency_timer.setInterval(round(READ_LATENCY_AFTER * 1000))
        self._latency_timer.timeout.connect(self._ask_latency)
        # The reading under way: the start it is about, and the list the worker puts it in.
        self._reading: tuple[int, list[float | None]] | None = None
        self._answer_timer = QTimer(self)
        self._answer_timer.setInterval(ANSWER_POLL_MS)
        self._answer_timer.timeout.connect(self._take_answer)
        self._starts = 0  # numbers each start, so that a late answer for an earlier one is ignored

    @property
    def is_open(self) -> bool:
        return self._wanted

    @property
    def is_running(self) -> bool:
        """Open and not suspended for idleness."""
        return self._sink is not None

    def open(self) -> bool:
        """(Re)open the stream on the current default output; False when there is none."""
        self.close()
        self._wanted = True
        self._idle_from = time.monotonic() + OPENING_SECONDS
        self._set_server_latency(0.0)  # perhaps another device now: until it is read again
        return self._start()

    def _start(self) -> bool:
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull():
            return False
        sink = QAudioSink(device, self._format, self)
        sink.setBufferSize(int(BUFFER_SECONDS * SAMPLE_RATE) * 2)
        io = sink.start()
        error = sink.error()
        # QAudio.Error became QtAudio.Error in Qt 6.7: compare within the enum it returns.
        if io is None or error != type(error).NoError:
            log.warning("could not open the audio stream: %s", error)
            sink.deleteLater()
            return False
        self._sink, self._io = sink, io
        self._starts += 1
        self._written, self._origin = 0, None
        self._last_progress = time.monotonic()
        self._feed()
        self._timer.start()
        self._latency_timer.start()
        return True

    def close(self) -> None:
        self._wanted = False
        self._suspend()

    def _suspend(self) -> None:
        self._timer.stop()
        self._latency_timer.stop()
        self._voices = []
        if self._sink is not None:
            self._sink.stop()
            self._sink.deleteLater()
        self._sink, self._io, self._origin = None, None, None

    def _ask_latency(self) -> None:
        if self._sink is None:
            return
        # The worker calls nothing of Qt's: it puts its reading in a list that this thread
        # looks into. A signal emitted from it would take the stream's connection lock while
        # holding Python's; a stream deleted at that moment (its player dropped) holds that
        # lock and waits for Python's while Qt deletes it, and both threads freeze for good.
        answer: list[float | None] = []
        threading.Thread(
            target=lambda: answer.append(read_steady_latency()),
            name="knee-coach-latency",
            daemon=True,
        ).start()
        self._reading = (self._starts, answer)
        self._answer_timer.start()

    def _take_answer(self) -> None:
        if self._reading is None or not self._reading[1]:
            return  # still reading
        (start, [latency]), self._reading = self._reading, None
        self._answer_timer.stop()
        self._latency_answered(start, latency)

    def _latency_answered(self, start: int, latency: float | None) -> None:
        if start == self._starts:  # not about a stream since closed and reopened
            self._set_server_latency(latency)

    def _set_server_latency(self, latency: float | None) -> None:
        """Keep a plausible reading; a missing or absurd one leaves the last one standing."""
        latency = plausible(latency)
        if latency is not None and latency != self.server_latency:
            self.server_latency = latency
            self.serverLatencyChanged.emit(latency)

    def set_gain(self, gain: float) -> None:
        self._gain = max(0.0, min(1.0, gain))

    def stop_sounds(self) -> None:
        self._voices = []

    def play_at(self, at: float, samples: array) -> None:
        """Sound `samples` LEAD after monotonic instant `at`, to the sample."""
        self._idle_from = time.monotonic() + IDLE_SECONDS
        if self._sink is None and self._wanted:
            self._start()  # back from idle
        if self._sink is None or self._origin is None:
            return
        frame = round((at + LEAD - self._origin) * SAMPLE_RATE)
        if frame < self._written:
            # Asked too late to be exact (a stalled event loop): as soon as possible.
            self.late += 1
            log.debug("cue %.1f ms late", (self._written - frame) * 1000 / SAMPLE_RATE)
            frame = self._written
        self._voices.append((frame, samples))

    def _feed(self) -> None:
        sink, io = self._sink, self._io
        if sink is None or io is None:
            return
        now = time.monotonic()
        free_frames = sink.bytesFree() // 2
        buffered = int(BUFFER_SECONDS * SAMPLE_RATE) - free_frames
        estimate = now + max(0, buffered) / SAMPLE_RATE - self._written / SAMPLE_RATE
        if self._origin is None or abs(estimate - self._origin) > _SNAP:
            self._origin = estimate
        else:
            self._origin += _SMOOTHING * (estimate - self._origin)
        # Not while stalled: only data taken again can clear that, and say the device is back.
        if not self._voices and now > self._idle_from and not self.stalled:
            self._suspend()
            return
        if free_frames <= 0:
            if not self.stalled and now - self._last_progress > STALL_SECONDS:
                self.stalled = True
                self.stalledChanged.emit(True)
            return
        # The first fill is taken even by a dead device; only frames beyond it are progress.
        if self._written >= int(BUFFER_SECONDS * SAMPLE_RATE):
            self._last_progress = now
            if self.stalled:
                self.stalled = False
                self.stalledChanged.emit(False)
        io.write(self._mix(self._written, free_frames).tobytes())
        self._written += free_frames

    def _mix(self, start: int, count: int) -> array:
        out = array("h", bytes(2 * count))
        if not self._voices:
            return out
        end = start + count
        keep: list[tuple[int, array]] = []
        acc = [0.0] * count
        for first, samples in self._voices:
            last = first + len(samples)
            if last <= start:
                continue
            keep.append((first, samples))
            lo, hi = max(start, first), min(end, last)
            for i in range(lo, hi):
                acc[i - start] += samples[i - first]
        self._voices = [v for v in keep if v[0] + len(v[1]) > end]
        gain = self._gain
        for i, value in enumerate(acc):
            if value:
                out[i] = max(-32768, min(32767, int(value * gain)))
        return out
