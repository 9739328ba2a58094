#!/bin/sh
# Start the bundle for real on X11 (run under xvfb-run by build.sh): the xcb platform plugin must
# load, the window must come up, and the sound player (QtMultimedia, imported after the first
# frame) must be created, which writes the cue sounds into the data folder. Then stop it.
# Usage: x11-smoke.sh EXECUTABLE DATA_DIR
set -u
exe=$1
data=$2
QT_QPA_PLATFORM=xcb "$exe" --data-dir "$data" &
app=$!
i=0
while ! ls "$data"/cache/cues/*.wav >/dev/null 2>&1; do
    if ! kill -0 "$app" 2>/dev/null; then
        echo "x11-smoke: the app exited by itself" >&2
        exit 3
    fi
    i=$((i + 1))
    if [ "$i" -gt 120 ]; then
        echo "x11-smoke: no cue sounds after 60 s: the sound player did not start" >&2
        kill "$app"
        exit 4
    fi
    sleep 0.5
done
sleep 1
if ! kill -0 "$app" 2>/dev/null; then
    echo "x11-smoke: the app exited by itself" >&2
    exit 3
fi
kill "$app"
wait "$app" 2>/dev/null
echo "x11-smoke: ok (xcb window up, $(ls "$data"/cache/cues/*.wav | wc -l) cue sounds written)"
exit 0
