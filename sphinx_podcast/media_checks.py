"""Checks shared by media providers and media files: the error they raise, https only."""

from __future__ import annotations

import re

__all__ = ["MediaError", "check_https", "shorten"]

_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):")


class MediaError(ValueError):
    """A media value that cannot be used; ``subtype`` names the warning subtype."""

    def __init__(self, message: str, subtype: str = "bad_media") -> None:
        super().__init__(message)
        self.subtype = subtype


def check_https(value: str) -> None:
    """Refuse every URL that is not https (``javascript:``, ``data:``, ``http:`` …)."""
    match = _SCHEME.match(value.strip())
    if match and match["scheme"].lower() != "https":
        raise MediaError(
            f"{match['scheme'].lower()}: URLs are not allowed for media, only https (or a local "
            f"file): {shorten(value)!r}",
            "unsafe_url",
        )
    if value.strip().startswith("//"):
        raise MediaError(f"give the scheme (https://) of {shorten(value)!r}", "unsafe_url")


def shorten(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
