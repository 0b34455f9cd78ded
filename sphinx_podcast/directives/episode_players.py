"""The episode's players and their titles.

:func:`episode_players` makes the embeds for an episode's
``youtube``/``vimeo``/``spotify``/``audio`` options; :class:`EpisodePlayerTitles`
gives them the title of the page's section.
"""

from __future__ import annotations

import contextlib
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from .. import nodes as pn
from ..blocks import block_elements
from ..inputs import MAX_BYTES, InputValueError, whole_number
from ..model import Episode
from . import PodcastDirective
from .media_maker import MediaMaker


def episode_players(directive: PodcastDirective, episode: Episode) -> list[nodes.Node]:
    """The players for an episode's ``youtube``/``vimeo``/``spotify``/``audio`` options.

    Options are checked in the order of the directive's option list; the audio
    player comes first on the page: it is the page's player (turn times seek it).
    Their title is the page's, filled in by :class:`EpisodePlayerTitles`.
    """
    made: dict[str, nodes.Node] = {}
    for provider in ("youtube", "vimeo", "spotify", "audio"):
        value = getattr(episode, provider)
        if not value:
            continue
        maker = MediaMaker(directive, provider)
        if provider == "audio":
            node = maker.file_player(provider, [value], {})
            length = directive.options.get("audio-length", "").strip()
            size = None
            with contextlib.suppress(InputValueError):  # the episode warns about a bad one
                size = whole_number(length, maximum=MAX_BYTES) if length else None
            if node is not None and size is not None:  # a remote file's size, for its link
                for link in node.findall(nodes.reference):
                    link["podcast_size"] = size
        else:
            node = maker.iframe(provider, value, {})
        if node is not None:
            node["title_from_page"] = True
            made[provider] = node
    players = [made[p] for p in ("audio", "youtube", "vimeo", "spotify") if p in made]
    if not players:
        return []
    return [nodes.container("", *players, classes=["podcast-players"])]


class EpisodePlayerTitles(SphinxTransform):
    """Read time: an episode's players take the title of the section that holds the episode."""

    default_priority = 410

    def apply(self, **kwargs: Any) -> None:
        players = [n for n in block_elements(self.document) if isinstance(n, pn.media_embed)]
        for node in players:
            if not node.get("title_from_page"):
                continue
            section = node.parent
            while section is not None and not isinstance(section, nodes.section):
                section = section.parent
            title_node = (section or self.document).next_node(nodes.title)
            title = " ".join(title_node.astext().split()) if title_node else ""
            if not title:
                continue
            node["title"] = title
            strong = node.next_node(nodes.strong)
            if strong is not None:
                strong.replace_self(nodes.strong(title, title))
