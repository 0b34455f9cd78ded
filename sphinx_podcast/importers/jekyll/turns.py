"""Speaker turns of a post, in every form people write them, as bold-name turns.

The turn grammar (:mod:`sphinx_podcast.grammar`) says what *may* start a turn;
:mod:`.labels` decides what *does*, for a whole post at once, and this module
writes the turns:

- a bold label (``**Ada**: …``) is a turn when its name can be somebody's name,
  even if that person speaks once (a caller);
- the plain forms (``Ada: …``, a name alone on its line, ``[00:00:04] Ada: …``) are
  turns when the page is a transcript: the name is known (a host, the front
  matter, the title, ``--speaker``) or names repeat;
- a time alone (``00:00:04``, ``[00:00:04] …``) becomes the time of the turn it
  belongs to, not text.

Every turn is written back as ``**Full Name** [time]: text``, one paragraph per
turn, with the full name :class:`.people.Cast` finds for its label. A label that
is no speaker's (``**Note**:``) becomes an admonition titled with it, so it
neither starts a turn nor joins the one before it; each such paragraph is
reported.

A label alone in its paragraph that marks a moment of the recording
(``**Break:**``, ``**Music:**``, ``**Intermission**``; or any bold label that is
always alone on the page, never followed by its text, and names nobody known:
``**Cold open:**``) is a *marker*: written ``**Break:**``, which the build reads
as nobody's (no turn, the turn before it ends, no warning), and never a speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...grammar import (
    Label,
    bold_prefix,
    read_bold_line,
    read_time_prefix,
)
from ...model import TimeFormatError, normalize_name, parse_time
from ..myst import directive
from .blocks import Block
from .labels import Decider, Start, find_starts, read_start
from .people import Cast, looks_like_name
from .post import Post

__all__ = ["Turns", "bold_turn", "find_turns", "starts_like_turn", "turn_name"]

_QUOTES = {"“": "”", '"': '"', "«": "»"}


def bold_turn(line: str) -> Label | None:
    """The label of the bold-name turn *line* starts (by the turn grammar), if any."""
    label = read_bold_line(line)
    return label if isinstance(label, Label) else None


def turn_name(block: Block) -> str:
    """The name of the bold turn *block* starts, or ""."""
    label = bold_turn(block.lines[0])
    return label.name if label else ""


def starts_like_turn(block: Block) -> bool:
    """Whether *block* starts with something that may be a turn (in any form)."""
    return block.kind == "para" and read_start(block.lines[0], block.line) is not None


@dataclass
class Turns:
    """What :func:`find_turns` found."""

    names: list[str] = field(default_factory=list)
    """The speakers' full names, in the order they first speak."""
    count: int = 0
    timed: int = 0


def find_turns(post: Post, cast: Cast) -> Turns:
    """Rewrite every turn of *post* as a bold-name turn; speakers in order, counts."""
    starts = find_starts(post)
    decider = Decider(post, cast, list(starts.values()))
    return _Rewriter(post, decider, starts).run()


class _Rewriter:
    """Writes the blocks again, one paragraph per turn."""

    def __init__(self, post: Post, decider: Decider, starts: dict[tuple[int, int], Start]):
        self.post, self.decider, self.starts = post, decider, starts
        self.blocks: list[Block] = []
        self.result = Turns()
        self.seen: set[str] = set()
        self.current = ""  # who speaks in the turn still open
        self.pending_time: tuple[str, Block] | None = None
        self.pending_label: tuple[str, str, int] | None = None  # name, time, line

    def run(self) -> Turns:
        for index, block in enumerate(self.post.blocks):
            if block.kind == "para":
                self._paragraph(index, block)
                continue
            self._flush_label()
            self._flush_time()
            if block.kind in ("heading", "code", "highlight", "outline"):
                self.current = ""
            self.blocks.append(block)
        self._flush_label()
        self._flush_time()
        self.post.blocks = self.blocks
        return self.result

    # -- pieces of a paragraph ----------------------------------------------------

    def _paragraph(self, index: int, block: Block) -> None:
        segments: list[tuple[Start | None, list[str], int]] = []
        for offset, line in enumerate(block.lines):
            start = self.starts.get((index, offset))
            opens = start is not None and (offset == 0 or self.decider.is_speaker(start))
            if opens or not segments:
                segments.append((start if opens else None, [line], block.line + offset))
            else:
                segments[-1][1].append(line)
        for start, lines, number in segments:
            if start is not None and self.decider.is_marker(start):
                self._marker(start, number)
            elif start is not None and start.form == "suspicious":
                self._suspicious(start, lines, number)
            elif start is not None and self.decider.is_speaker(start):
                self._turn(start, lines, number)
            elif start is not None:
                self._not_a_turn(start, lines, number)
            else:
                self._text(lines, number)

    def _text(self, lines: list[str], number: int) -> None:
        """Lines that start no turn: a pending turn's text, a time, or a paragraph."""
        if self.pending_label is not None:
            name, time, line = self.pending_label
            self.pending_label = None
            self._write_turn(name, time, lines[0], lines[1:], line)
            return
        prefix = read_time_prefix(lines[0])
        if prefix is not None and len(lines) == 1 and prefix[1] >= len(lines[0].rstrip()):
            self._flush_time()
            self.pending_time = (prefix[0], Block(number, lines, "para"))
            return
        if prefix is not None and self.current and prefix[1] < len(lines[0]):
            # "00:05:00 — more" inside a turn: the same speaker again, at that time
            self._flush_time()
            rest = lines[0][prefix[1] :]
            self._write_turn(self.current, prefix[0], rest, lines[1:], number)
            return
        self._flush_time()
        self.blocks.append(Block(number, lines, "para"))

    def _turn(self, start: Start, lines: list[str], number: int) -> None:
        self._flush_label()
        name = self.decider.name_of(start)
        time = start.time
        if self.pending_time is not None:
            if not time:
                time = self.pending_time[0]
                self.pending_time = None
            else:
                self._flush_time()
        text, rest = start.text, lines[1:]
        if not text.strip():
            if not rest:
                self.pending_label = (name, time, number)
                return
            text, rest = rest[0], rest[1:]
        if start.form == "plain":
            text, rest = _unquote(text, rest)
        self._write_turn(name, time, text, rest, number)

    def _write_turn(self, name: str, time: str, text: str, rest: list[str], line: int) -> None:
        prefix = read_time_prefix(text)
        if prefix is not None and not time and prefix[1] < len(text):
            time, text = prefix[0], text[prefix[1] :]
        if time:
            try:
                parse_time(time)
            except TimeFormatError as error:
                self.post.warn(line, f"turn of {name!r}: {error}; the time is left out")
                text = f"[{time}] {text}"
                time = ""
        self.blocks.append(
            Block(line, [f"{bold_prefix(name, time)} {text.strip()}".rstrip(), *rest], "para")
        )
        self.current = name
        self.result.count += 1
        self.result.timed += bool(time)
        if normalize_name(name) not in self.seen:
            self.seen.add(normalize_name(name))
            self.result.names.append(name)

    def _marker(self, start: Start, number: int) -> None:
        """A marker of the recording: a bold label the build reads as nobody's."""
        self._flush_label()
        self._flush_time()
        name = " ".join(start.name.split())
        self.blocks.append(Block(number, [bold_prefix(name, start.time, inside=True)], "marker"))
        self.current = ""
        self.post.note(
            number, f"{name!r} marks a moment of the recording, not a turn: kept as text"
        )

    def _suspicious(self, start: Start, lines: list[str], number: int) -> None:
        bold_name = start.name
        times = re.findall(r"[\[(]([^\])\n]*)[\])]", lines[0].split(":", 1)[0])
        if len(times) > 1 and looks_like_name(bold_name):
            self.post.warn(
                number,
                f"{start.problem}: taken for a turn of {bold_name!r} at {times[0]}; "
                "the other times are kept in its text",
            )
            kept = " ".join(f"[{time}]" for time in times[1:])
            fake = Start(number, bold_name, times[0], f"{kept} {start.text}", "bold")
            self._turn(fake, lines, number)
            return
        self._not_a_turn(start, lines, number)

    def _not_a_turn(self, start: Start, lines: list[str], number: int) -> None:
        """A label that is nobody's: an admonition after a turn (or for bold), else text."""
        after_turn = bool(self.current)
        if start.form in ("bold", "suspicious") or after_turn:
            title = " ".join(start.name.split())
            body = "\n".join([start.text, *lines[1:]]).strip() or title
            self._flush_label()
            self._flush_time()
            self.blocks.append(
                Block(number, [directive("admonition", title, (), body)], "admonition")
            )
            why = start.problem or f"{title!r} is not a speaker"
            self.post.warn(
                number,
                f"{why}: this paragraph became an admonition titled {title!r}; give --speaker "
                f"'{title}' if it is a turn",
            )
            self.current = ""
            return
        self._text(lines, number)

    # -- what waits for the next paragraph ------------------------------------------

    def _flush_label(self) -> None:
        if self.pending_label is not None:
            name, time, line = self.pending_label
            self.pending_label = None
            self._write_turn(name, time, "", [], line)

    def _flush_time(self) -> None:
        if self.pending_time is not None:
            self.blocks.append(self.pending_time[1])
            self.pending_time = None


def _unquote(text: str, rest: list[str]) -> tuple[str, list[str]]:
    """``"What breaks first?"`` → ``What breaks first?`` (the old quote turns ``Name: "…"``)."""
    first = text.strip()
    closing = _QUOTES.get(first[:1])
    last = (rest[-1] if rest else first).rstrip()
    if not closing or not last.endswith((closing, '"', "”")) or (not rest and len(first) < 2):
        return text, rest
    if rest:
        return first[1:], [*rest[:-1], last[:-1]]
    return first[1:-1], rest
