"""Strict checking of a decision's plain dict before it is let into a register.

`Decision.from_dict` trusts what the register wrote; an import file is not trusted. Here
every field is checked against the model's types, and every problem is reported with its
path, so a clerk can fix the file in one pass.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from typing import Any

from clerk.domain.decision import _hints

_CONTROL = {chr(c) for c in range(32)} - {"\n", "\t", "\r"}


def problems_in(cls: type, data: Any, where: str = "") -> list[str]:
    """Every way `data` fails to be a valid plain form of dataclass `cls`."""
    if not isinstance(data, dict):
        return [f"{where or 'record'}: expected an object, found {type(data).__name__}"]
    hints = _hints(cls)
    found = []
    for name in data:
        if name not in hints:
            found.append(f"{_join(where, name)}: unknown field")
    for name, tp in hints.items():
        if name in data:
            found.extend(_check(tp, data[name], _join(where, name)))
    return found


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _check(tp: Any, value: Any, where: str) -> list[str]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None:
            return [] if type(None) in args else [f"{where}: may not be empty"]
        inner = [a for a in args if a is not type(None)]
        return _check(inner[0], value, where)
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: expected a list"]
        (item,) = typing.get_args(tp)
        return [p for i, v in enumerate(value) for p in _check(item, v, f"{where}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: expected an object"]
        _, item = typing.get_args(tp)
        return [p for k, v in value.items() for p in _check(item, v, f"{where}.{k}")]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return problems_in(tp, value, where)
    if tp is date:
        if not isinstance(value, str):
            return [f"{where}: expected a date as YYYY-MM-DD"]
        try:
            date.fromisoformat(value)
        except ValueError:
            return [f"{where}: {value!r} is not a date (YYYY-MM-DD)"]
        return []
    if tp is bool:
        return [] if isinstance(value, bool) else [f"{where}: expected true or false"]
    if tp is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{where}: expected a whole number"]
    if tp is str:
        if not isinstance(value, str):
            return [f"{where}: expected text"]
        bad = sorted({repr(c) for c in value if c in _CONTROL})
        return [f"{where}: contains control characters {', '.join(bad)}"] if bad else []
    return []
