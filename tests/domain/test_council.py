"""The council profile: the shipped Maidstone file, and clear refusals of bad ones."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from clerk.domain.council import CouncilProfile, ProfileError, load_profile


def test_shipped_maidstone_profile(maidstone: CouncilProfile) -> None:
    # Maidstone's 2013 constitution: £250,000 threshold, two or more wards, calendar
    # clear days, call-in for 5 working days ending 5pm, 3 members to call in.
    assert maidstone.name == "Maidstone Borough Council"
    assert maidstone.key_threshold_pounds == 250_000
    assert maidstone.key_ward_rule == 2
    assert maidstone.clear_days == "calendar"
    assert maidstone.forward_plan_days == 28
    assert maidstone.general_exception_days == 5
    assert maidstone.call_in_working_days == 5
    assert maidstone.cut_off == time(17, 0)
    assert maidstone.call_in_signatories == 3
    assert maidstone.call_in_scrutiny_chair_alone is False
    assert "Crime and Disorder Reduction Strategy" in maidstone.policy_framework
    assert maidstone.scrutiny_chair.name == "Cllr Fran Wilson"
    assert maidstone.problems() == []


def test_profile_survives_the_register_round_trip(maidstone: CouncilProfile) -> None:
    assert CouncilProfile.from_dict(maidstone.to_dict()) == maidstone


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "council.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "named"),
    [
        pytest.param('name = "X"\nkey_threshold_pounds = \n', "not valid TOML", id="bad-toml"),
        pytest.param('name = "X"\ncall_in_days = 5\n', "call_in_days", id="unknown-setting"),
        pytest.param('name = "X"\ncall_in_cut_off = "5pm"\n', "call_in_cut_off",
                     id="bad-cut-off"),
        pytest.param('name = "X"\nclear_days = "weekly"\n', "clear_days", id="weekly"),
        pytest.param('key_threshold_pounds = 1\n', "name", id="no-name"),
        pytest.param('name = "X"\ncall_in_signatories = 0\n', "call_in_signatories",
                     id="no-signatories"),
    ],
)
def test_bad_profiles_are_refused_naming_the_problem(tmp_path: Path, text: str,
                                                     named: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert named in message
    assert "\n" not in message.strip() or named == "not valid TOML"


def test_unknown_setting_message_says_unknown(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="unknown setting.*call_in_days"):
        load_profile(_write(tmp_path, 'name = "X"\ncall_in_days = 5\n'))


def test_weekly_clear_days_message_says_what_to_use(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match='"calendar" or "working"'):
        load_profile(_write(tmp_path, 'name = "X"\nclear_days = "weekly"\n'))


def test_cut_off_as_a_toml_time_is_accepted(tmp_path: Path) -> None:
    profile = load_profile(_write(tmp_path, 'name = "X"\ncall_in_cut_off = 16:00:00\n'))
    assert profile.cut_off == time(16, 0)


def test_missing_profile_file_is_a_profile_error(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="Cannot read council profile"):
        load_profile(tmp_path / "absent.toml")
