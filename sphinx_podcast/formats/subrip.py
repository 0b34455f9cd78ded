"""SubRip (SRT), read with the ``srt`` library, and YouTube's SBV."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from .base import Cue, FormatError, Transcript, map_speaker, speaker_name
from .clock import format_clock, parse_clock
from .cue_times import timed_blocks, timed_cues
from .wrapping import wrap_lines

LINE_WIDTH = 32
LINES_PER_CARD = 2
#: The fewest characters of text beside a speaker's name on a card's first line.
MIN_TEXT_WIDTH = 8

_SRT_TIMING = re.compile(r"^\s*(?P<start>\S+)\s*-->\s*(?P<end>\S+)")
_SBV_TIMING = re.compile(r"^\s*(?P<start>\d+:\d+:\d+\.\d+),(?P<end>\d+:\d+:\d+\.\d+)\s*$", re.ASCII)
# "[SPEAKER_00]: " (WhisperX) or "Ada Example: "
_PREFIX = re.compile(
    r"^(?:-\s*)?(?:\[(?P<label>[^\]\n]{1,64})\]|(?P<name>[^\s:\[\]<>\d][^:\n<>]{0,63}?))"
    r":(?:[ \t]+|[ \t]*\n)"  # the name may stand on a line of its own
)
_NOT_IN_NAMES = re.compile(r"[.,;!?\"()]")
# A period in a name: an initial ("J. R. Ortiz") or a title ("Dr. Who", "St. John")
_ABBREVIATION = re.compile(
    r"\b(?:[A-Z]|Dr|Mr|Mrs|Ms|Mx|St|Jr|Sr|Prof|Rev|Fr|Sgt|Capt|Lt|Col|Gen|Hon)\.(?=\s|$)"
)
_FORMATTING = re.compile(r"</?(?:i|b|u|font)(?:\s[^>]*)?>|\{\\[^}]*\}", re.IGNORECASE)
# What players would take for formatting, written literally: a word joiner (U+2060)
# after the "<" or "{" keeps it text, and is taken out again when the file is read.
_LOOKS_LIKE_FORMATTING = re.compile(r"<(?=/?(?:i|b|u|font)(?:\s[^>]*)?>)|\{(?=\\)", re.IGNORECASE)
_WORD_JOINER = "\u2060"


def split_prefix(
    text: str, speakers: Mapping[str, str] | None = None
) -> tuple[str, str, bool] | None:
    """(speaker, rest, is a diarization label) if *text* starts with ``Name:`` or
    ``[LABEL]:``."""
    match = _PREFIX.match(text)
    if not match:
        return None
    if match["label"]:
        return map_speaker(match["label"], speakers), text[match.end() :], True
    name = match["name"].strip()
    if len(name.split()) > 4 or _NOT_IN_NAMES.search(_ABBREVIATION.sub("", name)):
        return None
    return map_speaker(name, speakers), text[match.end() :], False


def _with_speakers(
    items: list[tuple[float, float, str, int]], speakers: Mapping[str, str] | None
) -> list[Cue]:
    """Cues from (start, end, text, line); a card without a ``Name:`` prefix continues
    the speaker before it when the file labels its speakers at all.

    A ``Name:`` prefix starts a turn (our SRT writes it on a turn's first card only,
    as subtitles name a speaker when the speaker changes); diarization labels
    (``[SPEAKER_00]:``, on every card) do not: cards of one label are joined."""
    cues: list[Cue] = []
    labelled = False
    current = ""
    for start, end, text, line in items:
        # a card that starts with a word joiner has no "Name:" (see to_srt)
        found = None if text.startswith(_WORD_JOINER) else split_prefix(text, speakers)
        text = text.removeprefix(_WORD_JOINER)
        starts_turn = False
        if found is not None:
            labelled = True
            current, text, is_label = found
            starts_turn = not is_label
        cues.append(Cue(start, end, current if labelled else "", text.strip(), line, starts_turn))
    return cues


def escape_formatting(text: str) -> str:
    """*text* with what players would read as formatting (``<b>``, ``{\\an8}``) kept
    as text: a word joiner after its ``<`` or ``{``."""
    return _LOOKS_LIKE_FORMATTING.sub(lambda match: match.group(0) + _WORD_JOINER, text)


def card_text(content: str) -> str:
    """A card's text: formatting tags taken out, escaped ones (see
    :func:`escape_formatting`) back to what they were."""
    text = _FORMATTING.sub("", content)
    if _WORD_JOINER in text:
        text = text.replace("<" + _WORD_JOINER, "<").replace("{" + _WORD_JOINER, "{")
    return text.strip()


# -- SRT ----------------------------------------------------------------------------


def to_srt(
    cues: Sequence[Cue],
    *,
    speakers_by_key: Mapping[str, str] | None = None,
    total: float | None = None,
    timed: Sequence[tuple[Cue, int, int, int]] | None = None,
) -> str:
    """SubRip: numbered cards of at most two lines of 32 characters; a new card at every
    speaker change, whose first card starts with ``Name:`` (on a line of its own when it
    leaves less than 8 characters for the text; a name that does not fit a line is cut).

    *timed* is what :func:`~sphinx_podcast.formats.timed_cues` gives for *cues* and
    *total*, when the caller has it already (the exports time a page once for VTT, SRT
    and JSON).
    """
    cards: list[str] = []
    if timed is None:
        timed = timed_cues(cues, total)
    label_of = functools.cache(lambda key: speaker_label(speaker_name(key, speakers_by_key)))
    # a card usually starts where the one before it ends: that time is written already
    previous_end, previous_end_text = -1, ""
    for cue, start, end, limit in timed:
        label = label_of(cue.speaker)  # made once a file for each speaker
        own_line = len(label) + 1 > LINE_WIDTH - MIN_TEXT_WIDTH
        first_width = LINE_WIDTH if own_line or not label else LINE_WIDTH - len(label) - 1
        # "-->" would read as timings: an SRT card's text cannot hold it
        text = cue.text.replace("-->", "->")
        if "<" in text or "{" in text:  # (a regular expression scan less per turn)
            text = escape_formatting(text)
        lines = wrap_lines(text, LINE_WIDTH, first_width=first_width)
        if own_line:
            lines.insert(0, label)
        elif label:  # only the turn's first card carries the name
            lines[0] = f"{label} {lines[0]}"
        blocks = [lines[i : i + LINES_PER_CARD] for i in range(0, len(lines), LINES_PER_CARD)]
        for index, block in enumerate(blocks):
            # a card that would read as "Name: …" without being one: a word joiner first
            # (no colon, no "Name:": most cards skip the regular expression)
            joined = "\n".join(block) if index or not label else ""
            if ":" in joined and split_prefix(joined) is not None:
                block[0] = _WORD_JOINER + block[0]
        for (card_start, card_end), card in zip(
            timed_blocks(start, end, limit, blocks), blocks, strict=True
        ):
            if card_start != previous_end:
                previous_end_text = format_clock(card_start, ",")
            start_text = previous_end_text
            previous_end, previous_end_text = card_end, format_clock(card_end, ",")
            cards.append(
                f"{len(cards) + 1}\n{start_text} --> {previous_end_text}\n" + "\n".join(card) + "\n"
            )
    return "\n".join(cards)


def speaker_label(name: str) -> str:
    """``Name:`` as it starts a card: at most a line long (a longer name is cut, ``…``)."""
    name = " ".join(name.split())
    if not name:
        return ""
    if len(name) + 1 > LINE_WIDTH:
        name = name[: LINE_WIDTH - 2].rstrip() + "…"
    return name + ":"


def read_srt(
    text: str, *, filename: str = "", speakers: Mapping[str, str] | None = None
) -> Transcript:
    import srt

    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    timing_lines: list[int] = []
    for number, text_line in enumerate(lines, start=1):
        if "-->" not in text_line:
            continue
        match = _SRT_TIMING.match(text_line)
        if not match:
            raise FormatError(f"malformed card timings {text_line.strip()!r}", filename, number)
        start = parse_clock(match["start"], separator=",", filename=filename, line=number)
        end = parse_clock(match["end"], separator=",", filename=filename, line=number)
        if end < start:
            raise FormatError(
                f"card ends ({match['end']}) before it starts ({match['start']})", filename, number
            )
        timing_lines.append(number)
    if not timing_lines:
        raise FormatError("no SRT cards ('00:00:01,000 --> 00:00:04,000') found", filename)
    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as error:
        where = text.count("\n", 0, _skip_blank(text, error.expected_start)) + 1
        raise FormatError("not an SRT card (number, timings, text)", filename, where) from None
    except ValueError as error:
        raise FormatError(f"not valid SRT: {error}", filename) from None
    items: list[tuple[float, float, str, int]] = []
    for index, subtitle in enumerate(subtitles):
        line = timing_lines[index] if index < len(timing_lines) else 0
        body = card_text(subtitle.content)
        items.append((subtitle.start.total_seconds(), subtitle.end.total_seconds(), body, line))
    return Transcript(_with_speakers(items, speakers))


def _skip_blank(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


# -- SBV ----------------------------------------------------------------------------


def read_sbv(
    text: str, *, filename: str = "", speakers: Mapping[str, str] | None = None
) -> Transcript:
    """YouTube's SBV: ``0:00:01.000,0:00:04.000`` then text lines, blocks apart by blank
    lines; ``>>`` starts a new speaker (``>> Ada: text`` names it)."""
    lines = text.lstrip("\ufeff").splitlines()
    items: list[tuple[float, float, str, int]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        number = index + 1
        if not line.strip():
            index += 1
            continue
        match = _SBV_TIMING.match(line)
        if not match:
            raise FormatError(
                f"expected SBV timings like '0:00:01.000,0:00:04.000', got {line.strip()!r}",
                filename,
                number,
            )
        start = parse_clock(match["start"], filename=filename, line=number, hours=True)
        end = parse_clock(match["end"], filename=filename, line=number, hours=True)
        if end < start:
            raise FormatError(
                f"caption ends ({match['end']}) before it starts ({match['start']})",
                filename,
                number,
            )
        index += 1
        body: list[str] = []
        while index < len(lines) and lines[index].strip():
            body.append(lines[index].strip())
            index += 1
        joined = "\n".join(body)
        if joined.startswith(">>"):
            joined = joined[2:].lstrip()
        items.append((start, end, joined, number))
    if not items:
        raise FormatError("no SBV captions found", filename)
    return Transcript(_with_speakers(items, speakers))
