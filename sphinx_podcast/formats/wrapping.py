"""Word wrap for caption lines: greedy, with words cut when they must be.

Pure Python, no Sphinx.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["split_text", "wrap", "wrap_lines"]


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


def wrap_lines(text: str, width: int, *, first_width: int | None = None) -> list[str]:
    """:func:`wrap` with lines of *width* characters, the first of *first_width*."""
    first = width if first_width is None else first_width
    words = text.split()
    if words and max(map(len, words)) <= min(first, width):  # no word to cut
        joined = " ".join(words)
        match = _block_pattern(first, first, 1).match(joined)
        assert match is not None  # (the first word fits)
        return [match.group(1), *_block_pattern(width, width, 1).findall(joined, match.end())]
    return wrap(text, lambda index: width if index else first)


#: Caption writers wrap every turn of every page: a regular expression that takes a
#: caption's lines (or a block of them) in one match, instead of a Python step a word,
#: takes about a third off wrapping a 300-turn page's SRT and VTT.
_BLOCK_PATTERNS: dict[tuple[int, int, int], re.Pattern[str]] = {}


def _block_pattern(first_width: int, width: int, lines: int) -> re.Pattern[str]:
    """A block of up to *lines* lines of whole words (from text whose words are one
    space apart), the first at most *first_width* characters long, the others *width*;
    each line greedy, the most words that fit; the space after the block is taken too.
    For text with no word longer than the shorter line: those lines are the greedy
    wrap's (a longer word would be skipped or start a block early)."""
    key = (first_width, width, lines)
    pattern = _BLOCK_PATTERNS.get(key)
    if pattern is None:
        first = r"(.{1,%d})" % first_width  # noqa: UP031
        other = r"(?: (.{1,%d}))?" % width  # noqa: UP031
        pattern = _BLOCK_PATTERNS[key] = re.compile(first + other * (lines - 1) + r"(?= |\Z) ?")
    return pattern


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
    first = width if first_width is None else first_width
    words = text.split()
    if not words:
        return []
    if measure is len and max(map(len, words)) <= min(first, width):  # no word to cut
        found = _block_pattern(first, width, lines_per_block).findall(" ".join(words))
        if lines_per_block == 1:
            return [[line] for line in found]
        return [[line for line in block if line] for block in found]

    def budget(index: int) -> int:
        if first_width is not None and index % lines_per_block == 0:
            return first_width
        return width

    lines = wrap(text, budget, measure)
    return [lines[i : i + lines_per_block] for i in range(0, len(lines), lines_per_block)]
