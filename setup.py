"""Build hook: compile the Qt translations (knee_coach/i18n/*.ts) into .qm files.

Everything else about the package is in pyproject.toml. The .qm files are build output,
never committed: a wheel gets freshly compiled ones here; a checkout gets them from
scripts/bootstrap.sh (scripts/build-translations.sh).
"""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


def _lrelease() -> str:
    """The lrelease that knee_coach/lrelease.py finds (the one in the build requirements'
    PySide6-Essentials). Loaded by path: the package is not importable during its build."""
    source = Path(__file__).parent / "knee_coach" / "lrelease.py"
    spec = importlib.util.spec_from_file_location("knee_coach_lrelease", source)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found = module.find_lrelease()
    if found is None:
        raise RuntimeError("cannot build the translations: lrelease (from PySide6) not found")
    return str(found)


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable checkout compiles them in place (scripts/bootstrap.sh)
        source = Path(__file__).parent / "knee_coach" / "i18n"
        target = Path(self.build_lib) / "knee_coach" / "i18n"
        target.mkdir(parents=True, exist_ok=True)
        tool = _lrelease()
        for ts in sorted(source.glob("*.ts")):
            qm = target / (ts.stem + ".qm")
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
            if not qm.is_file():
                raise RuntimeError(f"lrelease produced no {qm}")


setup(cmdclass={"build_py": BuildPyWithTranslations})
