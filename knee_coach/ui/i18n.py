"""Which language the window speaks, and switching it live.

The translations are Qt's own: ``knee_coach/i18n/knee_coach_<lang>.ts`` (sources, kept in
git and refreshed with ``scripts/update-translations.sh``) compiled to ``.qm`` by
``pyside6-lrelease`` when the package is built or the checkout bootstrapped. If a ``.qm`` is
missing or older than its ``.ts`` (a fresh checkout, a translation just edited), it is
compiled into the user cache when lrelease is at hand; otherwise the app says so and runs in
English. English is the source language: its ``.qm`` only carries the plural forms.

Installing a translator makes Qt send every widget a LanguageChange event; the pages answer
it by retranslating themselves, so switching never rebuilds a page or loses a session.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

import knee_coach
from knee_coach.lrelease import find_lrelease

log = logging.getLogger(__name__)

LANGUAGES = ("en", "ja")  # what the app is translated into; English is the source
CHOICES = ("system", *LANGUAGES)  # what settings.language and --lang accept
I18N_DIR = Path(knee_coach.__file__).parent / "i18n"
# Each language's name in that language: the switcher never translates these.
NATIVE_NAMES = {"en": "English", "ja": "日本語"}


def ts_path(lang: str) -> Path:
    return I18N_DIR / f"knee_coach_{lang}.ts"


def resolve_language(choice: str, ui_languages: Sequence[str] | None = None) -> str:
    """ "en" or "ja" for a setting: "system" takes the first supported language the system
    prefers (QLocale's uiLanguages, e.g. ["ja-JP", "en-US"]), else English."""
    if choice in LANGUAGES:
        return choice
    if choice != "system":
        raise ValueError(f"unknown language {choice!r}; expected one of {', '.join(CHOICES)}")
    tags = QLocale.system().uiLanguages() if ui_languages is None else ui_languages
    for tag in tags:
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
        if code in ("c", "posix"):
            break
    return "en"


def compile_ts(ts: Path, qm: Path, lrelease: Path | None = None) -> bool:
    """Compile one .ts into a .qm with lrelease; False (and a log line) when it cannot."""
    import subprocess  # (start-up cost: the .qm files are normally built already)

    tool = lrelease or find_lrelease()
    if tool is None:
        return False
    tmp = qm.with_suffix(".qm.tmp")
    try:
        qm.parent.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(tmp)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("lrelease failed for %s: %s", ts, exc)
        return False
    if done.returncode != 0 or not tmp.is_file():
        log.warning("lrelease failed for %s: %s", ts, done.stderr.strip())
        tmp.unlink(missing_ok=True)
        return False
    tmp.replace(qm)
    return True


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime)


def qm_path(lang: str, cache_dir: Path | None) -> Path | None:
    """The compiled catalogue for `lang`: the packaged one when it is up to date, else one
    compiled into `cache_dir` now; a stale packaged one rather than none; None if nothing."""
    ts = ts_path(lang)
    packaged = I18N_DIR / f"knee_coach_{lang}.qm"
    if _fresh(packaged, ts):
        return packaged
    if cache_dir is not None and ts.is_file():
        cached = cache_dir / packaged.name
        if _fresh(cached, ts) or compile_ts(ts, cached):
            return cached
    return packaged if packaged.is_file() else None


@dataclass(frozen=True, slots=True)
class Applied:
    choice: str  # what was asked: "system", "en" or "ja"
    language: str  # what the window now speaks: "en" or "ja"
    problem: str | None = None  # one line for the user when a translation could not be loaded


class _State:
    translators: ClassVar[list[QTranslator]] = []  # kept referenced while installed
    applied: ClassVar[Applied | None] = None


def current() -> Applied | None:
    return _State.applied


def locale_for(lang: str) -> QLocale:
    system = QLocale.system()
    if system.language() == (
        QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English
    ):
        return system  # keep the user's own regional formats (en_GB dates, …)
    if lang == "ja":
        return QLocale("ja_JP")
    return QLocale("en_US")


def _remove_translators() -> None:
    app = QCoreApplication.instance()
    for translator in _State.translators:
        if app is not None:
            app.removeTranslator(translator)
    _State.translators = []


def apply_language(choice: str, cache_dir: Path | None = None) -> Applied:
    """Install the translators for `choice` ("system", "en", "ja") on the running app.

    Qt then sends LanguageChange to every widget; QLocale's default follows, so numbers and
    dates drawn afterwards use the language's forms. Safe to call again at any time.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("apply_language needs a QApplication")
    lang = resolve_language(choice)
    _remove_translators()
    problem: str | None = None
    qm = qm_path(lang, cache_dir)
    own = QTranslator(app)
    if qm is not None and own.load(str(qm)):
        loaded = [own]
    else:
        loaded = []
        if lang != "en":
            # Said in English on purpose: it is the language the window falls back to.
            problem = (
                f"The {NATIVE_NAMES[lang]} translation could not be loaded "
                f"(knee_coach_{lang}.qm is missing and lrelease is not available): "
                "showing English."
            )
            log.warning(problem)
            lang = "en"
    # Qt's own texts (OK/Cancel, Yes/No in message boxes) in the same language.
    base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if base.load(f"qtbase_{lang}", qt_dir):
        loaded.append(base)
    QLocale.setDefault(locale_for(lang))
    for translator in loaded:
        app.installTranslator(translator)
    _State.translators = loaded
    _State.applied = Applied(choice=choice, language=lang, problem=problem)
    return _State.applied


def reset() -> None:
    """Back to the untranslated source (English) and the system locale: for tests."""
    _remove_translators()
    QLocale.setDefault(QLocale.system())
    _State.applied = None


class Retranslating:
    """Mixin for a widget that says its texts in `retranslate()`: called again on every
    language change (installing a translator sends LanguageChange to every widget).
    List it before the Qt class: `class Page(Retranslating, QWidget)`."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
