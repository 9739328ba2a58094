"""`knee-coach --self-test`: proves a build (above all a PyInstaller bundle) has what it needs.

Runs with a QApplication on the offscreen platform, after the main window was opened. Checks
that every module of the app imports (lazily imported ones included: a bundle only contains
what PyInstaller was told about), that the Qt parts loaded on demand are there (pyqtgraph and
the OpenGL module it needs, QtMultimedia, QtTextToSpeech, the SVG plugins), and lists the
translations. Plays nothing, says nothing, writes nothing.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"self-test: {'ok  ' if self.ok else 'FAIL'} {self.name}: {self.detail}"


def _all_app_modules() -> str:
    import knee_coach

    names = {info.name for info in pkgutil.walk_packages(knee_coach.__path__, "knee_coach.")}
    # From a checkout or wheel, folders without __init__.py (namespace packages such as
    # knee_coach/ui) are not walked by pkgutil: list their files. (The bundle's importer
    # lists every module it holds.)
    for folder in map(Path, knee_coach.__path__):
        if folder.is_dir():
            for source in folder.rglob("*.py"):
                parts = source.relative_to(folder).with_suffix("").parts
                if parts[-1] != "__init__":
                    names.add(".".join(("knee_coach", *parts)))
    # In a PyInstaller bundle, the spec lists every module of the source tree: one missing from
    # the bundle is not found by the walk above, but fails here.
    manifest = Path(knee_coach.__file__).parent / "bundle-modules.txt"
    if manifest.is_file():
        names.update(manifest.read_text(encoding="utf-8").split())
    modules = sorted(name for name in names if not name.endswith("__main__"))
    for name in modules:
        importlib.import_module(name)
    if len(modules) < 10:  # the frozen importer lists modules too; fewer means a broken bundle
        raise RuntimeError(f"only {len(modules)} modules found: {', '.join(modules)}")
    return f"{len(modules)} modules imported"


def _pyqtgraph() -> str:
    import pyqtgraph

    # PlotWidget → PlotCurveItem imports QtOpenGL at run time with importlib.
    widget = pyqtgraph.PlotWidget()
    widget.plot([0.0, 1.0, 2.0], [3.0, 2.0, 4.0])
    widget.deleteLater()
    return f"pyqtgraph {pyqtgraph.__version__}, a plot drawn"


def _multimedia() -> str:
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

    import knee_coach.audio.qt_player  # noqa: F401 - the module the app loads after its first frame

    effect = QSoundEffect()  # made, never played
    effect.deleteLater()
    outputs = QMediaDevices.audioOutputs()
    # QSoundEffect needs no media backend plugin; the lean bundle has none (see the spec).
    backends = sorted(p.name for p in _qt_plugins_dir().glob("multimedia/*") if p.is_file())
    return (
        f"QtMultimedia + QSoundEffect loaded, {len(outputs)} audio output(s),"
        f" backend plugins: {', '.join(backends) or 'none'}"
    )


def _qt_plugins_dir() -> Path:
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))


def _text_to_speech() -> str:
    from PySide6.QtTextToSpeech import QTextToSpeech

    # The engine plugins present (speechd also needs the system's speech-dispatcher to speak).
    # None is not a failure: the app counts with tones then.
    engines = QTextToSpeech.availableEngines()
    return f"QtTextToSpeech loaded, engine plugins: {', '.join(engines) or 'none (tones only)'}"


def _svg() -> str:
    from PySide6.QtGui import QImageReader
    from PySide6.QtSvg import QSvgRenderer

    from knee_coach.ui.resources import asset_path

    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    if "svg" not in formats:
        raise RuntimeError("the SVG image format plugin is missing")
    renderer = QSvgRenderer(str(asset_path("knee_back.svg")))
    if not renderer.isValid():
        raise RuntimeError("knee_back.svg does not render")
    return "SVG plugin and knee_back.svg ok"


def _translations() -> str:
    from PySide6.QtCore import QLibraryInfo

    import knee_coach

    own = sorted(p.name for p in (Path(knee_coach.__file__).parent / "i18n").glob("*.qm"))
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qt_ja = (qt_dir / "qtbase_ja.qm").is_file()
    return (
        f"app: {', '.join(own) or 'none compiled'}; "
        f"Qt's Japanese: {'yes' if qt_ja else 'not found in ' + str(qt_dir)}"
    )


CHECKS: list[tuple[str, Callable[[], str]]] = [
    ("modules", _all_app_modules),
    ("history chart", _pyqtgraph),
    ("sound", _multimedia),
    ("voice", _text_to_speech),
    ("illustration", _svg),
    ("translations", _translations),
]


def history_check(data_dir: Path) -> Check:
    """The history read without changing it: damaged, newer or someone else's is a failure,
    in the words the command line uses."""
    import sqlite3

    from knee_coach.storage.db import FILE_NAME, DatabaseError, check_history
    from knee_coach.storage.errors import problem

    try:
        check_history(data_dir)
    except (DatabaseError, sqlite3.Error, OSError) as exc:
        return Check("history", False, problem(exc, data_dir / FILE_NAME).message())
    return Check("history", True, f"{data_dir / FILE_NAME}: readable (or not made yet)")


def run_checks() -> list[Check]:
    results = []
    for name, check in CHECKS:
        try:
            results.append(Check(name, True, check()))
        except Exception as exc:  # any failure is the answer here, not a crash
            results.append(Check(name, False, f"{type(exc).__name__}: {exc}"))
    return results
