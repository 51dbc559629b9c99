"""The council profile cannot shorten the law, and every bad field gets one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk.domain.council import CouncilProfile, ProfileError, load_profile
from clerk.paths import default_council_path


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "council.toml"
    path.write_text('name = "Anytown Borough Council"\n' + text, encoding="utf-8")
    return path


def _refusal(path: Path) -> str:
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert "\n" not in message, message  # one line
    assert "Traceback" not in message
    return message


@pytest.mark.parametrize(("setting", "floor"), [
    ("forward_plan_days", 28), ("general_exception_days", 5),
    ("private_notice_days", 28), ("private_confirmation_days", 5),
])
def test_statutory_minimums_cannot_be_shortened(tmp_path: Path, setting: str,
                                                floor: int) -> None:
    message = _refusal(_write(tmp_path, f"{setting} = {floor - 1}\n"))
    assert setting in message
    assert f"at least {floor} clear days" in message


@pytest.mark.parametrize(("setting", "days"), [
    ("forward_plan_days", 35), ("general_exception_days", 7),
    ("private_notice_days", 28), ("private_confirmation_days", 10),
])
def test_statutory_minimums_may_be_lengthened(tmp_path: Path, setting: str, days: int) -> None:
    assert getattr(load_profile(_write(tmp_path, f"{setting} = {days}\n")), setting) == days


def test_ward_rule_may_be_stricter_never_looser(tmp_path: Path) -> None:
    assert load_profile(_write(tmp_path, "key_ward_rule = 1\n")).key_ward_rule == 1
    message = _refusal(_write(tmp_path, "key_ward_rule = 3\n"))
    assert "key_ward_rule is 3" in message
    assert "never more than 2" in message


@pytest.mark.parametrize(("text", "named"), [
    pytest.param('key_threshold_pounds = "250000"\n', "key_threshold_pounds", id="string-money"),
    pytest.param("key_threshold_pounds = 250000.5\n", "key_threshold_pounds", id="float-money"),
    pytest.param("call_in_cut_off = 17\n", "call_in_cut_off", id="cut-off-number"),
    pytest.param('scrutiny_chair = "x"\n', "scrutiny_chair", id="person-as-text"),
    pytest.param('executive = ["Cllr A"]\n', "executive[0]", id="executive-as-text"),
    pytest.param('wards = "Allington"\n', "wards", id="wards-as-text"),
    pytest.param("wards = [1, 2]\n", "wards[0]", id="wards-numbers"),
    pytest.param('call_in_scrutiny_chair_alone = "yes"\n', "call_in_scrutiny_chair_alone",
                 id="bool-as-text"),
    pytest.param('extra_holidays = "2013-12-24"\n', "extra_holidays", id="holidays-as-text"),
    pytest.param("[[extra_holidays]]\nday = 24\n", "extra_holidays[0].day", id="holiday-number"),
    pytest.param('call_in_signatories = "three"\n', "call_in_signatories", id="string-count"),
    pytest.param("policy_framework = 3\n", "policy_framework", id="framework-number"),
    pytest.param("always_key = [true]\n", "always_key[0]", id="always-key-bool"),
    pytest.param("record_target_working_days = -1\n", "record_target_working_days",
                 id="negative-target"),
    pytest.param("key_contract_threshold_pounds = -5\n", "key_contract_threshold_pounds",
                 id="negative-contract"),
])
def test_each_bad_field_is_one_line_naming_it(tmp_path: Path, text: str, named: str) -> None:
    assert named in _refusal(_write(tmp_path, text))


def test_wards_as_text_is_not_nine_one_letter_wards(tmp_path: Path) -> None:
    message = _refusal(_write(tmp_path, 'wards = "Allington"\n'))
    assert "expected a list" in message


def test_cut_off_as_a_number_says_how_to_write_a_time(tmp_path: Path) -> None:
    assert '"17:00"' in _refusal(_write(tmp_path, "call_in_cut_off = 17\n"))


def test_a_file_that_is_not_utf8_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "council.toml"
    path.write_bytes('name = "Ystradgynlais Town Council Caf\u00e9"\n'.encode("latin-1"))
    assert "not UTF-8" in _refusal(path)


def test_register_copy_is_checked_the_same_way(maidstone: CouncilProfile) -> None:
    with pytest.raises(ProfileError, match="forward_plan_days is 10"):
        CouncilProfile.from_dict({**maidstone.to_dict(), "forward_plan_days": 10})


def test_new_settings_have_their_defaults() -> None:
    profile = load_profile(default_council_path())
    assert profile.key_contract_threshold_pounds == 0
    assert profile.record_target_working_days == 2


@pytest.mark.parametrize("setting", ["forward_plan_days", "call_in_working_days",
                                     "record_target_working_days"])
def test_a_period_too_long_to_count_is_refused(tmp_path: Path, setting: str) -> None:
    # 999999999999 days once overflowed the date arithmetic or counted for ever.
    message = _refusal(_write(tmp_path, f"{setting} = 999999999999\n"))
    assert f"{setting} is 999999999999" in message
