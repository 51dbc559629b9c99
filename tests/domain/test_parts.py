"""The decision's parts compare field by field, are not hashable, and print readably."""

from __future__ import annotations

import copy

import pytest

from clerk.domain.decision import Decision, DecisionMaker, Person


def test_parts_compare_field_by_field() -> None:
    one = Decision(ref="D2013-001", title="Plan", decision_maker=DecisionMaker(name="Cabinet"))
    other = copy.deepcopy(one)
    assert one == other
    other.decision_maker.members.append("Cllr Wilson")
    assert one != other
    assert Person(name="Sarah Robson") != DecisionMaker(name="Sarah Robson")
    assert Person(name="Sarah Robson") != "Sarah Robson"


def test_parts_are_not_hashable_and_print_their_fields() -> None:
    with pytest.raises(TypeError):
        hash(Person(name="Sarah Robson"))
    assert repr(Person(name="Siân")) == "Person(name='Siân', title='', telephone='', email='')"
