"""Speaker turns and the speakers of a post.

``**Name**: …`` turns stay as written; old quote turns ``Name: "…"`` become
bold-name turns when the name is a speaker. A name is a speaker when it is
known (a host, the speakers file) or starts at least two turns.
"""

from __future__ import annotations

import re
from collections import Counter

from ...grammar import Label, read_bold_line
from ...model import TimeFormatError, normalize_name, parse_time
from ..myst import clean_name
from .blocks import Block
from .post import Post

__all__ = ["bold_turn", "convert_quotes", "find_turns", "turn_name"]

_QUOTE_TURN = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}):[ \t]+(?P<quote>[\"“])(?P<rest>.*)$",
    re.DOTALL,
)
_NOT_SPEAKERS = {
    "note",
    "notes",
    "disclaimer",
    "update",
    "edit",
    "warning",
    "summary",
    "transcript",
    "source",
    "sources",
    "links",
    "tl;dr",
    "tldr",
    "context",
    "correction",
    "editor's note",
}


def bold_turn(line: str) -> Label | None:
    """The label of the bold-name turn *line* starts (by the turn grammar), if any."""
    label = read_bold_line(line)
    return label if isinstance(label, Label) else None


def turn_name(block: Block) -> str:
    """The name of the bold turn *block* starts, or ""."""
    label = bold_turn(block.lines[0])
    return label.name if label else ""


def _speaker_counts(post: Post) -> tuple[Counter[str], Counter[str]]:
    """How often each name starts a bold turn and a quote turn."""
    bold_counts: Counter[str] = Counter()
    quote_counts: Counter[str] = Counter()
    for block in post.blocks:
        if block.kind != "para":
            continue
        name = turn_name(block)
        if name:
            bold_counts[normalize_name(name)] += 1
            continue
        quote = _QUOTE_TURN.match(block.text)
        if quote:
            quote_counts[normalize_name(quote["name"])] += 1
    return bold_counts, quote_counts


def _is_speaker(post: Post, name: str, count: int, bold_counts: Counter[str]) -> bool:
    """A name is taken for a speaker if it is known or starts at least two turns."""
    renamed = post.options.speakers.get(name, name)
    if normalize_name(renamed) in _NOT_SPEAKERS:
        return False
    known = any(post.speaker_file.find(n) is not None for n in (name, renamed))
    known = known or normalize_name(name) in {normalize_name(h) for h in post.options.hosts}
    return known or count >= 2 or bold_counts[normalize_name(name)] >= 2


def convert_quotes(post: Post) -> None:
    """Old quote turns ``Name: "…"`` → ``**Name**: …``."""
    bold_counts, quote_counts = _speaker_counts(post)
    converted = 0
    for block in post.blocks:
        if block.kind != "para" or turn_name(block):
            continue
        quote = _QUOTE_TURN.match(block.text)
        if not quote:
            continue
        name = quote["name"]
        if not _is_speaker(post, name, quote_counts[normalize_name(name)], bold_counts):
            post.note(
                block.line,
                f"{name!r} (once on the page) is not taken for a speaker; kept as written",
            )
            continue
        block.lines = _quote_to_bold(block, quote)
        converted += 1
    if converted:
        post.note(0, f'{converted} quote turns (Name: "…") became bold-name turns')


def _quote_to_bold(block: Block, quote: re.Match[str]) -> list[str]:
    name = quote["name"]
    lines = [block.lines[0][len(name) + 1 :].lstrip(), *block.lines[1:]]
    closing = {"“": "”", '"': '"'}[quote["quote"]]
    if lines[0].startswith(quote["quote"]) and lines[-1].rstrip().endswith((closing, '"', "”")):
        lines[0] = lines[0][1:]
        lines[-1] = lines[-1].rstrip()[:-1]
    return [f"**{name}**: {lines[0]}", *lines[1:]]


def find_turns(post: Post) -> tuple[list[str], int, int]:
    """Speaker names (in order), number of turns and of timed turns; renames applied."""
    bold_counts, _quotes = _speaker_counts(post)
    names: list[str] = []
    seen: set[str] = set()
    turns = timed = 0
    for block in post.blocks:
        if block.kind != "para":
            continue
        first = block.lines[0]
        bold = bold_turn(first)
        if not bold:
            continue
        name = bold.name
        if not _is_speaker(post, name, bold_counts[normalize_name(name)], bold_counts):
            post.note(
                block.line,
                f"bold label {name!r} (once on the page) is not declared as a speaker; "
                "add it to the speakers if it is one",
            )
            continue
        time_value = bold.time
        if time_value:
            try:
                parse_time(time_value)
            except TimeFormatError as error:
                raise post.error(block.line, f"turn of {name!r}: {error}") from None
            timed += 1
        renamed = post.options.speakers.get(name)
        if renamed:
            block.lines[0] = first.replace(name, clean_name(renamed), 1)
            name = renamed
        turns += 1
        if normalize_name(name) not in seen:
            seen.add(normalize_name(name))
            names.append(name)
    return names, turns, timed
