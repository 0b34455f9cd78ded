"""Markers of the recording in imported posts: ``**Break:**``, ``**Music:**``, ``**Ad:**``.

A bold label alone in its paragraph that is nobody's (a break, music, an ad, a cold
open) marks a moment of the recording. The importer keeps it as written, as a label
the build reads as nobody's (it starts no turn and ends the one before it), and never
declares it a speaker; the build gives no warning for it (tests/test_warnings.py).
The fixture is our own invented post.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_podcast import align
from sphinx_podcast.importers import Options, SpeakerFile, convert

POST = Path(__file__).parent / "fixtures" / "jekyll" / "2021-06-05-night-ferries.md"


def converted(text: str, **options: object):  # type: ignore[no-untyped-def]
    speakers = SpeakerFile()
    result = convert(text, "post.md", fmt="markdown", options=Options(**options), speakers=speakers)  # type: ignore[arg-type]
    return result, speakers


def body(page: str) -> str:
    """The page after its episode directive."""
    return page.split("```\n\n", 1)[1]


def test_markers_of_a_post_stay_text_and_are_nobody() -> None:
    result, speakers = converted(POST.read_text(encoding="utf-8"))
    assert body(result.text) == (
        "**Music:**\n\n"
        "**Tomas Irving**: Welcome back to Estuary Hours. My guest tonight is Orla Fenwick.\n\n"
        "**Orla Fenwick**: Thanks for having me. I brought the old timetable.\n\n"
        "**Tomas Irving**: Let's start with the night crossings.\n\n"
        "**Break:**\n\n"
        "**Tomas Irving**: And we're back. Where were we?\n\n"
        "**Orla Fenwick**: The fog horn. It sounded every two minutes.\n\n"
        "It was the only clock we trusted after midnight.\n\n"
        "```{admonition} Ad\n\n"
        "This episode is brought to you by the Estuary Rowing Club.\n"
        "```\n\n"
        "**Cold open:**\n\n"
        "**Orla Fenwick**: Nobody ever missed the last boat twice.\n\n"
        "**Tomas Irving**: Then that is where we stop. Thanks, Orla.\n\n"
        "**Break:**\n\n"
        "We'll be right back after these messages.\n\n"
        "**Intermission:**\n\n"
        "**Orla Fenwick**: Goodnight from the ferry slip.\n\n"
        "**Outro music:**\n"
    )
    assert result.speakers == ["Tomas Irving", "Orla Fenwick"]
    assert [s.name for s in speakers.new] == ["Tomas Irving", "Orla Fenwick"]
    assert result.turns == 8
    notes = [(n.line, n.level, n.message) for n in result.notes]
    assert (26, "warning", "'Ad' is not a speaker: this paragraph became an admonition "
            "titled 'Ad'; give --speaker 'Ad' if it is a turn") in notes  # fmt: skip
    markers = [(line, message) for line, level, message in notes if "marks a moment" in message]
    assert markers == [
        (line, f"{name!r} marks a moment of the recording, not a turn: kept as text")
        for line, name in [
            (10, "Music"),
            (18, "Break"),
            (28, "Cold open"),
            (36, "Break"),
            (40, "Intermission"),
            (44, "Outro music"),
        ]
    ]
    assert all(level == "info" for _line, level, message in notes if "marks a moment" in message)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label alone that is followed by its text is a turn (the name on its own line)
        ("**Sam:**\n\nHello.\n\n**Ada:** Hi.\n", "**Sam**: Hello.\n\n**Ada**: Hi.\n"),
        # a known speaker alone stays a (empty) turn: the build warns about it
        (
            "**Sam:**\n\n**Ada:** Hi.\n\n**Sam:** Bye.\n",
            "**Sam**:\n\n**Ada**: Hi.\n\n**Sam**: Bye.\n",
        ),
        # a marker word is a marker even when text follows (the text is nobody's)
        ("**Ada:** Hi.\n\n**Pause:**\n\nSilence.\n", "**Ada**: Hi.\n\n**Pause:**\n\nSilence.\n"),
        # another label alone, never with text and nobody known: a marker too
        (
            "**Ada:** Hi.\n\n**Tape change:**\n\n**Ada:** Back.\n",
            "**Ada**: Hi.\n\n**Tape change:**\n\n**Ada**: Back.\n",
        ),
        # ... but not when the same label speaks elsewhere on the page
        (
            "**Lin:** Hi.\n\n**Ada:**\n\n**Lin:** Ada?\n\n**Ada:** Yes.\n",
            "**Lin**: Hi.\n\n**Ada**:\n\n**Lin**: Ada?\n\n**Ada**: Yes.\n",
        ),
        # markers in other forms are written as a bold label the build reads as nobody's
        (
            "**Ada:** Hi.\n\n**Laughter**\n\n**Ada:** Yes.\n",
            "**Ada**: Hi.\n\n**Laughter:**\n\n**Ada**: Yes.\n",
        ),
    ],
)
def test_which_lone_labels_are_markers(text: str, expected: str) -> None:
    result, _speakers = converted(text, hosts=("Sam",))
    assert result.text.split("```\n\n", 1)[-1] == expected


def test_align_times_no_marker() -> None:
    """``sphinx-podcast align`` gives times to turns only: a marker's paragraph, and the
    text after it, are nobody's words."""
    page = (
        "# Ep\n\n**Ada**: One two three.\n\n**Break:**\n\nBack soon.\n\n**Ada**: Four five six.\n"
    )
    _lines, turns = align.find_turns(page)
    assert [(turn.name, turn.words) for turn in turns] == [
        ("Ada", ["one", "two", "three"]),
        ("Ada", ["four", "five", "six"]),
    ]


def test_a_chapter_time_goes_to_the_first_turn_after_a_marker() -> None:
    text = (
        "---\ntitle: Ada Example on Ferries\n---\n\n# Contents\n\n- 00:00 Intro\n"
        "- 05:00 Part Two\n\n# Intro\n\n**Music:**\n\n**Sam:** Hi.\n\n# Part Two\n\n"
        "**Break:**\n\n**Ada:** Back.\n"
    )
    result, _speakers = converted(text, hosts=("Sam Host",))
    assert result.text.split("```\n\n", 2)[-1] == (
        "## Intro\n\n**Music:**\n\n**Sam Host** [00:00]: Hi.\n\n"
        "## Part Two\n\n**Break:**\n\n**Ada Example** [05:00]: Back.\n"
    )
    assert (result.turns, result.chapters) == (2, (2, 0))
