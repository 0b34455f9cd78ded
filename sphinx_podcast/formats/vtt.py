"""WebVTT: read with webvtt-py (strict), write with our own writer (which escapes)."""

from __future__ import annotations

import functools
import html
import io
import re
from collections.abc import Mapping, Sequence

from .base import Cue, FormatError, Transcript, map_speaker, speaker_name
from .clock import format_clock, parse_clock
from .cue_times import timed_blocks, timed_cues
from .wrapping import split_text

#: Longest line of a cue payload, voice span and character references included.
LINE_WIDTH = 65
LINES_PER_CUE = 2

_TIMING = re.compile(r"^\s*(?P<start>\S+)\s+-->\s+(?P<end>\S+)")
_VOICE = re.compile(r"^<v(?:\.[^\s>]+)*[ \t]+(?P<name>[^>]*)>")
_BRACKET_LABEL = re.compile(r"^\[(?P<label>[^\]\n]{1,64})\]:[ \t]*")
#: The identifier of a turn's first cue (``turn-12``).
TURN_ID = "turn-"
_TURN_ID = re.compile(r"turn-[0-9]+")
_CLOCK_TEXT = re.compile(r"(?:[0-9]{2,}:)?[0-9]{2}:[0-9]{2}\.[0-9]{3}")
_LANGUAGE = re.compile(r"^Language:\s*(?P<lang>\S+)\s*$", re.IGNORECASE)


# -- writing ------------------------------------------------------------------------


def escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_voice(name: str) -> str:
    name = " ".join(name.split())  # no newlines (nor runs of white space) in a voice
    return name.replace("&", "&amp;").replace(">", "&gt;")


def _voice(name: str) -> str:
    """The voice span that starts a speaker's cue (none for no name)."""
    return f"<v {escape_voice(name)}>" if name.strip() else ""


def _escaped_length(text: str) -> int:
    """len(escape_text(text)), without building the string."""
    return len(text) + 4 * text.count("&") + 3 * (text.count("<") + text.count(">"))


def to_vtt(
    cues: Sequence[Cue],
    *,
    speakers_by_key: Mapping[str, str] | None = None,
    total: float | None = None,
    timed: Sequence[tuple[Cue, int, int, int]] | None = None,
) -> str:
    """WebVTT of *cues* (turns): a new cue at every speaker change, the speaker as a
    voice span, text escaped, lines of at most 65 characters (a long turn becomes
    several cues, timed in proportion to their text). A turn's first cue has the
    identifier ``turn-N``: read back, two turns of one speaker stay two turns.

    ``speakers_by_key`` maps a cue's speaker (a key) to the name written; unknown
    times are filled in (see :func:`~sphinx_podcast.formats.fill_times`, *total*
    is the episode's length in seconds, if known).
    *timed* is what :func:`~sphinx_podcast.formats.timed_cues` gives for *cues* and
    *total*, when the caller has it already (the exports time a page once for VTT, SRT
    and JSON).
    """
    out = io.StringIO()
    out.write("WEBVTT\n")
    if timed is None:
        timed = timed_cues(cues, total)
    voice_of = functools.cache(lambda key: _voice(speaker_name(key, speakers_by_key)))
    # a cue usually starts where the one before it ends: that time is written already
    previous_end, previous_end_text = -1, ""
    for number, (cue, start, end, limit) in enumerate(timed, start=1):
        voice = voice_of(cue.speaker)  # made once a file for each speaker
        first_width = max(LINE_WIDTH - len(voice), 20)
        text = cue.text
        escaped = "&" in text or "<" in text or ">" in text
        blocks = split_text(
            text,
            LINE_WIDTH,
            LINES_PER_CUE,
            first_width=first_width,
            measure=_escaped_length if escaped else len,
        )
        identifier = f"\n{TURN_ID}{number}"  # the turn's first cue: a turn starts here
        for (block_start, block_end), lines in zip(
            timed_blocks(start, end, limit, blocks), blocks, strict=True
        ):
            if block_start != previous_end:
                previous_end_text = format_clock(block_start)
            start_text = previous_end_text
            previous_end, previous_end_text = block_end, format_clock(block_end)
            out.write(f"{identifier}\n{start_text} --> {previous_end_text}\n")
            identifier = ""
            if escaped:
                lines = [escape_text(line) for line in lines]
            out.write(voice + "\n".join(lines) + "\n")
    return out.getvalue()


# -- reading ------------------------------------------------------------------------


def _check_timings(lines: list[str], filename: str) -> list[int]:
    """Check every cue timing line (a clear error with its line number); their line numbers."""
    found = []
    for number, line in enumerate(lines, start=1):
        if "-->" not in line:
            continue
        match = _TIMING.match(line)
        if not match:
            raise FormatError(f"malformed cue timings {line.strip()!r}", filename, number)
        start = parse_clock(match["start"], filename=filename, line=number)
        end = parse_clock(match["end"], filename=filename, line=number)
        for value in (match["start"], match["end"]):
            if not _CLOCK_TEXT.fullmatch(value):
                raise FormatError(f"malformed time {value!r}", filename, number)
        if end < start:
            raise FormatError(
                f"cue ends ({match['end']}) before it starts ({match['start']})", filename, number
            )
        found.append(number)
    return found


def _split_voices(raw_lines: list[str]) -> list[tuple[str | None, list[str]]]:
    """Lines of one cue grouped by the voice span that starts them (``None``: no voice)."""
    groups: list[tuple[str | None, list[str]]] = []
    for line in raw_lines:
        match = _VOICE.match(line)
        if match or not groups:
            groups.append((match["name"] if match else None, [line]))
        else:
            groups[-1][1].append(line)
    return groups


_TAG = re.compile(r"<[^>\n]*>")


def _plain(lines: list[str]) -> str:
    return html.unescape("\n".join(_TAG.sub("", line) for line in lines)).strip()


def read_vtt(
    text: str, *, filename: str = "", speakers: Mapping[str, str] | None = None
) -> Transcript:
    import webvtt
    from webvtt.errors import MalformedCaptionError, MalformedFileError

    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    if not lines or not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        raise FormatError("a WebVTT file must start with a 'WEBVTT' line", filename, 1)
    timing_lines = _check_timings(lines, filename)
    try:
        vtt = webvtt.WebVTT.from_string(text, strict=True)
    except (MalformedCaptionError, MalformedFileError) as error:
        raise FormatError(f"not valid WebVTT: {error}", filename) from None
    language = ""
    for meta in getattr(vtt, "metadata", []) or []:
        match = _LANGUAGE.match(meta)
        if match:
            language = match["lang"]
    cues: list[Cue] = []
    for index, caption in enumerate(vtt.captions):
        line = timing_lines[index] if index < len(timing_lines) else 0
        start = _seconds(caption.start)
        end = _seconds(caption.end)
        starts_turn = bool(_TURN_ID.fullmatch(caption.identifier or ""))
        for voice, voice_lines in _split_voices(list(caption.lines)):
            body = _plain(voice_lines)
            speaker = map_speaker(html.unescape(voice), speakers) if voice else ""
            if not speaker:
                match = _BRACKET_LABEL.match(body)
                if match:  # WhisperX writes "[SPEAKER_00]: text"
                    speaker = map_speaker(match["label"], speakers)
                    body = body[match.end() :]
            cues.append(Cue(start, end, speaker, body, line, starts_turn))
            starts_turn = False  # a second voice in the cue is a change of speaker anyway
    return Transcript(cues, language)


def _seconds(clock: str) -> float:
    return parse_clock(clock)
