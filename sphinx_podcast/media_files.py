"""Media files and embed options, without Sphinx: an ``audio``/``video`` source, its
MIME type, and the checked values of ``width``, ``height``, ``aspect`` and
``url_parameters``."""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from .media_checks import MediaError, check_https, shorten
from .urls import URLError, clean_url

__all__ = [
    "MediaError",
    "Source",
    "format_number",
    "length_pixels",
    "mime_type",
    "parse_aspect",
    "parse_length",
    "parse_source",
    "parse_url_parameters",
]

_PARAM_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,40}")
_LENGTH = re.compile(
    r"(?P<value>[0-9]{1,5}(?:\.[0-9]{1,3})?)\s*(?P<unit>px|%|em|rem|vw)?", re.ASCII
)
_ASPECT = re.compile(
    r"(?P<w>[0-9]{1,4}(?:\.[0-9]{1,3})?)\s*[:/x]\s*(?P<h>[0-9]{1,4}(?:\.[0-9]{1,3})?)", re.ASCII
)


@dataclass(frozen=True)
class Source:
    """One source of an ``audio``/``video``: a local file (relative path) or an https URL."""

    uri: str
    local: bool
    mime: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def parse_source(value: str) -> Source:
    """An ``audio``/``video`` source: an https URL or a local path (existence checked elsewhere)."""
    text = value.strip()
    if not text:
        raise MediaError("empty media source", "bad_option")
    check_https(text)
    local = not text.lower().startswith("https://")
    if local and any(ch in text for ch in "\\?#\x00"):
        raise MediaError(f"not a usable file name: {shorten(text)!r}", "bad_option")
    if not local:  # checked, and encoded for feeds and src attributes ("a b" is "a%20b")
        try:
            text = clean_url(text, ("https",))
        except URLError as error:
            raise MediaError(str(error), "bad_url") from None
    path = urlsplit(text).path if not local else text
    return Source(uri=text, local=local, mime=mime_type(path))


_EXTRA_TYPES = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".aac": "audio/aac",
    ".oga": "audio/ogg",
    ".ogg": "audio/ogg",
    ".opus": "audio/ogg",
    ".wav": "audio/wav",
    ".flac": "audio/flac",
    ".weba": "audio/webm",
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".webm": "video/webm",
    ".ogv": "video/ogg",
    ".mov": "video/quicktime",
    ".vtt": "text/vtt",
}


def mime_type(path: str) -> str:
    """The MIME type of a media file by its extension ("" when unknown)."""
    suffix = "." + path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return _EXTRA_TYPES.get(suffix) or mimetypes.guess_type("x" + suffix)[0] or ""


def parse_aspect(value: str) -> tuple[float, float]:
    """``16:9`` (also ``16/9``, ``16x9``) as a pair of positive numbers."""
    match = _ASPECT.fullmatch(value.strip())
    if not match or not float(match["w"]) or not float(match["h"]):
        raise MediaError(f"aspect ratio {shorten(value)!r} is not W:H (e.g. 16:9)", "bad_option")
    return float(match["w"]), float(match["h"])


def format_number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def parse_length(value: str) -> str:
    """A CSS length for ``width``/``height``: ``560``/``560px``, ``80%``, ``30em`` …"""
    match = _LENGTH.fullmatch(value.strip())
    if not match:
        raise MediaError(
            f"length {shorten(value)!r} is not a number with px, %, em, rem or vw", "bad_option"
        )
    return match["value"] + (match["unit"] or "px")


def length_pixels(value: str) -> float | None:
    """The number of a ``px`` length, else None."""
    return float(value[:-2]) if value.endswith("px") else None


def parse_url_parameters(value: str) -> dict[str, str]:
    """sphinxcontrib-youtube's ``url_parameters`` (``?start=43&end=50``) as checked pairs."""
    text = value.strip().lstrip("?&")
    try:
        pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        raise MediaError(
            f"url_parameters {shorten(value)!r} is not a query string like ?start=43&end=50",
            "bad_option",
        ) from None
    for name, _value in pairs:
        if not _PARAM_NAME.fullmatch(name):
            raise MediaError(f"url_parameters: bad parameter name {shorten(name)!r}", "bad_option")
    return dict(pairs)
