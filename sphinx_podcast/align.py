"""Timing an untimed transcript from captions.

The transcript (MyST, Markdown or reStructuredText with ``**Name**:`` turns or
``turn`` directives, read by :mod:`.turn_lines`) and the captions (WebVTT, SRT,
SBV, …) say the same thing with different words here and there and different
line breaks. Both are cut into normalized words and aligned word by word
(:mod:`.word_alignment`). Each turn then takes the time of the caption word
aligned to its first word; if that word is not matched, the time is interpolated
from the nearest matched words, and the turn's confidence says so.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .formats import Cue
from .model import TimeFormatError, parse_time, time_text
from .turn_lines import Confidence, TurnTiming, find_turns, with_time
from .word_alignment import WORD, align_words, words_of

__all__ = ["AlignResult", "align", "caption_words"]

_CAPTION_NOISE = re.compile(r"\[[^\]]*\]|\([^)]*\)|♪")

#: How many words at a turn's start may be unmatched before its time is interpolated.
LEAD_WORDS = 8


def caption_words(cues: Sequence[Cue]) -> tuple[list[str], list[float]]:
    """The captions' words and the time of each (spread over its cue by position)."""
    words: list[str] = []
    times: list[float] = []
    timed = [cue for cue in cues if cue.start is not None]
    for position, cue in enumerate(timed):
        start = float(cue.start)  # type: ignore[arg-type]
        end = cue.end
        if end is None or end <= start:
            following = timed[position + 1].start if position + 1 < len(timed) else None
            end = following if following is not None and following > start else start + 2.0
        text = _CAPTION_NOISE.sub(" ", cue.text)
        found = [(m.start(), m.group(0)) for m in WORD.finditer(text)]
        length = max(len(text), 1)
        for offset, raw in found:
            normalized = words_of(raw)
            for word in normalized:
                words.append(word)
                times.append(start + (end - start) * offset / length)
    return words, times


# -- timing the turns ----------------------------------------------------------------


@dataclass
class AlignResult:
    """What :func:`align` made: the transcript's new text, its turns with their times and
    confidence, and how much of it the captions matched (for the command's report)."""

    text: str
    turns: list[TurnTiming]
    words: int
    """Words in the transcript's turns."""
    matched_words: float
    """Transcript words found in the captions (near matches count ¾)."""
    timed: int = 0
    kept: int = 0

    @property
    def word_share(self) -> float:
        return self.matched_words / self.words if self.words else 0.0

    def counts(self) -> Counter[str]:
        return Counter(turn.confidence for turn in self.turns)

    def low(self) -> list[TurnTiming]:
        """Timed turns whose time is an estimate worth checking."""
        return [
            t
            for t in self.turns
            if t.confidence == "interpolated" or (t.confidence == "near" and t.matched < 0.5)
        ]


def _time_at(position: float, times: Sequence[float]) -> float:
    """The time at a fractional caption word position."""
    if not times:
        return 0.0
    if position <= 0:
        return times[0]
    if position >= len(times) - 1:
        return times[-1]
    low = int(position)
    return times[low] + (times[low + 1] - times[low]) * (position - low)


def align(
    transcript_text: str,
    cues: Sequence[Cue],
    *,
    retime: bool = False,
    whole: bool = True,
) -> AlignResult:
    """Time the turns of *transcript_text* from *cues*; the new text and what was found.

    Turns that already carry a time keep it unless *retime*.
    """
    lines, turns = find_turns(transcript_text)
    a: list[str] = []
    for turn in turns:
        turn.first_word = len(a)
        a.extend(turn.words)
    b, times = caption_words(cues)
    match, quality = align_words(a, b)
    matched_positions = [i for i, j in enumerate(match) if j >= 0]
    result = AlignResult(transcript_text, turns, len(a), sum(quality))

    previous_time = 0.0
    for turn in turns:
        count = len(turn.words)
        window = min(count, 20)
        turn.matched = (
            sum(quality[turn.first_word : turn.first_word + window]) / window if window else 0.0
        )
        if turn.time and not retime:
            turn.confidence = "kept"
            result.kept += 1
            with contextlib.suppress(TimeFormatError):
                previous_time = max(previous_time, parse_time(turn.time))
            continue
        start = _turn_start(turn, match, matched_positions, times)
        if start is None:
            turn.confidence = "none"
            continue
        seconds, confidence = start
        turn.start = max(seconds, previous_time)
        previous_time = turn.start
        turn.confidence = confidence
        result.timed += 1
        lines[turn.line] = with_time(lines[turn.line], turn, time_text(turn.start, whole=whole))
    result.text = "\n".join(lines)
    return result


def _turn_start(
    turn: TurnTiming,
    match: Sequence[int],
    matched_positions: Sequence[int],
    times: Sequence[float],
) -> tuple[float, Confidence] | None:
    first = turn.first_word
    count = len(turn.words)
    if not count or not matched_positions:
        return None
    if match[first] >= 0:
        return times[match[first]], "first-word"
    # the nearest matched words before and after the turn's first word
    slot = bisect.bisect_left(matched_positions, first)
    after = matched_positions[slot] if slot < len(matched_positions) else None
    before = matched_positions[slot - 1] if slot else None
    if after is None and before is None:
        return None
    within = after is not None and after < first + min(count, LEAD_WORDS)
    if before is None:
        assert after is not None
        if not within:
            return None
        # no matched word before: step back from the first matched one at the caption pace
        return max(times[match[after]] - 0.3 * (after - first), 0.0), "near"
    if after is None:
        return None
    span = after - before
    position = match[before] + (match[after] - match[before]) * (first - before) / span
    return _time_at(position, times), "near" if within else "interpolated"
