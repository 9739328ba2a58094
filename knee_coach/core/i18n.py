"""Translation markers usable without Qt.

`pyside6-lupdate` collects strings wrapped in ``QT_TRANSLATE_NOOP(context, text)`` from
any Python file, so the core can mark its user-visible texts for translation while
staying Qt-free. The UI translates them with ``QCoreApplication.translate(context, text)``.

Both arguments must be string literals: lupdate cannot see through a variable, and a
string it does not see is never translated (tests/test_translations.py checks this).
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    del context
    return text
