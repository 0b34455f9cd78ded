"""Clock times in transcript files: ``HH:MM:SS.mmm`` read and written, whole milliseconds.

Pure Python, no Sphinx.
"""

from __future__ import annotations

import re

from ..inputs import MAX_SECONDS, MAX_TIME_DIGITS, shorten
from .base import FormatError

__all__ = ["format_clock", "parse_clock", "seconds_value", "to_ms"]

# ASCII digits, each field at most MAX_TIME_DIGITS long (checked before int() sees it)
_CLOCK = re.compile(
    rf"(?:(?P<h>[0-9]{{1,{MAX_TIME_DIGITS}}}):)?(?P<m>[0-9]{{1,{MAX_TIME_DIGITS}}}):"
    rf"(?P<s>[0-9]{{1,{MAX_TIME_DIGITS}}})(?:[.,](?P<ms>[0-9]{{1,{MAX_TIME_DIGITS}}}))?"
)
_LONG_CLOCK = re.compile(r"(?:[0-9]+:)?[0-9]+:[0-9]+(?:[.,][0-9]{1,3})?")


def parse_clock(
    text: str,
    *,
    separator: str = ".",
    filename: str = "",
    line: int | None = None,
    hours: bool = False,
) -> float:
    """``HH:MM:SS.mmm`` (or ``MM:SS.mmm``) to seconds; anything else is a :class:`FormatError`.

    *separator* is the one allowed before the milliseconds; with *hours* the hours
    field is required.
    """
    value = text.strip()
    match = _CLOCK.fullmatch(value)
    if not match and _LONG_CLOCK.fullmatch(value):
        raise _too_large(value, filename, line)
    minutes = seconds = 0
    if match:
        minutes, seconds = int(match["m"]), int(match["s"])
    if (
        not match
        or (hours and match["h"] is None)
        or (
            match["ms"] is not None
            and (value[match.start("ms") - 1] != separator or len(match["ms"]) > 3)
        )
        or seconds > 59
        or (minutes > 59 and match["h"] is not None)
    ):
        raise FormatError(f"malformed time {shorten(value)!r}", filename, line)
    millis = int((match["ms"] or "0").ljust(3, "0"))
    # whole milliseconds, divided once: 1.344 is 1.344, not 1 + 0.344 (1.3439999…)
    total = ((int(match["h"] or 0) * 3600 + minutes * 60 + seconds) * 1000 + millis) / 1000
    if total >= MAX_SECONDS:
        raise _too_large(value, filename, line)
    return total


def _too_large(value: str, filename: str, line: int | None) -> FormatError:
    return FormatError(
        f"time {shorten(value)!r} is too large: times are under {MAX_SECONDS // 3600:,} hours",
        filename,
        line,
    )


def to_ms(seconds: float) -> int:
    return round(seconds * 1000)


def format_clock(milliseconds: int, separator: str = ".") -> str:
    """``HH:MM:SS.mmm`` (``HH:MM:SS,mmm`` for SRT)."""
    seconds, millis = divmod(milliseconds if milliseconds > 0 else 0, 1000)
    # %-formatting: 40 % faster than an f-string of format specs, and a transcript
    # page writes two of these per VTT cue and SRT card (about 3,000 a page)
    return "%02d:%02d:%02d%s%03d" % (  # noqa: UP031
        seconds // 3600,
        seconds // 60 % 60,
        seconds % 60,
        separator,
        millis,
    )


def seconds_value(milliseconds: int) -> int | float:
    """Seconds for JSON: ``12`` or ``12.5``."""
    if milliseconds % 1000 == 0:
        return milliseconds // 1000
    return milliseconds / 1000
