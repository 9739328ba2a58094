"""Run surviving mutants again, each in a fresh pytest process.

Usage: python scripts/mutation_fresh.py GLOB [GLOB ...] -- TEST_FILE [TEST_FILE ...]
   e.g. python scripts/mutation_fresh.py "knee_coach.storage.csv_export.x__local*" \
            -- tests/test_csv_rules.py

mutmut runs every mutant in a process forked from its own, which has already run the tests
once (to learn which tests reach which function). Module-level caches are full by then (the
export's offset texts, the import's zones), so a mutant in the code that fills a cache is
never run, and survives whatever the tests check. Here each survivor matching GLOB runs in a
new process (from mutants/, with MUTANT_UNDER_TEST naming it, as mutmut's trampoline reads
it), on the given test files. mutmut's own results are not changed: this prints, for each,
killed or survived, then the counts.
"""

from __future__ import annotations

import fnmatch
import json
import os
import subprocess
import sys
from pathlib import Path

from mutmut.stats import status_by_exit_code


def survivors(patterns: list[str]) -> list[str]:
    names = []
    for meta in sorted(Path("mutants").rglob("*.py.meta")):
        if not meta.relative_to("mutants").with_suffix("").is_file():
            continue  # a module that no longer exists
        data = json.loads(meta.read_text())
        for name, code in data.get("exit_code_by_key", {}).items():
            if status_by_exit_code[code] in ("survived", "no tests") and any(
                fnmatch.fnmatch(name, p) for p in patterns
            ):
                names.append(name)
    return names


def main(args: list[str]) -> int:
    if "--" not in args:
        print(__doc__, file=sys.stderr)
        return 2
    cut = args.index("--")
    patterns, tests = args[:cut], args[cut + 1 :]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KNEE_COACH_HYPOTHESIS_PROFILE="mutation")

    def run(name: str) -> int:
        return subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
            cwd="mutants",
            env=dict(env, MUTANT_UNDER_TEST=name),
            capture_output=True,
            check=False,
        ).returncode

    if run("none") != 0:  # no mutant active: the tests must pass
        print("the tests fail without a mutant: nothing to compare with", file=sys.stderr)
        return 1
    killed = 0
    names = survivors(patterns)
    for name in names:
        code = run(name)  # 1: a test failed; anything else but 0 is not a verdict
        verdict = {0: "survived", 1: "killed"}.get(code, f"error (pytest exit {code})")
        killed += verdict == "killed"
        print(f"{verdict}: {name}", flush=True)
    print(f"in fresh processes: {killed} of {len(names)} survivors killed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
