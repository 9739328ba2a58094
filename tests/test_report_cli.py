"""`knee-coach report --pdf PATH`: the report from the command line, with export's rules for
bad input (exit 2, nothing written) and for a file that is already there (--force)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from benchmarks.demo_history import seed
from knee_coach import cli
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    db = Database.open(folder)
    seed(HistoryStore(db), date(2026, 2, 1), date(2026, 3, 31), per_day=(1, 2))
    db.close()
    return folder


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The command in its own process, without a display, as from a terminal."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "knee_coach", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_a_bad_from_date_exits_2_and_writes_nothing(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.pdf"
    for bad in ("2026-02-30", "01/02/2026", "yesterday"):
        with pytest.raises(SystemExit) as exit_info:
            cli.main(["--data-dir", str(seeded), "report", "--pdf", str(out), "--from", bad])
        assert exit_info.value.code == 2
        assert "is not a date" in capsys.readouterr().err
    args = ["--data-dir", str(seeded), "report", "--pdf", str(out)]
    assert cli.main([*args, "--from", "2026-03-10", "--to", "2026-03-01"]) == 2
    assert "--from is after --to" in capsys.readouterr().err
    assert (
        cli.main(["--data-dir", str(seeded), "report", "--pdf", str(tmp_path / "no" / "r.pdf")])
        == 2
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")
def test_an_existing_file_needs_force_and_the_report_is_written_without_a_display(
    seeded: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(b"keep me")
    base = ["--data-dir", str(seeded), "--lang", "ja", "report", "--pdf", str(out)]
    refused = run_cli(*base, "--from", "2026-03-01")
    assert refused.returncode == 2
    assert "--force" in refused.stderr and "Traceback" not in refused.stderr
    assert out.read_bytes() == b"keep me"
    done = run_cli(*base, "--from", "2026-03-01", "--to", "2026-03-31", "--force")
    assert done.returncode == 0, done.stderr
    assert "report" in done.stdout and str(out) in done.stdout
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+[12]$", info.stdout, re.M), info.stdout
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "期間中の変化" in text  # --lang ja
    assert "2026年3月31日" in text.replace("⽉", "月").replace("⽇", "日")
    # A period that would end before it starts (only --from, after today) is bad input too.
    future = run_cli(*base, "--from", "2999-01-01", "--force")
    assert future.returncode == 2 and "Traceback" not in future.stderr
    assert out.read_bytes().startswith(b"%PDF")  # the report written before is kept
