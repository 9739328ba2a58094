"""All preferences, in tabs: session, sound, reminders, and the app on the desktop.

The dialog is modal and built anew each time it opens, so its texts are always in the
current language; a language chosen in it applies when it is accepted (it then closes).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from knee_coach.core import guidance
from knee_coach.core.model import LegChoice, Pacing
from knee_coach.core.routines import ROUTINES
from knee_coach.core.settings import REMINDER_SLOTS, CloseAction, Settings, SettingsError
from knee_coach.ui import i18n
from knee_coach.ui.accessibility import name_fields_from_labels
from knee_coach.ui.page_stack import PageScroll
from knee_coach.ui.reminders import format_time, slot_name
from knee_coach.ui.texts import routine_title

DIALOG_STYLE = """
QLabel, QCheckBox, QComboBox, QSpinBox, QDoubleSpinBox, QTimeEdit, QGroupBox, QTabBar::tab {
    font-size: 15px; }
QCheckBox { spacing: 8px; }
QCheckBox::indicator { width: 18px; height: 18px; }
QTimeEdit { min-width: 90px; }
QSpinBox, QDoubleSpinBox, QComboBox, QTimeEdit { min-height: 24px; }
"""


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        tray_available: bool = True,
        autostart_supported: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        # One text size for the whole dialog (the window's big check boxes are for the flow).
        self.setStyleSheet(DIALOG_STYLE)
        self.setMinimumWidth(min(620, self.screen().availableGeometry().width()))
        self._base = settings
        self.result_settings: Settings | None = None
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        # Each tab scrolls: at a large text size the dialog is taller than the screen, and
        # OK and Cancel must stay in sight.
        self.tabs.addTab(PageScroll(self._session_tab(settings)), self.tr("Session"))
        self.tabs.addTab(PageScroll(self._sound_tab(settings)), self.tr("Sound"))
        self.tabs.addTab(
            PageScroll(self._reminders_tab(settings, tray_available)), self.tr("Reminders")
        )
        self.tabs.addTab(
            PageScroll(self._general_tab(settings, tray_available, autostart_supported)),
            self.tr("General"),
        )
        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(
            "color: #8a1f16; background: #fdecea; border: 1px solid #e6a39c;"
            " border-radius: 6px; padding: 8px;"
        )
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.tabs.setAccessibleName(self.tr("Settings"))
        name_fields_from_labels(self)  # "Legs", not the item it shows ("Both legs")

    # ----- tabs -----------------------------------------------------------------------------
    def _session_tab(self, settings: Settings) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
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

        general = QGroupBox(self.tr("Legs and pacing"))
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
        form.addRow(self.tr("Legs"), self.legs)
        form.addRow(self.tr("Pacing"), self.pacing)
        layout.addWidget(general)
        note = QLabel(self.tr("About 10 per set is a good start; add more as it gets easy."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    def _sound_tab(self, settings: Settings) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        box = QGroupBox(self.tr("Cues"))
        form = QFormLayout(box)
        self.sound = QCheckBox(self.tr("Play sound cues"))
        self.sound.setChecked(settings.sound)
        self.voice = QCheckBox(self.tr("Count aloud with a voice, when one is available"))
        self.voice.setChecked(settings.voice)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(round(settings.volume * 100))
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume_label = QLabel()
        self.volume_label.setMinimumWidth(48)
        self.volume.valueChanged.connect(self._show_volume)
        self._show_volume(self.volume.value())
        volume_row = QHBoxLayout()
        volume_row.addWidget(self.volume, 1)
        volume_row.addWidget(self.volume_label)
        self.guidance = QComboBox()
        for value, name in (
            (
                guidance.AUTO,
                self.tr("Full for your first {n} sessions, then short").format(
                    n=guidance.FULL_SESSIONS
                ),
            ),
            (guidance.Guidance.FULL.value, self.tr("Full: what to do, the first time it comes")),
            (guidance.Guidance.SHORT.value, self.tr("Short: which leg and side only")),
            (guidance.Guidance.OFF.value, self.tr("Off: a tone announces each set")),
        ):
            self.guidance.addItem(name, value)
        self.guidance.setCurrentIndex(self.guidance.findData(settings.guidance))
        form.addRow(self.sound)
        form.addRow(self.voice)
        form.addRow(self.tr("Spoken instructions"), self.guidance)
        form.addRow(self.tr("Volume"), volume_row)
        self.reader_counts = QCheckBox(
            self.tr("When the voice is off, let the screen reader say each rep's number")
        )
        self.reader_counts.setChecked(settings.reader_counts)
        form.addRow(self.reader_counts)
        self.sound.toggled.connect(self.voice.setEnabled)
        self.sound.toggled.connect(self.volume.setEnabled)
        self.voice.toggled.connect(self.guidance.setEnabled)
        self.voice.setEnabled(settings.sound)
        self.volume.setEnabled(settings.sound)
        self.guidance.setEnabled(settings.voice)
        layout.addWidget(box)
        note = QLabel(
            self.tr(
                "Everything the sounds say is also shown on screen. "
                "While the voice gives an instruction, the count-in waits for it."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    def _show_volume(self, value: int) -> None:
        self.volume_label.setText(self.tr("{percent} %").format(percent=value))

    def _reminders_tab(self, settings: Settings, tray_available: bool) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Do the routines once or twice a day, at regular times that are easy to keep, "
                "such as after waking or before bed. Knee Coach reminds you while it is running."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        box = QGroupBox(self.tr("Daily reminders"))
        form = QFormLayout(box)
        self.reminder_on: dict[str, QCheckBox] = {}
        self.reminder_time: dict[str, QTimeEdit] = {}
        for slot in REMINDER_SLOTS:
            reminder = settings.reminder(slot)
            on = QCheckBox(slot_name(slot))
            on.setChecked(reminder.enabled)
            at = QTimeEdit(QTime(reminder.at.hour, reminder.at.minute))
            at.setDisplayFormat("HH:mm")
            at.setAccessibleName(self.tr("{slot}: time").format(slot=slot_name(slot)))
            at.setEnabled(reminder.enabled)
            on.toggled.connect(at.setEnabled)
            on.toggled.connect(self._clear_error)
            at.timeChanged.connect(self._clear_error)
            row = QHBoxLayout()
            row.addWidget(at)
            row.addStretch(1)
            form.addRow(on, row)
            self.reminder_on[slot] = on
            self.reminder_time[slot] = at
        layout.addWidget(box)
        if tray_available:
            where = self.tr(
                "A reminder appears as a message from the Knee Coach icon in the system tray; "
                "click it to check in and start."
            )
        else:
            where = self.tr(
                "No system tray was found, so a reminder brings the Knee Coach window to the "
                "front instead."
            )
        note = QLabel(where)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    def _general_tab(
        self, settings: Settings, tray_available: bool, autostart_supported: bool
    ) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.general_form = QFormLayout()
        layout.addLayout(self.general_form)
        self.language = QComboBox()
        self.language.addItem(self.tr("Same as the system"), "system")
        for code in i18n.LANGUAGES:
            # Each language named in itself, so it can be found whatever the window speaks.
            self.language.addItem(i18n.NATIVE_NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.general_form.addRow(self.tr("Language"), self.language)
        self.reduced_motion = QCheckBox(self.tr("Show the movement as still pictures"))
        self.reduced_motion.setToolTip(
            self.tr("Key poses instead of a moving leg; also when the desktop asks for less motion")
        )
        self.reduced_motion.setChecked(settings.reduced_motion)
        self.general_form.addRow(self.reduced_motion)

        tray = QGroupBox(self.tr("Window and tray"))
        form = QFormLayout(tray)
        self.close_action = QComboBox()
        self.close_action.addItem(self.tr("Ask each time"), CloseAction.ASK.value)
        self.close_action.addItem(
            self.tr("Keep running in the tray (reminders still come)"), CloseAction.TRAY.value
        )
        self.close_action.addItem(self.tr("Quit Knee Coach"), CloseAction.QUIT.value)
        self.close_action.setCurrentIndex(self.close_action.findData(settings.close_action.value))
        self.start_minimized = QCheckBox(self.tr("Start hidden in the tray"))
        self.start_minimized.setChecked(settings.start_minimized)
        form.addRow(self.tr("Closing the window"), self.close_action)
        form.addRow(self.start_minimized)
        if not tray_available:
            self.close_action.setEnabled(False)
            self.start_minimized.setEnabled(False)
            missing = QLabel(self.tr("No system tray was found: closing the window quits."))
            missing.setWordWrap(True)
            form.addRow(missing)
        layout.addWidget(tray)

        login = QGroupBox(self.tr("Start at login"))
        login_layout = QVBoxLayout(login)
        self.start_at_login = QCheckBox(
            self.tr("Start Knee Coach in the tray when I log in, so reminders come")
        )
        self.start_at_login.setChecked(settings.start_at_login and autostart_supported)
        login_layout.addWidget(self.start_at_login)
        if not autostart_supported:
            self.start_at_login.setEnabled(False)
            unavailable = QLabel(
                self.tr(
                    "Starting at login is not available on this system yet; add Knee Coach "
                    "to your startup programs by hand if you want it."
                )
            )
            unavailable.setWordWrap(True)
            login_layout.addWidget(unavailable)
        self._autostart_supported = autostart_supported
        layout.addWidget(login)
        layout.addStretch(1)
        return page

    # ----- result ---------------------------------------------------------------------------
    def _clear_error(self) -> None:
        if hasattr(self, "error"):
            self.error.hide()

    def value(self) -> Settings:
        s = self._base
        for rid, spin in self.reps.items():
            s = s.with_reps(rid, spin.value())
        for rid, box in self.cadence.items():
            s = s.with_cadence(rid, round(box.value(), 1))
        for slot in REMINDER_SLOTS:
            t = self.reminder_time[slot].time()
            s = s.with_reminder(
                slot, dt.time(t.hour(), t.minute()), self.reminder_on[slot].isChecked()
            )
        start_at_login = (
            self.start_at_login.isChecked() if self._autostart_supported else s.start_at_login
        )
        s = s.replace(
            close_action=CloseAction(self.close_action.currentData()),
            start_minimized=self.start_minimized.isChecked(),
            start_at_login=start_at_login,
            reduced_motion=self.reduced_motion.isChecked(),
        )
        return Settings.from_dict(
            {
                **s.to_dict(),
                "legs": self.legs.currentData(),
                "pacing": self.pacing.currentData(),
                "sound": self.sound.isChecked(),
                "voice": self.voice.isChecked(),
                "reader_counts": self.reader_counts.isChecked(),
                "guidance": self.guidance.currentData(),
                "volume": self.volume.value() / 100,
                "language": self.language.currentData(),
            }
        )

    def problem(self) -> str | None:
        """Why the values cannot be used, in the user's words (None: they are fine)."""
        on = [slot for slot in REMINDER_SLOTS if self.reminder_on[slot].isChecked()]
        times = [self.reminder_time[slot].time() for slot in on]
        if len(on) == 2 and times[0] == times[1]:
            t = times[0]
            return self.tr(
                "Both reminders are set for {time}. Choose different times, or turn one off."
            ).format(time=format_time(dt.time(t.hour(), t.minute())))
        try:
            self.value()
        except SettingsError as exc:
            return self.tr("This setting cannot be used: {error}").format(error=exc)
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            self.result_settings = None
            self.error.setText(problem)
            self.error.show()
            return
        self.error.hide()
        self.result_settings = self.value()
        super().accept()
