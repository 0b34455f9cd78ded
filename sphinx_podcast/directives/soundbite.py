"""Highlights: the ``soundbite`` directive and role, ``soundbites`` and ``soundbite-list``.

A highlight is found in its episode (its turn, its time) once the page is read
(:mod:`sphinx_podcast.soundbites`); these only record what the author wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxRole

from .. import nodes as pn
from ..config import split_list
from ..domain import get_podcast_domain
from ..warnings_ import Subtype, warn
from . import PodcastDirective


def next_anchor(document: nodes.document, env: Any) -> str:
    """``soundbite-N``: the next free id of a highlight on the page being read."""
    count: int = env.temp_data.get("podcast_soundbites", 0)
    while True:
        count += 1
        anchor = f"soundbite-{count}"
        if anchor not in document.ids:
            env.temp_data["podcast_soundbites"] = count
            return anchor


class SoundbiteDirective(PodcastDirective):
    """``soundbite``: a quote of the episode, shown as a highlight where it is written."""

    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "speaker": directives.unchanged,
        "time": directives.unchanged,
        "turn": directives.unchanged,
        "duration": directives.unchanged,
        "tags": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        quote = nodes.block_quote(classes=["podcast-soundbite-quote"])
        self.state.nested_parse(self.content, self.content_offset, quote)
        text = " ".join(quote.astext().split())
        anchor = next_anchor(self.state.document, self.env)
        node = pn.soundbite(
            classes=["podcast-soundbite"],
            ids=[anchor],
            text=text,
            speaker_ref=self.options.get("speaker", "").strip(),
            time_text=self.options.get("time", "").strip(),
            turn_ref=self.options.get("turn", "").strip(),
            duration_text=self.options.get("duration", "").strip(),
            tags=tuple(split_list(self.options.get("tags", ""))),
            docname=self.env.docname,
            option_lines={
                name: self.option_line(name)
                for name in ("time", "turn", "duration", "speaker")
                if name in self.options
            },
        )
        self.set_source_info(node)
        self.state.document.ids[anchor] = node
        self.env.temp_data["podcast_has_soundbites"] = True
        if not text:
            warn("soundbite without a quote; nothing to show", Subtype.soundbite, node)
            return []
        node += quote
        return [node]


class SoundbiteRole(SphinxRole):
    """``{soundbite}`a sentence``` inside a turn: that sentence is a highlight."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        text = " ".join(self.text.split())
        anchor = next_anchor(self.inliner.document, self.env)
        node = pn.soundbite_mark(
            self.rawtext,
            text,
            classes=["podcast-soundbite-mark"],
            ids=[anchor],
            docname=self.env.docname,
        )
        node["text"] = text
        self.set_source_info(node)
        self.inliner.document.ids[anchor] = node
        self.env.temp_data["podcast_has_soundbites"] = True
        return [node], []


class SoundbitesDirective(PodcastDirective):
    """``soundbites``: where an episode page lists its highlights (no options but the
    :class: and :name: every directive has)."""

    def run(self) -> list[nodes.Node]:
        node = pn.soundbites(
            classes=["podcast-soundbites"],
            docname=self.env.docname,
        )
        self.set_source_info(node)
        return [node]


class SoundbiteListDirective(PodcastDirective):
    """``soundbite-list``: highlights across the site, filtered by speaker, episode, tag."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "speaker": directives.unchanged,
        "episode": directives.unchanged,
        "tag": directives.unchanged,
        "limit": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        # ASCII digits, bounded (isdigit() took "²", which int() refuses: a crash)
        limit = self.number_option("limit", "soundbite-list limit", minimum=1) or 0
        node = pn.soundbite_list(
            classes=["podcast-soundbites", "podcast-soundbite-list"],
            speakers=split_list(self.options.get("speaker", "")),
            episodes=split_list(self.options.get("episode", "")),
            tags=split_list(self.options.get("tag", "")),
            limit=limit,
            docname=self.env.docname,
            option_lines={
                name: self.option_line(name)
                for name in ("speaker", "episode", "tag")
                if name in self.options
            },
        )
        self.set_source_info(node)
        get_podcast_domain(self.env).note_shows(self.env.docname, "soundbite-list")
        return [node]
