"""Render the app icon (knee_coach/assets/app_icon.svg) into every file the platforms want.

    python packaging/icons/generate_icons.py        (from the checkout, with the app's venv)

Writes, next to this script:
  hicolor/<N>x<N>/apps/<app id>.png   N = 16 22 24 32 48 64 128 256 512 (Linux, freedesktop)
  hicolor/scalable/apps/<app id>.svg  a copy of the master SVG
  knee-coach.ico                      16-256 px, PNG-compressed entries (Windows, PyInstaller)
  knee-coach.icns                     16-1024 px, PNG entries (macOS, PyInstaller)

Only PySide6 (QSvgRenderer) is needed; the ICO and ICNS containers are written here directly.
The outputs are committed; rerun this after changing the SVG (tests/test_packaging.py compares
them with a fresh render).
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
MASTER = ROOT / "knee_coach" / "assets" / "app_icon.svg"
sys.path.insert(0, str(ROOT))
from knee_coach import DESKTOP_ID as APP_ID  # noqa: E402

PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (the @2x types reuse a larger render).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG rendered at size x size as PNG bytes (deterministic for a given Qt)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico whose entries are PNG images (supported since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + directory + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns made of PNG elements (what iconutil writes, too)."""
    body = b"".join(
        type_ + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for type_, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def outputs(svg: Path = MASTER) -> dict[Path, bytes]:
    """Every output file (relative to this folder) and its content."""
    needed = set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = {size: render_png(svg, size) for size in sorted(needed)}
    files = {
        Path("hicolor") / f"{size}x{size}" / "apps" / f"{APP_ID}.png": pngs[size]
        for size in PNG_SIZES
    }
    files[Path("hicolor") / "scalable" / "apps" / f"{APP_ID}.svg"] = svg.read_bytes()
    files[Path("knee-coach.ico")] = ico_bytes({size: pngs[size] for size in ICO_SIZES})
    files[Path("knee-coach.icns")] = icns_bytes(pngs)
    return files


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - keeps Qt up
    if (HERE / "hicolor").exists():
        shutil.rmtree(HERE / "hicolor")
    for relative, data in outputs().items():
        target = HERE / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"{target.relative_to(ROOT)}  {len(data):>7} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
