"""Guards against a Qt binding that corrupts the interpreter (seen with PySide6 6.12.0)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QFont


def test_void_qt_methods_keep_the_reference_count_of_none() -> None:
    font, colour = QFont(), QColor("red")
    before = sys.getrefcount(None)
    for _ in range(200):
        font.setPixelSize(12)
        colour.setAlpha(3)
    # Other code may hold or drop a few references meanwhile; 400 lost ones is the bug.
    assert abs(sys.getrefcount(None) - before) < 50
