#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle in a fresh venv, check it, and report size and time.
#
#   packaging/build.sh            -> dist/knee-coach/  (+ dist/knee-coach-<version>-linux-<arch>.tar.gz)
#
# Steps: validate the .desktop and AppStream files (Linux), make build/venv from scratch,
# `pip install . pyinstaller`, compile knee_coach/i18n/*.ts to .qm (when there are any), run
# PyInstaller with packaging/knee-coach.spec, then run the bundle's --version and --self-test,
# check its libraries resolve (ldd) and, when xvfb-run is there, start it for real on X11.
# Any failure stops with a non-zero exit. Works on Linux and macOS (Windows: packaging/README.md).
# KNEE_COACH_REUSE_VENV=1 keeps an existing build/venv (faster when iterating on the spec).
set -euo pipefail
started=$(date +%s)
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
id=io.github.kneecoach.KneeCoach
venv=build/venv
python=${PYTHON:-python3}
step() { printf '\n== %s (%ss)\n' "$*" "$(($(date +%s) - started))"; }

# --- desktop files -----------------------------------------------------------------------------
if [ "$(uname -s)" = Linux ]; then
  step "Validating the desktop entry and AppStream metainfo"
  packaging/linux/validate.sh
fi

# --- a fresh venv with the app and PyInstaller ----------------------------------------------
step "Installing the app and PyInstaller into a fresh $venv"
if [ "${KNEE_COACH_REUSE_VENV:-}" != 1 ] || [ ! -x "$venv/bin/python" ]; then
  rm -rf "$venv"
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip
# The spec filters Qt plugins through PyInstaller's Qt hook helper (PyInstaller 6).
"$venv/bin/python" -m pip install --quiet . "pyinstaller>=6.10,<7"
"$venv/bin/python" -m pip list --format=freeze 2>/dev/null \
  | grep -iE '^(pyinstaller|pyinstaller-hooks-contrib|pyside6[-_a-z]*|shiboken6|pyqtgraph|numpy|platformdirs)=='

# --- translations --------------------------------------------------------------------------
i18n_out="$root/build/i18n"
rm -rf "$i18n_out"
shopt -s nullglob
ts_files=(knee_coach/i18n/*.ts)
if [ "${#ts_files[@]}" -gt 0 ]; then
  step "Compiling ${#ts_files[@]} translation(s) with pyside6-lrelease"
  mkdir -p "$i18n_out"
  for ts in "${ts_files[@]}"; do
    "$venv/bin/pyside6-lrelease" -silent "$ts" -qm "$i18n_out/$(basename "${ts%.ts}").qm"
    echo "  $ts -> build/i18n/$(basename "${ts%.ts}").qm"
  done
  export KNEE_COACH_I18N_BUILD_DIR="$i18n_out"
fi

# --- the bundle ----------------------------------------------------------------------------
step "PyInstaller"
rm -rf dist/knee-coach "dist/Knee Coach.app"
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/knee-coach.spec
bundle=dist/knee-coach
exe="$bundle/knee-coach"
[ -x "$exe" ] || { echo "build.sh: $exe was not built" >&2; exit 1; }

if [ "$(uname -s)" = Linux ]; then
  # What install.sh needs travels inside the bundle, so an unpacked archive installs itself.
  mkdir -p "$bundle/share/applications" "$bundle/share/metainfo" "$bundle/share/icons"
  cp packaging/linux/$id.desktop "$bundle/share/applications/"
  cp packaging/linux/$id.metainfo.xml "$bundle/share/metainfo/"
  cp -R packaging/icons/hicolor "$bundle/share/icons/"
  cp packaging/linux/install.sh packaging/linux/uninstall.sh "$bundle/"
fi

# --- check it --------------------------------------------------------------------------------
step "Checking the bundle"
version="$("$venv/bin/python" -c 'import knee_coach; print(knee_coach.__version__)')"
got="$("$exe" --version)"
echo "$got"
[ "$got" = "knee-coach $version" ] || { echo "build.sh: --version said '$got'" >&2; exit 1; }
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# --self-test switches to the offscreen platform itself: no display, no sound needed.
if ! "$exe" --self-test --data-dir "$scratch/data" > "$scratch/self-test.log" 2>&1; then
  cat "$scratch/self-test.log"
  echo "build.sh: the bundle's --self-test failed" >&2
  exit 1
fi
grep '^self-test:' "$scratch/self-test.log"

if [ "$(uname -s)" = Linux ]; then
  # The self-test runs offscreen, so the xcb/wayland plugins are only loaded on a real desktop:
  # check that every library the bundled Qt plugins and modules link to resolves. Allowed to
  # be missing here: what PyInstaller leaves to the user's system on purpose (the graphics
  # stack: libGL/EGL, libdrm, libxcb, libwayland-*) and speech-dispatcher's libspeechd
  # (voice counting is used when it is installed).
  host_libs='lib(speechd|wayland-(client|cursor|egl|server)|E?(Open)?GLX?(ESv1_CM|ESv2)?|drm|xcb|xcb-dri[0-9]*)\.so'
  unresolved="$(find "$bundle/_internal" -name '*.so*' -type f -print0 \
    | xargs -0 ldd 2>/dev/null | grep 'not found' | grep -Ev "^\s*$host_libs" | sort -u || true)"
  if [ -n "$unresolved" ]; then
    echo "$unresolved"
    echo "build.sh: bundled libraries link to libraries the bundle lacks" >&2
    exit 1
  fi
  echo "ldd: every bundled library resolves (graphics stack and libspeechd come from the system)"
fi

if [ "$(uname -s)" = Linux ] && command -v xvfb-run >/dev/null 2>&1; then
  # And once for real on X11, in a virtual display (Debian packages xvfb, xauth).
  if ! xvfb-run -a packaging/linux/x11-smoke.sh "$exe" "$scratch/x11" > "$scratch/x11.log" 2>&1 \
    || grep -qi 'could not load the qt platform plugin' "$scratch/x11.log"; then
    cat "$scratch/x11.log"
    echo "build.sh: the bundle did not run on X11" >&2
    exit 1
  fi
  grep '^x11-smoke:' "$scratch/x11.log"
elif [ "$(uname -s)" = Linux ]; then
  echo "(xvfb-run not installed: the run on X11 is skipped)"
fi

archive=""
if [ "$(uname -s)" = Linux ]; then
  archive="dist/knee-coach-$version-linux-$(uname -m).tar.gz"
  tar -C dist -czf "$archive" knee-coach
fi

# --- report ----------------------------------------------------------------------------------
elapsed=$(($(date +%s) - started))
step "Done"
echo "bundle:     $bundle ($(du -sh "$bundle" | cut -f1), $(find "$bundle" -type f | wc -l) files)"
[ -z "$archive" ] || echo "archive:    $archive ($(du -sh "$archive" | cut -f1))"
echo "build time: $((elapsed / 60)) min $((elapsed % 60)) s"
