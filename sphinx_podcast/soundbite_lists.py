"""Highlights shown, once every page is read: each ``soundbite``'s caption (speaker,
episode, a link to its moment), an episode's list (``soundbites``, or the automatic one
after its header), ``soundbite-list`` across the site and a speaker's highlights.

What is shown comes from the domain, where :mod:`sphinx_podcast.soundbites` noted each
highlight when its page was read.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import nodes as pn
from .blocks import block_elements
from .compat import get_builder
from .config import get_config
from .domain import PodcastDomain, get_podcast_domain
from .locale import _
from .model import Soundbite, format_time, normalize_name, time_text
from .moments import seeks
from .references import podcast_xref
from .warnings_ import Subtype, warn


def moment_link(sb: Soundbite, refdoc: str, *, seek: bool = True) -> nodes.Node:
    """The time of a highlight, a link to its moment: where a player can *seek*, its
    time (the player seeks there); else the highlight itself."""
    shown = format_time(sb.start) if sb.start is not None else _("Go to the quote")
    target = time_text(sb.start) if sb.start is not None and seek else sb.anchor
    xref = podcast_xref("turn", f"/{sb.docname}:{target}", shown, refdoc)
    xref["classes"].append("podcast-soundbite-link")
    return xref


def caption(
    sb: Soundbite, refdoc: str, domain: PodcastDomain, *, episode: bool, seek: bool = True
) -> pn.soundbite_caption:
    """``Ada Example · Episode title · 12:34`` (the episode only where asked)."""
    line = pn.soundbite_caption(classes=["podcast-soundbite-caption"])
    speaker = domain.speaker_table().find(sb.speaker) if sb.speaker else None
    parts: list[nodes.Node] = []
    if speaker is not None:
        parts.append(podcast_xref("speaker", speaker.key, speaker.name, refdoc))
    elif sb.speaker:
        parts.append(nodes.inline(sb.speaker, sb.speaker))
    if episode:
        found = domain.episodes.get(sb.docname)
        title = (found.title if found else "") or sb.docname
        parts.append(podcast_xref("episode", "/" + sb.docname, title, refdoc))
    parts.append(moment_link(sb, refdoc, seek=seek))
    for index, part in enumerate(parts):
        if index:
            line += nodes.Text(" · ")
        line += part
    return line


def entry(
    sb: Soundbite, refdoc: str, domain: PodcastDomain, *, episode: bool, seek: bool = True
) -> pn.soundbite:
    """A highlight as a list shows it: the quote and its caption."""
    table = domain.speaker_table()
    speaker = table.find(sb.speaker) if sb.speaker else None
    colour = table.colours.get(speaker.key, 7) if speaker else 7
    node = pn.soundbite(
        classes=["podcast-soundbite", f"podcast-color-{colour}"],
        speaker=speaker.key if speaker else "",
        start=sb.start,
        docname=sb.docname,
    )
    quote = nodes.block_quote(classes=["podcast-soundbite-quote"])
    quote += nodes.paragraph(sb.text, sb.text)
    node += quote
    node += caption(sb, refdoc, domain, episode=episode, seek=seek)
    return node


def _soundbite_keys(sb: Soundbite, domain: PodcastDomain) -> str:
    speaker = domain.speaker_table().find(sb.speaker) if sb.speaker else None
    return speaker.key if speaker else ""


# A tuple, built once: an ``A | B`` in a loop builds a union per node, and isinstance
# checks a union slower than a tuple (with pn.is_soundbite ~0.3 ms a 300-turn page).
_FILLED = (pn.soundbite, pn.soundbites, pn.soundbite_list, pn.speaker_soundbites)


class SoundbiteContent(SphinxPostTransform):
    """Captions, the page's list (or the automatic one), the site's lists."""

    default_priority = 6  # before ReferencesResolver (10), which resolves our links

    def run(self, **kwargs: Any) -> None:
        domain = get_podcast_domain(self.env)
        self.domain = domain
        builder = get_builder(self.env)
        # a moment is a time where pages have a player to seek, else the quote's anchor
        self.seek = seeks(builder)
        found: list[nodes.Element] = []
        headers: list[pn.episode_header] = []
        for node in block_elements(self.document):
            if isinstance(node, _FILLED):
                found.append(node)
            elif isinstance(node, pn.episode_header):
                headers.append(node)
        for node in found:
            if isinstance(node, pn.soundbite):
                self._caption(node)
            elif isinstance(node, pn.soundbites):
                self._fill_page_list(node, node["docname"])
            elif isinstance(node, pn.soundbite_list):
                self._fill_site_list(node)
            elif isinstance(node, pn.speaker_soundbites):
                self._fill_speaker(node)
        if get_config(self.config).soundbites_auto:
            for header in headers:
                self._auto_list(header, found)
        if builder.name == "singlehtml":
            self._page_unique_ids()

    def _page_unique_ids(self) -> None:
        """singlehtml puts every page on one: a highlight's id gets its page's name in
        front, as turns' ids do (links to it do the same)."""
        for node in list(self.document.findall(pn.is_soundbite)):
            assert isinstance(node, nodes.Element)
            docname = node.get("docname")
            if docname and node["ids"] and node["ids"][0].startswith("soundbite-"):
                node_id = f"{nodes.make_id(docname)}-{node['ids'][0]}"
                node["ids"][0] = node_id
                self.document.ids[node_id] = node

    def _of_page(self, docname: str) -> list[Soundbite]:
        return sorted(
            self.domain.soundbites.get(docname, ()),
            key=lambda sb: (sb.start is None, sb.start or 0.0, sb.anchor),
        )

    def _caption(self, node: pn.soundbite) -> None:
        if not node["ids"]:
            return  # an entry of a list: made with its caption
        docname = node["docname"]
        sb = next(
            (s for s in self.domain.soundbites.get(docname, ()) if s.anchor == node["ids"][0]),
            None,
        )
        if sb is None:
            return
        speaker = self.domain.speaker_table().find(sb.speaker) if sb.speaker else None
        node["speaker"] = speaker.key if speaker else ""
        node["start"] = sb.start
        colour = self.domain.speaker_table().colours.get(speaker.key, 7) if speaker else 7
        node["classes"].append(f"podcast-color-{colour}")
        turn_speaker = self.domain.speaker_table().find(node.get("turn_speaker", "") or "")
        if speaker is not None and turn_speaker is not None and speaker.key != turn_speaker.key:
            warn(
                f"soundbite of {speaker.name} quotes a turn of {turn_speaker.name}",
                Subtype.soundbite,
                node,
            )
        node += caption(sb, docname, self.domain, episode=False, seek=self.seek)

    def _entries(self, chosen: list[Soundbite], refdoc: str, *, episode: bool) -> list[nodes.Node]:
        return [entry(sb, refdoc, self.domain, episode=episode, seek=self.seek) for sb in chosen]

    def _fill_page_list(self, node: nodes.Element, docname: str) -> None:
        chosen = self._of_page(docname)
        if not chosen:
            node.parent.remove(node)
            return
        node.extend(self._entries(chosen, docname, episode=False))

    def _auto_list(self, header: pn.episode_header, found: list[nodes.Element]) -> None:
        docname = header.get("docname") or self.env.docname
        chosen = self._of_page(docname)
        if not chosen or any(isinstance(node, pn.soundbites) for node in found):
            return
        if all(sb.placed == "block" for sb in chosen):
            return  # the page shows its highlights where it wrote them
        title = _("Highlights")
        node = pn.soundbites(classes=["podcast-soundbites", "podcast-soundbites-auto"])
        node += nodes.rubric(title, title, classes=["podcast-soundbites-title"])
        node.extend(self._entries(chosen, docname, episode=False))
        header.parent.insert(header.parent.index(header) + 1, node)

    def _fill_speaker(self, node: pn.speaker_soundbites) -> None:
        key = node["key"]
        chosen = [
            sb
            for docname in self.domain.catalog().order[::-1]
            for sb in self._of_page(docname)
            if _soundbite_keys(sb, self.domain) == key
        ]
        if not chosen:
            node.parent.remove(node)
            return
        label = _("Highlights")
        node += nodes.paragraph("", "", nodes.strong(label, label), classes=["podcast-label"])
        holder = pn.soundbites(classes=["podcast-soundbites"])
        holder.extend(self._entries(chosen, node["docname"], episode=True))
        node += holder

    def _fill_site_list(self, node: pn.soundbite_list) -> None:
        refdoc = node["docname"]
        lines: dict[str, int] = node.get("option_lines", {})
        keys: set[str] = set()
        for reference in node["speakers"]:
            speaker = self.domain.speaker_table().find(reference)
            if speaker is None:
                warn(
                    f"soundbite-list: unknown speaker {reference!r}",
                    Subtype.unknown_speaker,
                    (refdoc, lines.get("speaker")),
                )
            else:
                keys.add(speaker.key)
        episodes: set[str] = set()
        for reference in node["episodes"]:
            episode = self.domain.find_episode(reference, refdoc)
            if episode is None:
                warn(
                    f"soundbite-list: unknown episode {reference!r}",
                    Subtype.unknown_episode,
                    (refdoc, lines.get("episode")),
                )
            else:
                episodes.add(episode[0].docname)
        tags = {normalize_name(tag) for tag in node["tags"]}
        chosen = []
        for docname in self.domain.catalog().order[::-1]:  # newest episode first
            if episodes and docname not in episodes:
                continue
            for sb in self._of_page(docname):
                if keys and _soundbite_keys(sb, self.domain) not in keys:
                    continue
                if tags and not tags & {normalize_name(tag) for tag in sb.tags}:
                    continue
                chosen.append(sb)
        if (node["speakers"] and not keys) or (node["episodes"] and not episodes):
            chosen = []
        if node["limit"]:
            chosen = chosen[: node["limit"]]
        if not chosen:
            text = _("No highlights match this list.")
            node += nodes.paragraph(text, text, classes=["podcast-soundbites-empty"])
            return
        node.extend(self._entries(chosen, refdoc, episode=True))
