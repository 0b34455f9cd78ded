"""The ``transcript`` directive: timed turns from a caption or speech-to-text file.

::

    :::{transcript}
    :file: media/ep7.vtt
    :chapters: media/ep7.chapters.json
    :speakers: SPEAKER_00=ada, SPEAKER_01=sam
    :::

Each turn (consecutive cues of one speaker, merged) becomes the same
:class:`~sphinx_podcast.nodes.turn` node a ``turn`` directive makes, so the
turn resolver gives it its speaker, time link, id and colour, and the feed
and exports see it like any other turn. With ``:chapters:`` every chapter
becomes a section (a heading the outline lists, with a back link); where
sections cannot go (inside a list, an admonition, a turn) a rubric.

A file that cannot be read gives one warning, at the file and line where the
problem is, and the directive renders nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from .. import formats
from .. import nodes as pn
from ..config import split_list
from ..domain import get_podcast_domain
from ..inputs import first_control_line
from ..locale import _
from ..model import time_text
from ..sanitize import control_message
from ..warnings_ import Subtype, warn
from . import PodcastDirective

FORMAT_CHOICES = ("vtt", "srt", "sbv", "whisper", "whisperx", "podcast-json")


def _container_of(state: Any) -> nodes.Element | None:
    """The node the directive's output is added to (docutils' state or MyST's renderer)."""
    renderer = getattr(state, "_renderer", None)
    if renderer is not None:
        return getattr(renderer, "current_node", None)
    try:
        return getattr(state, "parent", None)
    except Exception:  # MyST's mock state refuses unknown attributes
        return None


class TranscriptDirective(PodcastDirective):
    """``transcript`` with ``:file:`` (required), ``:chapters:``, ``:format:``, ``:speakers:``."""

    has_content = False
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "file": directives.unchanged,
        "chapters": directives.unchanged,
        "format": directives.unchanged,
        "speakers": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        relative = self.options.get("file", "").strip()
        if not relative:
            warn(
                "transcript: give the file to read in :file:",
                Subtype.bad_option,
                (self.env.docname, self.lineno),
            )
            return []
        fmt = self.options.get("format", "").strip().lower() or None
        if fmt is not None and fmt not in FORMAT_CHOICES:
            self.warn_option(
                "format", f"transcript format {fmt!r} is not one of {', '.join(FORMAT_CHOICES)}"
            )
            return []
        renames, default = self._speakers()
        loaded = self._load("file", relative)
        if loaded is None:
            return []
        path, text = loaded
        try:
            found = fmt or formats.detect(text, path)
            if found not in FORMAT_CHOICES:
                raise formats.FormatError(
                    f"{found} is not a transcript format the transcript directive reads "
                    f"({', '.join(FORMAT_CHOICES)})",
                    path,
                )
            transcript = formats.read(text, found, filename=path, speakers=renames)
        except formats.FormatError as error:
            self._bad_file("file", path, error.message, error.line or 0)
            return []
        except (ValueError, TypeError, KeyError, IndexError, RecursionError) as error:
            self._bad_file("file", path, f"cannot read it ({type(error).__name__}: {error})", 0)
            return []
        self._strip_controls("file", path, transcript.cues, text)
        if found in ("whisper", "whisperx"):  # speech recognition: podcast:txt ai-content
            get_podcast_domain(self.env).note_feed(self.env.docname, ai_transcript=True)

        chapters: list[formats.Chapter] = []
        chapters_option = self.options.get("chapters", "").strip()
        if chapters_option:
            chapters_loaded = self._load("chapters", chapters_option)
            if chapters_loaded is not None:
                chapters_path, chapters_text = chapters_loaded
                try:
                    chapters = formats.read_chapters(chapters_text, filename=chapters_path)
                    self._strip_controls("chapters", chapters_path, chapters, chapters_text)
                    chapters = self._titled(chapters)
                except (
                    formats.FormatError,
                    ValueError,
                    TypeError,
                    KeyError,
                    RecursionError,
                ) as error:
                    message = getattr(error, "message", None) or f"{type(error).__name__}: {error}"
                    self._bad_file(
                        "chapters",
                        chapters_path,
                        message,
                        getattr(error, "line", None) or 0,
                        Subtype.bad_chapters,
                    )
        return self._render(transcript, chapters, default, path)

    # -- reading -------------------------------------------------------------------

    def _speakers(self) -> tuple[dict[str, str], str]:
        renames: dict[str, str] = {}
        default = ""
        for item in split_list(self.options.get("speakers", "")):
            label, sep, name = item.partition("=")
            if sep and label.strip() and name.strip():
                renames[label.strip()] = name.strip()
            elif not sep and not default:
                default = item.strip()
            else:
                self.warn_option(
                    "speakers", f"transcript speakers: {item!r} is not LABEL=NAME (or one NAME)"
                )
        return renames, default

    def _load(self, option: str, value: str) -> tuple[str, str] | None:
        """(absolute path, text) of the file an option names; None after a warning."""
        # the importers (and YAML) load only for pages that use this directive
        from ..importers.textfile import InputError, read_text

        relative, absolute = self.env.relfn2path(value, self.env.docname)
        if not os.path.exists(absolute):  # a pipe or a device: read_text says what it is
            self.warn_option(
                option, f"transcript {option} {value!r} not found", Subtype.missing_file
            )
            return None
        self.env.note_dependency(relative)
        try:
            return absolute, read_text(absolute)
        except InputError as error:
            subtype = Subtype.bad_chapters if option == "chapters" else Subtype.bad_transcript
            self._bad_file(option, absolute, error.message, error.line, subtype)
            return None

    def _strip_controls(
        self, option: str, path: str, items: Sequence[formats.Cue | formats.Chapter], raw: str
    ) -> None:
        """Control characters out of what was read; one warning, at the line of the first
        in the file (for JSON escapes, of the cue that has one; else at the option)."""
        count, line = formats.strip_control_characters(items)
        if count:
            line = first_control_line(raw) or line
            location = f"{path}:{line}" if line else self.option_location(option)
            warn(control_message(count, at_line=bool(line)), Subtype.control_character, location)

    def _titled(self, chapters: list[formats.Chapter]) -> list[formats.Chapter]:
        """Chapters, each with a title: one without gets "Chapter N" and a warning
        (a chapter still starts there: dropping it would join it to the one before)."""
        for number, chapter in enumerate(chapters, start=1):
            if chapter.title.strip():
                continue
            chapter.title = str(_("Chapter %d") % number)
            self.warn_option(
                "chapters",
                f"chapters file {self.options['chapters'].strip()!r}: chapter {number} "
                f"(at {time_text(chapter.start)}) has no title; it is called "
                f"{chapter.title!r}",
                Subtype.bad_chapters,
            )
        return chapters

    def _bad_file(
        self,
        option: str,
        path: str,
        message: str,
        line: int,
        subtype: Subtype = Subtype.bad_transcript,
    ) -> None:
        """One warning: at the file's line when known, else at the directive's option."""
        what = "chapters" if option == "chapters" else "transcript"
        if line:
            warn(f"{what} file: {message}", subtype, f"{path}:{line}")
        else:
            name = self.options.get(option, path)
            warn(f"{what} file {name!r}: {message}", subtype, self.option_location(option))

    # -- rendering -----------------------------------------------------------------

    def _render(
        self,
        transcript: formats.Transcript,
        chapters: Sequence[formats.Chapter],
        default: str,
        path: str,
    ) -> list[nodes.Node]:
        if default:
            cues = [
                c if c.speaker.strip() else formats.Cue(c.start, c.end, default, c.text, c.line)
                for c in transcript.cues
            ]
            transcript = formats.Transcript(cues, transcript.language)
        named = [c for c in transcript.cues if c.speaker.strip()]
        unnamed = len(transcript.cues) - len(named)
        if unnamed:
            warn(
                f"{unnamed} cues of {self.options['file']!r} name no speaker: shown as plain "
                "paragraphs; name their speaker with :speakers: NAME",
                Subtype.unknown_speaker,
                self.option_location("file"),
            )
        from ..importers.captions import turns_of

        turns, _unnamed = turns_of(transcript, None)

        parent = _container_of(self.state)
        sectioned = isinstance(parent, nodes.section | nodes.document)
        result: list[nodes.Node] = []
        target: list[nodes.Node] | nodes.Element = result
        pending = list(chapters)
        for cue in turns:
            text = " ".join(cue.text.split())
            if not text:
                continue
            while pending and cue.start is not None and cue.start >= pending[0].start:
                heading = self._chapter(pending.pop(0), sectioned)
                result.append(heading)
                target = heading if sectioned else result
            node = self._turn(cue, text, path) if cue.speaker.strip() else self._plain(cue, text)
            if isinstance(target, list):
                target.append(node)
            else:
                target += node
        for chapter in pending:  # after the last turn: an empty heading keeps its place
            result.append(self._chapter(chapter, sectioned))
        return result

    def _turn(self, cue: formats.Cue, text: str, path: str) -> pn.turn:
        node = pn.turn(
            classes=["podcast-turn"],
            speaker_ref=" ".join(cue.speaker.split()),
            time_text=time_text(cue.start) if cue.start is not None else "",
            syntax="directive",
            docname=self.env.docname,
        )
        if cue.line:
            node.source, node.line = path, cue.line
        else:
            self.set_source_info(node)
        paragraph = nodes.paragraph(text, text)
        paragraph.source, paragraph.line = node.source, node.line
        node += paragraph
        return node

    def _plain(self, cue: formats.Cue, text: str) -> nodes.paragraph:
        paragraph = nodes.paragraph(text, text, classes=["podcast-transcript-text"])
        self.set_source_info(paragraph)
        return paragraph

    def _chapter(self, chapter: formats.Chapter, sectioned: bool) -> nodes.Element:
        title = " ".join(chapter.title.split())
        if not sectioned:
            rubric = nodes.rubric(title, title, classes=["podcast-chapter"])
            self.set_source_info(rubric)
            return rubric
        section = nodes.section(classes=["podcast-chapter"])
        self.set_source_info(section)
        section += nodes.title(title, title)
        section["names"].append(nodes.fully_normalize_name(title))
        self.state.document.note_implicit_target(section, section)
        return section
