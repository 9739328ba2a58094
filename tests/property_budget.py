"""How many examples the property tests (hypothesis) try.

The test command tries each property's full number. Mutation testing (scripts/mutation.sh)
runs the tests again for every one of thousands of mutants, so it exports
KNEE_COACH_HYPOTHESIS_PROFILE=mutation: every property still runs, on a tenth of its examples
(at least 20), drawn from a fixed seed (`derandomize`) so that each mutant meets the same
examples and a score can be repeated. No test is skipped.
"""

from __future__ import annotations

import os

from hypothesis import settings

MUTATION = os.environ.get("KNEE_COACH_HYPOTHESIS_PROFILE") == "mutation"
FEWEST = 20

settings.register_profile("mutation", max_examples=FEWEST, derandomize=True, database=None)
if MUTATION:
    settings.load_profile("mutation")


def examples(full: int) -> int:
    """The number of examples for a property that tries `full` in the test command."""
    return max(FEWEST, full // 10) if MUTATION else full
