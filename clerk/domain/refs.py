"""A decision's reference, in clerk's own form only: D, the year, a hyphen, the number.

`D2013-001` is the first decision of 2013 (the number has three digits or more). A reference
names files (`notices/D2013-001-record.pdf`) and is typed on the command line, so nothing
else may pass for one: not `../../x`, not `/abs/path`, not a name with spaces, control
characters or digits from other scripts. The register, an import, the command line's
REF arguments and the notices' file names all ask `ref_problem`.
"""

from __future__ import annotations

import re

# ASCII digits only: `\d` would let Arabic-Indic or fullwidth digits through.
_REF = re.compile(r"D[0-9]{4}-[0-9]{3,6}")
EXAMPLE = "D2013-001"


class InvalidRef(ValueError):
    """Not a reference in clerk's form; str() says what one looks like."""


def ref_problem(ref: object) -> str | None:
    """Why `ref` is not a reference in clerk's form, or None if it is one."""
    if isinstance(ref, str) and _REF.fullmatch(ref):
        return None
    shown = repr(ref) if not isinstance(ref, str) or len(ref) <= 40 else repr(ref[:40]) + "..."
    return (f"{shown} is not a decision reference: clerk's references look like {EXAMPLE} "
            "(D, the year, a hyphen, the number)")


def check_ref(ref: object) -> str:
    """`ref` itself if it is a reference in clerk's form, else InvalidRef."""
    problem = ref_problem(ref)
    if problem is not None:
        raise InvalidRef(problem + ".")
    assert isinstance(ref, str)
    return ref
