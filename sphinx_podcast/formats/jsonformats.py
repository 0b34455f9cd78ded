"""The JSON formats: Whisper, WhisperX, podcast-namespace transcripts and chapters (v1.2)."""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..inputs import MAX_JSON_DEPTH, MAX_SECONDS, shorten
from .base import Chapter, Cue, FormatError, Transcript, map_speaker, speaker_name
from .clock import seconds_value, to_ms
from .cue_times import timed_cues

PODCAST_JSON_VERSION = "1.0.0"
#: The value of ``"segmentation"`` in a file of one segment per speaker turn.
TURN_SEGMENTS = "turns"
CHAPTERS_VERSION = "1.2.0"


# A string (with its escapes) or a bracket: what nesting is counted from.
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _check_depth(text: str, filename: str) -> None:
    """Refuse JSON nested more than MAX_JSON_DEPTH levels (before the parser recurses)."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return  # cannot be that deep: the usual small file costs nothing
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group(0)
        if token in ("[", "{"):
            depth += 1
            if depth > MAX_JSON_DEPTH:
                line = text.count("\n", 0, match.start()) + 1
                raise FormatError(
                    f"JSON nested more than {MAX_JSON_DEPTH} levels deep", filename, line
                )
        elif token in ("]", "}"):
            depth -= 1


def load_json(text: str, filename: str = "") -> Any:
    """Parse JSON; a :class:`FormatError` (with the line) for bad or too deeply nested JSON."""
    text = text.lstrip("\ufeff")
    _check_depth(text, filename)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(f"not valid JSON: {error.msg}", filename, error.lineno) from None
    except RecursionError:  # not reached after the depth check; kept as a last guard
        raise FormatError("JSON nested too deeply", filename) from None


def _number(value: Any, what: str, filename: str, *, optional: bool = False) -> float | None:
    if value is None and optional:
        return None
    # an int is compared as it is: float() of a JSON number of 400 digits overflows
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (isinstance(value, float) and not math.isfinite(value))
    ):
        raise FormatError(
            f"{what} must be a number of seconds, got {shorten(repr(value))}", filename
        )
    if value < 0:
        raise FormatError(f"{what} must not be negative, got {shorten(repr(value))}", filename)
    if value >= MAX_SECONDS:
        raise FormatError(
            f"{what} {shorten(repr(value))} is too large: times are under "
            f"{MAX_SECONDS // 3600:,} hours",
            filename,
        )
    return float(value)


def _text(value: Any, what: str, filename: str) -> str:
    if not isinstance(value, str):
        raise FormatError(f"{what} must be a string, got {type(value).__name__}", filename)
    return value


def _segments(data: Any, filename: str) -> list[Any]:
    if not isinstance(data, dict) or not isinstance(data.get("segments"), list):
        raise FormatError("expected a JSON object with a list of 'segments'", filename)
    segments = data["segments"]
    for index, segment in enumerate(segments):
        if not isinstance(segment, dict):
            raise FormatError(f"segment {index + 1} is not an object", filename)
    return segments


# -- Whisper and WhisperX -------------------------------------------------------------


def _join_words(words: list[str]) -> str:
    # Whisper's words carry their leading space (" Hello"); WhisperX's do not ("Hello").
    if any(w[:1].isspace() for w in words):
        return "".join(words).strip()
    return " ".join(w.strip() for w in words)


def _split_by_word_speaker(
    segment: dict[str, Any], start: float, end: float, where: str, filename: str
) -> list[tuple[float, float, str, str]] | None:
    """A WhisperX segment whose words name more than one speaker, cut at each change."""
    words = segment.get("words")
    if not isinstance(words, list) or not words:
        return None
    labels = {w.get("speaker") for w in words if isinstance(w, dict) and w.get("speaker")}
    if len(labels) < 2 and segment.get("speaker"):
        return None
    if not labels:
        return None
    runs: list[tuple[float, float, str, list[str]]] = []
    position = start
    for number, word in enumerate(words, start=1):
        if not isinstance(word, dict):
            raise FormatError(f"{where}, word {number} is not an object", filename)
        text = _text(word.get("word", ""), f"{where}, word {number}: 'word'", filename)
        word_start = _number(
            word.get("start"), f"{where}, word {number}: 'start'", filename, optional=True
        )
        word_end = _number(
            word.get("end"), f"{where}, word {number}: 'end'", filename, optional=True
        )
        label = word.get("speaker") or (runs[-1][2] if runs else segment.get("speaker", ""))
        if word_start is None:  # WhisperX gives numbers no times
            word_start = position
        position = word_end if word_end is not None else word_start
        if runs and runs[-1][2] == label:
            first, _last, _label, texts = runs[-1]
            texts.append(text)
            runs[-1] = (first, position, label, texts)
        else:
            runs.append((word_start, position, label, [text]))
    result = [(s, max(e, s), label, _join_words(texts)) for s, e, label, texts in runs]
    if result:
        result[-1] = (result[-1][0], max(end, result[-1][0]), result[-1][2], result[-1][3])
    return result


def read_whisper(
    text: str,
    *,
    filename: str = "",
    speakers: Mapping[str, str] | None = None,
    data: Any = None,
) -> Transcript:
    """Whisper's JSON (``segments`` of ``start``, ``end``, ``text``) and WhisperX's (the
    same, with ``speaker`` on segments or words: a segment is cut where its words'
    speaker changes)."""
    if data is None:
        data = load_json(text, filename)
    cues: list[Cue] = []
    for index, segment in enumerate(_segments(data, filename), start=1):
        where = f"segment {index}"
        start = _number(segment.get("start"), f"{where}: 'start'", filename)
        end = _number(segment.get("end"), f"{where}: 'end'", filename)
        assert start is not None and end is not None
        if end < start:
            raise FormatError(f"{where} ends ({end}) before it starts ({start})", filename)
        body = _text(segment.get("text", ""), f"{where}: 'text'", filename).strip()
        runs = _split_by_word_speaker(segment, start, end, where, filename)
        if runs is not None:
            for run_start, run_end, label, run_text in runs:
                speaker = map_speaker(str(label or ""), speakers) if label else ""
                cues.append(Cue(run_start, run_end, speaker, run_text))
            continue
        label = segment.get("speaker")
        if label is not None and not isinstance(label, str):
            raise FormatError(f"{where}: 'speaker' must be a string", filename)
        cues.append(Cue(start, end, map_speaker(label, speakers) if label else "", body))
    language = data.get("language") if isinstance(data.get("language"), str) else ""
    return Transcript(cues, language or "")


# -- podcast namespace -------------------------------------------------------------


def read_podcast_json(
    text: str,
    *,
    filename: str = "",
    speakers: Mapping[str, str] | None = None,
    data: Any = None,
) -> Transcript:
    """``{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}``."""
    if data is None:
        data = load_json(text, filename)
    cues: list[Cue] = []
    # a file of one segment per turn (ours): consecutive segments are never joined
    by_turn = isinstance(data, dict) and data.get("segmentation") == TURN_SEGMENTS
    for index, segment in enumerate(_segments(data, filename), start=1):
        where = f"segment {index}"
        start = _number(segment.get("startTime"), f"{where}: 'startTime'", filename)
        end = _number(segment.get("endTime"), f"{where}: 'endTime'", filename, optional=True)
        if start is not None and end is not None and end < start:
            raise FormatError(f"{where} ends ({end}) before it starts ({start})", filename)
        body = _text(segment.get("body", ""), f"{where}: 'body'", filename)
        label = segment.get("speaker", "")
        if not isinstance(label, str):
            raise FormatError(f"{where}: 'speaker' must be a string", filename)
        speaker = map_speaker(label, speakers) if label else ""
        cues.append(Cue(start, end, speaker, body.strip(), starts_turn=by_turn))
    language = data.get("language") if isinstance(data.get("language"), str) else ""
    return Transcript(cues, language or "")


def to_podcast_json(
    cues: Sequence[Cue],
    *,
    speakers_by_key: Mapping[str, str] | None = None,
    total: float | None = None,
    language: str = "",
    timed: Sequence[tuple[Cue, int, int, int]] | None = None,
) -> str:
    """The podcast namespace's JSON transcript: one segment per cue (a turn), times in
    seconds. ``"segmentation": "turns"`` says so (the namespace does not define it;
    readers ignore it): read back, two turns of one speaker stay two turns.

    *timed* is what :func:`~sphinx_podcast.formats.timed_cues` gives for *cues* and
    *total*, when the caller has it already (the exports time a page once for VTT, SRT
    and JSON).
    """
    if timed is None:
        timed = timed_cues(cues, total)
    # What json.dumps(document, ensure_ascii=False, indent=2) writes, built here from
    # json's own C string encoder: with an indent, json encodes in pure Python, and a
    # site writes this file for every episode on every build. (Times are whole numbers
    # or finite floats: their repr is their JSON.)
    speaker_line = functools.cache(lambda key: _speaker_line(speaker_name(key, speakers_by_key)))
    segments = []
    for cue, start, end, _limit in timed:
        segments.append(
            f"    {{\n{speaker_line(cue.speaker)}"
            f'      "startTime": {seconds_value(start)!r},\n'
            f'      "endTime": {seconds_value(end)!r},\n'
            f'      "body": {_json_string(" ".join(cue.text.split()))}\n    }}'
        )
    head = [f'  "version": {_json_string(PODCAST_JSON_VERSION)}']
    if language:
        head.append(f'  "language": {_json_string(language)}')
    head.append(f'  "segmentation": {_json_string(TURN_SEGMENTS)}')
    if segments:
        head.append('  "segments": [\n' + ",\n".join(segments) + "\n  ]")
    else:
        head.append('  "segments": []')
    return "{\n" + ",\n".join(head) + "\n}\n"


_json_string = json.encoder.encode_basestring  # the encoder of ensure_ascii=False


def _speaker_line(name: str) -> str:
    """A segment's ``"speaker"`` line (none for no name)."""
    name = " ".join(name.split())
    return f'      "speaker": {_json_string(name)},\n' if name else ""


# -- chapters ------------------------------------------------------------------------


def read_chapters(text: str, *, filename: str = "", data: Any = None) -> list[Chapter]:
    """Chapters JSON (v1.2): ``{"version", "chapters": [{"startTime", "title", …}]}``,
    sorted by start."""
    if data is None:
        data = load_json(text, filename)
    if not isinstance(data, dict) or not isinstance(data.get("chapters"), list):
        raise FormatError("expected a JSON object with a list of 'chapters'", filename)
    chapters = []
    for index, item in enumerate(data["chapters"], start=1):
        where = f"chapter {index}"
        if not isinstance(item, dict):
            raise FormatError(f"{where} is not an object", filename)
        start = _number(item.get("startTime"), f"{where}: 'startTime'", filename)
        end = _number(item.get("endTime"), f"{where}: 'endTime'", filename, optional=True)
        assert start is not None
        title = _text(item.get("title", ""), f"{where}: 'title'", filename)
        url = _text(item.get("url", ""), f"{where}: 'url'", filename)
        img = _text(item.get("img", ""), f"{where}: 'img'", filename)
        chapters.append(Chapter(start, title, end, url, img))
    return sorted(chapters, key=lambda c: c.start)


def chapters_to_json(chapters: Sequence[Chapter]) -> str:
    """Chapters JSON v1.2.0, ascending by start."""
    items = []
    for chapter in sorted(chapters, key=lambda c: c.start):
        item: dict[str, Any] = {
            "startTime": seconds_value(to_ms(chapter.start)),
            "title": " ".join(chapter.title.split()),
        }
        if chapter.end is not None and chapter.end > chapter.start:
            item["endTime"] = seconds_value(to_ms(chapter.end))
        if chapter.url:
            item["url"] = chapter.url
        if chapter.img:
            item["img"] = chapter.img
        items.append(item)
    document = {"version": CHAPTERS_VERSION, "chapters": items}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
