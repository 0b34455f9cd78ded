"""Pure data of a podcast: times, speakers, episodes. No Sphinx, no docutils.

Everything here is picklable and comparable, so it can live in the Sphinx
environment and travel between the processes of a parallel build.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "Episode",
    "Speaker",
    "TimeFormatError",
    "format_seconds_attr",
    "format_time",
    "normalize_name",
    "parse_date",
    "parse_time",
]


class TimeFormatError(ValueError):
    """A timestamp that is not ``SS``, ``MM:SS`` or ``H:MM:SS`` (each with ``.mmm``)."""


_TIME_RE = re.compile(
    r"""^(?:(?:(?P<h>\d+):)?(?P<m>\d+):)?(?P<s>\d+)(?:\.(?P<ms>\d{1,3}))?$""",
)


def parse_time(text: str) -> float:
    """Parse a timestamp into seconds.

    Accepted: ``SS``, ``MM:SS``, ``H:MM:SS``, each optionally with ``.mmm``.
    A unit below a larger one must stay under 60 (``1:75:00`` is wrong,
    ``75:00`` is 75 minutes).
    """
    value = text.strip()
    match = _TIME_RE.match(value)
    if not match:
        raise TimeFormatError(
            f"malformed time {text!r}: expected SS, MM:SS or H:MM:SS (optionally with .mmm)"
        )
    hours = int(match["h"] or 0)
    minutes = int(match["m"] or 0)
    seconds = int(match["s"])
    if match["m"] is not None and seconds >= 60:
        raise TimeFormatError(f"malformed time {text!r}: seconds must be below 60")
    if match["h"] is not None and minutes >= 60:
        raise TimeFormatError(f"malformed time {text!r}: minutes must be below 60")
    millis = int((match["ms"] or "0").ljust(3, "0"))
    return hours * 3600 + minutes * 60 + seconds + millis / 1000


def format_time(seconds: float) -> str:
    """Show seconds the way transcripts do: ``MM:SS``, or ``H:MM:SS`` from one hour on."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def time_text(seconds: float, *, whole: bool = False) -> str:
    """A time as authors write it (and :func:`parse_time` reads it back): ``MM:SS`` or
    ``H:MM:SS`` (``.mmm`` added when there are milliseconds, unless *whole*)."""
    millis = round(seconds * 1000)
    whole_seconds, millis = divmod(millis, 1000)
    hours, rest = divmod(whole_seconds, 3600)
    minutes, secs = divmod(rest, 60)
    shown = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
    if millis and not whole:
        shown += f".{millis:03d}"
    return shown


def format_seconds_attr(seconds: float) -> str:
    """Seconds as written into ``data-start`` and ``#t=``: ``72`` or ``72.5``."""
    if seconds == int(seconds):
        return str(int(seconds))
    return f"{seconds:.3f}".rstrip("0").rstrip(".")


def parse_date(text: str) -> dt.date | dt.datetime:
    """Parse an ISO 8601 date (``2025-05-01``) or date-time (``2025-05-01T10:00:00+02:00``)."""
    value = text.strip()
    if "T" in value or " " in value:
        return dt.datetime.fromisoformat(value)
    return dt.date.fromisoformat(value)


@functools.lru_cache(maxsize=4096)
def normalize_name(name: str) -> str:
    """The form under which keys, names and aliases are compared.

    Case, accents and runs of white space do not count: ``Michaël`` and
    ``michael`` are one name.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


@dataclass(frozen=True)
class Speaker:
    """A person who speaks in episodes."""

    key: str
    name: str
    aliases: tuple[str, ...] = ()
    url: str = ""
    avatar: str = ""
    """A path relative to the source directory, or an https URL."""
    role: str = ""
    bio: str = ""
    docname: str = ""
    """The page that holds the speaker's profile ("" when only conf.py declares it)."""
    anchor: str = ""
    lineno: int = 0

    def names(self) -> tuple[str, ...]:
        """Every spelling that refers to this speaker."""
        return (self.key, self.name, *self.aliases)


@dataclass(frozen=True)
class Episode:
    """One episode page, as the domain keeps it."""

    docname: str
    title: str = ""
    anchor: str = ""
    lineno: int = 0
    number: int | None = None
    season: int | None = None
    date: dt.date | dt.datetime | None = None
    duration: float | None = None
    hosts: tuple[str, ...] = ()
    guests: tuple[str, ...] = ()
    youtube: str = ""
    vimeo: str = ""
    spotify: str = ""
    audio: str = ""
    image: str = ""
    category: str = ""
    tags: tuple[str, ...] = ()
    explicit: bool | None = None
    guid: str = ""
    summary: str = ""
