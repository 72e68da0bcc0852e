"""README.md documents every command and every setting, and the two commands."""

import re

import pytest

from relay.cli import main
from relay.settings import SETTINGS
from site_src.catalogue import KNOWN_KEYS

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second():
    first_block = re.search(r"```\w*\n(.*?)```", README, re.S)[1]
    commands = first_block.strip().splitlines()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")

    assert commands == ["make run", "make test"]
    assert "\nmake test\n" in ci


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_cli_command_is_documented(command):
    assert f"`terbuka {command}`" in README


@pytest.mark.parametrize("setting", [s.name for s in SETTINGS])
def test_every_setting_is_documented(setting):
    assert f"| `{setting}` |" in README


@pytest.mark.parametrize("key", sorted(KNOWN_KEYS))
def test_every_entry_key_is_documented_for_staff(key):
    staff_guide = (ROOT / "catalogue" / "README.md").read_text(encoding="utf-8")

    assert f"`{key}`" in staff_guide
