"""``episode-list`` and ``speaker-list``: placeholders filled in once every page is read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from .. import nodes as pn
from ..config import split_list
from ..domain import get_podcast_domain
from . import PodcastDirective

LAYOUTS = ("cards", "list", "table")
SORTS = ("date", "number")


class EpisodeListDirective(PodcastDirective):
    """All episodes as cards, a list or a table; filtered, sorted and limited."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "layout": directives.unchanged,
        "speaker": directives.unchanged,
        "category": directives.unchanged,
        "tag": directives.unchanged,
        "limit": directives.unchanged,
        "sort": directives.unchanged,
        "reversed": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        layout = self.options.get("layout", "cards").strip() or "cards"
        if layout not in LAYOUTS:
            self.warn_option(
                "layout", f"episode-list layout must be one of {', '.join(LAYOUTS)}, got {layout!r}"
            )
            layout = "cards"
        sort = self.options.get("sort", "date").strip() or "date"
        if sort not in SORTS:
            self.warn_option(
                "sort", f"episode-list sort must be one of {', '.join(SORTS)}, got {sort!r}"
            )
            sort = "date"
        limit = self.number_option("limit", "episode-list limit", minimum=1) or 0
        node = pn.episode_list(
            classes=["podcast-episode-list"],
            layout=layout,
            sort=sort,
            limit=limit,
            reversed="reversed" in self.options,
            speakers=split_list(self.options.get("speaker", "")),
            categories=split_list(self.options.get("category", "")),
            tags=split_list(self.options.get("tag", "")),
            docname=self.env.docname,
            option_lines={
                name: self.option_line(name)
                for name in ("speaker", "category", "tag")
                if name in self.options
            },
        )
        self.set_source_info(node)
        get_podcast_domain(self.env).note_shows(self.env.docname, "episode-list")
        return [node]


class SpeakerListDirective(PodcastDirective):
    """Every speaker with the episodes they appear in."""

    def run(self) -> list[nodes.Node]:
        node = pn.speaker_list(classes=["podcast-speaker-list"], docname=self.env.docname)
        self.set_source_info(node)
        get_podcast_domain(self.env).note_shows(self.env.docname, "speaker-list")
        return [node]
