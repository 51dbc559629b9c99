"""A confidential copy: the exempt matter shown, each exempt passage marked where it starts
and ends, so a reader can see exactly what must not be repeated in public.

The confidential counterpart of `exempt.public_view`: the same fields (the decision's
`exempt_fields` and `private.exempt_information`), marked instead of withheld.
"""

from __future__ import annotations

import copy
from typing import Any

from clerk.domain.decision import Decision
from clerk.domain.exempt import paragraphs_of


def paragraphs_text(paragraphs: list[int]) -> str:
    """"paragraph 3" or "paragraphs 1 and 3" of Part 1 of Schedule 12A."""
    numbers = sorted(set(paragraphs))
    if not numbers:
        return "Schedule 12A to the Local Government Act 1972"
    if len(numbers) == 1:
        which = f"paragraph {numbers[0]}"
    else:
        which = "paragraphs " + ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"
    return f"{which} of Part 1 of Schedule 12A to the Local Government Act 1972"


def markers(decision: Decision) -> tuple[str, str]:
    numbers = sorted(set(paragraphs_of(decision)))
    which = ("para " + ", ".join(map(str, numbers))) if numbers else "Schedule 12A"
    return f"[EXEMPT ({which}) starts] ", " [EXEMPT ends]"


def marked_view(decision: Decision) -> Decision:
    """A copy of the decision with every exempt passage between markers."""
    start, end = markers(decision)
    marked = copy.deepcopy(decision)
    for path in decision.exempt_fields:
        _mark(marked, path, start, end)
    if marked.private is not None and marked.private.exempt_information:
        marked.private.exempt_information = f"{start}{marked.private.exempt_information}{end}"
    return marked


def _mark(root: Any, path: str, start: str, end: str) -> None:
    *parents, last = path.split(".")
    target = root
    for name in parents:
        target = target.get(name) if isinstance(target, dict) else getattr(target, name, None)
        if target is None:
            return
    value = target.get(last) if isinstance(target, dict) else getattr(target, last, None)
    if isinstance(value, list):
        value = [f"{start}{item}{end}" for item in value if item]
    elif isinstance(value, str) and value:
        value = f"{start}{value}{end}"
    else:
        return
    if isinstance(target, dict):
        target[last] = value
    else:
        setattr(target, last, value)
