"""Docs that fail the build when they drift, and the pinned public API."""

from __future__ import annotations

from pathlib import Path

import click

import eventwire
from eventwire.cli.main import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_command_and_option_is_in_the_readme():
    missing = []
    for name, command in cli.commands.items():
        if f"eventwire {name}" not in README:
            missing.append(f"eventwire {name}")
        for param in command.params:
            if isinstance(param, click.Option):
                if not any(opt in README for opt in param.opts):
                    missing.append(f"eventwire {name} {param.opts[0]}")
    assert missing == []


def test_readme_shows_the_two_commands():
    assert "make demo" in README and "make test" in README


def test_public_api_is_pinned():
    assert sorted(eventwire.__all__) == sorted([
        "ActorMention", "Amount", "Article", "DocResult", "EntityMention", "Event", "Failure",
        "Location", "PlaceMention", "Quote", "Span", "__version__", "code", "export", "open", "process", "to_dict",
    ])
    for name in eventwire.__all__:
        assert hasattr(eventwire, name), name


def test_every_error_code_has_a_message_that_says_what_to_do():
    from eventwire.errors import MESSAGES

    assert all(len(text) > 30 for text in MESSAGES.values())


def test_coding_blank_text_is_a_clear_error():
    import pytest

    with pytest.raises(ValueError, match="no text"):
        eventwire.code(" \n\n ")
