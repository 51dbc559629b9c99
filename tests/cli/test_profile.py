"""`clerk init --council FILE` refuses a profile that shortens the law or is mistyped: one
line naming the setting, exit status not 0, and no register created."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Clerk


@pytest.mark.parametrize(("text", "named"), [
    ("forward_plan_days = 14\n", "forward_plan_days is 14"),
    ("key_ward_rule = 3\n", "key_ward_rule is 3"),
    ('key_threshold_pounds = "250000"\n', "key_threshold_pounds"),
    ("call_in_cut_off = 17\n", "call_in_cut_off"),
    ('scrutiny_chair = "x"\n', "scrutiny_chair"),
    ('wards = "Allington"\n', "wards"),
])
def test_init_refuses_a_bad_profile(clerk: Clerk, tmp_path: Path, text: str,
                                    named: str) -> None:
    council = tmp_path / "ours.toml"
    council.write_text('name = "Anytown Borough Council"\n' + text, encoding="utf-8")
    line = clerk.refused("init", "--council", str(council))
    assert named in line
    assert not clerk.db.exists()


def test_init_refuses_a_profile_not_in_utf8(clerk: Clerk, tmp_path: Path) -> None:
    council = tmp_path / "ours.toml"
    council.write_bytes('name = "Caf\u00e9 Town Council"\n'.encode("latin-1"))
    assert "not UTF-8" in clerk.refused("init", "--council", str(council))
    assert not clerk.db.exists()


def test_init_accepts_a_longer_notice_period(clerk: Clerk, tmp_path: Path) -> None:
    council = tmp_path / "ours.toml"
    council.write_text('name = "Anytown Borough Council"\nforward_plan_days = 35\n'
                       'key_contract_threshold_pounds = 500000\n'
                       'record_target_working_days = 3\n', encoding="utf-8")
    assert "Created" in clerk("init", "--council", str(council)).stdout
