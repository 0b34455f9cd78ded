"""The ``episode`` directive: makes a page an episode and renders its header."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.nodes import make_id

from .. import nodes as pn
from ..config import checked_url, split_list
from ..display import meta_line
from ..domain import PodcastDomain
from ..inputs import MAX_BYTES, shorten
from ..locale import ngettext
from ..model import (
    EPISODE_TYPES,
    Episode,
    TimeFormatError,
    TimeRangeError,
    format_seconds_attr,
    parse_date,
    parse_time,
)
from ..references import podcast_xref
from ..warnings_ import Subtype, warn
from . import PodcastDirective
from .episode_players import episode_players

_MIME_TYPE = re.compile(r"^(?:audio|video)/[a-z0-9][a-z0-9.+-]*$")
EXPLICIT_VALUES = {"yes": True, "true": True, "no": False, "false": False, "clean": False}
YES_NO = {"yes": True, "true": True, "no": False, "false": False}


class EpisodeDirective(PodcastDirective):
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        name: directives.unchanged
        for name in (
            "number",
            "season",
            "date",
            "duration",
            "hosts",
            "guests",
            "youtube",
            "vimeo",
            "spotify",
            "audio",
            "audio-length",
            "audio-type",
            "image",
            "category",
            "tags",
            "explicit",
            "guid",
            "type",
            "ai-content",
        )
    }

    def run(self) -> list[nodes.Node]:
        domain = self.env.get_domain("podcast")
        assert isinstance(domain, PodcastDomain)
        summary = nodes.container(classes=["podcast-episode-summary"])
        self.state.nested_parse(self.content, self.content_offset, summary)

        if self.env.docname in domain.episodes:
            first = domain.episodes[self.env.docname]
            warn(
                f"a second episode directive on this page (the first is at line {first.lineno}); "
                "only its summary is shown",
                Subtype.duplicate_episode,
                (self.env.docname, self.lineno),
            )
            return [summary] if summary.children else []

        episode = self._episode(summary)
        domain.note_episode(episode)
        self._note_enclosure(domain)

        header = pn.episode_header(classes=["podcast-episode"], docname=self.env.docname)
        self.set_source_info(header)
        header["html_data"] = {
            name: value
            for name, value in (
                ("type", episode.type if episode.type != "full" else None),
                ("number", episode.number),
                ("season", episode.season),
                ("date", episode.date.isoformat() if episode.date else None),
                ("duration", format_seconds_attr(episode.duration) if episode.duration else None),
            )
            if value is not None
        }
        meta = meta_line(episode, self.env, ["podcast-episode-meta"])
        if meta.children:
            header += meta
        people = self._people_line(episode)
        if people.children:
            header += people
        if summary.children:
            header += summary
        header.extend(episode_players(self, episode))
        header += pn.episode_nav(classes=["podcast-episode-links"], docname=self.env.docname)
        header_id = make_id(self.env, self.state.document, "", "episode")
        header["ids"].append(header_id)
        self.state.document.ids[header_id] = header
        return [header]

    def _note_enclosure(self, domain: PodcastDomain) -> None:
        """``audio-length`` (bytes) and ``audio-type`` (MIME type) of a remote audio file,
        for the feed's enclosure."""
        length = self.number_option("audio-length", "audio-length", maximum=MAX_BYTES)
        audio_type = self.options.get("audio-type", "").strip().lower()
        if audio_type and not _MIME_TYPE.match(audio_type):
            self.warn_option(
                "audio-type", f"audio-type {audio_type!r} is not a MIME type like 'audio/mpeg'"
            )
            audio_type = ""
        domain.note_feed(
            self.env.docname,
            audio_length=length,
            audio_type=audio_type,
            audio_line=self.option_line("audio") if "audio" in self.options else self.lineno,
        )

    def _choice(self, name: str, choices: dict[str, Any] | tuple[str, ...]) -> Any:
        """The value of option *name* from *choices* (case does not count), or None after
        a warning."""
        value = self.options.get(name, "").strip().lower()
        if not value:
            return None
        if value in choices:
            return choices[value] if isinstance(choices, dict) else value
        shown = " or ".join(choices if isinstance(choices, tuple) else ("yes", "no"))
        self.warn_option(name, f"episode option {name!r} must be {shown}, got {value!r}")
        return None

    def _episode(self, summary: nodes.container) -> Episode:
        options = self.options
        date: dt.date | dt.datetime | None = None
        if options.get("date", "").strip():
            try:
                date = parse_date(options["date"])
            except ValueError:
                self.warn_option(
                    "date",
                    f"episode date {shorten(options['date'].strip())!r} is not an ISO 8601 "
                    "date (YYYY-MM-DD) in the years 1-9999",
                    Subtype.bad_date,
                )
        duration = self._duration()
        return Episode(
            docname=self.env.docname,
            lineno=self.lineno,
            number=self.number_option("number", "episode number", minimum=1),
            season=self.number_option("season", "season", minimum=1),
            date=date,
            duration=duration,
            hosts=tuple(split_list(options.get("hosts", ""))),
            guests=tuple(split_list(options.get("guests", ""))),
            youtube=options.get("youtube", "").strip(),
            vimeo=options.get("vimeo", "").strip(),
            spotify=options.get("spotify", "").strip(),
            audio=options.get("audio", "").strip(),
            image=self._image(),
            category=options.get("category", "").strip(),
            tags=tuple(split_list(options.get("tags", ""))),
            explicit=self._choice("explicit", EXPLICIT_VALUES),
            guid=options.get("guid", "").strip(),
            summary=" ".join(summary.astext().split()),
            type=self._choice("type", EPISODE_TYPES) or "full",
            ai_content=self._choice("ai-content", YES_NO),
        )

    def _duration(self) -> float | None:
        """``[H:]MM:SS`` (``.mmm`` allowed), more than 0 and under 1,000 hours."""
        value = self.options.get("duration", "").strip()
        if not value:
            return None
        try:
            duration = parse_time(value)
        except TimeRangeError:
            problem = "is too large: durations are under 1,000 hours"
        except TimeFormatError:
            problem = "is not [H:]MM:SS"
        else:
            if ":" not in value:
                problem = "is not [H:]MM:SS (a number alone could be seconds or minutes)"
            elif duration <= 0:
                problem = "is zero"
            else:
                return duration
        self.warn_option(
            "duration", f"episode duration {shorten(value)!r} {problem}", Subtype.bad_duration
        )
        return None

    def _image(self) -> str:
        """The cover image: a path relative to the source directory (registered to be
        copied like any image), or an https URL."""
        value = self.options.get("image", "").strip()
        if not value:
            return ""
        if value.startswith("https://"):
            return checked_url(
                value,
                ("https",),
                lambda error: self.warn_option("image", f"episode image: {error}", Subtype.bad_url),
            )
        if ":" in value.split("/")[0]:
            self.warn_option(
                "image",
                f"episode image {value!r} must be https or a local file",
                Subtype.unsafe_url,
            )
            return ""
        relative, absolute = self.env.relfn2path(value, self.env.docname)
        if not os.path.isfile(absolute):
            self.warn_option(
                "image", f"episode image file {value!r} not found", Subtype.missing_file
            )
            return ""
        self.env.images.add_file(self.env.docname, relative)
        self.env.note_dependency(relative)
        return relative

    def _people_line(self, episode: Episode) -> nodes.paragraph:
        line = nodes.paragraph(classes=["podcast-episode-people"])
        groups = (
            ("hosts", episode.hosts, ngettext("Host:", "Hosts:", len(episode.hosts))),
            ("guests", episode.guests, ngettext("Guest:", "Guests:", len(episode.guests))),
        )
        for option, refs, label in groups:
            if not refs:
                continue
            group = nodes.inline(classes=[f"podcast-episode-{option}"])
            group += nodes.inline(label, label, classes=["podcast-label"])
            group += nodes.Text(" ")
            source, _line = self.get_source_info()
            for index, ref in enumerate(refs):
                if index:
                    group += nodes.Text(", ")
                # not explicit: shown as the speaker's name; unknown ones are warned about
                xref = podcast_xref("speaker", ref, ref, self.env.docname, explicit=False)
                xref.source, xref.line = source, self.option_line(option)
                group += xref
            if line.children:
                line += nodes.Text(" · ")
            line += group
        return line
