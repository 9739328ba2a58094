#!/bin/sh
# Validate the .desktop entry and the AppStream metainfo with the freedesktop tools:
#   desktop-file-validate (Debian: desktop-file-utils)
#   appstreamcli validate --no-net (Debian: appstream), or appstream-util validate-relax --nonet
# A missing tool is skipped with a note, except in CI (CI=true), where it is an error.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
ID=io.github.kneecoach.KneeCoach
status=0

missing() {
    if [ "${CI:-}" = true ]; then
        echo "validate.sh: $1 is not installed (Debian package $2)" >&2
        status=1
    else
        echo "validate.sh: skipped, $1 is not installed (Debian package $2)"
    fi
}

if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$here/$ID.desktop" || status=1
    echo "desktop-file-validate $ID.desktop: $([ "$status" = 0 ] && echo ok || echo FAILED)"
else
    missing desktop-file-validate desktop-file-utils
fi

if command -v appstreamcli >/dev/null 2>&1; then
    appstreamcli validate --no-net "$here/$ID.metainfo.xml" || status=1
elif command -v appstream-util >/dev/null 2>&1; then
    appstream-util validate-relax --nonet "$here/$ID.metainfo.xml" || status=1
else
    missing appstreamcli appstream
fi
exit "$status"
