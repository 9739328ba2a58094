"""The command line: export and import the history without Qt, with clear errors."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from benchmarks.demo_history import seed
from knee_coach import cli
from knee_coach.storage.csv_format import HEADER
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    db = Database.open(folder)
    seed(HistoryStore(db), date(2026, 2, 1), date(2026, 2, 28), per_day=(1, 2))
    db.close()
    return folder


def test_export_then_import_into_an_empty_folder_and_export_again(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "history.csv"
    assert cli.main(["--data-dir", str(seeded), "export", "--csv", str(out)]) == 0
    assert "Exported" in capsys.readouterr().out
    empty = tmp_path / "empty"
    assert cli.main(["import", "--csv", str(out), "--data-dir", str(empty)]) == 0
    assert "Imported" in capsys.readouterr().out
    out2 = tmp_path / "again.csv"
    assert cli.main(["export", "--data-dir", str(empty), "--csv", str(out2)]) == 0
    assert out2.read_bytes() == out.read_bytes()
    # Importing the same file again adds nothing.
    assert cli.main(["import", "--data-dir", str(empty), "--csv", str(out)]) == 0
    assert "Imported 0 sessions" in capsys.readouterr().out


def test_export_refuses_to_overwrite_without_force_and_filters_by_day(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "h.csv"
    out.write_text("keep me")
    args = ["--data-dir", str(seeded), "export", "--csv", str(out)]
    assert cli.main(args) == 2
    assert "--force" in capsys.readouterr().err
    assert out.read_text() == "keep me"
    assert cli.main([*args, "--force", "--from", "2026-02-10", "--to", "2026-02-11"]) == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == ",".join(HEADER)
    assert lines[1:] and all(line.startswith(("2026-02-10", "2026-02-11")) for line in lines[1:])
    with pytest.raises(SystemExit) as exit_info:
        cli.main([*args, "--force", "--from", "10/02/2026"])
    assert exit_info.value.code == 2


def test_a_bad_import_exits_2_names_line_and_column_and_writes_nothing(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        ",".join(HEADER)
        + "\r\n"
        + "2026-03-01T07:00:00+09:00,,completed,both,12"
        + "," * 11
        + "\r\n",
        encoding="utf-8",
    )
    count = HistoryStore(Database.open(seeded)).count()
    assert cli.main(["--data-dir", str(seeded), "import", "--csv", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Line 2, column 5 (before_pain_right)" in err and "Nothing was imported" in err
    assert HistoryStore(Database.open(seeded)).count() == count


def test_the_cli_never_imports_qt(seeded: Path, tmp_path: Path) -> None:
    code = (
        "import sys; from knee_coach import cli;"
        f" rc = cli.main(['--data-dir', {str(seeded)!r}, 'export', '--csv',"
        f" {str(tmp_path / 'x.csv')!r}]);"
        " assert rc == 0, rc;"
        " qt = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken'))];"
        " assert not qt, qt"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_a_newer_database_fails_clearly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    folder = tmp_path / "new"
    folder.mkdir()
    conn = sqlite3.connect(folder / "history.sqlite3")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    rc = cli.main(["--data-dir", str(folder), "export", "--csv", str(tmp_path / "o.csv")])
    assert rc == 3
    assert "newer version" in capsys.readouterr().err
    assert not (tmp_path / "o.csv").exists()


def test_a_start_without_arguments_opens_the_window_without_building_the_parser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the desktop menu runs: nothing to parse, so no parser is built (it costs start-up
    # time); the outcome is the same as the parser's for an empty command line.
    assert cli._no_arguments() == cli.build_parser().parse_args([])
    import knee_coach.app

    opened: list[tuple[Path, dict[str, object]]] = []
    monkeypatch.setattr(
        knee_coach.app, "run_gui", lambda folder, **kw: opened.append((folder, kw)) or 0
    )
    monkeypatch.setenv("KNEE_COACH_DATA_DIR", str(tmp_path / "env"))
    real_parser = cli.build_parser
    monkeypatch.setattr(cli, "build_parser", lambda: pytest.fail("parser built"))
    monkeypatch.setattr(sys, "argv", ["knee-coach"])
    assert cli.main() == 0
    assert opened == [
        (
            (tmp_path / "env").resolve(),
            {"self_test": False, "language": None, "minimized": False},
        )
    ]
    # With arguments, the parser reads them as before.
    monkeypatch.setattr(cli, "build_parser", real_parser)
    assert cli.main(["--minimized", "--lang", "ja", "--data-dir", str(tmp_path / "arg")]) == 0
    assert opened[1] == (
        (tmp_path / "arg").resolve(),
        {"self_test": False, "language": "ja", "minimized": True},
    )
