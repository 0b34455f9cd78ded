"""Every warning sphinx-podcast gives: one type, ``podcast``, and a subtype each.

They read ``file.md:12: WARNING: … [podcast.unknown_speaker]`` and can be
silenced one by one with ``suppress_warnings = ["podcast.unknown_speaker"]``.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from sphinx.util import logging

logger = logging.getLogger("sphinx_podcast")


class Subtype(StrEnum):
    """Warning subtypes, documented in the reference."""

    unknown_speaker = "unknown_speaker"
    """A turn, ``hosts`` or ``guests`` names nobody in ``podcast_speakers`` or a ``speaker``."""
    turn_syntax = "turn_syntax"
    """A paragraph that starts like a bold-name turn but is none (two times, a bold
    part over 80 characters): left as written, never part of the turn before it."""
    bad_time = "bad_time"
    """A timestamp that is not ``SS``, ``MM:SS`` or ``H:MM:SS``."""
    time_order = "time_order"
    """A turn's time is earlier than the turn before it on the same page."""
    empty_turn = "empty_turn"
    """A turn without any text."""
    heading_in_turn = "heading_in_turn"
    """A heading inside a ``turn`` directive (it becomes a rubric)."""
    bad_date = "bad_date"
    """An episode ``date`` that is not ISO 8601."""
    bad_duration = "bad_duration"
    """An episode ``duration`` that is not ``[H:]MM:SS``."""
    bad_option = "bad_option"
    """Any other option value that cannot be used."""
    unknown_option = "unknown_option"
    """An option the directive does not have (reStructuredText; MyST warns itself)."""
    duplicate_episode = "duplicate_episode"
    """A second ``episode`` directive on one page."""
    duplicate_number = "duplicate_number"
    """Two episodes with the same number (in the same season)."""
    duplicate_speaker = "duplicate_speaker"
    """Two ``speaker`` directives for one key, or one name for two speakers."""
    empty_outline = "empty_outline"
    """An ``outline`` with no sections after it."""
    duplicate_outline = "duplicate_outline"
    """A second ``outline`` of sections another outline on the page already lists."""
    nested_turn = "nested_turn"
    """A ``turn`` (or ``transcript``) inside another turn."""
    bad_speaker_key = "bad_speaker_key"
    """A speaker key that is empty or contains white space."""
    config = "config"
    """A ``podcast_*`` value in conf.py of the wrong type or form."""
    unknown_episode = "unknown_episode"
    """An ``episode`` role or filter names no episode page or label."""
    bad_media = "bad_media"
    """A YouTube, Vimeo or Spotify id (or URL) that is not in the provider's format."""
    unsafe_url = "unsafe_url"
    """A media URL that is not https (``javascript:``, ``data:``, ``http:`` …)."""
    bad_url = "bad_url"
    """A URL without a host or with a bad one, a port that is no number, a user name in
    it (a speaker's ``url``, a media URL, ``podcast_base_url``)."""
    missing_file = "missing_file"
    """A local media or caption file that does not exist."""
    bad_transcript = "bad_transcript"
    """A ``transcript`` file that cannot be read (binary, not UTF-8, malformed time, …)."""
    bad_chapters = "bad_chapters"
    """A chapters JSON file (``transcript`` ``:chapters:``) that cannot be read."""
    feed = "feed"
    """The podcast feed is not written (no base URL) or lacks a value Apple requires."""
    no_audio = "no_audio"
    """An episode without an audio file, left out of the podcast feed."""
    control_character = "control_character"
    """A page, transcript file or conf.py value with control characters (removed)."""
    soundbite = "soundbite"
    """A highlight that quotes no turn of its page, names a turn that is not there, or
    lasts outside the 15–120 s the podcast namespace recommends (feed)."""
    speaker_page = "speaker_page"
    """A speaker page cannot be generated: a page the author wrote has its name, or the
    source directory cannot be written."""


# A "word" this long in a message is a value someone wrote (5,000 digits, a file name
# of a whole paragraph): shown cut, so the warning stays a line one can read.
_LONG_WORD = re.compile(r"\S{101,}")


def _cut(match: re.Match[str]) -> str:
    return match.group(0)[:80] + "…"


def _shortened(message: str) -> str:
    """*message* with its words over 100 characters cut to 80 and an ellipsis."""
    return _LONG_WORD.sub(_cut, message) if len(message) > 100 else message


def warn(message: str, subtype: Subtype, location: Any = None) -> None:
    """Log one podcast warning; *location* is a node, ``(docname, line)`` or a path."""
    logger.warning(_shortened(message), type="podcast", subtype=subtype.value, location=location)


def error(message: str, subtype: Subtype, location: Any = None) -> None:
    """Log one podcast error: like :func:`warn`, for input docutils itself treats as an
    error (an unknown directive option). The build goes on; ``-W`` fails it."""
    logger.error(_shortened(message), type="podcast", subtype=subtype.value, location=location)


def info(message: str) -> None:
    """A message at info level (shown unless -q), for choices that are not mistakes."""
    logger.info(message)
