"""Where bundled assets live (works from a checkout, a wheel and a PyInstaller bundle)."""

from __future__ import annotations

import pathlib

import knee_coach


def asset_path(name: str) -> pathlib.Path:
    """Path of a file shipped in ``knee_coach/assets``."""
    return pathlib.Path(knee_coach.__file__).parent / "assets" / name
