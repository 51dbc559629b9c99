"""The words a clerk reads for the tokens the register stores (`scrutiny-chair` ->
"Chair of the scrutiny committee").

The rulebook (`clerk.domain.steps`) is to give every choice its words; until the app reads
them from there, this is the one table the app shows tokens through.
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    # who agreed special urgency (reg 11)
    "scrutiny-chair": "Chair of the scrutiny committee",
    "chairman": "Chairman of the council",
    "vice-chairman": "Vice-chairman of the council",
    # call-in outcomes
    "no-further-action": "No further action: the decision stands",
    "referred-back": "Referred back to the decision maker",
    "referred-to-council": "Referred to Full Council",
    # Full Council's outcomes
    "endorsed": "Endorsed",
    "amended": "Endorsed with amendments",
    "not-endorsed": "Not endorsed",
    "deferred": "Deferred to a later meeting",
    # kinds of decision maker
    "member": "An executive member",
    "cabinet": "The Cabinet (or another executive body)",
    "committee": "A committee of the executive",
    "officer": "An officer",
    # days counted
    "calendar": "Calendar days",
    "working": "Working days",
}


def word(token: str) -> str:
    """What the clerk reads for a stored token; anything else as it is."""
    return WORDS.get(token, token)
