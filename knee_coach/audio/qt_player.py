"""Cue playback through QtMultimedia: every sound preloaded as a QSoundEffect.

Imported only after the first frame (QtMultimedia is slow to load). Without an audio device,
or if a sound fails to load, the session goes on silently with a one-line notice.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

from knee_coach.audio.cue_sounds import SOUNDS, sounds_for_batch, wav_bytes
from knee_coach.core.cues import CueEvent

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
    def __init__(self, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notice: str | None = None
        self._enabled = True
        self._volume = 0.8
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._check_device)
        self._effects: dict[str, QSoundEffect] = {}
        for name, path in write_cue_files(cache_dir).items():
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(self._volume)
            self._effects[name] = effect
        self._check_device()

    def _check_device(self) -> None:
        if not QMediaDevices.audioOutputs():
            self.notice = QCoreApplication.translate(
                "audio", "No sound device found: follow the cues on screen."
            )
        else:
            self.notice = None

    def play_batch(self, events: list[CueEvent]) -> None:
        if not self._enabled or self.notice:
            return
        scheduled = sounds_for_batch(events)
        if not scheduled:
            return
        # Only the latest instant sounds: cues a late tick caught up on are already stale.
        name = scheduled[-1][1]
        effect = self._effects.get(name)
        if effect is None or effect.status() == QSoundEffect.Status.Error:
            log.warning("cue %s could not be played", name)
            return
        effect.play()

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        if not enabled:
            for effect in self._effects.values():
                effect.stop()

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))
        for effect in self._effects.values():
            effect.setVolume(self._volume)

    def close(self) -> None:
        for effect in self._effects.values():
            effect.stop()
