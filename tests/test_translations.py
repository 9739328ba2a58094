"""Every user-visible string is translated, the .ts files match the code, and loading works.

The code is read with Python's own parser, modelling what the running app looks up:
``self.tr("…")`` in class C uses context C, the ``tr("…")`` helper of knee_coach.ui.texts the
unnamed context, ``QCoreApplication.translate("ctx", "…")`` and ``QT_TRANSLATE_NOOP("ctx", "…")``
their first argument. A lookup the .ts does not hold (a missing or differently filed string)
would show English in a Japanese window, so it fails here.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

import knee_coach
from knee_coach.ui import i18n

PACKAGE = Path(knee_coach.__file__).parent
ROOT = PACKAGE.parent
JA_TS = PACKAGE / "i18n" / "knee_coach_ja.ts"
EN_TS = PACKAGE / "i18n" / "knee_coach_en.ts"
# Helpers that pass on a text marked elsewhere; only they may call translate() with variables.
PASS_THROUGH = {("ui/texts.py", "core_text"), ("ui/texts.py", "tr")}
PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^}]*)?\}")


@dataclass(frozen=True)
class Found:
    context: str
    source: str
    numerus: bool
    where: str


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def scan_code() -> tuple[list[Found], list[str]]:
    """All translatable strings in the package, and the calls lupdate could not read."""
    found: list[Found] = []
    problems: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        _scan_file(path, found, problems)
    return found, problems


def _scan_file(path: Path, found: list[Found], problems: list[str]) -> None:
    rel = path.relative_to(PACKAGE).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    texts_tr = rel == "ui/texts.py" or any(
        isinstance(n, ast.ImportFrom)
        and n.module == "knee_coach.ui.texts"
        and any(a.name == "tr" and a.asname in (None, "tr") for a in n.names)
        for n in ast.walk(tree)
    )

    def visit(node: ast.AST, cls: str | None, func: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name, func)
                continue
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                visit(child, cls, child.name)
                continue
            if isinstance(child, ast.Call):
                check_call(child, cls, func)
            visit(child, cls, func)

    def check_call(call: ast.Call, cls: str | None, func: str | None) -> None:
        where = f"{rel}:{call.lineno}"
        f = call.func
        args = call.args
        if isinstance(f, ast.Attribute) and f.attr == "tr":
            if not (isinstance(f.value, ast.Name) and f.value.id == "self" and cls):
                problems.append(f"{where}: .tr() on something other than self")
                return
            text = _literal(args[0]) if args else None
            if text is None:
                problems.append(f"{where}: self.tr() needs a string literal")
                return
            found.append(Found(cls, text, len(args) >= 3, where))
        elif isinstance(f, ast.Name) and f.id == "tr" and texts_tr:
            if (rel, func) in PASS_THROUGH:
                return
            text = _literal(args[0]) if args else None
            if text is None:
                problems.append(f"{where}: tr() needs a string literal")
                return
            found.append(Found("", text, False, where))
        elif (isinstance(f, ast.Name) and f.id == "QT_TRANSLATE_NOOP") or (
            isinstance(f, ast.Attribute) and f.attr == "translate" and len(args) >= 2
        ):
            if isinstance(f, ast.Attribute) and not (
                isinstance(f.value, ast.Name) and f.value.id in ("QCoreApplication", "QObject")
            ):
                return  # e.g. QTransform.translate(x, y)
            ctx, text = _literal(args[0]), _literal(args[1])
            if ctx is None or text is None:
                if isinstance(f, ast.Attribute) and (rel, func) in PASS_THROUGH:
                    return
                problems.append(f"{where}: context and text must be string literals")
                return
            found.append(Found(ctx, text, len(args) >= 4, where))

    visit(tree, None, None)


def read_ts(path: Path) -> dict[tuple[str, str], ET.Element]:
    messages: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            messages[(name, message.findtext("source") or "")] = message
    return messages


def translations_of(message: ET.Element) -> list[str]:
    tr = message.find("translation")
    assert tr is not None
    forms = tr.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [tr.text or ""]


# ----- the code and the .ts ---------------------------------------------------------------
def test_the_scanner_reads_the_code_and_every_call_is_readable_by_lupdate() -> None:
    found, problems = scan_code()
    assert problems == []
    contexts = {f.context for f in found}
    # A sanity floor, so a scanner that silently finds nothing cannot pass the tests below.
    assert {"", "routines", "safety", "SessionPage", "KneeView", "CheckInPage"} <= contexts
    assert len(found) > 100


def test_every_user_visible_string_has_a_japanese_translation() -> None:
    found, _ = scan_code()
    ts = read_ts(JA_TS)
    missing = sorted(
        {f"{f.where}: [{f.context}] {f.source!r}" for f in found if (f.context, f.source) not in ts}
    )
    assert missing == [], "not in knee_coach_ja.ts (run scripts/update-translations.sh)"
    bad: list[str] = []
    for (context, source), message in ts.items():
        tr = message.find("translation")
        assert tr is not None
        label = f"[{context}] {source!r}"
        if tr.get("type") in ("unfinished", "vanished", "obsolete"):
            bad.append(f"{label}: {tr.get('type')}")
            continue
        for text in translations_of(message):
            if not text.strip():
                bad.append(f"{label}: empty translation")
            elif sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                bad.append(f"{label}: placeholders differ in {text!r}")
            elif message.get("numerus") == "yes" and not re.search("%L?n", text):
                bad.append(f"{label}: %n missing in {text!r}")
            elif not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text) and re.search(
                r"[A-Za-z]{3,}", PLACEHOLDER.sub("", source)
            ):
                bad.append(f"{label}: no Japanese in {text!r}")
    assert bad == []


def test_english_plural_forms_are_complete() -> None:
    found, _ = scan_code()
    plural = {(f.context, f.source) for f in found if f.numerus}
    assert plural, "the summary's rep count is a plural message"
    ts = read_ts(EN_TS)
    assert set(ts) == plural
    for (context, source), message in ts.items():
        forms = translations_of(message)
        assert message.find("translation").get("type") is None, (context, source)  # type: ignore[union-attr]
        complete = len(forms) == 2 and all(re.search("%L?n", form) for form in forms)
        assert complete, (context, source, forms)


def _lupdate(tmp_path: Path, ts_name: str, *extra: str) -> dict[tuple[str, str], ET.Element]:
    import PySide6

    exe = Path(PySide6.__file__).parent / "lupdate"  # shipped in PySide6-Essentials
    assert exe.is_file(), "pyside6-lupdate is missing from the PySide6 wheel"
    copy = tmp_path / ts_name
    shutil.copy(PACKAGE / "i18n" / ts_name, copy)
    sources = sorted(str(p) for p in PACKAGE.rglob("*.py"))
    subprocess.run(
        [str(exe), "-silent", "-no-obsolete", *extra, *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return read_ts(copy)


def test_the_ts_files_are_up_to_date_with_the_code(tmp_path: Path) -> None:
    """Fails after strings are added, changed or removed in the code until
    scripts/update-translations.sh has been run."""
    fresh = _lupdate(tmp_path, JA_TS.name)
    committed = read_ts(JA_TS)
    assert sorted(set(fresh) - set(committed)) == [], "new strings: run the update script"
    assert sorted(set(committed) - set(fresh)) == [], "strings gone: run the update script"
    fresh_en = _lupdate(tmp_path, EN_TS.name, "-pluralonly")
    assert set(fresh_en) == set(read_ts(EN_TS))
    # What lupdate extracts is exactly what the app looks up (same contexts).
    found, _ = scan_code()
    assert {(f.context, f.source) for f in found} == set(fresh)


# ----- loading at run time --------------------------------------------------------------
def test_japanese_catalogue_translates_every_lookup(qapp: object, tmp_path: Path) -> None:
    applied = i18n.apply_language("ja", tmp_path / "cache")
    assert applied.language == "ja" and applied.problem is None
    from PySide6.QtCore import QCoreApplication

    found, _ = scan_code()
    ts = read_ts(JA_TS)
    for f in found:
        if f.numerus:
            got = QCoreApplication.translate(f.context, f.source, None, 3)
            assert got == re.sub("%L?n", "3", translations_of(ts[(f.context, f.source)])[0])
        else:
            assert QCoreApplication.translate(f.context, f.source) == ts[
                (f.context, f.source)
            ].findtext("translation"), f


def test_english_plurals_load(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication

    i18n.apply_language("en", tmp_path / "cache")
    one = QCoreApplication.translate("SummaryPage", "%n rep(s) in {minutes} min.", None, 1)
    many = QCoreApplication.translate("SummaryPage", "%n rep(s) in {minutes} min.", None, 12)
    assert (one, many) == ("1 rep in {minutes} min.", "12 reps in {minutes} min.")


def _package_without_qm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "pkg_i18n"
    folder.mkdir()
    for ts in (PACKAGE / "i18n").glob("*.ts"):
        shutil.copy(ts, folder / ts.name)
    monkeypatch.setattr(i18n, "I18N_DIR", folder)
    return folder


def test_missing_qm_is_compiled_into_the_cache(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _package_without_qm(tmp_path, monkeypatch)
    cache = tmp_path / "cache"
    applied = i18n.apply_language("ja", cache)
    assert applied.language == "ja" and applied.problem is None
    assert (cache / "knee_coach_ja.qm").is_file()
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("SafetyPage", "Back") == "戻る"


def test_without_qm_and_lrelease_it_says_so_and_shows_english(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _package_without_qm(tmp_path, monkeypatch)
    monkeypatch.setattr(i18n, "find_lrelease", lambda: None)
    applied = i18n.apply_language("ja", tmp_path / "cache")
    assert applied.language == "en"
    assert applied.problem is not None and "English" in applied.problem
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("SafetyPage", "Back") == "Back"


def test_a_stale_packaged_qm_is_recompiled(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _package_without_qm(tmp_path, monkeypatch)
    (folder / "knee_coach_ja.qm").write_bytes(b"old")  # older than the .ts below
    import os

    os.utime(folder / "knee_coach_ja.qm", (1, 1))
    assert i18n.qm_path("ja", tmp_path / "cache") == tmp_path / "cache" / "knee_coach_ja.qm"


@pytest.mark.parametrize(
    ("choice", "system", "expected"),
    [
        ("ja", ["en-US"], "ja"),
        ("en", ["ja-JP"], "en"),
        ("system", ["ja-JP", "en-US"], "ja"),
        ("system", ["ja_JP"], "ja"),
        ("system", ["fr-FR", "ja-JP"], "ja"),
        ("system", ["de-DE"], "en"),
        ("system", ["en-GB", "ja-JP"], "en"),
        ("system", [], "en"),
    ],
)
def test_resolve_language(choice: str, system: list[str], expected: str) -> None:
    assert i18n.resolve_language(choice, system) == expected


def test_resolve_language_rejects_unknown() -> None:
    with pytest.raises(ValueError):
        i18n.resolve_language("fr", ["fr-FR"])


# ----- glyphs ---------------------------------------------------------------------------
def test_japanese_glyphs_exist_in_the_stylesheet_fonts(qapp: object) -> None:
    """No empty boxes: every character of every Japanese translation is in a font the
    stylesheet names (fonts-noto-cjk is in scripts/debian-packages.txt)."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    from knee_coach.ui.style import FONT_FAMILIES, stylesheet

    assert "Noto Sans CJK JP" in FONT_FAMILIES["en"] and FONT_FAMILIES["ja"][0] == (
        "Noto Sans CJK JP"
    )
    assert '"Noto Sans CJK JP"' in stylesheet("en") and '"Noto Sans CJK JP"' in stylesheet("ja")
    installed = [f for f in FONT_FAMILIES["ja"] if f in QFontDatabase.families()]
    assert installed, "no Japanese font installed: apt-get install fonts-noto-cjk"
    metrics = [QFontMetrics(QFont(family)) for family in installed]
    chars = {
        ch
        for message in read_ts(JA_TS).values()
        for text in translations_of(message)
        for ch in text
        if not ch.isspace()
    }
    missing = sorted(ch for ch in chars if not any(m.inFontUcs4(ord(ch)) for m in metrics))
    assert missing == []


def test_an_unwritable_cache_falls_back_to_english(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _package_without_qm(tmp_path, monkeypatch)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")  # the cache folder cannot be created under a file
    applied = i18n.apply_language("ja", blocker / "cache")
    assert applied.language == "en" and applied.problem is not None
