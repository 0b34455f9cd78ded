"""What every importer gives back: the page, the speakers it names, and notes for the user."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Imported", "Note", "Options"]


@dataclass(frozen=True)
class Note:
    """Something the user should know about a conversion, at a line of the source."""

    line: int
    message: str
    level: Literal["info", "warning"] = "info"


@dataclass(frozen=True)
class Options:
    """How to convert (from the command line)."""

    speakers: dict[str, str] = field(default_factory=dict)
    """Renames: ``SPEAKER_00`` → ``Ada Example``."""
    default_speaker: str = ""
    """The speaker of cues that name nobody."""
    hosts: tuple[str, ...] = ()
    """Names of the hosts: they become ``:hosts:``, everyone else ``:guests:``."""
    title: str = ""
    whole_seconds: bool = False
    """Write ``[01:12]`` instead of ``[01:12.480]``."""


@dataclass
class Imported:
    """One converted page."""

    text: str
    fmt: str
    speakers: list[str] = field(default_factory=list)
    """The names of the people who speak, in order of their first turn."""
    turns: int = 0
    timed: int = 0
    notes: list[Note] = field(default_factory=list)
    chapters: tuple[int, int] = (0, 0)
    """Chapter times of a hand-written list: (set on sections, kept as chapters of their own)."""
    kept: list[str] = field(default_factory=list)
    """What was kept as written, briefly (``the Outline list``, ``HTML <sup>``)."""
    date: str = ""
    """The episode's date, ``YYYY-MM-DD`` ("" when the source gives none)."""
