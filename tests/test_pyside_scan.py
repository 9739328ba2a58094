"""The cheaper "does this module use PySide6?" check gives PySide's own answers."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path
from types import ModuleType

import PySide6.QtCore  # loads the import hook under test
import pytest

from knee_coach.pyside_scan import speed_up_import_scan, uses_pyside


@pytest.fixture
def feature(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """PySide's feature module; its check is put back after the test."""
    module = sys.modules["shibokensupport.feature"]
    monkeypatch.setattr(module, "_mod_uses_pyside", module._mod_uses_pyside)
    return module


def _modules() -> list[ModuleType]:
    import _datetime
    import logging
    import typing

    import knee_coach.core.settings
    import knee_coach.ui
    import knee_coach.ui.main_window

    return [
        knee_coach.ui.main_window,  # uses PySide6
        knee_coach.core.settings,  # Qt-free
        logging,
        typing,
        sys,  # built in: no file
        _datetime,  # an extension module
        knee_coach.ui,  # a namespace package: no file either
        PySide6.QtCore,
    ]


def test_same_answers_as_pysides_own_check(feature: ModuleType) -> None:
    original = feature._mod_uses_pyside
    for module in _modules():
        assert uses_pyside(module, original) == original(module), module.__name__
    assert uses_pyside(_modules()[0], original) is True
    assert uses_pyside(_modules()[1], original) is False


def test_a_missing_file_is_left_to_pysides_check(tmp_path: Path) -> None:
    gone = ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")
    asked: list[str] = []

    def fallback(module: ModuleType) -> bool:
        asked.append(module.__name__)
        return False

    assert uses_pyside(gone, fallback) is False
    assert asked == ["gone"]


def test_installed_it_answers_for_modules_imported_later(
    feature: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "kc_scan_with_qt.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "kc_scan_plain.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert speed_up_import_scan() is True
    installed = feature._mod_uses_pyside
    assert speed_up_import_scan() is True
    assert feature._mod_uses_pyside is installed  # not wrapped a second time

    for name in ("kc_scan_with_qt", "kc_scan_plain"):
        monkeypatch.delitem(sys.modules, name, raising=False)
        __import__(name)  # as an import statement does: through PySide's hook
        monkeypatch.delitem(sys.modules, name)
    table = feature.pyside_feature_dict
    assert table.pop("kc_scan_with_qt") == 0  # uses PySide: features would apply to it
    assert table.pop("kc_scan_plain") == -1  # ignored
    # Read from the bytes: no source was decoded and cached on the way.
    assert str(tmp_path / "kc_scan_plain.py") not in linecache.cache


def test_without_pysides_check_nothing_is_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "shibokensupport.feature")
    assert speed_up_import_scan() is False
