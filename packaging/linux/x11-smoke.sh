#!/bin/sh
# Start the bundle for real on X11 (run under xvfb-run by build.sh): the xcb platform plugin must
# load, the window must come up, and the sound player (QtMultimedia, imported only after the
# first frame) must be created. Both show in the process's memory map. Then stop it.
# Usage: x11-smoke.sh EXECUTABLE DATA_DIR
set -u
exe=$1
data=$2
QT_QPA_PLATFORM=xcb "$exe" --data-dir "$data" &
app=$!
loaded() { grep -q "$1" "/proc/$app/maps" 2>/dev/null; }
i=0
until loaded libqxcb && loaded libQt6Multimedia; do
    if ! kill -0 "$app" 2>/dev/null; then
        echo "x11-smoke: the app exited by itself" >&2
        exit 3
    fi
    i=$((i + 1))
    if [ "$i" -gt 120 ]; then
        loaded libqxcb || echo "x11-smoke: the xcb platform plugin never loaded" >&2
        loaded libQt6Multimedia || echo "x11-smoke: no sound player after 60 s" >&2
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
echo "x11-smoke: ok (xcb platform plugin and the sound player loaded, still running after 1 s)"
exit 0
