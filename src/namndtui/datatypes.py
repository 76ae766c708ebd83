"""`@frozen` and `@mutable`: dataclasses whose `__eq__`, `__hash__` and `__repr__` are
shared functions instead of methods generated for each class.

`@dataclass` writes the source of every method it generates and compiles it (one `exec`
per method and class) when the module is imported. The meeting's model and the record's
state are imported before the TUI's first frame, and compiling their `__eq__`, `__repr__`
and `__hash__` was ~4.5 ms of it (docs/performance.md, the first frame). The shared ones do
what the generated ones do: equal when of the same class and equal field by field
(`field(compare=False)` left out), hashed the same way (frozen only: a mutable one is
unhashable, as a mutable dataclass is), `Name(field=value, …)` as the repr (fields with
`repr=False` left out). Everything else (`__init__`, frozen assignment, `fields`,
`replace`, `asdict`, `__match_args__`) is the dataclass's own.

    @frozen
    class Member:
        name: str
        party: str = ""
"""

from __future__ import annotations

import dataclasses
import reprlib
from typing import Any, TypeVar, dataclass_transform

_T = TypeVar("_T")


def _values(self: Any, names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name in names)


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is self.__class__:
        names = self.__compared_fields__
        return _values(self, names) == _values(other, names)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(_values(self, self.__hashed_fields__))


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    args = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__repr_fields__)
    return f"{type(self).__qualname__}({args})"


def _shared(cls: type[_T], *, frozen: bool) -> type[_T]:
    cls = dataclasses.dataclass(frozen=frozen, eq=False, repr=False)(cls)
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    cls.__compared_fields__ = tuple(f.name for f in fields if f.compare)  # type: ignore[attr-defined]
    cls.__hashed_fields__ = tuple(  # type: ignore[attr-defined]
        f.name for f in fields if (f.compare if f.hash is None else f.hash)
    )
    cls.__repr_fields__ = tuple(f.name for f in fields if f.repr)  # type: ignore[attr-defined]
    cls.__eq__ = _eq  # type: ignore[assignment,method-assign]
    cls.__repr__ = _repr  # type: ignore[assignment,method-assign]
    cls.__hash__ = _hash if frozen else None  # type: ignore[assignment,method-assign]
    return cls


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def frozen(cls: type[_T]) -> type[_T]:
    """`@dataclass(frozen=True)` with the shared `__eq__`, `__hash__` and `__repr__`."""
    return _shared(cls, frozen=True)


@dataclass_transform(field_specifiers=(dataclasses.field,))
def mutable(cls: type[_T]) -> type[_T]:
    """`@dataclass` with the shared `__eq__` and `__repr__` (and unhashable, as it is)."""
    return _shared(cls, frozen=False)
