#!/bin/sh
# Install the Knee Coach bundle for the current user (no root, no pip):
#   the app        -> ~/.local/opt/knee-coach/        (started by ~/.local/bin/knee-coach)
#   menu entry     -> ~/.local/share/applications/io.github.kneecoach.KneeCoach.desktop
#   app info       -> ~/.local/share/metainfo/io.github.kneecoach.KneeCoach.metainfo.xml
#   icons          -> ~/.local/share/icons/hicolor/<size>/apps/io.github.kneecoach.KneeCoach.*
#
# Usage: install.sh [BUNDLE_DIR]
#   Run from an unpacked release (knee-coach/install.sh, the bundle is the folder it is in),
#   or from a checkout after packaging/build.sh (the bundle is dist/knee-coach).
# Installing again replaces the app; your history and settings are kept (they live in
# ~/.local/share/knee-coach). uninstall.sh removes what this installs.
set -eu

ID=io.github.kneecoach.KneeCoach
here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
opt_dir=$HOME/.local/opt/knee-coach
bin_dir=$HOME/.local/bin

# Where the bundle and the desktop files are: a release folder, or a checkout.
if [ $# -ge 1 ]; then
    bundle=$(cd "$1" && pwd)
elif [ -x "$here/knee-coach" ] && [ -d "$here/_internal" ]; then
    bundle=$here
else
    bundle=$(cd "$here/../.." && pwd)/dist/knee-coach
fi
if [ -d "$bundle/share/applications" ]; then
    share=$bundle/share
    desktop=$share/applications/$ID.desktop
    metainfo=$share/metainfo/$ID.metainfo.xml
    icons=$share/icons/hicolor
else
    desktop=$here/$ID.desktop
    metainfo=$here/$ID.metainfo.xml
    icons=$here/../icons/hicolor
fi
if [ ! -x "$bundle/knee-coach" ]; then
    echo "install.sh: no Knee Coach bundle in $bundle (build it with packaging/build.sh)" >&2
    exit 1
fi
for f in "$desktop" "$metainfo" "$icons"; do
    [ -e "$f" ] || { echo "install.sh: missing $f" >&2; exit 1; }
done

echo "Installing Knee Coach from $bundle"

# The app: copied next to the old one, then swapped in, so a failed copy breaks nothing.
mkdir -p "$(dirname "$opt_dir")"
if [ "$bundle" != "$opt_dir" ]; then
    rm -rf "$opt_dir.new"
    cp -R "$bundle" "$opt_dir.new"
    rm -rf "$opt_dir"
    mv "$opt_dir.new" "$opt_dir"
fi
echo "  app:        $opt_dir"

mkdir -p "$bin_dir"
ln -sf "$opt_dir/knee-coach" "$bin_dir/knee-coach"
echo "  command:    $bin_dir/knee-coach"

# The menu entry starts the installed copy by its full path (~/.local/bin may not be on PATH).
mkdir -p "$data_home/applications"
sed -e "s|^Exec=.*|Exec=\"$opt_dir/knee-coach\"|" \
    -e "s|^TryExec=.*|TryExec=$opt_dir/knee-coach|" \
    "$desktop" > "$data_home/applications/$ID.desktop"
chmod 644 "$data_home/applications/$ID.desktop"
echo "  menu entry: $data_home/applications/$ID.desktop"

mkdir -p "$data_home/metainfo"
cp "$metainfo" "$data_home/metainfo/$ID.metainfo.xml"

for icon in "$icons"/*/apps/"$ID".*; do
    size_dir=$(basename "$(dirname "$(dirname "$icon")")")
    mkdir -p "$data_home/icons/hicolor/$size_dir/apps"
    cp "$icon" "$data_home/icons/hicolor/$size_dir/apps/"
done
echo "  icons:      $data_home/icons/hicolor/*/apps/$ID.*"

# Refresh the desktop's caches where the tools exist (all optional).
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data_home/applications" || true
fi
touch "$data_home/icons/hicolor" 2>/dev/null || true
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data_home/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$data_home/icons/hicolor" || true
fi

echo "Done. Start Knee Coach from your applications menu, or run: $bin_dir/knee-coach"
