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

from .inputs import MAX_SECONDS, MAX_TIME_DIGITS, shorten

__all__ = [
    "Episode",
    "Soundbite",
    "Speaker",
    "TimeFormatError",
    "TimeRangeError",
    "format_seconds_attr",
    "format_time",
    "normalize_name",
    "parse_date",
    "parse_time",
]


class TimeFormatError(ValueError):
    """A timestamp that is not ``SS``, ``MM:SS`` or ``H:MM:SS`` (each with ``.mmm``)."""


class TimeRangeError(TimeFormatError):
    """A timestamp of 1,000 hours or more (:data:`~.inputs.MAX_SECONDS`)."""


# ASCII digits only (``\d`` would take ``٥``), each field at most MAX_TIME_DIGITS long:
# checked before int() and float() see them.
_TIME_RE = re.compile(
    rf"""(?:(?:(?P<h>[0-9]{{1,{MAX_TIME_DIGITS}}}):)?(?P<m>[0-9]{{1,{MAX_TIME_DIGITS}}}):)?"""
    rf"""(?P<s>[0-9]{{1,{MAX_TIME_DIGITS}}})(?:\.(?P<ms>[0-9]{{1,3}}))?"""
)
_LONG_TIME_RE = re.compile(r"(?:[0-9]+:){0,2}[0-9]+(?:\.[0-9]{1,3})?")


def parse_time(text: str) -> float:
    """Parse a timestamp into seconds.

    Accepted: ``SS``, ``MM:SS``, ``H:MM:SS``, each optionally with ``.mmm``.
    A unit below a larger one must stay under 60 (``1:75:00`` is wrong,
    ``75:00`` is 75 minutes). Times are under :data:`~.inputs.MAX_SECONDS`.
    """
    value = text.strip()
    match = _TIME_RE.fullmatch(value)
    if not match:
        if _LONG_TIME_RE.fullmatch(value):
            raise TimeRangeError(_too_large(value))
        raise TimeFormatError(
            f"malformed time {shorten(value)!r}: expected SS, MM:SS or H:MM:SS "
            "(optionally with .mmm)"
        )
    hours = int(match["h"] or 0)
    minutes = int(match["m"] or 0)
    seconds = int(match["s"])
    if match["m"] is not None and seconds >= 60:
        raise TimeFormatError(f"malformed time {shorten(value)!r}: seconds must be below 60")
    if match["h"] is not None and minutes >= 60:
        raise TimeFormatError(f"malformed time {shorten(value)!r}: minutes must be below 60")
    millis = int((match["ms"] or "0").ljust(3, "0"))
    # whole milliseconds, divided once: 1.344 is 1.344, not 1 + 0.344 (1.3439999…)
    total = ((hours * 3600 + minutes * 60 + seconds) * 1000 + millis) / 1000
    if total >= MAX_SECONDS:
        raise TimeRangeError(_too_large(value))
    return total


def _too_large(value: str) -> str:
    return f"time {shorten(value)!r} is too large: times are under {MAX_SECONDS // 3600:,} hours"


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


def iso_duration(seconds: float) -> str:
    """ISO 8601: ``PT48M20S``, ``PT1H2M30S``, ``PT5S``, ``PT1.5S``."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{int(hours)}H" if hours else "", f"{int(minutes)}M" if minutes else ""]
    if secs or not (hours or minutes):
        parts.append(format_seconds_attr(round(secs, 3)) + "S")
    return "PT" + "".join(parts)


def format_seconds_attr(seconds: float) -> str:
    """Seconds as written into ``data-start`` and ``#t=``: ``72`` or ``72.5``."""
    if seconds == int(seconds):
        return str(int(seconds))
    return f"{seconds:.3f}".rstrip("0").rstrip(".")


def parse_date(text: str) -> dt.date | dt.datetime:
    """Parse an ISO 8601 date (``2025-05-01``) or date-time (``2025-05-01T10:00:00+02:00``).

    A ``ValueError`` for anything else, including a date-time whose UTC value
    falls outside the years 1-9999 (``9999-12-31T23:59:59-01:00``): the feed and
    the page header convert to UTC.
    """
    value = text.strip()
    if not value.isascii():
        raise ValueError(f"not an ISO 8601 date: {shorten(value)!r}")
    if "T" not in value and " " not in value:
        return dt.date.fromisoformat(value)
    moment = dt.datetime.fromisoformat(value)
    try:
        if moment.tzinfo is not None:
            moment.astimezone(dt.UTC)
    except OverflowError:
        raise ValueError(f"{value!r} is outside the years 1-9999 in UTC") from None
    return moment


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


#: The values of an episode's ``type`` (``itunes:episodeType``), the default first.
EPISODE_TYPES = ("full", "trailer", "bonus")


@dataclass(frozen=True)
class Episode:
    """One episode page, as the domain keeps it."""

    docname: str
    title: str = ""
    anchor: str = ""
    title_id: str = ""
    """The id of the page's title (where search results and inventories land)."""
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
    type: str = "full"
    """``full``, ``trailer`` or ``bonus`` (``itunes:episodeType``)."""
    ai_content: bool | None = None
    """Whether the transcript came from speech recognition (``podcast:txt
    purpose="ai-content"``); ``None``: as the ``transcript`` directive found it."""


@dataclass(frozen=True)
class Soundbite:
    """A highlight: a quote of an episode and the moment it was said."""

    docname: str
    anchor: str
    """The id of the highlight on its page (``soundbite-1``)."""
    text: str
    speaker: str = ""
    """The speaker as written (the option, else the turn's speaker)."""
    start: float | None = None
    duration: float | None = None
    """Seconds, from the turn times (or the ``duration`` option); None when unknown."""
    tags: tuple[str, ...] = ()
    lineno: int = 0
    placed: str = "block"
    """``block`` (a directive outside the turns), ``turn`` (a directive in a turn) or
    ``mark`` (the role, on a sentence of a turn)."""
