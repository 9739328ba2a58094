#!/bin/sh
# Remove what install.sh installed for the current user. Your history and settings
# (~/.local/share/knee-coach, or the folder you chose) are NOT removed; delete that folder
# yourself if you want them gone too.
set -eu

ID=io.github.kneecoach.KneeCoach
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
opt_dir=$HOME/.local/opt/knee-coach
link=$HOME/.local/bin/knee-coach

removed=0
remove() {
    for path in "$@"; do
        if [ -e "$path" ] || [ -L "$path" ]; then
            rm -rf "$path"
            echo "  removed $path"
            removed=1
        fi
    done
}

echo "Uninstalling Knee Coach"
# The command link only if it is ours (points into ~/.local/opt/knee-coach).
if [ -L "$link" ] && [ "$(readlink "$link")" = "$opt_dir/knee-coach" ]; then
    remove "$link"
fi
remove "$opt_dir" "$opt_dir.new" \
    "$data_home/applications/$ID.desktop" \
    "$data_home/metainfo/$ID.metainfo.xml"
for icon in "$data_home"/icons/hicolor/*/apps/"$ID".*; do
    remove "$icon"
done

if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data_home/applications" ]; then
    update-desktop-database -q "$data_home/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data_home/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$data_home/icons/hicolor" || true
fi

[ "$removed" = 1 ] || echo "  nothing to remove: Knee Coach was not installed here"
echo "Your history and settings are kept in $data_home/knee-coach (delete it to remove them)."
