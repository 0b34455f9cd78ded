"""Whether a quote is said in a text: shared by highlights (:mod:`.soundbites`) and the
importer, which makes a post's highlighted quotes ``soundbite`` directives only where a
turn says them. No Sphinx here."""

from __future__ import annotations

import re

__all__ = ["quote_in"]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"'})
_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*")
_EDGES = " \"'.,;:!?-–—"


def _normalized(text: str) -> str:
    return " ".join(text.translate(_QUOTES).casefold().split())


def quote_in(quote: str, text: str) -> bool:
    """Whether *quote* is said in *text*: case, quote marks and spacing aside, its parts
    between ellipses (``…``, ``...``, ``[…]``) in order."""
    haystack = _normalized(text)
    position = 0
    for part in _ELLIPSIS.split(_normalized(quote)):
        part = part.strip(_EDGES)
        if not part:
            continue
        found = haystack.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True
