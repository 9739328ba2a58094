"""Knee Coach: guided, hands-free self-care for pain behind the knee."""

__version__ = "0.1.0"
APP_NAME = "Knee Coach"
APP_ID = "knee-coach"
# Reverse-DNS id of the desktop integration: .desktop file, AppStream metainfo, icon name
# (packaging/linux/), and the Wayland app id / X11 startup id Qt reports for the window.
DESKTOP_ID = "io.github.kneecoach.KneeCoach"
