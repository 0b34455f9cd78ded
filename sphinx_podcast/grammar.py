"""The turn grammar: what starts a speaker turn.

One definition for everything that reads turns: the build
(:mod:`sphinx_podcast.transforms`, on the doctree), ``sphinx-podcast align``
and the importers (on source lines). No Sphinx here.

A *bold label* starts a turn anywhere a transcript is read::

    **Ada**: text          **Ada:** text          **Ada**:text
    **Ada** [00:01:12]: text    **Ada** (01:12): text    **Ada [01:12]:** text

The name is at most :data:`MAX_NAME_LENGTH` characters; at most one time
(in square brackets or parentheses) goes between the name and the colon.
What looks like a bold label but breaks these rules (two times, a bold part
that is too long) is :class:`Suspicious`: never a turn, and never part of
the turn before it.

The importers also read the *plain* forms people use in older posts, which
are only taken for turns when the page is a transcript (the importer
decides that: names repeat, or the name is a known speaker)::

    Ada: text              [00:00:04] Ada: text     Ada [00:00:04]: text
    Ada:                   (a name alone on its line; the text follows)
    Ada Example  00:04     (a name and a time alone on their line)
    00:00:04 — text        [00:00:04] text          00:00:04   (a time, no name)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "EDITORIAL_LABELS",
    "MARKER_LABELS",
    "MAX_NAME_LENGTH",
    "TIME",
    "Label",
    "Suspicious",
    "bold_prefix",
    "is_editorial",
    "is_marker",
    "read_bold_label",
    "read_bold_line",
    "read_name_line",
    "read_plain_line",
    "read_time_prefix",
]

MAX_NAME_LENGTH = 80
"""Longest bold part (name and time) that is still a turn label."""

TIME = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?"
"""A clock time in plain text (``01:12``, ``1:02:30``, ``00:00:04.5``): what the plain
forms accept. A bold label's time is anything in its brackets; the build checks it."""

EDITORIAL_LABELS = frozenset(
    {
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
        "editor’s note",
        "ps",
        "p.s.",
        "caveat",
        "references",
        "resources",
        "bio",
        "credits",
        "transcript note",
    }
)
"""Labels of editors' notes, never a speaker where there is no speaker list to ask
(``align``, the importers). The build asks its speaker table instead."""

MARKER_LABELS = frozenset(
    {
        "break",
        "ad",
        "ads",
        "ad break",
        "advert",
        "advertisement",
        "commercial",
        "commercial break",
        "station break",
        "sponsor",
        "sponsors",
        "sponsor break",
        "music",
        "intro",
        "intro music",
        "outro",
        "outro music",
        "theme",
        "theme music",
        "jingle",
        "interlude",
        "musical interlude",
        "intermission",
        "pause",
        "silence",
        "applause",
        "laughter",
        "laughs",
        "crosstalk",
        "inaudible",
        "sound",
        "sound effect",
        "sfx",
        "transition",
        "end",
        "end of episode",
    }
)
"""Labels that mark a moment of the recording (``**Break:**``, ``**Music:**``): never a
speaker where there is no speaker list to ask (``align``, the importers)."""

# One or more bracketed groups (time-like or not) between a name and its colon.
_BRACKETS = r"(?:[ \t]*[\[(][^\])\n]*[\])])*"
_GROUP = re.compile(r"[\[(](?P<inner>[^\])\n]*)[\])]")
# Inside the bold: "Ada:" · "Ada [01:12]:" · "Ada [01:12] [01:13]:" (suspicious)
_INSIDE = re.compile(rf"^(?P<name>[^\[\]():\n*]+?)(?P<groups>{_BRACKETS})[ \t]*:$")
# After the bold: ": " · ":text" · " [01:12]: " · " (01:12):" — never "://" (a URL)
_AFTER = re.compile(rf"^(?P<groups>{_BRACKETS})[ \t]*:(?!//)\s*")
_BOLD_OPEN = re.compile(r"^\*\*(?=[^*\s])")


@dataclass(frozen=True)
class Label:
    """A turn's label: who speaks, when, and where the label ends."""

    name: str
    time: str
    """The time as written between the brackets ("" when there is none)."""
    end: int
    """Offset (in the text after the bold, or in the line) just after the label's colon
    (or after the closing ``**`` when the colon is inside the bold)."""
    text_start: int
    """Offset of the turn's first word (after the spaces that follow the label)."""
    inside: bool = False
    """The colon is inside the bold: ``**Ada:**``."""
    form: str = "bold"
    """``bold``, ``plain``, ``name-line`` or ``time-prefix``: how it was written."""


@dataclass(frozen=True)
class Suspicious:
    """Looks like a turn label but is not one: *reason* says why (for a warning)."""

    reason: str
    name: str = ""
    """The name part of the label (what an importer may still make a turn of)."""
    times: tuple[str, ...] = ()
    """Every time between the name and the colon, as written."""


def _times(groups: str) -> list[str]:
    return [match["inner"].strip() for match in _GROUP.finditer(groups)]


def _bold_problem(bold: str, name: str, times: list[str]) -> Suspicious | None:
    if len(times) > 1:
        shown = ", ".join(repr(time) for time in times)
        return Suspicious(
            f"a bold label with {len(times)} times ({shown}) is not a turn", name, tuple(times)
        )
    if len(bold) > MAX_NAME_LENGTH:
        return Suspicious(
            f"a bold label of {len(bold)} characters (over {MAX_NAME_LENGTH}) is not a turn",
            name,
            tuple(times),
        )
    return None


def read_bold_label(bold: str, after: str) -> Label | Suspicious | None:
    """The label of a paragraph that starts with bold text *bold*, *after* following it.

    For the doctree, where the bold part is a node of its own: offsets in the
    result are in *after*. ``None`` when the paragraph does not start like a turn.
    """
    text = bold.strip()
    if not text or "\n" in text:
        return None
    if text.endswith(":"):  # **Ada:** / **Ada [01:12]:**
        inside = _INSIDE.match(text)
        if not inside:
            return None
        times = _times(inside["groups"])
        problem = _bold_problem(text, inside["name"].strip(), times)
        if problem is not None:
            return problem
        start = len(after) - len(after.lstrip())
        return Label(inside["name"].strip(), times[0] if times else "", 0, start, inside=True)
    if ":" in text or "[" in text or "(" in text:
        return None
    match = _AFTER.match(after)
    if not match:
        return None
    times = _times(match["groups"])
    problem = _bold_problem(text, text, times)
    if problem is not None:
        return problem
    colon = after.index(":", len(match["groups"]))
    return Label(text, times[0] if times else "", colon + 1, match.end())


def read_bold_line(line: str) -> Label | Suspicious | None:
    """:func:`read_bold_label` for a line of Markdown source (offsets in *line*)."""
    if not _BOLD_OPEN.match(line):
        return None
    close = line.find("**", 2)
    if close == -1:
        return None
    found = read_bold_label(line[2:close], line[close + 2 :])
    if not isinstance(found, Label):
        return found
    shift = close + 2
    return Label(
        found.name,
        found.time,
        found.end + shift,
        found.text_start + shift,
        found.inside,
    )


def bold_prefix(name: str, time: str = "", *, inside: bool = False) -> str:
    """A bold label in the form the build reads: ``**Ada** [01:12]:`` or ``**Ada [01:12]:**``."""
    when = f" [{time}]" if time else ""
    return f"**{name}{when}:**" if inside else f"**{name}**{when}:"


def _label_key(name: str) -> str:
    return " ".join(name.casefold().split()).rstrip(":")


def is_editorial(name: str) -> bool:
    """Whether *name* is an editor's label (``Note``, ``Update``, …), not a speaker."""
    return _label_key(name) in EDITORIAL_LABELS


def is_marker(name: str) -> bool:
    """Whether *name* marks a moment of the recording (``Break``, ``Music``, ``Ad``, …)."""
    return _label_key(name) in MARKER_LABELS


# -- the plain forms (importers) -----------------------------------------------------

# A name as people write it: letters first; up to five words (SPEAKER_00, Speaker 1,
# Ada Example, Jean-Luc de la Tour); 40 characters at most.
_NAME = r"(?P<name>[^\W\d_][\w.'’-]*(?:[ \t][\w.'’-]+){0,4})"


def _timemark(group: str) -> str:
    """A time in brackets or parentheses, caught by group *group* (or *group*_p)."""
    return rf"(?:\[(?P<{group}>{TIME})\]|\((?P<{group}_p>{TIME})\))"


_PLAIN = re.compile(
    rf"^(?:{_timemark('before')}[ \t]*(?:[-–—|][ \t]*)?)?"
    rf"{_NAME}(?:[ \t]*{_timemark('after')})?[ \t]*:(?!//)(?:[ \t]+|$)"
)
_NAME_LINE = re.compile(
    rf"^(?:{_timemark('before')}[ \t]*)?(?P<bold>\*\*)?{_NAME}(?P<bold_colon>:)?(?(bold)\*\*)"
    rf"(?:[ \t]*(?:{_timemark('after')}|(?P<bare>{TIME})))?[ \t]*(?P<colon>:)?[ \t]*$"
)
_TIME_PREFIX = re.compile(
    rf"^(?:\[(?P<bracket>{TIME})\]|\((?P<paren>{TIME})\)|(?P<bare>{TIME}))"
    r"(?P<sep>[ \t]*[-–—|:][ \t]*|[ \t]+|[ \t]*$)"
)
_LONG_TIME = re.compile(r"^\d{1,2}:\d{2}:\d{2}")


def _first(match: re.Match[str], *groups: str) -> str:
    return next((match[group] for group in groups if match[group]), "")


def read_plain_line(line: str) -> Label | None:
    """``Ada: text``, ``[00:00:04] Ada: text`` or ``Ada [00:00:04]: text`` (the name is
    not checked: the importer decides whether the page is a transcript)."""
    match = _PLAIN.match(line)
    if not match or len(match["name"]) > 40:
        return None
    time = _first(match, "before", "before_p", "after", "after_p")
    colon = line.rindex(":", 0, match.end())
    return Label(match["name"], time, colon + 1, match.end(), form="plain")


def read_name_line(line: str) -> Label | None:
    """A line that is only a name (and a time): ``Ada:``, ``**Ada**``, ``Ada [00:04]``,
    ``Ada Example  0:04``. A bare name with neither a colon, bold nor a time is not."""
    match = _NAME_LINE.match(line.strip())
    if not match or len(match["name"]) > 40:
        return None
    time = _first(match, "before", "before_p", "after", "after_p", "bare")
    if not (time or match["bold"] or match["colon"] or match["bold_colon"]):
        return None
    return Label(match["name"], time, len(line), len(line), form="name-line")


def read_time_prefix(line: str) -> tuple[str, int] | None:
    """(time, offset of the text) when *line* starts with a time and no name:
    ``00:00:04 — text``, ``[00:00:04] text``, or a time alone on its line.

    A bare time followed by text without a dash counts only in ``H:MM:SS`` form:
    ``10:30 in the morning`` is a sentence.
    """
    match = _TIME_PREFIX.match(line)
    if not match:
        return None
    time = _first(match, "bracket", "paren", "bare")
    rest = line[match.end() :]
    separator = match["sep"].strip()
    if match["bare"] and rest and not separator and not _LONG_TIME.match(line):
        return None
    if match["bare"] and separator == ":":
        return None  # "10:30: …" reads as a sentence too
    return time, match.end()
