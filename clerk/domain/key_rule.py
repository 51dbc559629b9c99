"""Reg 8: what the council's own definition of a key decision says about a decision.

The money thresholds (one, or separate revenue, capital and contract thresholds), the ward
rule and the categories always treated as key all come from the council profile. Treating
as not key a decision the definition makes key is a departure the clerk must record.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clerk.domain.council import CouncilProfile
from clerk.domain.decision import AMOUNT_KINDS, Decision


@dataclass(frozen=True)
class KeySuggestion:
    is_key: bool
    because: list[str]  # each a clause for "This is a Key Decision because ..."
    checked: list[str] = field(default_factory=list)  # what was found not to make it key

    def sentence(self) -> str:
        if self.because:
            return "This is a Key Decision because " + "; ".join(self.because) + "."
        found = f" ({'; '.join(self.checked)})" if self.checked else ""
        return f"Not a key decision: nothing in the council's rules makes it key{found}."


def separate_thresholds(profile: CouncilProfile) -> dict[str, int]:
    """The council's threshold for each kind of amount that has its own."""
    return {kind: amount for kind, amount in (
        ("revenue", profile.key_revenue_threshold_pounds),
        ("capital", profile.key_capital_threshold_pounds),
        ("contract", profile.key_contract_threshold_pounds)) if amount}


def threshold_for(profile: CouncilProfile, kind: str) -> tuple[int, str]:
    """The threshold an amount of this kind is compared with, and its name (0: none)."""
    own = separate_thresholds(profile).get(kind, 0)
    if own:
        return own, f"£{own:,} {kind} threshold"
    general = profile.key_threshold_pounds
    return general, f"£{general:,} threshold"


def kind_needed(decision: Decision, profile: CouncilProfile) -> bool:
    """True when an amount cannot be compared until the clerk says which kind it is."""
    return (decision.key.amount_pounds is not None and not decision.key.amount_kind
            and not profile.key_threshold_pounds and bool(separate_thresholds(profile)))


def suggest_key(decision: Decision, profile: CouncilProfile) -> KeySuggestion:
    """What the council's thresholds, ward rule and always-key categories say."""
    because: list[str] = []
    checked: list[str] = []
    _amount(decision, profile, because, checked)
    wards = decision.key.wards_affected
    if decision.plan.all_wards:
        wards = len(profile.wards) if profile.wards else None
    if wards is None and decision.plan.wards:
        wards = len(decision.plan.wards)
    rule = f"{profile.key_ward_rule} or more make it key"
    if decision.plan.all_wards and (wards is None or wards >= profile.key_ward_rule):
        because.append(f"it is significant in its effects on communities in all wards ({rule})")
    elif wards is not None and wards >= profile.key_ward_rule:
        because.append(f"it is significant in its effects on communities in {wards} wards "
                       f"({rule})")
    elif wards is not None:
        checked.append(f"{wards} ward{'s' if wards != 1 else ''} affected ({rule})")
    else:
        checked.append("no wards affected recorded")
    always = {c.casefold() for c in profile.always_key}
    for category in decision.key.categories:
        if category.casefold() in always:
            because.append(f"it falls in the category '{category}', always treated as key")
    if not any("category" in clause for clause in because):
        checked.append("no category always treated as key")
    return KeySuggestion(bool(because), because, checked)


def _amount(decision: Decision, profile: CouncilProfile, because: list[str],
            checked: list[str]) -> None:
    amount, kind = decision.key.amount_pounds, decision.key.amount_kind
    if amount is None:
        checked.append("no expenditure or saving recorded")
        return
    if kind_needed(decision, profile):
        checked.append(f"£{amount:,}: say whether it is {', '.join(AMOUNT_KINDS)} to compare "
                       "it with the council's threshold")
        return
    threshold, name = threshold_for(profile, kind)
    what = f"£{amount:,}" + (f" of {kind}" if kind else "")
    if not threshold:
        checked.append(f"{what}: the council sets no threshold for it")
    elif amount >= threshold:
        because.append(f"it involves {what}, at or above the {name}")
    else:
        checked.append(f"{what} is below the {name}")
