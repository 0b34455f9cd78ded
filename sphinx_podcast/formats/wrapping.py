"""Word wrap for caption lines: greedy, with words cut when they must be.

Pure Python, no Sphinx.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["split_text", "wrap"]


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
    if measure is len:
        lines = _wrap_whole_words(" ".join(text.split()), budget)
        if lines is not None:
            return lines
    return _wrap_word_by_word(text, budget, measure)


#: A line of at most N characters that ends with a word: greedy, it takes the most words
#: that fit.
_LINE_PATTERNS: dict[int, re.Pattern[str]] = {}


def _line_pattern(width: int) -> re.Pattern[str]:
    pattern = _LINE_PATTERNS.get(width)
    if pattern is None:
        pattern = _LINE_PATTERNS[width] = re.compile(r".{1,%d}(?= |\Z)" % width)  # noqa: UP031
    return pattern


def _wrap_whole_words(text: str, budget: Callable[[int], int]) -> list[str] | None:
    """The lines :func:`_wrap_word_by_word` makes of *text* (words one space apart),
    one regular expression match a line instead of a Python step a word: SRT and VTT
    wrap every turn of every page, and this takes about a third of the time (measured
    on a 300-turn page). ``None`` when a word must be cut (longer than its line)."""
    lines: list[str] = []
    position = 0
    end = len(text)
    while position < end:
        width = budget(len(lines))
        if width < 1:
            return None
        match = _line_pattern(width).match(text, position)
        if match is None:  # the next word is longer than the line
            return None
        lines.append(match.group())
        position = match.end() + 1  # past the space
    return lines


def _wrap_word_by_word(
    text: str, budget: Callable[[int], int], measure: Callable[[str], int]
) -> list[str]:
    """:func:`wrap`, a word at a time: for any *measure*, and words cut to fit."""
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
