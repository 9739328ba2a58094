"""Immutable values that exist before the window's first frame: settings and check-ins.

They behave like frozen dataclasses (compared, hashed and shown by their fields, copied with
changes by `replace`), but cost nothing to define. On Python 3.11 a dataclass writes its
methods as source and compiles them when the class is created: ~1 ms per class, paid at
every start before the window can show (benchmarks/startup.py).
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, ClassVar, TypeVar

F = TypeVar("F", bound="Frozen")

# How a subclass's __init__ sets each field: plain assignment raises, as on a frozen value.
set_field = object.__setattr__


class Frozen:
    """Base class: the fields are the subclass's `__slots__`, each set once in its
    `__init__` with `set_field`. Setting or deleting a field afterwards raises."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()  # the field names, in slot order
    _values: ClassVar[Callable[[Any], tuple[Any, ...]]]  # the fields' values, in that order

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # attrgetter: 4x faster than a loop of getattr (the CSV import compares 100,000s).
        names = tuple(cls.__slots__)
        if not names:  # no fields of its own: keeps its base class's
            return
        get = attrgetter(*names)
        values = get if len(names) > 1 else lambda value: (get(value),)
        cls._fields = names
        cls._values = staticmethod(values)  # type: ignore[assignment]

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: use replace({name}=…)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def fields(self) -> dict[str, Any]:
        """Each field's name and value, in the order of `__slots__`."""
        return dict(zip(self._fields, self._values(self), strict=True))

    def replace(self: F, **changes: Any) -> F:
        """A copy with some fields changed; validated like a new one."""
        unknown = changes.keys() - set(self._fields)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
        return type(self)(**{**self.fields(), **changes})

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values(self) == self._values(other)

    def __hash__(self) -> int:
        return hash((type(self), self._values(self)))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.fields().items())
        return f"{type(self).__name__}({shown})"

    # Copies and pickles go through __init__-free reconstruction, which would trip __setattr__.
    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.fields()))


def _rebuild(cls: type[Frozen], fields: dict[str, Any]) -> Frozen:
    value = object.__new__(cls)
    for name, field in fields.items():
        set_field(value, name, field)
    return value
