"""Normalized words, and a word-level sequence alignment of two word lists.

Used to time a transcript from captions (:mod:`.align`): the two say the same
thing with different words here and there (speech recognition errors, edits,
fillers). Both are cut into normalized words (:func:`words_of`) and aligned
(:func:`align_words`):

1. common runs at the two ends are matched;
2. words that occur exactly once in both remaining ranges are candidate
   anchors; the longest chain of them in the same order (patience sorting,
   ``O(k log k)``) is kept, and the ranges between anchors are aligned
   recursively;
3. a range without anchors and small enough is aligned by Needleman–Wunsch
   (match, near match such as ``colour``/``color``, substitution, gap); a
   large one is split in proportion and aligned in halves.

So the work stays close to linear in the length of the texts, and a word
recognised wrongly costs one substitution instead of derailing the match.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

__all__ = ["WORD", "align_words", "words_of"]

#: One word as written: letters and digits, with inner apostrophes (``don't``).
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ROLE = re.compile(r"\{[\w:-]+\}`([^`]*)`")
_TAG = re.compile(r"<[^<>]*>")

#: Largest range (words × words) aligned by dynamic programming at once.
DP_CELLS = 250_000


def words_of(text: str) -> list[str]:
    """The normalized words of *text*: no markup, case, accents or punctuation."""
    text = _ROLE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return [word.replace("'", "").replace("’", "") for word in WORD.findall(plain)]


@functools.lru_cache(maxsize=65536)
def _similar(first: str, second: str) -> bool:
    """Near matches: a recognition error of a letter or two in a longer word."""
    if len(first) < 4 or len(second) < 4 or abs(len(first) - len(second)) > 2:
        return False
    if first[:2] != second[:2] and first[-2:] != second[-2:]:
        return False
    # Levenshtein distance at most 2 (bounded, on short strings).
    previous = list(range(len(second) + 1))
    for i, char in enumerate(first, start=1):
        current = [i] + [0] * len(second)
        for j, other in enumerate(second, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
        previous = current
    return previous[-1] <= (1 if max(len(first), len(second)) < 7 else 2)


def _longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of *pairs* (sorted by first item) increasing in the second."""
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = [-1] * len(pairs)
    for position, (_i, j) in enumerate(pairs):
        slot = bisect.bisect_left(tails, j)
        if slot == len(tails):
            tails.append(j)
            tail_at.append(position)
        else:
            tails[slot] = j
            tail_at[slot] = position
        back[position] = tail_at[slot - 1] if slot else -1
    chain: list[tuple[int, int]] = []
    position = tail_at[-1] if tail_at else -1
    while position != -1:
        chain.append(pairs[position])
        position = back[position]
    chain.reverse()
    return chain


def _anchors(
    a: Sequence[str], alo: int, ahi: int, b: Sequence[str], blo: int, bhi: int
) -> list[tuple[int, int]]:
    """Anchor pairs: runs of *n* words found exactly once in both ranges, in order.

    Single words first; where no word is unique (a small vocabulary, a chorus),
    pairs, then triples of words.
    """
    for size in (1, 2, 3):
        if ahi - alo < size or bhi - blo < size:
            break
        grams_a = [tuple(a[i : i + size]) for i in range(alo, ahi - size + 1)]
        grams_b = [tuple(b[j : j + size]) for j in range(blo, bhi - size + 1)]
        count_a = Counter(grams_a)
        count_b = Counter(grams_b)
        where_b = {gram: blo + k for k, gram in enumerate(grams_b) if count_b[gram] == 1}
        pairs = [
            (alo + k, where_b[gram])
            for k, gram in enumerate(grams_a)
            if count_a[gram] == 1 and gram in where_b
        ]
        chain = _longest_chain(pairs)
        if size == 1 and (ahi - alo) > 400 and len(chain) > 1:
            # In a long range a lone rare word can pair by chance: keep the anchors
            # whose neighbourhood agrees too.
            def confirmed(i: int, j: int) -> bool:
                for step in (-2, -1, 1, 2):
                    if (
                        alo <= i + step < ahi
                        and blo <= j + step < bhi
                        and a[i + step] == b[j + step]
                    ):
                        return True
                return False

            chain = [pair for pair in chain if confirmed(*pair)] or chain
        if chain:
            if size == 1:
                return chain
            # every word of a matched n-gram is an anchor (they do not overlap: the
            # chain is strictly increasing and each gram is unique)
            anchors: list[tuple[int, int]] = []
            for i, j in chain:
                for step in range(size):
                    if not anchors or (i + step > anchors[-1][0] and j + step > anchors[-1][1]):
                        anchors.append((i + step, j + step))
            return anchors
        if (ahi - alo) * (bhi - blo) <= DP_CELLS:
            break  # small enough for the exact alignment
    return []


def _needleman_wunsch(
    a: Sequence[str],
    alo: int,
    ahi: int,
    b: Sequence[str],
    blo: int,
    bhi: int,
    match: list[int],
    quality: list[float],
) -> None:
    """Needleman–Wunsch on a small range; matched and near-matched words are recorded."""
    n, m = ahi - alo, bhi - blo
    gap = -1
    score = [[0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 0 diag, 1 up (skip a), 2 left (skip b)
    for i in range(1, n + 1):
        score[i][0] = i * gap
        move[i][0] = 1
    for j in range(1, m + 1):
        score[0][j] = j * gap
        move[0][j] = 2
    for i in range(1, n + 1):
        word = a[alo + i - 1]
        row, above = score[i], score[i - 1]
        moves = move[i]
        for j in range(1, m + 1):
            other = b[blo + j - 1]
            if word == other:
                pair = 2
            elif _similar(word, other):
                pair = 1
            else:
                pair = -1
            best, how = above[j - 1] + pair, 0
            if above[j] + gap > best:
                best, how = above[j] + gap, 1
            if row[j - 1] + gap > best:
                best, how = row[j - 1] + gap, 2
            row[j] = best
            moves[j] = how
    i, j = n, m
    while i > 0 and j > 0:
        how = move[i][j]
        if how == 0:
            word, other = a[alo + i - 1], b[blo + j - 1]
            if word == other:
                match[alo + i - 1], quality[alo + i - 1] = blo + j - 1, 1.0
            elif _similar(word, other):
                match[alo + i - 1], quality[alo + i - 1] = blo + j - 1, 0.75
            i, j = i - 1, j - 1
        elif how == 1:
            i -= 1
        else:
            j -= 1


def align_words(a: Sequence[str], b: Sequence[str]) -> tuple[list[int], list[float]]:
    """Align word lists *a* and *b*: for each word of *a*, the index of its word in *b*
    (``-1`` if none) and the quality of the match (1 same word, 0.75 near, 0 none)."""
    match = [-1] * len(a)
    quality = [0.0] * len(a)
    stack = [(0, len(a), 0, len(b))]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            match[alo], quality[alo] = blo, 1.0
            alo, blo = alo + 1, blo + 1
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            match[ahi - 1], quality[ahi - 1] = bhi - 1, 1.0
            ahi, bhi = ahi - 1, bhi - 1
        if alo >= ahi or blo >= bhi:
            continue
        anchors = _anchors(a, alo, ahi, b, blo, bhi)
        if anchors:
            previous_a, previous_b = alo, blo
            for i, j in anchors:
                match[i], quality[i] = j, 1.0
                stack.append((previous_a, i, previous_b, j))
                previous_a, previous_b = i + 1, j + 1
            stack.append((previous_a, ahi, previous_b, bhi))
        elif (ahi - alo) * (bhi - blo) <= DP_CELLS:
            _needleman_wunsch(a, alo, ahi, b, blo, bhi, match, quality)
        else:  # long and without a single shared rare word: split in proportion
            amid = (alo + ahi) // 2
            bmid = blo + round((bhi - blo) * (amid - alo) / (ahi - alo))
            stack.append((alo, amid, blo, bmid))
            stack.append((amid, ahi, bmid, bhi))
    return match, quality
