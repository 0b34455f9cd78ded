"""What HTML episode pages get for listening: the source switcher, "Follow the transcript",
the transcript search, the docked player bar and initials badges.

One post-transform (HTML pages, not EPUB) adds :class:`.nodes.listening_control` nodes where
they belong; :mod:`.writers.html_listening` writes their markup, with translated labels,
and podcast.js brings them to life (until then the search, the follow button and the
bar stay ``hidden``: without JavaScript they would do nothing).

* An episode with several players shows one, and a switcher to the others
  ("Listen: Audio · YouTube · Spotify"); the first is the page's player (files first).
* The search goes right above the transcript: before the first section holding a turn.
* When some speakers of a page have avatars, the others' turns get an initials badge.
* The automatic highlights move into the episode header, collapsed to one line.
"""

from __future__ import annotations

import json
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import nodes as pn
from .blocks import block_elements
from .compat import builder_name_and_format, get_app
from .config import get_config
from .domain import PodcastDomain, get_podcast_domain
from .episode_files import episode_chapters
from .site_urls import feed_url
from .turn_resolver import gets_our_html_visitors


def _highlights_in_header(header: pn.episode_header) -> None:
    """The automatic highlights (:mod:`.soundbite_lists` puts them after the header) become
    a line of the header that opens (``collapsed``): the transcript starts high on the page.
    Before the links to other episodes, so that the transcript downloads, added later in the
    same place, follow them on their line."""
    parent = header.parent
    index = parent.index(header)
    following = parent[index + 1] if index + 1 < len(parent) else None
    if (
        not isinstance(following, pn.soundbites)
        or "podcast-soundbites-auto" not in following["classes"]
    ):
        return
    parent.remove(following)
    following["collapsed"] = True
    header.add_line(following)


def initials(name: str) -> str:
    """``SH`` for "Sam Host", ``M`` for "Madonna": the first letters of the first and last words."""
    words = [word for word in name.replace("-", " ").split() if word[0].isalnum()]
    if not words:
        return ""
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


class ListeningMarkup(SphinxPostTransform):
    default_priority = 20
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        builder_name, _format = builder_name_and_format(self.env)
        # not in e-books, nor where another extension's visitors replace ours
        if builder_name.startswith("epub") or not gets_our_html_visitors(self.env, builder_name):
            return
        headers: list[pn.episode_header] = []
        turns: list[pn.turn] = []
        lists: list[pn.episode_list] = []
        for node in block_elements(self.document):
            if isinstance(node, pn.episode_header):
                headers.append(node)
            elif isinstance(node, pn.episode_list):
                lists.append(node)
            elif isinstance(node, pn.turn) and node.get("speaker"):
                turns.append(node)
        domain = get_podcast_domain(self.env)
        for header in headers:
            docname = header.get("docname", "")
            chapters = _chapters_attribute(domain, docname)
            if chapters:  # for the player bar (it is html_data: written as data-chapters)
                header["html_data"] = {**header.get("html_data", {}), "chapters": chapters}
            page_turns = [turn for turn in turns if turn.get("docname", docname) == docname]
            self._players(header, bool(page_turns))
            if page_turns:
                _insert_search(header, page_turns[0])
        self._initials(turns)
        subscribe = self._subscribe_links()
        if subscribe:
            for header in headers:
                header.add_line(pn.listening_control(kind="subscribe", links=subscribe))
            for episode_list in lists:
                episode_list += pn.listening_control(kind="subscribe", links=subscribe)
        for header in headers:
            _highlights_in_header(header)

    def _subscribe_links(self) -> list[tuple[str, str]]:
        """``podcast_subscribe``'s links, and RSS (last) when this build writes the feed."""
        settings = get_config(self.config)
        links = list(settings.subscribe)
        if settings.subscribe_rss:
            url = feed_url(get_app(self.env))
            if url:
                links.append(("RSS", url))
        return links

    def _players(self, header: pn.episode_header, has_turns: bool) -> None:
        players = next(
            (
                child
                for child in header.children
                if isinstance(child, nodes.container) and "podcast-players" in child["classes"]
            ),
            None,
        )
        if players is None:
            return
        embeds = [child for child in players.children if isinstance(child, pn.media_embed)]
        if not embeds:
            return
        follow_goes_in: nodes.Element = players
        if len(embeds) > 1:
            sources = [(e["provider"], e["provider_name"], e.get("page_url", "")) for e in embeds]
            switch = pn.listening_control(kind="switch", sources=sources)
            players.insert(0, switch)
            follow_goes_in = switch
            for embed in embeds[1:]:
                embed["hidden"] = True
        if has_turns:
            follow_goes_in += pn.listening_control(kind="follow")
        header += pn.listening_control(kind="dock")

    def _initials(self, turns: list[pn.turn]) -> None:
        """Badges for the speakers without an avatar, on pages where some have one."""
        table = get_podcast_domain(self.env).speaker_table()
        if not any(speaker.avatar for speaker in table.speakers.values()):
            return  # nobody has one (most sites): no look-up per turn
        pages: dict[str, list[tuple[pn.turn, Any]]] = {}
        for turn in turns:
            speaker = table.find(turn["speaker"])
            pages.setdefault(turn.get("docname", ""), []).append((turn, speaker))
        for page in pages.values():
            if not any(speaker is not None and speaker.avatar for _turn, speaker in page):
                continue
            for turn, speaker in page:
                if speaker is None or not speaker.avatar:
                    turn["initials"] = initials(turn.get("speaker_name", ""))


def _chapters_attribute(domain: PodcastDomain, docname: str) -> str:
    """``[[0,"Title"],[270,"Next"]]``: the chapters of chapters.json, for the player bar."""
    chapters = episode_chapters(domain, docname)
    pairs = [
        [int(c.start) if c.start == int(c.start) else round(c.start, 3), c.title] for c in chapters
    ]
    return json.dumps(pairs, ensure_ascii=False, separators=(",", ":")) if pairs else ""


def _insert_search(header: pn.episode_header, first_turn: pn.turn) -> None:
    """Right above the transcript: before the outermost section that holds the first turn
    but not the episode header (or before the turn itself)."""
    header_ancestors = set()
    node: nodes.Node | None = header
    while node is not None:
        header_ancestors.add(id(node))
        node = node.parent
    target: nodes.Element = first_turn
    while isinstance(target.parent, nodes.section) and id(target.parent) not in header_ancestors:
        target = target.parent
    index = target.parent.index(target)
    before = target.parent[index - 1] if index else None
    if isinstance(before, pn.outline) and before.children:
        # an outline right above the transcript: the search shares its title's line
        before.insert(1, pn.listening_control(kind="search"))
        return
    target.parent.insert(index, pn.listening_control(kind="search"))


def setup_listening(app: Sphinx) -> None:
    app.add_post_transform(ListeningMarkup)
