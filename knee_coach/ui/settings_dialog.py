"""Session settings: reps and cadence per routine, legs, pacing, sound."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from knee_coach.core.model import LegChoice, Pacing
from knee_coach.core.routines import ROUTINES
from knee_coach.core.settings import Settings, SettingsError
from knee_coach.ui.texts import routine_title


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Session settings"))
        self._base = settings
        layout = QVBoxLayout(self)
        self.reps: dict[str, QSpinBox] = {}
        self.cadence: dict[str, QDoubleSpinBox] = {}
        for routine in ROUTINES:
            box = QGroupBox(routine_title(routine))
            form = QFormLayout(box)
            reps = QSpinBox()
            reps.setRange(routine.min_reps, routine.max_reps)
            reps.setValue(settings.reps_for(routine.id))
            cadence = QDoubleSpinBox()
            cadence.setRange(routine.min_seconds_per_rep, routine.max_seconds_per_rep)
            cadence.setSingleStep(0.1)
            cadence.setDecimals(1)
            cadence.setSuffix(self.tr(" s"))
            cadence.setValue(settings.seconds_per_rep_for(routine.id))
            form.addRow(self.tr("Reps per set"), reps)
            form.addRow(self.tr("Seconds per rep"), cadence)
            self.reps[routine.id] = reps
            self.cadence[routine.id] = cadence
            layout.addWidget(box)

        general = QGroupBox(self.tr("Session"))
        form = QFormLayout(general)
        self.legs = QComboBox()
        for choice, name in (
            (LegChoice.BOTH, self.tr("Both legs")),
            (LegChoice.RIGHT, self.tr("Right leg")),
            (LegChoice.LEFT, self.tr("Left leg")),
        ):
            self.legs.addItem(name, choice.value)
        self.legs.setCurrentIndex(self.legs.findData(settings.legs.value))
        self.pacing = QComboBox()
        self.pacing.addItem(self.tr("The app paces each rep"), Pacing.AUTO.value)
        self.pacing.addItem(self.tr("I count each rep with Space"), Pacing.MANUAL.value)
        self.pacing.setCurrentIndex(self.pacing.findData(settings.pacing.value))
        self.sound = QCheckBox(self.tr("Play sound cues"))
        self.sound.setChecked(settings.sound)
        self.voice = QCheckBox(self.tr("Count aloud (when a voice for the language is installed)"))
        self.voice.setChecked(settings.voice)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(round(settings.volume * 100))
        form.addRow(self.tr("Legs"), self.legs)
        form.addRow(self.tr("Pacing"), self.pacing)
        form.addRow(self.sound)
        form.addRow(self.voice)
        form.addRow(self.tr("Volume"), self.volume)
        layout.addWidget(general)
        note = QLabel(self.tr("About 10 per set is a good start; add more as it gets easy."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.result_settings: Settings | None = None

    def value(self) -> Settings:
        s = self._base
        for rid, spin in self.reps.items():
            s = s.with_reps(rid, spin.value())
        for rid, spin in self.cadence.items():
            s = s.with_cadence(rid, round(spin.value(), 1))
        return Settings.from_dict(
            {
                **s.to_dict(),
                "legs": self.legs.currentData(),
                "pacing": self.pacing.currentData(),
                "sound": self.sound.isChecked(),
                "voice": self.voice.isChecked(),
                "volume": self.volume.value() / 100,
            }
        )

    def accept(self) -> None:
        try:
            self.result_settings = self.value()
        except SettingsError as exc:
            QMessageBox.warning(self, self.tr("Invalid setting"), str(exc))
            return
        super().accept()
