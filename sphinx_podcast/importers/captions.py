"""Caption and speech-to-text files (WebVTT, SRT, SBV, Whisper, WhisperX, podcast JSON) → a page."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import PurePath

from ..formats import Chapter, Cue, Transcript
from .base import Imported, Note, Options
from .myst import directive, escape_inline, time_text, turn_line
from .speakers import SpeakerFile

__all__ = ["UNNAMED", "convert_transcript", "group_unnamed", "page_title", "turns_of"]

#: The name given to cues that name nobody, when no ``--speaker NAME`` says who speaks.
UNNAMED = "Speaker"
#: Speaker-less cues are grouped into turns at pauses this long (seconds) …
_PAUSE = 2.0
#: … or once a turn is this long (characters) and a sentence ends …
_TURN_CHARS = 600
#: … or, when nothing else cuts it (no pause, no punctuation), before it grows longer.
_MAX_TURN_CHARS = 1500
_DATE_IN_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})[-_ ](?P<rest>.+)$")


def page_title(filename: str) -> str:
    """A title from a file name: ``2025-05-01-tide-tables.vtt`` → ``Tide tables``."""
    stem = PurePath(filename).name.split(".")[0]
    match = _DATE_IN_NAME.match(stem)
    words = (match["rest"] if match else stem).replace("-", " ").replace("_", " ").split()
    title = " ".join(words) or "Episode"
    return title[:1].upper() + title[1:]


def file_date(filename: str) -> str:
    match = _DATE_IN_NAME.match(PurePath(filename).name)
    if not match:
        return ""
    try:
        return dt.date.fromisoformat(match["date"]).isoformat()
    except ValueError:
        return ""


def group_unnamed(cues: Sequence[Cue]) -> list[Cue]:
    """Cues of one unnamed voice as turns: a new turn at a pause, after a long stretch
    that ends a sentence, and at :data:`_MAX_TURN_CHARS` when nothing else cuts it
    (auto-captions have neither punctuation nor pauses). Linear: each turn's words are
    joined once, at its end."""
    turns: list[Cue] = []
    words: list[list[str]] = []
    length = 0  # of the current turn's text, spaces included
    for cue in cues:
        text = " ".join(cue.text.split())
        if not text:
            continue
        last = turns[-1] if turns else None
        pause = (
            last is not None
            and last.end is not None
            and cue.start is not None
            and cue.start - last.end >= _PAUSE
        )
        sentence_end = bool(words) and words[-1][-1].endswith((".", "?", "!", "…"))
        long_enough = length >= _TURN_CHARS and sentence_end
        too_long = length + 1 + len(text) > _MAX_TURN_CHARS
        if last is None or pause or long_enough or too_long or cue.starts_turn:
            turns.append(replace(cue, text=text))
            words.append([text])
            length = len(text)
            continue
        words[-1].append(text)
        length += 1 + len(text)
        if cue.end is not None:
            last.end = cue.end
    for turn, parts in zip(turns, words, strict=True):
        if len(parts) > 1:
            turn.text = " ".join(parts)
    return turns


def turns_of(transcript: Transcript, default_speaker: str | None = "") -> tuple[list[Cue], int]:
    """(turns, number of cues without a speaker) of *transcript*.

    Named cues merge as :meth:`Transcript.merged` does; cues that name nobody are
    cut at pauses into turns of *default_speaker* (:data:`UNNAMED` when empty;
    with ``None`` they keep no speaker).
    """
    unnamed = sum(1 for cue in transcript.cues if not cue.speaker.strip())
    if not unnamed:
        return transcript.merged(), 0
    name = UNNAMED if default_speaker == "" else default_speaker or ""
    turns: list[Cue] = []
    run: list[Cue] = []
    for cue in [*transcript.cues, None]:
        named = cue is not None and bool(cue.speaker.strip())
        if run and (cue is None or named != bool(run[0].speaker.strip())):
            if run[0].speaker.strip():
                turns.extend(Transcript(run).merged())
            else:
                turns.extend(replace(c, speaker=name) for c in group_unnamed(run))
            run = []
        if cue is not None:
            run.append(cue)
    return turns, unnamed


def convert_transcript(
    transcript: Transcript,
    filename: str,
    fmt: str,
    options: Options,
    speakers: SpeakerFile,
    chapters: Sequence[Chapter] = (),
) -> Imported:
    """A MyST episode page for *transcript*; *speakers* learns the names it finds."""
    notes: list[Note] = []
    if options.default_speaker:
        cues = [
            cue if cue.speaker.strip() else replace(cue, speaker=options.default_speaker)
            for cue in transcript.cues
        ]
        transcript = Transcript(cues, transcript.language)
    turns, unnamed = turns_of(transcript, options.default_speaker)
    turns = [turn for turn in turns if turn.text.strip()]
    if unnamed:
        notes.append(
            Note(
                0,
                f"{unnamed} cues name no speaker: their turns are given to {UNNAMED!r}; "
                'say who speaks with --speaker "Ada Example" (or LABEL=NAME)',
                "warning",
            )
        )

    names: list[str] = []
    seen: set[str] = set()
    for turn in turns:
        if turn.speaker not in seen:
            seen.add(turn.speaker)
            names.append(turn.speaker)
    for name in names:
        speakers.add(name)

    ends = [t for cue in transcript.cues for t in (cue.end, cue.start) if t is not None]
    duration = max(ends, default=0.0)
    keys = {name: (found.key if (found := speakers.find(name)) else name) for name in names}
    hosts = {h.casefold() for h in options.hosts}
    host_keys = [keys[n] for n in names if n.casefold() in hosts]
    episode_options = [
        ("date", file_date(filename)),
        ("duration", time_text(duration, whole=True) if duration >= 1 else ""),
    ]
    if fmt in ("whisper", "whisperx"):  # podcast:txt purpose="ai-content" in the feed
        episode_options.append(("ai-content", "yes"))
    if host_keys:
        episode_options.append(("hosts", ", ".join(host_keys)))
        episode_options.append(
            ("guests", ", ".join(keys[n] for n in names if keys[n] not in host_keys))
        )

    title = options.title or page_title(filename)
    parts = [f"# {escape_inline(title)}", directive("episode", "", episode_options)]
    usable = [c for c in chapters if c.title.strip()]
    if usable:
        parts.append(directive("outline"))
    pending = list(usable)
    timed = 0
    for turn in turns:
        while pending and turn.start is not None and turn.start >= pending[0].start:
            parts.append(f"## {escape_inline(pending.pop(0).title)}")
        parts.append(turn_line(turn.speaker, turn.start, turn.text, whole=options.whole_seconds))
        timed += turn.start is not None
    for chapter in pending:
        notes.append(
            Note(
                0,
                f"chapter {chapter.title!r} at {time_text(chapter.start)} starts after the "
                "last turn; it has no section",
                "warning",
            )
        )
    if usable:
        notes.append(Note(0, f"{len(usable) - len(pending)} chapters became sections"))
    if transcript.language:
        notes.append(
            Note(0, f"language {transcript.language!r}: set `language` in conf.py to match")
        )
    return Imported(
        text="\n\n".join(parts) + "\n",
        fmt=fmt,
        speakers=names,
        turns=len(turns),
        timed=timed,
        notes=notes,
        date=dict(episode_options).get("date", ""),
    )
