"""Which labels of a post are speakers, which are markers, and who each speaker is.

Every line of a post that may start a turn (by the turn grammar,
:mod:`sphinx_podcast.grammar`, in the bold and the plain forms) is a :class:`Start`;
:func:`find_starts` finds them all, and :class:`Decider` decides, for the whole
post at once, which labels are speakers (and their full names, by
:class:`.people.Cast`), which are markers of the recording, and which are nobody's.
:mod:`.turns` then writes the turns.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ...grammar import (
    Label,
    Suspicious,
    is_editorial,
    is_marker,
    read_bold_line,
    read_name_line,
    read_plain_line,
    read_time_prefix,
)
from ...model import normalize_name
from ..myst import clean_name
from .people import Cast, is_role, looks_like_name
from .post import Post

__all__ = ["Decider", "Start", "find_starts", "read_start"]

_URL_ONLY = re.compile(r"(?:<?https?://\S+>?|\[[^\]]*\]\(https?://[^)]*\))")


@dataclass
class Start:
    """A line that may start a turn."""

    line: int
    name: str
    time: str
    text: str
    form: str  # bold, plain, name-line, suspicious
    problem: str = ""
    bold: bool = False
    """The name is in bold (``**Ada**:``, ``**Ada**`` alone)."""
    alone: str = ""
    """``alone``: the label is its paragraph's only words, and no text follows it;
    ``then-text``: alone, and a paragraph of text follows (the name-line form)."""


def read_start(line: str, number: int) -> Start | None:
    """What *line* says, if it may start a turn."""
    found = read_bold_line(line)
    time_before = ""
    if found is None:
        prefix = read_time_prefix(line)
        if prefix is not None and prefix[1] < len(line):
            found = read_bold_line(line[prefix[1] :])
            if found is not None:
                time_before, line = prefix[0], line[prefix[1] :]
    if isinstance(found, Label):
        return Start(
            number,
            found.name,
            found.time or time_before,
            line[found.text_start :],
            "bold",
            bold=True,
        )
    if isinstance(found, Suspicious):
        return Start(number, found.name, "", _after_bold(line), "suspicious", found.reason)
    plain = read_plain_line(line)
    if plain is not None:
        text = line[plain.text_start :]
        if _URL_ONLY.fullmatch(text.strip()):
            return None  # "Ada: https://…" links a profile
        return Start(number, plain.name, plain.time, text, "plain")
    alone = read_name_line(line)
    if alone is not None:
        return Start(number, alone.name, alone.time, "", "name-line", bold=line.startswith("**"))
    return None


def _after_bold(line: str) -> str:
    """The text after a bold label that the grammar refused (past its colon)."""
    close = line.find("**", 2)
    if close == -1:
        return line
    if line[2:close].rstrip().endswith(":"):
        return line[close + 2 :].strip()
    colon = line.find(":", close + 2)
    return line[colon + 1 :].strip() if colon != -1 else line[close + 2 :].strip()


class Decider:
    """Which labels of a post are speakers, and who they are."""

    def __init__(self, post: Post, cast: Cast, starts: list[Start]) -> None:
        self.post, self.cast = post, cast
        self.counts = Counter(normalize_name(s.name) for s in starts if s.form != "suspicious")
        self.forms: dict[str, set[str]] = {}
        for start in starts:
            self.forms.setdefault(normalize_name(start.name), set()).add(start.form)
        self.known = {key for key, _ in self.counts.items() if self._is_known(key, starts)}
        repeated = [
            key
            for key, count in self.counts.items()
            if count >= 2
            and not (is_editorial(key) or is_marker(key))
            and self._name_like(key, starts)
        ]
        # bold labels that never say anything here: always alone, never followed by text
        saying = {normalize_name(s.name) for s in starts if s.alone != "alone" or s.form != "bold"}
        self.silent = {normalize_name(s.name) for s in starts} - saying - self.known
        self.transcript = len(repeated) >= 2 or bool(self.known)
        self.decided: dict[str, bool] = {}
        self.names: dict[str, str] = {}
        self.once: set[str] = set()

    def _spelling(self, key: str, starts: list[Start]) -> str:
        return next(s.name for s in starts if normalize_name(s.name) == key)

    def _name_like(self, key: str, starts: list[Start]) -> bool:
        return looks_like_name(self._spelling(key, starts))

    def _is_known(self, key: str, starts: list[Start]) -> bool:
        return self.cast.knows(self._spelling(key, starts))

    def is_marker(self, start: Start) -> bool:
        """Whether *start* is a marker of the recording (see the module's docstring)."""
        if not start.alone or start.form == "suspicious":
            return False
        key = normalize_name(start.name)
        if is_marker(start.name):
            return key not in self.known and (start.bold or self.transcript)
        return key in self.silent

    def is_speaker(self, start: Start) -> bool:
        key = normalize_name(start.name)
        if key not in self.decided:
            self.decided[key] = self._decide(start, key)
        return self.decided[key]

    def _decide(self, start: Start, key: str) -> bool:
        label = start.name
        known = key in self.known
        if start.form == "suspicious" or ((is_editorial(label) or is_marker(label)) and not known):
            return False
        if not looks_like_name(label):
            return False
        count = self.counts[key]
        if "bold" in self.forms[key] or known:
            if count == 1 and not known:
                self.once.add(key)
            return True
        if not self.transcript:
            return False
        if count >= 2:
            return True
        if is_role(label) or len(label.split()) >= 2:
            self.once.add(key)
            return True
        return False

    def name_of(self, start: Start) -> str:
        """The full name of a speaker's label (warned about once if uncertain)."""
        key = normalize_name(start.name)
        if key not in self.names:
            name, _how, problem = self.cast.resolve(start.name)
            self.names[key] = clean_name(name) or clean_name(start.name)
            if problem:
                self.post.warn(start.line, problem)
            if key in self.once:
                self.post.note(
                    start.line, f"{start.name!r} speaks once on this page: taken for a speaker"
                )
        return self.names[key]


def find_starts(post: Post) -> dict[tuple[int, int], Start]:
    """The lines of *post* that may start a turn, by (block index, line offset)."""
    starts: dict[tuple[int, int], Start] = {}
    for index, block in enumerate(post.blocks):
        if block.kind != "para":
            continue
        for offset, line in enumerate(block.lines):
            start = read_start(line, block.line + offset)
            if start is not None and (offset == 0 or start.form in ("bold", "plain")):
                starts[(index, offset)] = start
    for (index, offset), start in starts.items():
        if offset == 0 and len(post.blocks[index].lines) == 1 and not start.text.strip():
            after = post.blocks[index + 1] if index + 1 < len(post.blocks) else None
            followed = after is not None and after.kind == "para" and (index + 1, 0) not in starts
            start.alone = "then-text" if followed else "alone"
    return starts
