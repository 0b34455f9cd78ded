"""What files an episode page has: its transcripts (VTT, SRT, JSON, TXT, HTML) and
chapters, decided from what the domain noted at read time.

The feed, the page's download links, the structured data and the writer of the
files (:mod:`.exports`) all ask here, so they agree. Speakers are resolved as
:class:`.turn_resolver.TurnResolver` resolves the turns themselves.
"""

from __future__ import annotations

from sphinx.builders import Builder

from . import formats
from .config import get_config
from .domain import PodcastDomain

FEED_BUILDERS = ("html", "dirhtml")

#: (kind, file suffix, MIME type, link label) of every export.
EXPORTS = (
    ("vtt", ".vtt", "text/vtt", "VTT"),
    ("srt", ".srt", "application/x-subrip", "SRT"),
    ("json", ".json", "application/json", "JSON"),
    ("txt", ".txt", "text/plain", "TXT"),
    ("html", ".transcript.html", "text/html", "HTML"),
)
CHAPTERS_SUFFIX = ".chapters.json"
CHAPTERS_TYPE = "application/json+chapters"
TIMED_ONLY = ("vtt", "srt", "json")


def writes_exports(builder: Builder) -> bool:
    return builder.name in FEED_BUILDERS


def _resolved(domain: PodcastDomain, docname: str) -> list[tuple[float | None, int]]:
    """(start, section index) of the page's turns that are turns once resolved: those of
    a ``turn`` directive and bold names of known speakers (as TurnResolver decides)."""
    table = domain.speaker_table()
    return [
        (start, section)
        for reference, directive, start, section in domain.feed_turns(docname)
        if directive or table.find(reference) is not None
    ]


def transcript_kind(domain: PodcastDomain, docname: str) -> str:
    """``"timed"`` (some turn has a time), ``"untimed"`` or ``""`` (no turns)."""
    turns = _resolved(domain, docname)
    if not turns:
        return ""
    return "timed" if any(start is not None for start, _section in turns) else "untimed"


def episode_chapters(domain: PodcastDomain, docname: str) -> list[formats.Chapter]:
    """The page's timed sections and the outline's own chapters, ascending; each ends where
    the next begins (the last at the episode's duration, when known).

    The first section with turns starts at 0:00 unless its first turn has a time of its
    own (or the outline lists a chapter before it): a welcome before the first timestamp
    is part of the episode too. That needs one timed turn on the page.
    """
    sections = domain.feed_sections(docname)
    turns = [(start, section) for start, section in _resolved(domain, docname) if section >= 0]
    # chapters of the outline directive's content, which have no section of their own
    flat = domain.feed_note(docname).get("chapters", ())
    listed = [
        formats.Chapter(start, title) for start, title in zip(flat[::2], flat[1::2], strict=True)
    ]
    starts: dict[int, float] = {}
    for start, section in turns:
        if start is not None and section not in starts:
            starts[section] = start
    if starts and turns[0][0] is None:
        opening = turns[0][1]
        own = starts.get(opening, float("inf"))
        if not any(chapter.start < own for chapter in listed):
            starts[opening] = 0.0
    chapters = [formats.Chapter(start, sections[index][0]) for index, start in starts.items()]
    chapters.extend(listed)
    chapters.sort(key=lambda c: c.start)
    episode = domain.episodes.get(docname)
    duration = episode.duration if episode else None
    for index, chapter in enumerate(chapters):
        following = chapters[index + 1] if index + 1 < len(chapters) else None
        end = following.start if following is not None else duration
        if end is not None and end > chapter.start:
            chapter.end = end
    return chapters


def export_files(domain: PodcastDomain, docname: str) -> list[tuple[str, str, str, str]]:
    """(kind, output path, MIME type, label) of the files written for *docname*."""
    kind = transcript_kind(domain, docname)
    if not kind or docname not in domain.episodes:
        return []
    wanted = get_config(domain.env.config).transcript_formats
    files = [
        (name, docname + suffix, mime, label)
        for name, suffix, mime, label in EXPORTS
        if name in wanted and (kind == "timed" or name not in TIMED_ONLY)
    ]
    if "chapters" in wanted and episode_chapters(domain, docname):
        files.append(("chapters", docname + CHAPTERS_SUFFIX, CHAPTERS_TYPE, ""))
    return files
