"""A page of the window built the first time it is shown (compare Frescobaldi's panel.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QStackedWidget, QWidget

W = TypeVar("W", bound=QWidget)


class LazyPage(Generic[W]):
    """Builds its page with `create` when first asked for, and adds it to the stack.

    Only the check-in page is needed for the window's first frame; the others wait."""

    def __init__(self, stack: QStackedWidget, create: Callable[[], W]) -> None:
        self._stack = stack
        self._create = create
        self._page: W | None = None

    def get(self) -> W:
        if self._page is None:
            self._page = self._create()
            self._stack.addWidget(self._page)
        return self._page

    def built(self) -> W | None:
        """The page if it was built already, without building it."""
        return self._page

    def is_current(self) -> bool:
        return self._page is not None and self._stack.currentWidget() is self._page
