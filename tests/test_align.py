"""Timing a transcript from captions (:mod:`sphinx_podcast.align`).

The main fixture is an untimed transcript (tests/fixtures/align/tide-untimed.md) and
captions of the same conversation as speech recognition writes them
(tide-garbled.vtt): lower case, no punctuation, "harbor" for "harbour", "gage" for
"gauge", "11" for "eleven", "eighteen ninety three" for "1893", "down load",
"um", "[Music]", and line breaks in other places than the transcript's.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from sphinx_podcast import formats, word_alignment
from sphinx_podcast.align import align, caption_words
from sphinx_podcast.turn_lines import find_turns
from sphinx_podcast.word_alignment import align_words, words_of

ALIGN = Path(__file__).parent / "fixtures" / "align"


def cues(text: str) -> list[formats.Cue]:
    return formats.read(text, "vtt").cues


@pytest.fixture(scope="module")
def garbled() -> list[formats.Cue]:
    return cues((ALIGN / "tide-garbled.vtt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def untimed() -> str:
    return (ALIGN / "tide-untimed.md").read_text(encoding="utf-8")


def split(text: str) -> list[str]:
    return text.split()


def test_words_are_normalized() -> None:
    text = "**Ada** said: “Don’t—ever!” see [the docs](https://x.org/a_b) <b>Café</b>"
    assert words_of(text) == split("ada said dont ever see the docs cafe")


def test_caption_words_spread_over_their_cue() -> None:
    words, times = caption_words([formats.Cue(10.0, 14.0, "", "one two [Music] three four")])
    assert words == ["one", "two", "three", "four"]
    assert times[0] == 10.0
    assert times == sorted(times) and times[-1] < 14.0


def test_align_words_tolerates_errors() -> None:
    a = split("the pier was built in 1893 and the gauge is younger")
    b = split("um the peer was built in eighteen ninety three and the gage is younger")
    match, quality = align_words(a, b)
    pairs = {a[i]: b[j] for i, j in enumerate(match) if j >= 0}
    assert pairs["the"] == "the" and pairs["was"] == "was" and pairs["younger"] == "younger"
    assert pairs["pier"] == "peer" and pairs["gauge"] == "gage"  # near matches
    assert quality[a.index("pier")] == 0.75
    assert "1893" not in pairs  # nothing like it: left unmatched, not forced
    assert [j for j in match if j >= 0] == sorted(j for j in match if j >= 0)  # in order


def test_find_turns(untimed: str) -> None:
    _lines, turns = find_turns(untimed)
    assert [(t.line + 1, t.name, t.kind) for t in turns] == [
        (9, "Sam", "bold"),
        (11, "Ada", "bold"),
        (13, "Sam", "bold-inside"),
        (15, "Ada", "bold"),
        (21, "Sam", "bold"),
        (23, "Ada", "bold"),
        (25, "sam", "myst"),
        (29, "Ada", "bold"),
        (33, "Sam", "bold"),
        (35, "Ada", "bold"),
    ]
    # a continuation paragraph belongs to the turn before it; headings do not
    assert turns[3].words[-3:] == ["the", "sevens", "unreadable"]
    assert "volunteers" not in turns[3].words
    assert turns[6].words == ["and", "where", "do", "the", "numbers", "go", "now"]


def test_garbled_captions(untimed: str, garbled: list[formats.Cue]) -> None:
    result = align(untimed, garbled)
    assert [(t.name, t.start and int(t.start), t.confidence) for t in result.turns] == [
        ("Sam", 2, "first-word"),
        ("Ada", 10, "first-word"),
        ("Sam", 18, "first-word"),
        ("Ada", 23, "first-word"),  # after the "um"
        ("Sam", 35, "first-word"),
        ("Ada", 38, "first-word"),
        ("sam", 47, "first-word"),
        ("Ada", 50, "first-word"),
        ("Sam", 60, "first-word"),  # after "[Music]"
        ("Ada", 63, "first-word"),
    ]
    assert result.timed == 10 and result.kept == 0
    assert 0.9 < result.word_share < 1.0
    assert result.low() == []
    # only the turn lines changed, each in its own syntax
    before, after = untimed.split("\n"), result.text.split("\n")
    changed = {i + 1: (b, a) for i, (b, a) in enumerate(zip(before, after, strict=True)) if b != a}
    assert sorted(changed) == [9, 11, 13, 15, 21, 23, 25, 29, 33, 35]
    assert changed[11][1].startswith("**Ada** [00:10]: Thanks for having me, Sam.")
    assert changed[13][1] == (
        "**Sam [00:18]:** What did the harbour master keep in his drawer before you came along?"
    )
    assert changed[25][1] == ":::{turn} sam 00:47"


def test_line_breaks_do_not_matter(untimed: str, garbled: list[formats.Cue]) -> None:
    # the same captions, one word per cue
    words, times = caption_words(garbled)
    single = [formats.Cue(t, t + 0.1, "", w) for w, t in zip(words, times, strict=True)]
    first = [t.start for t in align(untimed, garbled, whole=False).turns]
    second = [t.start for t in align(untimed, single, whole=False).turns]
    assert second == pytest.approx(first, abs=0.01)


def test_existing_times_are_kept_unless_retime(garbled: list[formats.Cue]) -> None:
    text = (
        "**Sam** [00:01]: Welcome back to Harbour Signals.\n\n**Ada**: Thanks for having me, Sam.\n"
    )
    kept = align(text, garbled)
    assert kept.text.startswith("**Sam** [00:01]: Welcome")
    assert "**Ada** [00:10]: Thanks" in kept.text
    assert [t.confidence for t in kept.turns] == ["kept", "first-word"]
    retimed = align(text, garbled, retime=True)
    assert retimed.text.startswith("**Sam** [00:02]: Welcome")


def test_unmatched_turns_are_interpolated_or_left_alone(garbled: list[formats.Cue]) -> None:
    text = (
        "**Sam**: Welcome back to Harbour Signals.\n\n"
        "**Ada**: Xylophone quartz vermilion.\n\n"  # never said
        "**Sam**: Did anybody help you type them in?\n\n"
    )
    result = align(text, garbled)
    confidences = [t.confidence for t in result.turns]
    assert confidences == ["first-word", "interpolated", "first-word"]
    assert result.turns[0].start < result.turns[1].start < result.turns[2].start
    assert result.low() == [result.turns[1]]
    nothing = align("**Ada**: Xylophone quartz vermilion.\n", garbled)
    assert nothing.turns[0].confidence == "none"
    assert nothing.text == "**Ada**: Xylophone quartz vermilion.\n"


def test_rst_transcript(garbled: list[formats.Cue]) -> None:
    text = (
        "Tide Tables\n===========\n\n"
        "**Sam**: Welcome back to Harbour Signals.\n\n"
        ".. turn:: ada\n\n   Thanks for having me, Sam.\n\n"
        ".. podcast:turn:: Sam 00:00:30\n\n   What did the harbour master keep?\n"
    )
    result = align(text, garbled, retime=True, whole=False)
    lines = result.text.split("\n")
    assert lines[3].startswith("**Sam** [00:02]:")
    assert lines[5] == ".. turn:: ada 00:10"
    assert lines[9].startswith(".. podcast:turn:: Sam 00:18.")


def _synthetic(count: int, seed: int) -> tuple[str, list[formats.Cue]]:
    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(300)] + ["the", "and", "of", "a"] * 40
    lines, captions = [], []
    position = 0.0
    for index in range(count):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(8, 20))]
        lines.append(f"**{'Ada' if index % 2 else 'Sam'}**: {' '.join(words)}\n")
        heard = [w if rng.random() > 0.1 else rng.choice(vocabulary) for w in words]
        captions.append(formats.Cue(position, position + len(words) * 0.3, "", " ".join(heard)))
        position += len(words) * 0.3 + 0.5
    return "\n".join(lines), captions


def dp_tables(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size (cells) of every dynamic-programming table align_words fills, as it goes."""
    sizes: list[int] = []
    fill = word_alignment._needleman_wunsch

    def counted(a, alo, ahi, b, blo, bhi, *rest):  # type: ignore[no-untyped-def]
        sizes.append((ahi - alo) * (bhi - blo))
        return fill(a, alo, ahi, b, blo, bhi, *rest)

    monkeypatch.setattr(word_alignment, "_needleman_wunsch", counted)
    return sizes


def test_long_transcripts_are_accurate_with_bounded_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """About 21,000 words (~2 hours). How long it takes is measured in
    benchmarks/bench_import.py; here the work: no table of more than DP_CELLS cells."""
    tables = dp_tables(monkeypatch)
    text, captions = _synthetic(1500, seed=3)
    result = align(text, captions, whole=False)
    assert tables and max(tables) <= word_alignment.DP_CELLS
    right = sum(
        1
        for turn, cue in zip(result.turns, captions, strict=True)
        if turn.start is not None and abs(turn.start - cue.start) < 1.0  # type: ignore[operator]
    )
    assert right / len(captions) > 0.97


def test_no_rare_words_at_all_still_terminates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a single rare word the texts are split in proportion: the tables stay
    small and their cells grow with the words, not with their square."""
    tables = dp_tables(monkeypatch)
    a = ["la", "di", "da"] * 3000
    b = ["la", "di", "da", "um"] * 2300
    match, _quality = align_words(a, b)
    assert max(tables) <= word_alignment.DP_CELLS
    assert sum(tables) <= 2 * word_alignment.DP_CELLS * (len(a) + len(b)) // 1000
    found = [j for j in match if j >= 0]
    assert found == sorted(found) and len(set(found)) == len(found)
    assert len(found) > len(a) * 0.5
