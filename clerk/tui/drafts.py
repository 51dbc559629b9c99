"""Drafts: what a clerk typed into a step's form and kept (F2) instead of recording, for
example a record of decision refused as too early. Kept in the clerk's config folder,
owner-only (a draft may hold exempt information), by register, decision and step.
Nothing in a draft is part of the register until the step is saved.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


class Drafts:
    def __init__(self, path: Path | None, register_id: str) -> None:
        self.path = path  # None: kept for this session only
        self.register_id = register_id
        self._all: dict[str, dict[str, Any]] = self._read()
        self.problem = ""  # why the last keep could not be written, if it could not

    def _read(self) -> dict[str, dict[str, Any]]:
        if self.path is None or not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _key(self, ref: str, step: str) -> str:
        return f"{self.register_id}|{ref}|{step}"

    def get(self, ref: str, step: str) -> dict[str, Any] | None:
        return self._all.get(self._key(ref, step))

    def keep(self, ref: str, step: str, values: dict[str, Any]) -> None:
        self._all[self._key(ref, step)] = dict(values)
        self._write()

    def drop(self, ref: str, step: str) -> None:
        if self._all.pop(self._key(ref, step), None) is not None:
            self._write()

    def _write(self) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(self._all, out, ensure_ascii=False, indent=1)
            os.replace(temporary, self.path)
        except OSError as error:
            self.problem = f"The draft is kept only until clerk closes: {error}"
