"""Immutable values that exist before the window's first frame: settings and check-ins.

They behave like frozen dataclasses (compared, hashed and shown by their fields, copied with
changes by `replace`), but cost nothing to define. On Python 3.11 a dataclass writes its
methods as source and compiles them when the class is created: ~1 ms per class, paid at
every start before the window can show (benchmarks/startup.py).
"""

from __future__ import annotations

from typing import Any, TypeVar

F = TypeVar("F", bound="Frozen")


class Frozen:
    """Base class: the fields are the subclass's `__slots__`, set once in its `__init__`
    through `_set`. Setting or deleting a field afterwards raises AttributeError."""

    __slots__ = ()

    def _set(self, **fields: Any) -> None:
        for name, value in fields.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: use replace({name}=…)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def fields(self) -> dict[str, Any]:
        """Each field's name and value, in the order of `__slots__`."""
        return {name: getattr(self, name) for name in self.__slots__}

    def replace(self: F, **changes: Any) -> F:
        """A copy with some fields changed; validated like a new one."""
        unknown = changes.keys() - set(self.__slots__)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
        return type(self)(**{**self.fields(), **changes})

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.fields().items())
        return f"{type(self).__name__}({shown})"

    # Copies and pickles go through __init__-free reconstruction, which would trip __setattr__.
    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.fields()))


def _rebuild(cls: type[Frozen], fields: dict[str, Any]) -> Frozen:
    value = object.__new__(cls)
    value._set(**fields)
    return value
