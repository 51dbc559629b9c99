"""Export and import: the register as JSON (complete) or CSV (one row a decision).

Both formats re-import to an identical register. An import is checked as a whole first,
as strictly as the command line checks what a clerk types (`clerk.domain.validate`: types,
choices, references in clerk's form, limits; the council profile as `clerk init` checks
one): every error is listed by line (CSV) or record (JSON), and nothing is imported unless
all of it is good.
"""

from __future__ import annotations

import csv
import io
import os
import stat
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from clerk.domain.decision import Decision
from clerk.domain.validate import problems_in

FORMAT = "clerk-export"
VERSION = 1
_NESTED = ("decision_maker", "plan", "key", "report", "consultation", "referral", "call_in")


class ImportRefused(Exception):
    """The file has errors; nothing was imported. str() lists every one."""

    def __init__(self, source: str, errors: list[str]) -> None:
        self.errors = errors
        shown = "\n".join(f"  {e}" for e in errors[:200])
        more = f"\n  ... and {len(errors) - 200} more" if len(errors) > 200 else ""
        super().__init__(f"{source} was not imported ({len(errors)} error(s); nothing was "
                         f"changed):\n{shown}{more}")


def export_json(council: dict[str, Any], docs: Iterable[dict[str, Any]]) -> bytes:
    payload = {"format": FORMAT, "version": VERSION, "council": council,
               "decisions": list(docs)}
    return orjson.dumps(payload, option=orjson.OPT_INDENT_2)


def write_export(path: Path, data: bytes) -> None:
    """Write an export owner-only (0600), since it carries exempt information: a new file
    made private, then renamed over `path` (a symlink there is replaced, not followed). A
    pipe or device (`-o /dev/stdout`) is written to as it is."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with open(path, "wb") as handle:
            handle.write(data)
        return
    from clerk.store.files import replace_file

    replace_file(path, data)  # mkstemp makes it 0600 whatever the umask; os.replace keeps it


def read_import(path: Path, limit: int = 1 << 30) -> bytes:
    """The bytes of an import file; a pipe, a device or a file over `limit` is refused."""
    with open(path, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise ImportRefused(str(path), ["not a regular file"])
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ImportRefused(str(path), [f"larger than {limit >> 20:,} MB; no export of a "
                                        "register is that large"])
    return data


def _columns() -> list[str]:
    plain = Decision().to_dict()
    columns: list[str] = []
    for name, value in plain.items():
        if name in _NESTED:
            columns.extend(f"{name}.{sub}" for sub in value)
        else:
            columns.append(name)
    return columns


def _cell(value: Any, kind: str) -> str:
    """Text and dates as themselves (no date: empty); the rest as JSON, so types survive."""
    if kind == "text":
        return value
    if kind == "date":
        return value or ""
    return orjson.dumps(value).decode()


def export_csv(docs: Iterable[dict[str, Any]]) -> str:
    kinds = _column_kinds()
    columns = list(kinds)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for doc in docs:
        row = []
        for column in columns:
            head, _, sub = column.partition(".")
            value = doc.get(head) if not sub else (doc.get(head) or {}).get(sub)
            row.append(_cell(value, kinds[column]))
        writer.writerow(row)
    return out.getvalue()


@dataclass
class Parsed:
    council: dict[str, Any] | None
    decisions: list[Decision]


def _column_kinds() -> dict[str, str]:
    """'text' (written as itself), 'date' (ISO, empty for none) or 'json' for each column."""
    from datetime import date

    from clerk.domain.decision import _hints

    kinds = {}
    for column in _columns():
        head, _, sub = column.partition(".")
        tp = _hints(Decision)[head]
        if sub:
            tp = _hints(typing.get_args(tp)[0] if typing.get_args(tp) else tp)[sub]
        if tp is str:
            kinds[column] = "text"
        elif tp is date or (typing.get_origin(tp) is not list and date in typing.get_args(tp)):
            kinds[column] = "date"
        else:
            kinds[column] = "json"
    return kinds


def parse_csv(text: str, source: str) -> Parsed:
    kinds = _column_kinds()
    columns = list(kinds)
    reader = csv.reader(io.StringIO(text))
    # A valid decision's JSON cell (a thousand comments) can be far over the csv module's
    # 128 KB cell limit; the whole text is in memory already, and validation bounds every
    # value, so a cell may be as long as the file.
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text)))
    try:
        rows = list(reader)
    except csv.Error as error:  # a malformed file
        raise ImportRefused(source, [f"line {reader.line_num}: not readable as CSV "
                                     f"({error})"]) from None
    finally:
        csv.field_size_limit(limit)
    header = rows[0] if rows else None
    if header != columns:
        raise ImportRefused(source, ["line 1: the header is not a clerk export's (export one "
                                     "with `clerk export --csv` to see the columns)"])
    records: list[tuple[str, Any]] = []
    errors: list[str] = []
    for line_no, row in enumerate(rows[1:], start=2):
        if len(row) != len(columns):
            errors.append(f"line {line_no}: {len(row)} cells, expected {len(columns)}")
            continue
        doc: dict[str, Any] = {}
        for column, cell in zip(columns, row, strict=True):
            head, _, sub = column.partition(".")
            try:
                kind = kinds[column]
                value = (cell if kind == "text" else (cell or None) if kind == "date"
                         else orjson.loads(cell))
            except orjson.JSONDecodeError:
                errors.append(f"line {line_no}: {column}: {cell[:40]!r} is not a valid value")
                continue
            if sub:
                doc.setdefault(head, {})[sub] = value
            else:
                doc[head] = value
        records.append((f"line {line_no}", doc))
    return _check_all(records, None, source, errors)


def parse_json(data: bytes, source: str) -> Parsed:
    try:
        payload = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        raise ImportRefused(source, [f"not valid JSON: {error}"]) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ImportRefused(source, ["not a clerk export (no \"format\": \"clerk-export\")"])
    version = payload.get("version")
    if type(version) is not int or version != VERSION:  # not true, not 1.0
        raise ImportRefused(source, [f"export version {str(version)[:20]!r}; this clerk reads "
                                     f"version {VERSION}"])
    decisions = payload.get("decisions")
    if not isinstance(decisions, list):
        raise ImportRefused(source, ["\"decisions\" must be a list"])
    records = [(f"record {i + 1}", doc) for i, doc in enumerate(decisions)]
    return _check_all(records, payload.get("council"), source, [])


def _council_problems(council: Any) -> list[str]:
    """The export's council profile checked as `clerk init` checks a profile file."""
    from clerk.domain.council import CouncilProfile, ProfileError

    if council is None:
        return []
    problems = problems_in(CouncilProfile, council, "council")
    if problems:
        return problems
    try:
        CouncilProfile.from_dict(council)
    except ProfileError as error:
        return [str(error)]
    return []


def _check_all(records: list[tuple[str, Any]], council: Any, source: str,
               errors: list[str]) -> Parsed:
    errors = errors + _council_problems(council)
    seen: dict[str, str] = {}
    good = []
    for where, doc in records:
        problems = problems_in(Decision, doc)
        ref = doc.get("ref") if isinstance(doc, dict) else None
        if not problems:
            if "ref" not in doc:
                problems.append("ref: missing")
            elif ref in seen:
                problems.append(f"ref: {ref} repeats {seen[ref]}")
            if not doc.get("title", "").strip():
                problems.append("title: missing")
        if problems or not isinstance(ref, str):
            errors.extend(f"{where}: {p}" for p in problems)
            continue
        seen[ref] = where
        good.append(Decision.from_dict(doc))
    if errors:
        raise ImportRefused(source, errors)
    return Parsed(council, good)


def refuse_clashes(parsed: Parsed, existing: Iterable[str], source: str) -> None:
    have = set(existing)
    clashes = [f"{d.ref}: already in the register" for d in parsed.decisions if d.ref in have]
    if clashes:
        raise ImportRefused(source, clashes)
