"""One post being converted: its blocks, front matter and the notes for the user.

Each step of the conversion (:mod:`.markup`, :mod:`.outline`, :mod:`.turns`,
:mod:`.links`, :mod:`.episode`) reads and edits a :class:`Post`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..base import Note, Options
from ..speakers import SpeakerFile
from ..textfile import InputError
from .blocks import Block
from .frontmatter import FrontMatter

__all__ = ["Post"]


@dataclass
class Post:
    source: str
    filename: str
    options: Options
    speaker_file: SpeakerFile
    front: FrontMatter = field(default_factory=FrontMatter)
    blocks: list[Block] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    media_ids: dict[str, str] = field(default_factory=dict)
    """Media ids written in player includes (``id="…"``), by provider."""
    outline_anchors: set[str] = field(default_factory=set)
    """The ids of the hand-written outline's heading (back links point there)."""
    outline_replaced: bool = False
    outline_title: str = ""
    chapters: list[int] = field(default_factory=lambda: [0, 0])
    """Chapter times: [set on sections, kept as chapters of their own]."""
    kept: list[str] = field(default_factory=list)
    """What was kept as written, briefly, for the summary of the import."""

    def note(self, line: int, message: str, level: str = "info") -> None:
        """Tell the user something about *line* (0: the whole post)."""
        self.notes.append(Note(line, message, "warning" if level == "warning" else "info"))

    def warn(self, line: int, message: str) -> None:
        self.note(line, message, "warning")

    def error(self, line: int, message: str) -> InputError:
        """The error that stops this post's conversion (the caller raises it)."""
        return InputError(message, self.filename, line)
