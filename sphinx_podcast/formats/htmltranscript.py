"""The HTML transcript the podcast namespace recommends: ``<cite>``, ``<time>``, ``<p>``.

A whole HTML document (so browsers and validators take it as it is), whose body is,
for each turn, the speaker as ``<cite>Name:</cite>``, its start as
``<time datetime="PT72S">1:12</time>`` when the turn has a time of its own, and a
``<p>`` for each block of its text (paragraph, list item, code …). Apps read it as
``text/html`` from the feed's ``podcast:transcript``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from html import escape

from .base import Cue, speaker_name


def clock_text(seconds: float) -> str:
    """``0:00``, ``10:17``, ``1:02:05``: as the namespace's examples write times."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def duration_attribute(seconds: float) -> str:
    """A valid HTML duration string for ``<time datetime>``: ``PT72S``, ``PT72.5S``."""
    millis = round(seconds * 1000)
    whole, rest = divmod(millis, 1000)
    return f"PT{whole}.{rest:03d}S" if rest else f"PT{whole}S"


def _cite(name: str) -> str:
    """``<cite>Name:</cite>`` (none for no name)."""
    name = " ".join(name.split())
    return f"<cite>{escape(name, quote=False)}:</cite>" if name else ""


def to_html(
    cues: Sequence[Cue],
    *,
    title: str = "",
    language: str = "",
    speakers_by_key: Mapping[str, str] | None = None,
) -> str:
    """The transcript as an HTML document; *title* names the episode, *language* is the
    document's ``lang``."""
    lang = f' lang="{escape(language)}"' if language else ""
    heading = escape(title) if title else "Transcript"
    out = [
        "<!DOCTYPE html>",
        f"<html{lang}>",
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{heading}</title>",
        "</head>",
        "<body>",
    ]
    cite_of = functools.cache(lambda key: _cite(speaker_name(key, speakers_by_key)))
    for cue in cues:
        blocks = [" ".join(line.split()) for line in cue.text.splitlines()]
        blocks = [block for block in blocks if block]
        if not blocks:
            continue
        cite = cite_of(cue.speaker)  # made once a file for each speaker
        if cite:
            out.append(cite)
        if cue.start is not None:
            out.append(
                f'<time datetime="{duration_attribute(cue.start)}">{clock_text(cue.start)}</time>'
            )
        out.extend([f"<p>{escape(block, quote=False)}</p>" for block in blocks])
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
