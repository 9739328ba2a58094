"""One calm, high-contrast look for every screen; sizes chosen to read from a metre away."""

from __future__ import annotations

ACCENT = "#2a7f82"
ACCENT_DARK = "#1f6466"
DANGER = "#b83227"
INK = "#1f2a30"
MUTED = "#5b6870"
PAPER = "#f7f5f1"
CARD = "#ffffff"
BORDER = "#8c857b"  # edges of buttons, boxes, fields: 3.3:1 on the paper (WCAG AA)

# Font families in order of preference. Every list names a CJK-capable family (Noto Sans CJK JP
# comes with fonts-noto-cjk, see scripts/debian-packages.txt) so Japanese never shows empty
# boxes, and names the Japanese variant explicitly: left to fontconfig, kanji may be drawn
# with Chinese glyph shapes. In Japanese the CJK font comes first so kana, kanji and Latin
# share one design and one baseline. The rep counter shows digits only: a Latin font keeps
# its line (CJK fonts have taller line metrics) and reads the same in both languages.
FONT_FAMILIES = {
    "en": ("Noto Sans", "DejaVu Sans", "Segoe UI", "Noto Sans CJK JP"),
    "ja": ("Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic UI", "DejaVu Sans"),
}


def _families_css(language: str) -> str:
    families = FONT_FAMILIES.get(language, FONT_FAMILIES["en"])
    return ", ".join(f'"{family}"' for family in families) + ", sans-serif"


def stylesheet(language: str = "en") -> str:
    """The window's stylesheet, with the font list for `language` ("en" or "ja")."""
    return f"QWidget {{ font-family: {_families_css(language)}; }}\n" + _RULES


COUNTER_PX = 120  # the rep count, readable from a metre (smaller only when it cannot fit)

_RULES = f"""
QWidget#page {{ background: {PAPER}; }}
QMainWindow {{ background: {PAPER}; }}
QLabel {{ color: {INK}; }}
QLabel[role="title"] {{ font-size: 26px; font-weight: 600; }}
QLabel[role="subtitle"] {{ font-size: 17px; color: {MUTED}; }}
QLabel[role="body"] {{ font-size: 16px; }}
QLabel[role="muted"] {{ font-size: 14px; color: {MUTED}; }}
QLabel[role="caution"] {{ font-size: 16px; font-weight: 600; color: {DANGER}; }}
QLabel[role="counter"] {{ font-size: {COUNTER_PX}px; font-weight: 700; color: {INK};
    font-family: "DejaVu Sans", "Noto Sans", "Segoe UI", sans-serif; }}
QLabel[role="phase"] {{ font-size: 44px; font-weight: 600; color: {ACCENT_DARK}; }}
QLabel[role="advice"] {{ font-size: 18px; background: #fff4e5; border: 1px solid #e8c48f;
    border-radius: 8px; padding: 14px; }}
QLabel[role="danger"] {{ font-size: 18px; background: #fdecea; border: 1px solid #e6a39c;
    border-radius: 8px; padding: 14px; }}
QFrame[role="card"] {{ background: {CARD}; border: 1px solid #e3dfd8; border-radius: 10px; }}
QPushButton {{ font-size: 16px; padding: 8px 18px; border-radius: 6px;
    border: 1px solid {BORDER}; background: {CARD}; color: {INK}; }}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton[role="primary"] {{ background: {ACCENT}; color: white; border: none;
    font-size: 20px; font-weight: 600; padding: 12px 28px; }}
QPushButton[role="primary"]:hover {{ background: {ACCENT_DARK}; }}
QPushButton[role="primary"]:disabled {{ background: #9bb9ba; }}
QPushButton[role="hurts"] {{ background: {DANGER}; color: white; border: none;
    font-size: 20px; font-weight: 700; padding: 14px 26px; }}
QPushButton[role="hurts"]:hover {{ background: #9c2a20; }}
QWidget[role="scale"] {{ font-size: 18px; }}
QPushButton[role="rating"] {{ font-size: 18px; min-width: 40px; min-height: 40px;
    padding: 0px; }}
QPushButton[role="rating"]:checked {{ background: {ACCENT}; color: white; border: none; }}
QPushButton[role="choice"] {{ font-size: 18px; min-height: 40px; padding: 0px 16px; }}
QPushButton[role="choice"]:checked {{ background: {ACCENT}; color: white; border: none; }}
QProgressBar {{ border: none; background: #e4e0d9; border-radius: 5px; height: 10px;
    text-align: center; font-size: 1px; color: transparent; }}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 5px; }}
QCheckBox {{ font-size: 17px; spacing: 10px; }}
QCheckBox::indicator {{ width: 22px; height: 22px; }}
QLineEdit {{ font-size: 16px; padding: 6px; border: 1px solid {BORDER}; border-radius: 6px;
    background: {CARD}; }}
QRadioButton {{ font-size: 16px; }}
QCheckBox, QRadioButton {{ border: 2px solid transparent; border-radius: 4px; padding: 2px; }}
QCheckBox:focus, QRadioButton:focus {{ border-color: {ACCENT}; }}
QLineEdit:focus {{ border: 2px solid {ACCENT}; padding: 5px; }}
QPushButton[role="primary"]:focus, QPushButton[role="hurts"]:focus,
QPushButton[role="choice"]:checked:focus {{ border: 3px solid #000000; }}
"""
# The focus ring comes last, so it wins over each role's own border (a filled button has
# none). A filled button's ring is black: 3:1 against its fill (red or teal) and the paper.

STYLESHEET = stylesheet("en")


def set_role(widget: object, role: str) -> None:
    """Tag a widget for the stylesheet (roles are dynamic properties)."""
    widget.setProperty("role", role)  # type: ignore[attr-defined]
