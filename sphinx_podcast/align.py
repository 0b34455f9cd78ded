"""Timing an untimed transcript from captions: a word-level sequence alignment.

The transcript (MyST, Markdown or reStructuredText with ``**Name**:`` turns or
``turn`` directives) and the captions (WebVTT, SRT, SBV, …) say the same
thing with different words here and there (speech recognition errors, edits,
fillers) and different line breaks. Both are cut into normalized words and
aligned:

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
Each turn then takes the time of the caption word aligned to its first word;
if that word is not matched, the time is interpolated from the nearest
matched words, and the turn's confidence says so.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from .formats import Cue
from .grammar import Label, bold_prefix, is_editorial, read_bold_line
from .model import TimeFormatError, parse_time, time_text

__all__ = [
    "AlignResult",
    "TurnTiming",
    "align",
    "align_words",
    "caption_words",
    "find_turns",
    "words_of",
]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ROLE = re.compile(r"\{[\w:-]+\}`([^`]*)`")
_TAG = re.compile(r"<[^<>]*>")
_CAPTION_NOISE = re.compile(r"\[[^\]]*\]|\([^)]*\)|♪")
_MYST_TURN = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?:podcast:)?turn\}[ \t]+(?P<args>.*?)[ \t]*$")
_RST_TURN = re.compile(
    r"^(?P<indent>[ \t]*)\.\.[ \t]+(?:podcast:)?turn::[ \t]+(?P<args>.*?)[ \t]*$"
)
_FENCE = re.compile(r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,}|:{3,})")
_HEADING = re.compile(r"^#{1,6}(?:[ \t]|$)")
_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+<>:.])\1{2,}[ \t]*$")
_RST_DIRECTIVE = re.compile(r"^[ \t]*\.\.[ \t]+\S")
_TIME_ARG = re.compile(r"^[\[(]?\d[\d:.]*[\])]?$")

#: Largest range (words × words) aligned by dynamic programming at once.
DP_CELLS = 250_000
#: How many words at a turn's start may be unmatched before its time is interpolated.
LEAD_WORDS = 8

Confidence = Literal["first-word", "near", "interpolated", "none", "kept"]


def words_of(text: str) -> list[str]:
    """The normalized words of *text*: no markup, case, accents or punctuation."""
    text = _ROLE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return [word.replace("'", "").replace("’", "") for word in _WORD.findall(plain)]


# -- the transcript ------------------------------------------------------------------


@dataclass
class TurnTiming:
    """One turn of the transcript and what alignment found for it."""

    line: int
    """0-based index of the line that starts the turn."""
    name: str
    kind: Literal["bold", "bold-inside", "myst", "rst"]
    time: str = ""
    """The time written in the transcript (``""`` if none)."""
    words: list[str] = field(default_factory=list)
    first_word: int = 0
    """Index of the turn's first word among all the transcript's turn words."""
    start: float | None = None
    confidence: Confidence = "none"
    matched: float = 0.0
    """Share of the turn's first words (up to 20) found in the captions."""


def find_turns(text: str) -> tuple[list[str], list[TurnTiming]]:
    """The lines of *text* and its turns (with their words), in order."""
    lines = text.split("\n")
    turns: list[TurnTiming] = []
    current: TurnTiming | None = None
    fence = ""
    in_turn_fence = False
    rst_indent: int | None = None
    index = 0
    if lines and lines[0].rstrip() == "---":  # front matter
        for end in range(1, len(lines)):
            if lines[end].rstrip() in ("---", "..."):
                index = end + 1
                break
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
                if in_turn_fence:
                    current = None
                in_turn_fence = False
            elif in_turn_fence and current is not None and not stripped.startswith(":"):
                current.words.extend(words_of(line))
            index += 1
            continue
        if rst_indent is not None and current is not None:
            indent = len(line) - len(line.lstrip())
            if not stripped or indent > rst_indent:
                if stripped and not re.match(r"^:\w[\w-]*:", stripped):
                    current.words.extend(words_of(line))
                index += 1
                continue
            rst_indent = None
            current = None
        myst = _MYST_TURN.match(line)
        if myst:
            name, time = _split_args(myst["args"])
            current = TurnTiming(index, name, "myst", time)
            turns.append(current)
            fence, in_turn_fence = myst["fence"], True
            index += 1
            continue
        rst = _RST_TURN.match(line)
        if rst:
            name, time = _split_args(rst["args"])
            current = TurnTiming(index, name, "rst", time)
            turns.append(current)
            rst_indent = len(rst["indent"])
            index += 1
            continue
        opener = _FENCE.match(line)
        if opener:
            fence = opener["fence"]
            current = None
            index += 1
            continue
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        if (
            _HEADING.match(line)
            or (
                stripped and _UNDERLINE.match(next_line) and len(next_line.strip()) >= len(stripped)
            )
            or _UNDERLINE.match(line)
            or _RST_DIRECTIVE.match(line)
            or (stripped.startswith("(") and stripped.endswith(")="))
        ):
            current = None
            index += 1
            continue
        previous_blank = index == 0 or not lines[index - 1].strip()
        label = read_bold_line(line) if previous_blank else None
        if isinstance(label, Label) and not is_editorial(label.name):
            kind: Literal["bold", "bold-inside"] = "bold-inside" if label.inside else "bold"
            current = TurnTiming(index, label.name, kind, label.time)
            turns.append(current)
            current.words.extend(words_of(line[label.text_start :]))
            index += 1
            continue
        if label is not None:  # an editor's note, or no turn at all: nobody's words
            current = None
            index += 1
            continue
        if current is not None and current.kind in ("bold", "bold-inside"):
            current.words.extend(words_of(line))
        index += 1
    return lines, turns


def _split_args(args: str) -> tuple[str, str]:
    words = args.split()
    if len(words) > 1 and _TIME_ARG.match(words[-1]):
        return " ".join(words[:-1]), words[-1].strip("[]()")
    return " ".join(words), ""


# -- the captions ------------------------------------------------------------------


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
        found = [(m.start(), m.group(0)) for m in _WORD.finditer(text)]
        length = max(len(text), 1)
        for offset, raw in found:
            normalized = words_of(raw)
            for word in normalized:
                words.append(word)
                times.append(start + (end - start) * offset / length)
    return words, times


# -- the alignment -----------------------------------------------------------------


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


def _dp(
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
            _dp(a, alo, ahi, b, blo, bhi, match, quality)
        else:  # long and without a single shared rare word: split in proportion
            amid = (alo + ahi) // 2
            bmid = blo + round((bhi - blo) * (amid - alo) / (ahi - alo))
            stack.append((alo, amid, blo, bmid))
            stack.append((amid, ahi, bmid, bhi))
    return match, quality


# -- timing the turns ----------------------------------------------------------------


@dataclass
class AlignResult:
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
        lines[turn.line] = _with_time(lines[turn.line], turn, time_text(turn.start, whole=whole))
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


def _with_time(line: str, turn: TurnTiming, shown: str) -> str:
    """*line* with its turn's time set to *shown*, in the syntax the line uses."""
    if turn.kind in ("bold", "bold-inside"):
        label = read_bold_line(line)
        assert isinstance(label, Label)
        return bold_prefix(label.name, shown, inside=label.inside) + line[label.end :]
    if turn.kind == "myst":
        myst = _MYST_TURN.match(line)
        assert myst is not None
        name, _old = _split_args(myst["args"])
        return f"{line[: myst.start('args')]}{name} {shown}"
    rst = _RST_TURN.match(line)
    assert rst is not None
    name, _old = _split_args(rst["args"])
    return f"{line[: rst.start('args')]}{name} {shown}"
