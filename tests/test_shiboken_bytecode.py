"""Shiboken's embedded support code is compiled once and reused, with the same result.

Importing PySide6 happens once per interpreter, so the real imports run in fresh ones.
"""

from __future__ import annotations

import ast
import builtins
import json
import marshal
import os
import subprocess
import sys
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from typing import Any

import pytest

from knee_coach import shiboken_bytecode
from knee_coach.shiboken_bytecode import (
    Use,
    cached_shiboken_bytecode,
    default_cache_file,
    load_entries,
    make_compile,
)

# Imports PySide6 in a fresh interpreter with the cache at argv[1] (or, given "frozen", as
# a PyInstaller bundle in the folder argv[1] would); reports which of shiboken's sources
# were really compiled, and a signature its support code works out.
PROBE = """
import builtins, json, sys
from pathlib import Path
real = builtins.compile
compiled = []
def spy(source, filename, mode, *args, **kwargs):
    compiled.append(filename)
    return real(source, filename, mode, *args, **kwargs)
builtins.compile = spy
from knee_coach import shiboken_bytecode
if sys.argv[2:] == ["frozen"]:
    sys.frozen, sys._MEIPASS = True, sys.argv[1]
    with shiboken_bytecode.cached_shiboken_bytecode():
        from PySide6 import QtCore
else:
    with shiboken_bytecode.cached_shiboken_bytecode(Path(sys.argv[1])):
        from PySide6 import QtCore
use = shiboken_bytecode.last_use
from shibokensupport.signature import get_signature
try:
    QtCore.QObject().setObjectName(1, 2)
except TypeError as error:  # the message comes from the support code's error handler
    message = str(error)
print(json.dumps({
    "compiled": [name for name in compiled if "shibokensupport" in name or "bootstrap" in name],
    "restored": builtins.compile is spy,
    "use": [use.served, use.compiled],
    "signature": str(get_signature(QtCore.QObject.setObjectName)),
    "error": message,
    "feature": sys.modules["shibokensupport.feature"].__file__,
}))
"""


def _env(write_bytecode: bool = True) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not write_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _probe(cache: Path, write_bytecode: bool = True, frozen: bool = False) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(cache), *(["frozen"] if frozen else [])],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(write_bytecode),
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_first_start_compiles_and_keeps_the_code_the_next_start_uses(tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "shibokensupport.bin"
    first = _probe(cache)
    assert "signature_bootstrap.py" in first["compiled"]
    assert len([n for n in first["compiled"] if n.startswith("shibokensupport/")]) >= 10
    assert set(load_entries(cache)) == set(first["compiled"])
    assert first["use"] == [0, len(first["compiled"])]
    assert first["restored"] is True
    written = cache.stat().st_mtime_ns

    second = _probe(cache)
    assert second["compiled"] == []  # every module came from the cache
    assert second["use"] == [len(first["compiled"]), 0]
    assert second["restored"] is True
    # The support code works as when compiled: signatures, the feature module.
    assert second["signature"] == first["signature"]
    assert "name: str" in first["signature"]
    assert second["feature"] == first["feature"] == "shibokensupport/feature.py"
    assert second["error"] == first["error"]
    assert "setObjectName" in first["error"]
    assert cache.stat().st_mtime_ns == written  # nothing new: not written again


@pytest.mark.parametrize(
    "content",
    [b"", b"garbage", b"\x00\x00\x00\x00" + marshal.dumps({}), MAGIC_NUMBER + b"\xff\xff"],
    ids=["empty", "garbage", "other-python", "truncated"],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(tmp_path: Path, content: bytes) -> None:
    cache = tmp_path / "shibokensupport.bin"
    cache.write_bytes(content)
    assert load_entries(cache) == {}
    assert len(_probe(cache)["compiled"]) >= 11
    assert len(load_entries(cache)) >= 11


def test_entries_of_the_wrong_shape_are_dropped(tmp_path: Path) -> None:
    cache = tmp_path / "shibokensupport.bin"
    code = compile("x = 1", "shibokensupport/a.py", "exec")
    entries = {"shibokensupport/a.py": (5, 1, 0, 0, code), "b": (1, 2, 0, 0, "no"), "c": (1, code)}
    entries[3] = (1, 2, 0, 0, code)  # type: ignore[index]
    cache.write_bytes(MAGIC_NUMBER + marshal.dumps(entries))
    assert load_entries(cache) == {"shibokensupport/a.py": (5, 1, 0, 0, code)}
    cache.write_bytes(MAGIC_NUMBER + marshal.dumps([1, 2]))
    assert load_entries(cache) == {}


def test_a_bundle_reads_the_copy_made_when_it_was_built_and_writes_nothing(
    tmp_path: Path,
) -> None:
    name = shiboken_bytecode.cache_name()
    assert name is not None
    bundled = tmp_path / "knee_coach" / name
    without = _probe(tmp_path, frozen=True)  # a bundle built without one still starts
    assert len(without["compiled"]) >= 11
    assert not bundled.exists()

    built = _probe(bundled)  # as packaging/knee-coach.spec makes it
    written = bundled.stat().st_mtime_ns
    frozen = _probe(tmp_path, frozen=True)
    assert frozen["compiled"] == []
    assert frozen["use"] == [len(built["compiled"]), 0]
    assert frozen["signature"] == built["signature"]
    assert bundled.stat().st_mtime_ns == written


def test_nothing_is_written_when_python_writes_no_bytecode(tmp_path: Path) -> None:
    cache = tmp_path / "shibokensupport.bin"
    assert len(_probe(cache, write_bytecode=False)["compiled"]) >= 11
    assert not cache.exists()


def test_a_cache_that_cannot_be_written_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("a file where the cache folder would be")
    cache = tmp_path / "file" / "shibokensupport.bin"
    assert "name: str" in _probe(cache)["signature"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]  # no temporary file left


def _stand_in(known: dict[str, Any]) -> tuple[Any, Use, list[str], dict[str, Any]]:
    compiled: list[str] = []

    def real(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        compiled.append(filename)
        return builtins.compile(source, filename, mode, *args, **kwargs)

    used: dict[str, Any] = {}
    use = Use()
    return make_compile(real, known, used, use), use, compiled, used


def test_a_changed_source_is_compiled_again() -> None:
    old = b"VALUE = 1\n"
    new = b"VALUE = 2\n"
    stand_in, use, compiled, used = _stand_in({})
    code = stand_in(old, "shibokensupport/a.py", "exec")
    assert compiled == ["shibokensupport/a.py"]
    assert (use.served, use.compiled) == (0, 1)

    kept = used["shibokensupport/a.py"]
    stand_in, use, compiled, used = _stand_in({"shibokensupport/a.py": kept})
    assert stand_in(old, "shibokensupport/a.py", "exec") is code
    assert compiled == []
    assert (use.served, use.compiled) == (1, 0)
    namespace: dict[str, Any] = {}
    exec(stand_in(new, "shibokensupport/a.py", "exec"), namespace)
    assert namespace["VALUE"] == 2
    assert compiled == ["shibokensupport/a.py"]
    assert (use.served, use.compiled) == (1, 1)


def test_other_calls_reach_the_real_compile_unchanged() -> None:
    stand_in, use, compiled, used = _stand_in({})
    assert isinstance(stand_in("x = 1", "<string>", "exec"), type(compile("", "", "exec")))
    tree = stand_in(b"x = 1", "shibokensupport/a.py", "exec", ast.PyCF_ONLY_AST)
    assert isinstance(tree, ast.Module)
    assert stand_in("1 + 1", "shibokensupport/a.py", "eval") is not None
    assert stand_in(b"x = 1", "mine.py", "exec") is not None
    assert compiled == ["<string>", "shibokensupport/a.py", "shibokensupport/a.py", "mine.py"]
    assert used == {}
    assert (use.served, use.compiled) == (0, 0)


@pytest.mark.parametrize("filename", ["shibokensupport/a.py", "mine.py"])
def test_the_callers_future_flags_apply_not_this_packages(filename: str) -> None:
    # shiboken_bytecode.py has `from __future__ import annotations`; shiboken's loader has not.
    def annotations_from(compile_: Any, future: bool) -> dict[str, Any]:
        caller = "from __future__ import annotations\n" if future else ""
        caller += f"code = compile_(b'def f(x: int) -> None: pass', {filename!r}, 'exec')"
        namespace: dict[str, Any] = {"compile_": compile_}
        exec(builtins.compile(caller, "<caller>", "exec", dont_inherit=True), namespace)
        defined: dict[str, Any] = {}
        exec(namespace["code"], defined)
        return dict(defined["f"].__annotations__)

    stand_in, *_ = _stand_in({})
    for future, expected in (
        (False, {"x": int, "return": None}),
        (True, {"x": "int", "return": "None"}),
    ):
        assert annotations_from(stand_in, future) == expected
        assert annotations_from(builtins.compile, future) == expected


def test_compile_is_put_back_when_the_import_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As before PySide6 is first imported:
    monkeypatch.delitem(sys.modules, "shiboken6", raising=False)
    real = builtins.compile
    with pytest.raises(ImportError), cached_shiboken_bytecode(tmp_path / "cache.bin"):
        assert builtins.compile is not real
        raise ImportError("no PySide6")
    assert builtins.compile is real
    assert not (tmp_path / "cache.bin").exists()


def test_once_pyside_is_loaded_it_does_nothing(tmp_path: Path) -> None:
    import PySide6.QtCore  # noqa: F401

    real = builtins.compile
    with cached_shiboken_bytecode(tmp_path / "cache.bin"):
        assert builtins.compile is real


def test_the_cache_sits_with_the_package_bytecode() -> None:
    path = default_cache_file()
    assert path is not None
    own = Path(shiboken_bytecode.__cached__)  # type: ignore[attr-defined]
    assert path.parent == own.parent
    assert path.name == f"shibokensupport.{sys.implementation.cache_tag}.bin"


def test_the_app_keeps_the_cache_beside_its_bytecode(tmp_path: Path) -> None:
    # Launched as the desktop entry runs it; its bytecode goes under a prefix of its own.
    env = {
        **_env(),
        "PYTHONPYCACHEPREFIX": str(tmp_path / "pycache"),
        "KNEE_COACH_DATA_DIR": str(tmp_path / "data"),
        "KNEE_COACH_BENCH_FIRST_FRAME": "exit",
    }
    for start in ("first", "second"):
        done = subprocess.run(
            [sys.executable, "-m", "knee_coach"],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["first-frame"]
        caches = list((tmp_path / "pycache").rglob("shibokensupport.*.bin"))
        assert len(caches) == 1
        assert caches[0].parent.name == "knee_coach"
        if start == "first":
            entries = load_entries(caches[0])
            assert "shibokensupport/feature.py" in entries
            written = caches[0].stat().st_mtime_ns
    assert caches[0].stat().st_mtime_ns == written
