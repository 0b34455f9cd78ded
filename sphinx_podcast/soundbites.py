"""Highlights found in their episode and noted for the site.

At read time (called by the episode page transform, which knows the page's
turns in order) each ``soundbite`` directive or role is matched to its turn:
the turn it is written in or after, else the one its ``turn`` or ``time``
option names, else the turn whose text holds the quote. Its start and
duration come from the turn times; the domain keeps it for other pages and
the feed. After reading, :mod:`sphinx_podcast.soundbite_lists` shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import nodes as pn
from .domain import get_podcast_domain
from .inputs import InputValueError, whole_number
from .model import (
    Soundbite,
    TimeFormatError,
    format_time,
    normalize_name,
    parse_time,
)
from .quoting import quote_in
from .soundbite_lists import SoundbiteContent
from .warnings_ import Subtype, warn

#: (speaker reference as written, start or None, the turn's node) of a page's turns
Timeline = Sequence[tuple[str, float | None, nodes.Element]]


def _line(node: nodes.Element, option: str) -> tuple[str, int | None]:
    lines: dict[str, int] = node.get("option_lines", {})
    return (node["docname"], lines.get(option, node.line))


def _time(node: nodes.Element, option: str, text: str) -> float | None:
    if not text:
        return None
    try:
        return parse_time(text)
    except TimeFormatError as error:
        warn(f"soundbite {option}: {error}", Subtype.bad_time, _line(node, option))
        return None


def note_soundbites(
    env: BuildEnvironment,
    timeline: Timeline,
    placed: list[tuple[nodes.Element, int | None]],
    turn_text: Callable[[int], str],
    duration: float | None,
) -> None:
    """Match each highlight of an episode page to its turn and note it in the domain.

    *placed*: each ``soundbite`` or ``soundbite_mark`` node with the index (in
    *timeline*) of the turn it is written in or right after, else None.
    """
    domain = get_podcast_domain(env)
    starts = sorted(start for _ref, start, _node in timeline if start is not None)
    for node, index in placed:
        mark = isinstance(node, pn.soundbite_mark)
        where = "turn" if index is not None else "block"
        if index is None:
            index = _find_turn(node, timeline, turn_text)
        elif not quote_in(node["text"], turn_text(index)) and not mark:
            _warn_not_in_turn(node, timeline[index])
        start = _time(node, "time", node.get("time_text", ""))
        if start is None and index is not None:
            start = timeline[index][1]
        length = _time(node, "duration", node.get("duration_text", ""))
        if length is None and start is not None:
            end = next((s for s in starts if s > start), duration)
            length = end - start if end is not None and end > start else None
        speaker = node.get("speaker_ref", "") or (timeline[index][0] if index is not None else "")
        node["speaker_ref"] = speaker
        node["turn_speaker"] = timeline[index][0] if index is not None else ""
        node["start"] = start
        domain.note_soundbite(
            Soundbite(
                docname=node["docname"],
                anchor=node["ids"][0],
                text=node["text"],
                speaker=speaker,
                start=start,
                duration=length,
                tags=tuple(node.get("tags", ())),
                lineno=node.line or 0,
                placed="mark" if mark else where,
            )
        )


def _find_turn(
    node: nodes.Element, timeline: Timeline, turn_text: Callable[[int], str]
) -> int | None:
    """The turn a highlight written outside the turns names (``turn``, ``time``) or quotes."""
    quote = node["text"]
    turn_ref = node.get("turn_ref", "")
    if turn_ref:
        try:  # ASCII digits, bounded: "turn-²" or 5,000 digits made int() raise
            number = whole_number(turn_ref.removeprefix("turn-"), minimum=1)
        except InputValueError:
            number = 0
        if not 0 < number <= len(timeline):
            warn(
                f"soundbite turn {turn_ref!r}: the page has no such turn "
                f"(turn-1 … turn-{len(timeline)})",
                Subtype.soundbite,
                _line(node, "turn"),
            )
            return None
        index = number - 1
        if not quote_in(quote, turn_text(index)):
            _warn_not_in_turn(node, timeline[index])
        return index
    time_value = node.get("time_text", "")
    if time_value:
        try:
            moment = parse_time(time_value)
        except TimeFormatError:
            return None  # warned about with the start
        timed = [i for i, (_r, start, _n) in enumerate(timeline) if start is not None]
        before = [i for i in timed if (timeline[i][1] or 0.0) <= moment]
        if not before:
            warn(
                f"soundbite time {time_value} is before the first timed turn",
                Subtype.soundbite,
                _line(node, "time"),
            )
            return None
        first = before[-1]
        later = [i for i in timed if i > first]
        span = range(first, later[0] if later else len(timeline))
        for index in span:  # the timed turn, or an untimed one after it
            if quote_in(quote, turn_text(index)):
                return index
        _warn_not_in_turn(node, timeline[first])
        return first
    speaker = normalize_name(node.get("speaker_ref", ""))
    for index in range(len(timeline)):
        if speaker and normalize_name(timeline[index][0]) != speaker:
            continue
        if quote_in(quote, turn_text(index)):
            return index
    warn(
        "soundbite: no turn of this page says "
        + (f"{_short(quote)!r}" if quote else "it")
        + (f" (as {node['speaker_ref']})" if speaker else "")
        + "; give its :time: or :turn:",
        Subtype.soundbite,
        node,
    )
    return None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _warn_not_in_turn(node: nodes.Element, turn: tuple[str, float | None, nodes.Element]) -> None:
    reference, start, turn_node = turn
    when = f" at {format_time(start)}" if start is not None else ""
    where = f" (line {turn_node.line})" if turn_node.line else ""
    warn(
        f"soundbite {_short(node['text'])!r} is not in the turn of {reference}{when}{where}",
        Subtype.soundbite,
        node,
    )


def setup_soundbites(app: Sphinx) -> None:
    app.add_post_transform(SoundbiteContent)
