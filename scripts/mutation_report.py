"""Print the mutation score over the mutants mutmut has tested, and the survivors.

Usage: python scripts/mutation_report.py [--diffs] [GLOB ...]   (e.g. "knee_coach.core.*")
Reads mutmut's results in mutants/ (written by `mutmut run`, see scripts/mutation.sh). The
score is killed / (killed + survived + no tests), timeouts counted as killed, as mutmut's own
badge counts them. With --diffs each survivor's change is printed (`mutmut show`), and those
that cannot change behaviour by construction are set apart as equivalent:

- only the letter case of an SQL statement changed (SQLite's keywords and names ignore case);
- only the letter case of an encoding name changed ("utf-8" and "UTF-8" are the same codec).
"""

from __future__ import annotations

import fnmatch
import json
import re
import sys
from collections import Counter
from pathlib import Path

from mutmut.mutation.diff_apply import get_diff_for_mutant
from mutmut.stats import status_by_exit_code

KILLED = {"killed", "timeout", "caught by type check"}
SURVIVED = {"survived", "no tests"}
SQL_WORDS = (
    "select|insert|update|delete|where|from|values|begin|set|coalesce|max|sum|case|when|pragma"
)
SQL = re.compile(rf"\b({SQL_WORDS})\b", re.I)


def changed_lines(name: str, source: Path) -> tuple[list[str], list[str]]:
    # What `mutmut show NAME` prints, without starting a process for each survivor.
    diff = get_diff_for_mutant(name, path=source)
    lines = diff.splitlines()
    old = [line[1:] for line in lines if line.startswith("-") and not line.startswith("---")]
    new = [line[1:] for line in lines if line.startswith("+") and not line.startswith("+++")]
    return old, new


def equivalent(old: list[str], new: list[str]) -> str | None:
    if len(old) != len(new) or not old:
        return None
    if all(a.lower() == b.lower() for a, b in zip(old, new, strict=True)):
        if any(SQL.search(a) for a in old):
            return "SQL letter case"
        if any("utf-8" in a.lower() for a in old):
            return "encoding name letter case"
    return None


def main(args: list[str]) -> int:
    diffs = "--diffs" in args
    patterns = [a for a in args if a != "--diffs"]
    counts: Counter[str] = Counter()
    survivors: list[tuple[str, str, Path]] = []
    for meta in sorted(Path("mutants").rglob("*.py.meta")):
        # mutants/ keeps the results of a module that has since been removed: not counted.
        source = meta.relative_to("mutants").with_suffix("")
        if not source.is_file():
            continue
        data = json.loads(meta.read_text())
        for name, code in data.get("exit_code_by_key", {}).items():
            if patterns and not any(fnmatch.fnmatch(name, p) for p in patterns):
                continue
            status = status_by_exit_code[code]
            counts[status] += 1
            if status in SURVIVED:
                survivors.append((name, status, source))
    killed = sum(counts[s] for s in KILLED)
    tested = killed + sum(counts[s] for s in SURVIVED)
    score = 100.0 * killed / tested if tested else 0.0
    print(
        f"score {score:.1f} % ({killed} killed of {tested} tested); "
        + ", ".join(f"{status}: {n}" for status, n in sorted(counts.items()))
    )
    if not diffs:
        for name, status, _ in survivors:
            print(f"  {status}: {name}")
        return 0
    same: Counter[str] = Counter()
    rest = []
    for name, status, source in survivors:
        old, new = changed_lines(name, source)
        why = equivalent(old, new)
        if why:
            same[why] += 1
        else:
            rest.append((name, status, old, new))
    live = tested - sum(same.values())
    print(
        f"equivalent by construction: {sum(same.values())} ({dict(same)}); "
        f"score over the rest {100.0 * killed / live if live else 0.0:.1f} % "
        f"({killed} of {live})"
    )
    for name, status, old, new in rest:
        print(f"## {name} ({status})")
        for line in old:
            print(f"-   {line.strip()}")
        for line in new:
            print(f"+   {line.strip()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
