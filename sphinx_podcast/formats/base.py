"""What every transcript format shares: cues, transcripts, chapters, errors, speaker names.

Clock times are in :mod:`.clock`, estimated times in :mod:`.cue_times`, line wrapping
in :mod:`.wrapping`. Pure Python, no Sphinx.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..inputs import strip_controls

__all__ = [
    "Chapter",
    "Cue",
    "FormatError",
    "Transcript",
    "join_texts",
    "map_speaker",
    "speaker_name",
    "strip_control_characters",
]


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
    """The cues of a transcript file as read (one per caption or segment, not yet merged
    into turns) and its language, when the file says it."""

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


def speaker_name(speaker: str, speakers_by_key: Mapping[str, str] | None) -> str:
    """The name the writers show for a cue's *speaker*: *speakers_by_key*'s name when the
    cue holds a key, else the speaker as written."""
    if speakers_by_key and speaker in speakers_by_key:
        return speakers_by_key[speaker]
    return speaker


def map_speaker(label: str, speakers: Mapping[str, str] | None) -> str:
    """A diarization label (``SPEAKER_00``) as the name *speakers* gives it."""
    label = label.strip()
    if speakers and label in speakers:
        return speakers[label]
    return label
