"""Checking what people write before it is used: whole numbers, times, text, sizes.

Pure Python, no Sphinx: the directives, the formats' readers, conf.py's
checks and the command line all call these, so one bad value is refused the
same way everywhere, before it can reach ``int()``, ``float()`` or lxml.

* :func:`whole_number` accepts the ASCII digits 0-9 only (``²`` and ``١٢``
  pass ``str.isdigit`` but not ``int``), and checks the length of the text
  before converting it (``int`` refuses more than 4,300 digits);
* :func:`check_seconds` keeps every time in ``[0, MAX_SECONDS)``;
* :func:`strip_controls` takes out the control characters XML (the feed,
  EPUB), LaTeX and the transcript formats cannot hold.

Each check raises :class:`InputValueError` (a ``ValueError``) with a message
that names the value; callers turn it into one warning at the value's line.
The limits are documented in the reference ("Limits").
"""

from __future__ import annotations

import math
import re

__all__ = [
    "MAX_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_NUMBER",
    "MAX_SECONDS",
    "MAX_SOURCE_BYTES",
    "MAX_TIME_DIGITS",
    "MAX_YAML_ALIASES",
    "MAX_YAML_EXPANDED",
    "InputValueError",
    "check_seconds",
    "first_control_line",
    "shorten",
    "strip_controls",
    "whole_number",
]

#: Every time (a turn's, a duration, a caption's, a media offset) is under 1,000 hours.
MAX_SECONDS = 1000 * 3600
#: Whole numbers (episode and season numbers, depths, limits) are under 10^9.
MAX_NUMBER = 10**9 - 1
#: Sizes in bytes (``audio-length``) are under 10^12 (a terabyte).
MAX_BYTES = 10**12 - 1
#: Digits in one field of a time (``HHHHHHH:MM:SS``): enough for MAX_SECONDS as seconds.
MAX_TIME_DIGITS = 7
#: Nesting of a JSON file read as a transcript or chapters (arrays and objects).
MAX_JSON_DEPTH = 64
#: A transcript, caption or chapters file larger than this is not read (bytes).
MAX_SOURCE_BYTES = 64 * 1024 * 1024
#: YAML front matter: at most this many aliases (``*name``) …
MAX_YAML_ALIASES = 100
#: … and at most this many characters once every alias is expanded (a 417-byte
#: "billion laughs" front matter expands to hundreds of megabytes).
MAX_YAML_EXPANDED = 1_000_000


class InputValueError(ValueError):
    """A value that cannot be used; ``str()`` says which and why."""


def shorten(value: str, limit: int = 60) -> str:
    """*value* cut to *limit* characters (an ellipsis shows the cut), for messages."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def whole_number(
    text: str,
    what: str = "value",
    *,
    minimum: int = 0,
    maximum: int = MAX_NUMBER,
) -> int:
    """*text* as a whole number in [*minimum*, *maximum*], written with ASCII digits."""
    value = text.strip()
    if not value or not value.isascii() or not value.isdigit():
        raise InputValueError(
            f"{what} must be a whole number written with the digits 0-9, got {shorten(value)!r}"
        )
    digits = value.lstrip("0") or "0"
    if len(digits) > len(str(maximum)) or int(digits) > maximum:
        raise InputValueError(f"{what} {shorten(value)} is too large (at most {maximum:,})")
    number = int(digits)
    if number < minimum:
        raise InputValueError(f"{what} must be at least {minimum}, got {value!r}")
    return number


def check_seconds(value: float, what: str = "time") -> float:
    """*value* if it is a time this project handles: finite, ``0 <= value < MAX_SECONDS``."""
    if not math.isfinite(value) or value < 0:
        raise InputValueError(f"{what} {value!r} is not a time (seconds from 0 up)")
    if value >= MAX_SECONDS:
        raise InputValueError(
            f"{what} {value:.0f} s is too large: times are under {MAX_SECONDS // 3600:,} hours"
        )
    return value


# -- control characters ----------------------------------------------------------------

# C0 controls but tab, line feed and carriage return; DEL; C1 controls; the two
# non-characters XML refuses; lone surrogates (from "surrogateescape" decoding).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
# vertical tab and form feed separate words: they become a space
_SPACING = {"\x0b": " ", "\x0c": " "}


def strip_controls(text: str) -> tuple[str, int]:
    """*text* without control characters (vertical tab and form feed become a space),
    and how many there were. Fast when there are none (the usual case)."""
    if _CONTROL.search(text) is None:
        return text, 0
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return _SPACING.get(match.group(0), "")

    return _CONTROL.sub(replace, text), count


def first_control_line(text: str) -> int:
    """The 1-based line of the first control character in *text* (0 if none)."""
    match = _CONTROL.search(text)
    if match is None:
        return 0
    return text.count("\n", 0, match.start()) + 1
