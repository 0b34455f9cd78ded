"""Times for cues that have none, and for the blocks a writer cuts a long cue into.

Pure Python, no Sphinx.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from .base import Cue
from .clock import to_ms

__all__ = ["fill_times", "timed_blocks", "timed_cues"]

#: Speaking rate used to estimate how long untimed text takes (about 150 words a minute).
CHARS_PER_SECOND = 15.0
#: The shortest a cue whose end is estimated lasts, in milliseconds.
MIN_CUE_MS = 1000


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
    known = [i for i, s in enumerate(starts) if s is not None]
    if len(known) < count:  # (every start known, as in most pages: nothing to fill)
        _fill_starts(cues, starts, known, total_ms)
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


def _fill_starts(
    cues: Sequence[Cue], starts: list[int | None], known: list[int], total_ms: int | None
) -> None:
    """Unknown *starts* filled in: between known ones in proportion to the text's length,
    after the last known one over the rest of *total_ms* or at a speaking rate."""
    count = len(cues)
    weights = [_weight(c) for c in cues]
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


def timed_cues(cues: Sequence[Cue], total: float | None = None) -> list[tuple[Cue, int, int, int]]:
    """(cue, start, end, limit) in milliseconds for every cue that has text, for
    writers that cut a long cue into timed blocks (VTT cues, SRT cards): its blocks
    share [start, limit], where limit is the next cue's start, kept within
    [start, end]. Unknown times are filled in by :func:`fill_times`."""
    cues = [c for c in cues if c.text and not c.text.isspace()]
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
    if count == 1:  # a short turn: one card or cue
        return [(start, end if end > start else start + 1)]
    weights = [max(1, sum(map(len, block))) for block in blocks]
    total = sum(weights)
    span = max(limit - start, 0)
    times = []
    done = 0
    block_start = start
    for weight in weights[:-1]:  # each block ends where the next one starts ...
        done += weight
        block_end = start + round(span * done / total)
        times.append((block_start, block_end if block_end > block_start else block_start + 1))
        block_start = block_end
    # ... and the last one at the turn's end
    times.append((block_start, end if end > block_start else block_start + 1))
    return times
