"""What every transcript format shares: cues, chapters, errors, clock times, timing, wrapping.

Pure Python, no Sphinx.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..inputs import MAX_SECONDS, MAX_TIME_DIGITS, shorten, strip_controls

__all__ = [
    "Chapter",
    "Cue",
    "FormatError",
    "Transcript",
    "fill_times",
    "format_clock",
    "join_texts",
    "parse_clock",
    "split_text",
    "strip_control_characters",
    "timed_cues",
]

#: Speaking rate used to estimate how long untimed text takes (about 150 words a minute).
CHARS_PER_SECOND = 15.0
#: The shortest a cue whose end is estimated lasts, in milliseconds.
MIN_CUE_MS = 1000


class FormatError(ValueError):
    """A transcript or chapters file that cannot be read, or data that cannot be written.

    ``str(error)`` reads ``talk.vtt:12: malformed time '00:61:00'`` (file and line when known).
    """

    def __init__(self, message: str, filename: str = "", line: int | None = None) -> None:
        self.message = message
        self.filename = filename
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.filename and self.line:
            return f"{self.filename}:{self.line}: {self.message}"
        if self.filename:
            return f"{self.filename}: {self.message}"
        if self.line:
            return f"line {self.line}: {self.message}"
        return self.message

    def located(self, filename: str) -> FormatError:
        """The same error, naming *filename* (if it names no file yet)."""
        if self.filename or not filename:
            return self
        return FormatError(self.message, filename, self.line)


@dataclass
class Cue:
    """One timed piece of speech.

    ``speaker`` is a name (or, for the writers' ``speakers_by_key``, a key); ``""`` when
    unknown. ``text`` is plain text, unescaped; it may contain newlines. Times are
    seconds; ``None`` when unknown. ``line`` is where the cue starts in the file read.
    """

    start: float | None
    end: float | None
    speaker: str
    text: str
    line: int = 0
    starts_turn: bool = False
    """The file says a turn starts here (a ``turn-N`` cue id in WebVTT, a ``Name:``
    prefix in SRT, a file of one segment per turn): never joined to the cue before."""


def join_texts(texts: Sequence[str]) -> str:
    """The texts of consecutive cues as one, in linear time: running text is joined with
    a space; once a text is broken into lines, with a newline (captions keep their lines)."""
    pieces: list[str] = []
    lines = False
    for text in texts:
        if not text:
            continue
        lines = lines or "\n" in text
        if pieces:
            pieces[-1] = pieces[-1].rstrip()
            pieces.append("\n" if lines else " ")
            text = text.lstrip()
        pieces.append(text)
    return "".join(pieces)


@dataclass
class Transcript:
    cues: list[Cue] = field(default_factory=list)
    language: str = ""

    def merged(self) -> list[Cue]:
        """Turns: consecutive cues of one speaker merged into one at the first cue's time,
        unless a cue starts a turn of its own (:attr:`Cue.starts_turn`).

        The merged end is the last cue's end; texts are joined by :func:`join_texts`
        (each turn's texts once, at its end: linear in the length of the transcript).
        """
        turns: list[Cue] = []
        texts: list[list[str]] = []
        for cue in self.cues:
            if turns and turns[-1].speaker == cue.speaker and not cue.starts_turn:
                last = turns[-1]
                texts[-1].append(cue.text)
                if cue.end is not None:
                    last.end = cue.end
                if last.start is None:
                    last.start = cue.start
                continue
            turns.append(replace(cue))
            texts.append([cue.text])
        for turn, parts in zip(turns, texts, strict=True):
            if len(parts) > 1:
                turn.text = join_texts(parts)
        return turns


@dataclass
class Chapter:
    start: float
    title: str
    end: float | None = None
    url: str = ""
    img: str = ""


def strip_control_characters(items: Sequence[Cue | Chapter]) -> tuple[int, int]:
    """Take control characters out of the text fields of cues or chapters (in place);
    (how many, the line of the first cue that had one, 0 if unknown). Caption files
    bring them, and JSON's ``\\u0001`` escapes too, which no text-level check sees."""
    total = first_line = 0
    for item in items:
        names = ("speaker", "text") if isinstance(item, Cue) else ("title", "url", "img")
        for name in names:
            cleaned, count = strip_controls(getattr(item, name))
            if count:
                setattr(item, name, cleaned)
                if not total:
                    first_line = getattr(item, "line", 0)
                total += count
    return total, first_line


# -- clock times --------------------------------------------------------------

# ASCII digits, each field at most MAX_TIME_DIGITS long (checked before int() sees it)
_CLOCK = re.compile(
    rf"(?:(?P<h>[0-9]{{1,{MAX_TIME_DIGITS}}}):)?(?P<m>[0-9]{{1,{MAX_TIME_DIGITS}}}):"
    rf"(?P<s>[0-9]{{1,{MAX_TIME_DIGITS}}})(?:[.,](?P<ms>[0-9]{{1,{MAX_TIME_DIGITS}}}))?"
)
_LONG_CLOCK = re.compile(r"(?:[0-9]+:)?[0-9]+:[0-9]+(?:[.,][0-9]{1,3})?")


def parse_clock(
    text: str,
    *,
    separator: str = ".",
    filename: str = "",
    line: int | None = None,
    hours: bool = False,
) -> float:
    """``HH:MM:SS.mmm`` (or ``MM:SS.mmm``) to seconds; anything else is a :class:`FormatError`.

    *separator* is the one allowed before the milliseconds; with *hours* the hours
    field is required.
    """
    value = text.strip()
    match = _CLOCK.fullmatch(value)
    if not match and _LONG_CLOCK.fullmatch(value):
        raise _too_large(value, filename, line)
    minutes = seconds = 0
    if match:
        minutes, seconds = int(match["m"]), int(match["s"])
    if (
        not match
        or (hours and match["h"] is None)
        or (
            match["ms"] is not None
            and (value[match.start("ms") - 1] != separator or len(match["ms"]) > 3)
        )
        or seconds > 59
        or (minutes > 59 and match["h"] is not None)
    ):
        raise FormatError(f"malformed time {shorten(value)!r}", filename, line)
    millis = int((match["ms"] or "0").ljust(3, "0"))
    # whole milliseconds, divided once: 1.344 is 1.344, not 1 + 0.344 (1.3439999…)
    total = ((int(match["h"] or 0) * 3600 + minutes * 60 + seconds) * 1000 + millis) / 1000
    if total >= MAX_SECONDS:
        raise _too_large(value, filename, line)
    return total


def _too_large(value: str, filename: str, line: int | None) -> FormatError:
    return FormatError(
        f"time {shorten(value)!r} is too large: times are under {MAX_SECONDS // 3600:,} hours",
        filename,
        line,
    )


def to_ms(seconds: float) -> int:
    return round(seconds * 1000)


def format_clock(milliseconds: int, separator: str = ".") -> str:
    """``HH:MM:SS.mmm`` (``HH:MM:SS,mmm`` for SRT)."""
    seconds, millis = divmod(milliseconds if milliseconds > 0 else 0, 1000)
    clock = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    return f"{clock}{separator}{millis:03d}"


def seconds_value(milliseconds: int) -> int | float:
    """Seconds for JSON: ``12`` or ``12.5``."""
    if milliseconds % 1000 == 0:
        return milliseconds // 1000
    return milliseconds / 1000


# -- timing -----------------------------------------------------------------------


def _weight(cue: Cue) -> int:
    return max(1, len(" ".join(cue.text.split())))


def _estimate_ms(cue: Cue) -> int:
    return max(MIN_CUE_MS, round(_weight(cue) / CHARS_PER_SECOND * 1000))


def fill_times(cues: Sequence[Cue], total: float | None = None) -> list[tuple[int, int]]:
    """(start, end) in milliseconds for every cue, known times kept.

    Unknown starts are interpolated between known ones in proportion to the text's
    length (from 0 before the first known one; after the last one, over the rest of
    *total* if given, else at a speaking rate of about 150 words a minute). Starts
    never decrease; every end is after its start (the next start, the cue's own end,
    or an estimate).
    """
    count = len(cues)
    if not count:
        return []
    total_ms = to_ms(total) if total else None
    starts: list[int | None] = [None if c.start is None else to_ms(c.start) for c in cues]
    # Known starts never decrease.
    highest = 0
    for index, start in enumerate(starts):
        if start is not None:
            highest = max(highest, start)
            starts[index] = highest
    if starts[0] is None:
        starts[0] = 0
    weights = [_weight(c) for c in cues]
    known = [i for i, s in enumerate(starts) if s is not None]
    for left, right in itertools.pairwise(known):
        _interpolate(starts, weights, left, right, starts[right])  # type: ignore[arg-type]
    last = known[-1]
    if last < count - 1:
        base = starts[last]
        assert base is not None
        if total_ms is not None and total_ms > base:
            _interpolate(starts, weights, last, count, total_ms)
        else:
            position = base
            for index in range(last + 1, count):
                position += _estimate_ms(cues[index - 1])
                starts[index] = position
    result: list[tuple[int, int]] = []
    for index, cue in enumerate(cues):
        start = starts[index]
        assert start is not None
        following = starts[index + 1] if index + 1 < count else None
        if cue.end is not None and to_ms(cue.end) > start:
            end = to_ms(cue.end)
        elif following is not None and following > start:
            end = following
        else:
            end = start + _estimate_ms(cue)
            if following is None and total_ms is not None and total_ms > start:
                end = min(end, total_ms)
        result.append((start, max(end, start + 1)))
    return result


def _interpolate(
    starts: list[int | None], weights: list[int], left: int, right: int, right_ms: int
) -> None:
    """Fill starts[left+1:right] between starts[left] and *right_ms* by weight."""
    if right - left < 2 and right < len(starts):
        return
    base = starts[left]
    assert base is not None
    span = right_ms - base
    total = sum(weights[left:right])
    done = 0
    for index in range(left + 1, min(right, len(starts))):
        done += weights[index - 1]
        starts[index] = base + round(span * done / total)


# -- wrapping ------------------------------------------------------------------


def _chunks(word: str, budget: int, measure: Callable[[str], int]) -> list[str]:
    """Cut one word that does not fit on a line into pieces that do."""
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and measure(current + char) > budget:
            pieces.append(current)
            current = ""
        current += char
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, budget: Callable[[int], int], measure: Callable[[str], int] = len) -> list[str]:
    """Greedy word wrap: line *i* measures at most ``budget(i)`` (words are cut if they
    must be). *measure* must add up over words (a space measures 1)."""
    words = text.split()
    sizes = list(map(measure, words))  # each word measured once, in C for len
    lines: list[str] = []
    limit = budget(0)
    first = 0  # the current line is words[first:index] ...
    length = -1  # ... and measures this (-1: the line is empty)
    for index, size in enumerate(sizes):
        if length >= 0:
            if length + 1 + size <= limit:
                length += 1 + size
                continue
            lines.append(" ".join(words[first:index]))
            limit = budget(len(lines))
        if size <= limit:
            first, length = index, size
            continue
        # Cut the word; each piece fits the budget of the line it goes on. The last
        # piece starts the next line (as a one-word line of its own).
        rest = words[index]
        while True:
            piece = _chunks(rest, limit, measure)[0]
            if piece == rest:
                break
            lines.append(piece)
            limit = budget(len(lines))
            rest = rest[len(piece) :]
        words[index] = rest
        first, length = index, measure(rest)
    if length >= 0:
        lines.append(" ".join(words[first:]))
    return lines


def split_text(
    text: str,
    width: int,
    lines_per_block: int,
    *,
    first_width: int | None = None,
    measure: Callable[[str], int] = len,
) -> list[list[str]]:
    """Text wrapped to *width* and grouped into blocks of at most *lines_per_block* lines.

    *first_width* is the budget of each block's first line (where a speaker label goes).
    """

    def budget(index: int) -> int:
        if first_width is not None and index % lines_per_block == 0:
            return first_width
        return width

    lines = wrap(text, budget, measure)
    return [lines[i : i + lines_per_block] for i in range(0, len(lines), lines_per_block)]


def timed_cues(cues: Sequence[Cue], total: float | None = None) -> list[tuple[Cue, int, int, int]]:
    """(cue, start, end, limit) in milliseconds for every cue that has text, for
    writers that cut a long cue into timed blocks (VTT cues, SRT cards): its blocks
    share [start, limit], where limit is the next cue's start, kept within
    [start, end]. Unknown times are filled in by :func:`fill_times`."""
    cues = [c for c in cues if c.text.strip()]
    times = fill_times(cues, total)
    result = []
    for index, cue in enumerate(cues):
        start, end = times[index]
        limit = times[index + 1][0] if index + 1 < len(cues) else end
        result.append((cue, start, end, min(max(limit, start), end)))
    return result


def timed_blocks(
    start: int, end: int, limit: int, blocks: Sequence[Sequence[str]]
) -> list[tuple[int, int]]:
    """Times for the blocks of one turn: in proportion to their length within
    [start, limit], the last one ending at *end*; each at least 1 ms long."""
    count = len(blocks)
    if count == 1:  # most turns
        return [(start, end if end > start else start + 1)]
    weights = [max(1, sum(map(len, block))) for block in blocks]
    total = sum(weights)
    span = max(limit - start, 0)
    starts = []
    done = 0
    for weight in weights:
        starts.append(start + round(span * done / total))
        done += weight
    times = []
    for index in range(count):
        block_start = starts[index]
        block_end = starts[index + 1] if index + 1 < count else end
        times.append((block_start, max(block_end, block_start + 1)))
    return times


def speaker_name(speaker: str, speakers_by_key: Mapping[str, str] | None) -> str:
    if speakers_by_key and speaker in speakers_by_key:
        return speakers_by_key[speaker]
    return speaker


def map_speaker(label: str, speakers: Mapping[str, str] | None) -> str:
    """A diarization label (``SPEAKER_00``) as the name *speakers* gives it."""
    label = label.strip()
    if speakers and label in speakers:
        return speakers[label]
    return label
