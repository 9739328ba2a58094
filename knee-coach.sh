#!/usr/bin/env bash
# Run Knee Coach from this checkout; the first run installs what it needs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/scripts/bootstrap.sh" app
exec "$here/.venv/bin/knee-coach" "$@"
