"""Packaging: desktop entry, AppStream metainfo, icons, the Linux install script, --self-test.

The PyInstaller bundle itself is built and checked by packaging/build.sh (CI runs it).
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import knee_coach
from knee_coach import DESKTOP_ID

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "packaging" / "icons"
DESKTOP = LINUX / f"{DESKTOP_ID}.desktop"
METAINFO = LINUX / f"{DESKTOP_ID}.metainfo.xml"
MASTER_ICON = ROOT / "knee_coach" / "assets" / "app_icon.svg"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def _run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False, **kwargs)  # type: ignore[call-overload,no-any-return]


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


# ----- validators (skipped where the freedesktop tools are not installed) ---------------------
@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate not installed (Debian package desktop-file-utils)",
)
def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = _run(["desktop-file-validate", str(DESKTOP)])
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(
    shutil.which("appstreamcli") is None and shutil.which("appstream-util") is None,
    reason="neither appstreamcli (Debian package appstream) nor appstream-util installed",
)
def test_metainfo_passes_appstream_validation() -> None:
    if shutil.which("appstreamcli"):
        result = _run(["appstreamcli", "validate", "--no-net", str(METAINFO)])
    else:
        result = _run(["appstream-util", "validate-relax", "--nonet", str(METAINFO)])
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_metainfo_and_package_agree() -> None:
    entry = _desktop_entry()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    command = re.search(r'\[project\.gui-scripts\]\n([\w-]+) = "knee_coach.cli:main"', pyproject)
    license_ = re.search(r'^license = "([^"]+)"', pyproject, re.MULTILINE)
    assert command and license_
    command = command.group(1)
    assert entry["Exec"] == entry["TryExec"] == command == knee_coach.APP_ID
    assert entry["Icon"] == DESKTOP_ID
    assert entry["Name"] == knee_coach.APP_NAME
    assert entry["StartupWMClass"] == knee_coach.APP_ID  # Qt's WM_CLASS: the application name
    assert entry["Name[ja]"] and entry["Comment[ja]"]

    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == DESKTOP_ID
    assert root.findtext("name") == knee_coach.APP_NAME
    assert root.findtext("project_license") == license_.group(1)
    assert root.find("launchable").text == DESKTOP.name  # type: ignore[union-attr]
    assert root.findtext("provides/binary") == command
    versions = [release.get("version") for release in root.iter("release")]
    assert versions[0] == knee_coach.__version__, "add a <release> for the new version"


# ----- icons -----------------------------------------------------------------------------------
def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_icon_files_exist_in_every_size() -> None:
    for size in PNG_SIZES:
        png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"
        assert _png_size(png) == (size, size)
    scalable = ICONS / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg"
    assert scalable.read_bytes() == MASTER_ICON.read_bytes(), "rerun generate_icons.py"

    ico = (ICONS / "knee-coach.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes

    icns = (ICONS / "knee-coach.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_committed_icons_match_a_fresh_render_of_the_svg(qapp: object) -> None:
    sys.path.insert(0, str(ICONS))
    try:
        import generate_icons
    finally:
        sys.path.remove(str(ICONS))
    from PySide6.QtGui import QImage

    for size in (16, 64, 256):
        committed = QImage(str(ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"))
        fresh = QImage.fromData(generate_icons.render_png(MASTER_ICON, size))
        assert committed.size() == fresh.size()
        # Tolerant of anti-aliasing differences between Qt builds, not of a changed drawing.
        differing = sum(
            1
            for y in range(size)
            for x in range(size)
            if abs(committed.pixel(x, y) - fresh.pixel(x, y)) > 0x080808
        )
        assert differing <= size * size // 50, "the SVG changed: rerun generate_icons.py"


# ----- install / uninstall --------------------------------------------------------------------
@pytest.fixture
def fake_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "dist" / "knee-coach"
    (bundle / "_internal").mkdir(parents=True)
    exe = bundle / "knee-coach"
    exe.write_text("#!/bin/sh\necho knee-coach 0.1.0\n", encoding="utf-8")
    exe.chmod(0o755)
    return bundle


def test_install_then_uninstall_for_the_user(tmp_path: Path, fake_bundle: Path) -> None:
    home = tmp_path / "home"
    user_data = home / ".local" / "share" / "knee-coach"
    user_data.mkdir(parents=True)
    (user_data / "history.sqlite3").write_text("kept", encoding="utf-8")
    env = {**os.environ, "HOME": str(home)}
    env.pop("XDG_DATA_HOME", None)

    result = _run(["sh", str(LINUX / "install.sh"), str(fake_bundle)], env=env)
    assert result.returncode == 0, result.stderr

    share = home / ".local" / "share"
    opt = home / ".local" / "opt" / "knee-coach"
    assert (opt / "knee-coach").is_file()
    link = home / ".local" / "bin" / "knee-coach"
    assert _run([str(link)]).stdout.strip() == "knee-coach 0.1.0"
    desktop = (share / "applications" / DESKTOP.name).read_text(encoding="utf-8")
    assert f'Exec="{opt}/knee-coach"' in desktop and f"TryExec={opt}/knee-coach" in desktop
    assert (share / "metainfo" / METAINFO.name).is_file()
    for size in PNG_SIZES:
        assert (
            share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"
        ).is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg").is_file()
    if shutil.which("desktop-file-validate"):
        check = _run(["desktop-file-validate", str(share / "applications" / DESKTOP.name)])
        assert check.returncode == 0, check.stdout

    # Installing again replaces the app cleanly.
    assert _run(["sh", str(LINUX / "install.sh"), str(fake_bundle)], env=env).returncode == 0

    result = _run(["sh", str(LINUX / "uninstall.sh")], env=env)
    assert result.returncode == 0, result.stderr
    assert not opt.exists() and not link.exists()
    assert not (share / "applications" / DESKTOP.name).exists()
    assert not list(share.glob(f"icons/hicolor/*/apps/{DESKTOP_ID}.*"))
    assert (user_data / "history.sqlite3").read_text(encoding="utf-8") == "kept"


def test_an_unpacked_release_installs_itself(tmp_path: Path, fake_bundle: Path) -> None:
    """build.sh puts install.sh and the desktop files into the bundle: knee-coach/install.sh."""
    share = fake_bundle / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    shutil.copy(DESKTOP, share / "applications")
    shutil.copy(METAINFO, share / "metainfo")
    shutil.copytree(ICONS / "hicolor", share / "icons" / "hicolor")
    shutil.copy(LINUX / "install.sh", fake_bundle)
    shutil.copy(LINUX / "uninstall.sh", fake_bundle)
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home)}
    env.pop("XDG_DATA_HOME", None)

    result = _run(["sh", str(fake_bundle / "install.sh")], env=env)
    assert result.returncode == 0, result.stderr
    opt = home / ".local" / "opt" / "knee-coach"
    assert (opt / "uninstall.sh").is_file() and (opt / "share").is_dir()
    assert (home / ".local" / "share" / "applications" / DESKTOP.name).is_file()

    assert _run(["sh", str(opt / "uninstall.sh")], env=env).returncode == 0
    assert not opt.exists()


def test_install_refuses_a_missing_bundle(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path / "home")}
    result = _run(["sh", str(LINUX / "install.sh"), str(tmp_path)], env=env)
    assert result.returncode != 0 and "no Knee Coach bundle" in result.stderr
    assert not (tmp_path / "home" / ".local" / "opt").exists()


# ----- self-test ---------------------------------------------------------------------------------
def test_self_test_checks_pass_in_the_installed_app(qapp: object) -> None:
    from knee_coach.self_test import run_checks

    checks = run_checks()
    assert [check.name for check in checks if not check.ok] == [], [c.line() for c in checks]
    assert {check.name for check in checks} >= {"modules", "history chart", "sound", "voice"}


def test_self_test_command_exits_0_and_says_what_it_checked(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = _run(
        [sys.executable, "-m", "knee_coach", "--self-test", "--data-dir", str(tmp_path / "d")],
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "self-test: ok"
    assert any("main window" in line for line in lines)
    assert any("pyqtgraph" in line for line in lines)
