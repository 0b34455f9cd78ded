"""The turn grammar (:mod:`sphinx_podcast.grammar`): what starts a turn, for the build,
``align`` and the importers alike."""

from __future__ import annotations

import pytest

from sphinx_podcast.grammar import (
    Label,
    Suspicious,
    bold_prefix,
    is_editorial,
    is_marker,
    read_bold_label,
    read_bold_line,
    read_name_line,
    read_plain_line,
    read_time_prefix,
)


@pytest.mark.parametrize(
    ("line", "name", "time", "inside", "text"),
    [
        ("**Ada**: text", "Ada", "", False, "text"),
        ("**Ada:** text", "Ada", "", True, "text"),
        ("**Ada**:text", "Ada", "", False, "text"),
        ("**Ada** [00:01:12]: text", "Ada", "00:01:12", False, "text"),
        ("**Ada** (01:12): text", "Ada", "01:12", False, "text"),
        ("**Ada [01:12]:** text", "Ada", "01:12", True, "text"),
        ("**Ada Example**:  two spaces", "Ada Example", "", False, "two spaces"),
        ("**Ada**:", "Ada", "", False, ""),
        ("**Michaël Durand** [1:02:03.5]: é", "Michaël Durand", "1:02:03.5", False, "é"),
    ],
)
def test_bold_labels(line: str, name: str, time: str, inside: bool, text: str) -> None:
    label = read_bold_line(line)
    assert isinstance(label, Label)
    assert (label.name, label.time, label.inside) == (name, time, inside)
    assert line[label.text_start :] == text
    # the writer gives back a label the reader reads the same way
    rewritten = bold_prefix(name, time, inside=inside) + line[label.end :]
    again = read_bold_line(rewritten)
    assert isinstance(again, Label)
    assert (again.name, again.time, rewritten[again.text_start :]) == (name, time, text)


@pytest.mark.parametrize(
    "line",
    [
        "**Ada** said: no",  # text between the bold and the colon
        "**Re: the tides**: no",  # a colon inside a bold part that has no closing colon
        "**http**://example.org",  # a URL, not a label
        "**Ada**",  # no colon at all
        "Ada: plain, not bold",
        "** Ada**: not bold in Markdown",
        "**Ada** and **Bob**: two bold parts",
    ],
)
def test_not_bold_labels(line: str) -> None:
    assert read_bold_line(line) is None


def test_a_bold_label_with_two_times_is_suspicious() -> None:
    for line in ("**Ada** [00:01] [00:02]: x", "**Ada [00:01] (00:02):** x"):
        found = read_bold_line(line)
        assert isinstance(found, Suspicious), line
        assert found.reason.startswith("a bold label with 2 times ('00:01', '00:02')")
        assert (found.name, found.times) == ("Ada", ("00:01", "00:02"))


def test_a_bold_part_over_80_characters_is_suspicious() -> None:
    name = "A" * 81
    assert read_bold_label(name, ": x") == Suspicious(
        "a bold label of 81 characters (over 80) is not a turn", name
    )
    assert isinstance(read_bold_label(name + ":", " x"), Suspicious)
    assert isinstance(read_bold_label("A" * 80, ": x"), Label)


def test_doctree_offsets_are_in_the_text_after_the_bold() -> None:
    # MyST and docutils give the bold part as a node, the rest as text
    assert read_bold_label("Ada", " [01:12]: and then") == Label("Ada", "01:12", 9, 10)
    assert read_bold_label("Ada:", "\nand then") == Label("Ada", "", 0, 1, inside=True)


@pytest.mark.parametrize(
    ("line", "name", "time", "text"),
    [
        ("Ada: text", "Ada", "", "text"),
        ("Ada Example: text", "Ada Example", "", "text"),
        ("[00:00:04] Ada: text", "Ada", "00:00:04", "text"),
        ("(00:04) - Ada: text", "Ada", "00:04", "text"),
        ("Ada [00:00:04]: text", "Ada", "00:00:04", "text"),
        ("Ada (1:02:03): text", "Ada", "1:02:03", "text"),
        ("SPEAKER_00: text", "SPEAKER_00", "", "text"),
        ("Speaker 1: text", "Speaker 1", "", "text"),
        ("Jean-Luc de la Tour: text", "Jean-Luc de la Tour", "", "text"),
        ("Ada:", "Ada", "", ""),
    ],
)
def test_plain_lines(line: str, name: str, time: str, text: str) -> None:
    label = read_plain_line(line)
    assert label is not None
    assert (label.name, label.time, line[label.text_start :]) == (name, time, text)


@pytest.mark.parametrize(
    "line",
    ["https://example.org: a link", "12:30: a time", "- Ada: a list item", "a b c d e f g: text"],
)
def test_not_plain_lines(line: str) -> None:
    assert read_plain_line(line) is None


@pytest.mark.parametrize(
    ("line", "name", "time"),
    [
        ("Ada:", "Ada", ""),
        ("**Ada**", "Ada", ""),
        ("**Ada:**", "Ada", ""),
        ("Ada [00:04]", "Ada", "00:04"),
        ("Ada Example  0:04", "Ada Example", "0:04"),
        ("Ada Example: (00:04)", "Ada Example", "00:04"),
        ("[00:00:04] Ada", "Ada", "00:00:04"),
    ],
)
def test_name_lines(line: str, name: str, time: str) -> None:
    label = read_name_line(line)
    assert label is not None
    assert (label.name, label.time) == (name, time)


def test_a_bare_word_alone_is_not_a_name_line() -> None:
    assert read_name_line("Ada") is None
    assert read_name_line("Thanks.") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("00:00:04 — text", ("00:00:04", "text")),
        ("00:04 - text", ("00:04", "text")),
        ("[00:00:04] text", ("00:00:04", "text")),
        ("(01:12) text", ("01:12", "text")),
        ("00:00:04 text", ("00:00:04", "text")),  # H:MM:SS is a timestamp
        ("00:00:04", ("00:00:04", "")),
        ("[1:02:03.250]", ("1:02:03.250", "")),
        ("10:30 in the morning we met", None),  # a sentence
        ("12:30: lunch", None),
        ("Ada: text", None),
    ],
)
def test_time_prefixes(line: str, expected: tuple[str, str] | None) -> None:
    found = read_time_prefix(line)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (found[0], line[found[1] :]) == expected


def test_editorial_labels() -> None:
    assert is_editorial("Note") and is_editorial("EDITOR'S NOTE") and is_editorial("tl;dr")
    assert not is_editorial("Ada") and not is_editorial("Noted Speaker")


def test_marker_labels() -> None:
    assert is_marker("Break") and is_marker("MUSIC:") and is_marker("Ad  break")
    assert is_marker("Outro music") and is_marker("intermission")
    assert not is_marker("Breaker") and not is_marker("Ada") and not is_marker("Note")
