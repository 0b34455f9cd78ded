"""Transcript and chapter formats: readers and writers, without Sphinx.

One module serves the per-episode exports, the ``transcript`` directive and the
``sphinx-podcast`` command line::

    from sphinx_podcast import formats

    transcript = formats.read(text, filename="talk.vtt", speakers={"SPEAKER_00": "Ada"})
    turns = transcript.merged()
    vtt = formats.to_vtt(turns)

Readers: WebVTT (webvtt-py, strict), SRT (``srt``), YouTube SBV, Whisper and
WhisperX JSON, podcast-namespace JSON, chapters JSON. Writers: WebVTT (our own,
which escapes), SRT, podcast-namespace JSON, plain text, HTML, chapters JSON. Every
problem with the input is a :class:`FormatError` naming file and line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import format_time
from .base import Chapter, Cue, FormatError, Transcript, speaker_name, strip_control_characters
from .clock import format_clock, parse_clock
from .cue_times import fill_times, timed_cues
from .htmltranscript import to_html
from .jsonformats import (
    chapters_to_json,
    load_json,
    read_chapters,
    read_podcast_json,
    read_whisper,
    to_podcast_json,
)
from .subrip import read_sbv, read_srt, to_srt
from .vtt import read_vtt, to_vtt

__all__ = [
    "FORMATS",
    "Chapter",
    "Cue",
    "FormatError",
    "Transcript",
    "chapters_to_json",
    "detect",
    "fill_times",
    "format_clock",
    "parse_clock",
    "read",
    "read_chapters",
    "strip_control_characters",
    "timed_cues",
    "to_html",
    "to_podcast_json",
    "to_srt",
    "to_text",
    "to_vtt",
]

#: Every name :func:`detect` returns.
FORMATS = ("vtt", "srt", "sbv", "whisper", "whisperx", "podcast-json", "chapters", "markdown")
#: The transcript formats :func:`read` reads.
READABLE = ("vtt", "srt", "sbv", "whisper", "whisperx", "podcast-json")

_EXTENSIONS = {
    ".vtt": "vtt",
    ".srt": "srt",
    ".sbv": "sbv",
    ".md": "markdown",
    ".markdown": "markdown",
}
_SRT_TIMING = re.compile(r"^\s*\d+:\d+:\d+,\d+\s*-->", re.M | re.ASCII)
_VTT_TIMING = re.compile(r"^\s*(?:\d+:)?\d+:\d+\.\d+\s*-->", re.M | re.ASCII)
_SBV_TIMING = re.compile(r"^\s*\d+:\d+:\d+\.\d+,\d+:\d+:\d+\.\d+\s*$", re.M | re.ASCII)
_MARKDOWN = re.compile(
    r"^(?:---\s*$|#{1,6}\s+\S|\*\*[^*\n]+\*\*\s*(?:[\[(][^\])\n]*[\])])?\s*:|\*\*[^*\n]+:\*\*)",
    re.M,
)


def _extension(filename: str) -> str:
    name = filename.lower()
    if name.endswith(".chapters.json"):
        return "chapters"
    dot = name.rfind(".")
    return _EXTENSIONS.get(name[dot:], "") if dot >= 0 else ""


def _detect_json(data: Any, filename: str) -> str:
    if isinstance(data, dict):
        if isinstance(data.get("chapters"), list):
            return "chapters"
        segments = data.get("segments")
        if isinstance(segments, list):
            dicts = [s for s in segments if isinstance(s, dict)]
            if any("startTime" in s or "body" in s for s in dicts) or (
                not dicts and "version" in data
            ):
                return "podcast-json"
            if any("speaker" in s for s in dicts) or "word_segments" in data:
                return "whisperx"
            for segment in dicts:
                words = segment.get("words")
                if isinstance(words, list) and any(
                    isinstance(w, dict) and "speaker" in w for w in words
                ):
                    return "whisperx"
            return "whisper"
    raise FormatError(
        "JSON, but not a transcript (Whisper, WhisperX, podcast namespace) nor chapters",
        filename,
    )


def detect(text: str, filename: str = "") -> str:
    """The format of *text*: one of :data:`FORMATS`, from the content (the file name's
    extension only breaks ties). :class:`FormatError` if nothing fits."""
    body = text.lstrip("\ufeff")
    stripped = body.lstrip()
    if not stripped:
        raise FormatError("empty file", filename)
    extension = _extension(filename)
    if body.startswith("WEBVTT"):
        return "vtt"
    if stripped[:1] in "{[":
        try:
            data = load_json(stripped, filename)
        except FormatError:
            if extension in ("", "chapters") or filename.lower().endswith(".json"):
                raise
        else:
            return _detect_json(data, filename)
    if _SBV_TIMING.search(body):
        return "sbv"
    has_srt, has_vtt = bool(_SRT_TIMING.search(body)), bool(_VTT_TIMING.search(body))
    if has_srt or has_vtt:
        if has_srt and has_vtt and extension in ("srt", "vtt"):
            return extension
        # Cues without a WEBVTT line are read as WebVTT, which then says what is missing.
        return "srt" if has_srt else "vtt"
    if extension == "markdown" or _MARKDOWN.search(body):
        return "markdown"
    if extension in ("vtt", "srt", "sbv"):
        return extension  # its reader says what is wrong
    raise FormatError(
        "unknown format: not WebVTT, SRT, SBV, Whisper/WhisperX JSON, "
        "podcast-namespace JSON, chapters JSON nor Markdown",
        filename,
    )


def read(
    text: str,
    fmt: str | None = None,
    *,
    filename: str = "",
    speakers: Mapping[str, str] | None = None,
) -> Transcript:
    """Read a transcript in *fmt* (detected when ``None``).

    *speakers* maps labels as written (``SPEAKER_00``, a voice name) to speaker
    names. Markdown is not read here (the command line imports Markdown pages).
    """
    fmt = fmt or detect(text, filename)
    try:
        if fmt == "vtt":
            return read_vtt(text, filename=filename, speakers=speakers)
        if fmt == "srt":
            return read_srt(text, filename=filename, speakers=speakers)
        if fmt == "sbv":
            return read_sbv(text, filename=filename, speakers=speakers)
        if fmt in ("whisper", "whisperx"):
            return read_whisper(text, filename=filename, speakers=speakers)
        if fmt == "podcast-json":
            return read_podcast_json(text, filename=filename, speakers=speakers)
    except FormatError as error:
        raise error.located(filename) from None
    if fmt == "markdown":
        raise FormatError("Markdown is not a transcript file format read here", filename)
    if fmt == "chapters":
        raise FormatError("a chapters file, not a transcript (use read_chapters)", filename)
    raise FormatError(f"unknown format {fmt!r} (known: {', '.join(READABLE)})", filename)


def to_text(
    cues: Sequence[Cue],
    *,
    speakers_by_key: Mapping[str, str] | None = None,
) -> str:
    """Plain text: one paragraph per cue, ``Name [MM:SS]: text`` (parts only when known);
    the lines of a cue's text (its blocks: paragraphs, list items …) stay lines."""
    paragraphs = []
    name_of = functools.cache(lambda key: " ".join(speaker_name(key, speakers_by_key).split()))
    for cue in cues:
        lines = [" ".join(line.split()) for line in cue.text.splitlines()]
        body = "\n".join([line for line in lines if line])
        if not body:
            continue
        name = name_of(cue.speaker)  # made once a file for each speaker
        time = f"[{format_time(cue.start)}]" if cue.start is not None else ""
        label = " ".join(part for part in (name, time) if part)
        if name:
            label += ":"
        paragraphs.append(f"{label} {body}" if label else body)
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""
