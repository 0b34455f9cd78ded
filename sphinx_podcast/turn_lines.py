"""The turn lines of a transcript's source text: which lines start turns, whose, with
which words and time, and a turn line rewritten with a new time in its own syntax.

Reads MyST, Markdown or reStructuredText with ``**Name**:`` turns or ``turn``
directives, for :mod:`.align`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .grammar import Label, bold_prefix, is_editorial, is_marker, read_bold_line
from .word_alignment import words_of

__all__ = ["Confidence", "TurnTiming", "find_turns", "with_time"]

_MYST_TURN = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?:podcast:)?turn\}[ \t]+(?P<args>.*?)[ \t]*$")
_RST_TURN = re.compile(
    r"^(?P<indent>[ \t]*)\.\.[ \t]+(?:podcast:)?turn::[ \t]+(?P<args>.*?)[ \t]*$"
)
_FENCE = re.compile(r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,}|:{3,})")
_HEADING = re.compile(r"^#{1,6}(?:[ \t]|$)")
_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+<>:.])\1{2,}[ \t]*$")
_RST_DIRECTIVE = re.compile(r"^[ \t]*\.\.[ \t]+\S")
_TIME_ARG = re.compile(r"^[\[(]?\d[\d:.]*[\])]?$")

Confidence = Literal["first-word", "near", "interpolated", "none", "kept"]


@dataclass
class TurnTiming:
    """One turn of the transcript and what alignment found for it."""

    line: int
    """0-based index of the line that starts the turn."""
    name: str
    kind: Literal["bold", "bold-inside", "myst", "rst"]
    time: str = ""
    """The time written in the transcript (``""`` if none)."""
    words: list[str] = field(default_factory=list)
    first_word: int = 0
    """Index of the turn's first word among all the transcript's turn words."""
    start: float | None = None
    confidence: Confidence = "none"
    matched: float = 0.0
    """Share of the turn's first words (up to 20) found in the captions."""


def find_turns(text: str) -> tuple[list[str], list[TurnTiming]]:
    """The lines of *text* and its turns (with their words), in order."""
    lines = text.split("\n")
    turns: list[TurnTiming] = []
    current: TurnTiming | None = None
    fence = ""
    in_turn_fence = False
    rst_indent: int | None = None
    index = 0
    if lines and lines[0].rstrip() == "---":  # front matter
        for end in range(1, len(lines)):
            if lines[end].rstrip() in ("---", "..."):
                index = end + 1
                break
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
                if in_turn_fence:
                    current = None
                in_turn_fence = False
            elif in_turn_fence and current is not None and not stripped.startswith(":"):
                current.words.extend(words_of(line))
            index += 1
            continue
        if rst_indent is not None and current is not None:
            indent = len(line) - len(line.lstrip())
            if not stripped or indent > rst_indent:
                if stripped and not re.match(r"^:\w[\w-]*:", stripped):
                    current.words.extend(words_of(line))
                index += 1
                continue
            rst_indent = None
            current = None
        myst = _MYST_TURN.match(line)
        if myst:
            name, time = _split_args(myst["args"])
            current = TurnTiming(index, name, "myst", time)
            turns.append(current)
            fence, in_turn_fence = myst["fence"], True
            index += 1
            continue
        rst = _RST_TURN.match(line)
        if rst:
            name, time = _split_args(rst["args"])
            current = TurnTiming(index, name, "rst", time)
            turns.append(current)
            rst_indent = len(rst["indent"])
            index += 1
            continue
        opener = _FENCE.match(line)
        if opener:
            fence = opener["fence"]
            current = None
            index += 1
            continue
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        if (
            _HEADING.match(line)
            or (
                stripped and _UNDERLINE.match(next_line) and len(next_line.strip()) >= len(stripped)
            )
            or _UNDERLINE.match(line)
            or _RST_DIRECTIVE.match(line)
            or (stripped.startswith("(") and stripped.endswith(")="))
        ):
            current = None
            index += 1
            continue
        previous_blank = index == 0 or not lines[index - 1].strip()
        label = read_bold_line(line) if previous_blank else None
        if isinstance(label, Label) and not (is_editorial(label.name) or is_marker(label.name)):
            kind: Literal["bold", "bold-inside"] = "bold-inside" if label.inside else "bold"
            current = TurnTiming(index, label.name, kind, label.time)
            turns.append(current)
            current.words.extend(words_of(line[label.text_start :]))
            index += 1
            continue
        if label is not None:  # an editor's note, a marker, or no turn: nobody's words
            current = None
            index += 1
            continue
        if current is not None and current.kind in ("bold", "bold-inside"):
            current.words.extend(words_of(line))
        index += 1
    return lines, turns


def _split_args(args: str) -> tuple[str, str]:
    words = args.split()
    if len(words) > 1 and _TIME_ARG.match(words[-1]):
        return " ".join(words[:-1]), words[-1].strip("[]()")
    return " ".join(words), ""


def with_time(line: str, turn: TurnTiming, shown: str) -> str:
    """*line* with its turn's time set to *shown*, in the syntax the line uses."""
    if turn.kind in ("bold", "bold-inside"):
        label = read_bold_line(line)
        assert isinstance(label, Label)
        return bold_prefix(label.name, shown, inside=label.inside) + line[label.end :]
    if turn.kind == "myst":
        myst = _MYST_TURN.match(line)
        assert myst is not None
        name, _old = _split_args(myst["args"])
        return f"{line[: myst.start('args')]}{name} {shown}"
    rst = _RST_TURN.match(line)
    assert rst is not None
    name, _old = _split_args(rst["args"])
    return f"{line[: rst.start('args')]}{name} {shown}"
