"""Bringing existing transcripts over: Jekyll/Markdown posts and caption files → MyST pages.

Used by the ``sphinx-podcast import`` command (:mod:`sphinx_podcast.cli`); no Sphinx
needed. Caption and speech-to-text files are read by :mod:`sphinx_podcast.formats`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import formats
from .base import Imported, Note, Options
from .captions import convert_transcript
from .jekyll import convert_markdown
from .jekyll.site import SiteMap, scan_site
from .speakers import SpeakerFile
from .textfile import InputError, decode, read_text

__all__ = [
    "SOURCE_FORMATS",
    "Imported",
    "InputError",
    "Note",
    "Options",
    "SiteMap",
    "SpeakerFile",
    "convert",
    "decode",
    "read_text",
    "scan_site",
]

#: What ``--from`` accepts.
SOURCE_FORMATS = ("markdown", "vtt", "srt", "sbv", "whisper", "whisperx", "podcast-json")


def convert(
    text: str,
    filename: str,
    *,
    fmt: str | None = None,
    options: Options | None = None,
    speakers: SpeakerFile | None = None,
    chapters: Sequence[formats.Chapter] = (),
    site: SiteMap | None = None,
) -> Imported:
    """Convert one source to a MyST episode page.

    *speakers* (a :class:`SpeakerFile`) learns every speaker found; on an error
    (:class:`InputError`, naming the file and line) it is left as it was.
    """
    options = options or Options()
    speakers = speakers if speakers is not None else SpeakerFile()
    before = len(speakers.new)
    try:
        try:
            found = fmt or formats.detect(text, filename)
        except formats.FormatError as error:
            raise InputError(error.message, filename, error.line or 0) from None
        if found == "chapters":
            raise InputError(
                "a chapters file, not a transcript: put it next to its transcript as "
                "NAME.chapters.json",
                filename,
            )
        if found == "markdown":
            return convert_markdown(text, filename, options, speakers, site)
        try:
            transcript = formats.read(text, found, filename=filename, speakers=options.speakers)
        except formats.FormatError as error:
            raise InputError(error.message, filename, error.line or 0) from None
        if not transcript.cues:
            raise InputError("no cues: nothing to convert", filename)
        return convert_transcript(transcript, filename, found, options, speakers, chapters)
    except BaseException:
        speakers.forget_since(before)
        raise
