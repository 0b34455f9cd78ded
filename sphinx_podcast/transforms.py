"""Episode pages: what is read, and the passes that make turns and outlines.

Three passes:

* at read time (:class:`EpisodePageTransform`), on episode pages only,
  paragraphs that *look* like ``**Name** [01:12]: …`` are marked as
  candidate turns (:mod:`.turn_marks`; the paragraph itself is left as
  written), and what other pages and the feed need is noted;
* after all pages are read, :class:`.turn_resolver.TurnResolver` makes the
  candidates of known speakers turns, and :class:`.outline_fill.OutlineFiller`
  fills the outlines.

Every pass walks the block level only (:mod:`.blocks`), a bounded number of
times: linear in page size.
"""

from __future__ import annotations

import contextlib
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from . import nodes as pn
from .blocks import block_elements
from .config import get_config
from .directives.outline import make_outline
from .domain import PodcastDomain, get_podcast_domain
from .locale import _
from .model import TimeFormatError, parse_time
from .outline_fill import OutlineFiller, following_sections, outline_chapters
from .search_anchors import profile_search_id
from .soundbites import note_soundbites
from .turn_marks import CONTAINERS, CONTINUATIONS, MARK, START, is_candidate, mark_turns
from .turn_resolver import TurnResolver
from .warnings_ import Subtype, warn


class EpisodePageTransform(SphinxTransform):
    """Read time: find candidate turns, add the automatic outline, note the episode title."""

    default_priority = 400

    def apply(self, **kwargs: Any) -> None:
        docname = self.env.docname
        domain = get_podcast_domain(self.env)
        containers: list[nodes.Element] = []
        directive_turns: list[pn.turn] = []
        outlines: list[pn.outline] = []
        header: pn.episode_header | None = None
        profiles: list[pn.speaker_profile] = []
        for node in block_elements(self.document):
            if isinstance(node, CONTAINERS):
                containers.append(node)
            elif isinstance(node, pn.turn):
                directive_turns.append(node)
            elif isinstance(node, pn.outline):
                outlines.append(node)
            elif isinstance(node, pn.episode_header) and header is None:
                header = node
            elif isinstance(node, pn.speaker_profile):
                profiles.append(node)
        for turn in directive_turns:
            _unnest_turn(turn)
        for profile in profiles:
            _note_profile(domain, self.document, docname, profile)
        if header is not None:
            for container in containers:
                mark_turns(container)
            self._note_title(header)
            _note_summary(domain, docname, header)
            if get_config(self.config).outline == "auto" and not outlines:
                self._add_outline(header)
            domain.note_shows(docname, "episode")
            self._note_turns(header)
            chapters = sorted({c for node in outlines for c in outline_chapters(node)})
            domain.note_feed(docname, chapters=tuple(part for c in chapters for part in c))
        if header is not None or directive_turns:
            domain.note_shows(docname, "speakers")
        if header is None and self.env.temp_data.get("podcast_has_soundbites"):
            for soundbite in self.document.findall(pn.is_soundbite):
                warn(
                    "soundbite outside an episode page: a highlight quotes a turn of "
                    "the episode it is on",
                    Subtype.soundbite,
                    soundbite,
                )
        for node in outlines:
            if not following_sections(node) and not node.get("chapters"):
                warn(
                    "outline has no sections after it; nothing to list",
                    Subtype.empty_outline,
                    node,
                )

    def _note_turns(self, header: pn.episode_header) -> None:
        """What other pages and the feed need: each turn's speaker as written, whether it
        came from a directive, its start and the chapter (top section) it is in."""
        domain = get_podcast_domain(self.env)
        docname = self.env.docname
        sections = following_sections(header)
        chapters = {id(section): index for index, section in enumerate(sections)}
        turns = []
        seen: set[tuple[str, bool, int, bool]] = set()
        timeline: list[tuple[str, float | None, nodes.Element]] = []
        for node in filter(is_candidate, block_elements(self.document)):
            start: float | None = None
            if isinstance(node, pn.turn):
                reference, time_text, directive = node["speaker_ref"], node["time_text"], True
                if time_text:
                    with contextlib.suppress(TimeFormatError):  # warned about when resolved
                        start = parse_time(time_text)
            else:
                reference, _time_text, _cut = node[MARK]
                start = node.get(START)  # read by mark_turns, when it parses
                directive = False
            domain.note_turn(docname, reference)
            timeline.append((reference, start, node))
            # Keep what the feed can need, in page order: each speaker reference's first
            # turn and first timed turn in each chapter (so a chapter's first turn, timed
            # or not, and its first timed turn are both kept, whoever the speakers are).
            chapter = _chapter(node, chapters)
            keys: list[tuple[str, bool, int, bool]] = [(reference, directive, chapter, False)]
            if start is not None:
                keys.append((reference, directive, chapter, True))
            for key in keys:
                if key not in seen:
                    seen.add(key)
                    turns.append((reference, directive, start, chapter))
        titles = []
        for section in sections:
            title = section.next_node(nodes.title)
            text = " ".join(title.astext().split()) if title else ""
            titles.append((text, section["ids"][0] if section["ids"] else ""))
        domain.note_feed(docname, turns=tuple(turns), sections=tuple(titles))
        episode = domain.episodes.get(docname)
        duration = episode.duration if episode else None
        domain.note_airtime(docname, airtime(timeline, duration))
        if self.env.temp_data.get("podcast_has_soundbites"):
            texts: dict[int, str] = {}

            def turn_text(index: int) -> str:
                if index not in texts:
                    texts[index] = _turn_text(timeline[index][2])
                return texts[index]

            placed = _soundbite_places(self.document, timeline)
            note_soundbites(self.env, timeline, placed, turn_text, duration)

    def _note_title(self, header: pn.episode_header) -> None:
        domain = get_podcast_domain(self.env)
        section = header.parent
        while section is not None and not isinstance(section, nodes.section):
            section = section.parent
        title_node = (section or self.document).next_node(nodes.title)
        title = title_node.astext() if title_node else ""
        title_id = _title_id(self.document, section) if section is not None else ""
        domain.set_episode_title(self.env.docname, title, title_id)
        if title and header["ids"]:
            entry = ("pair", _("episode") + "; " + title, header["ids"][0], "", None)
            header.parent.insert(header.parent.index(header), addnodes.index(entries=[entry]))

    def _add_outline(self, header: pn.episode_header) -> None:
        if not following_sections(header):
            return
        node = make_outline(self.document, self.env, 0, "")
        node.source, node.line = header.source, header.line
        header.parent.insert(header.parent.index(header) + 1, node)


def _chapter(node: nodes.Element, chapters: dict[int, int]) -> int:
    """The chapter *node* is in: the value in *chapters* (by id of the top sections
    that follow the episode header) of its nearest ancestor there, else -1. Going up
    from each turn costs less than walking every section down (~0.2 ms a page)."""
    ancestor = node.parent
    while ancestor is not None:
        index = chapters.get(id(ancestor))
        if index is not None:
            return index
        ancestor = ancestor.parent
    return -1


def _unnest_turn(turn: pn.turn) -> None:
    """A turn inside another turn is text of the outer one (with its speaker in bold),
    not a turn: a turn's text is its speaker's, and every export would say it twice."""
    outer = turn.parent
    while outer is not None and not isinstance(outer, pn.turn):
        outer = outer.parent
    if outer is None:
        return
    reference, time_text = turn["speaker_ref"], turn["time_text"]
    warn(
        f"a turn of {reference!r} inside the turn of {outer['speaker_ref']!r}"
        + (f" (line {outer.line})" if outer.line else "")
        + " is shown as part of it; end the outer turn before starting another",
        Subtype.nested_turn,
        turn,
    )
    label: list[nodes.Node] = [nodes.strong(reference, reference)]
    label.append(nodes.Text(f" [{time_text}]: " if time_text else ": "))
    first = turn.children[0] if turn.children else None
    if isinstance(first, nodes.paragraph):
        first[0:0] = label
    else:
        turn.insert(0, nodes.paragraph("", "", *label))
    turn.replace_self(turn.children)


def airtime(
    timeline: list[tuple[str, float | None, nodes.Element]], duration: float | None
) -> dict[str, float]:
    """Seconds on air of each speaker reference of a page, from its turns in order.

    The time between two timed turns belongs to the turns from the first up to
    the second; when untimed turns share it, each gets a part in proportion to
    its length in characters. The turns before the first time share the time
    from the start, those after the last the time up to the episode's
    *duration* (when it is known). Turns whose time is not known count nothing.
    """
    seconds: dict[str, float] = {}
    timed = [index for index, (_ref, start, _node) in enumerate(timeline) if start is not None]
    spans: list[tuple[int, int, float]] = []  # (first turn, end turn, seconds)
    if timed and timed[0] > 0:
        spans.append((0, timed[0], timeline[timed[0]][1] or 0.0))
    for position, index in enumerate(timed):
        start = timeline[index][1] or 0.0
        if position + 1 < len(timed):
            following = timed[position + 1]
            spans.append((index, following, (timeline[following][1] or 0.0) - start))
        elif duration is not None:
            spans.append((index, len(timeline), duration - start))
    for first, end, length in spans:
        if length <= 0:
            continue
        if end - first == 1:  # the usual case: no text to measure
            reference = timeline[first][0]
            seconds[reference] = seconds.get(reference, 0.0) + length
            continue
        weights = [max(len(node.astext()), 1) for _ref, _start, node in timeline[first:end]]
        total = sum(weights)
        for (reference, _start, _node), weight in zip(timeline[first:end], weights, strict=True):
            seconds[reference] = seconds.get(reference, 0.0) + length * weight / total
    return seconds


def _turn_text(node: nodes.Element) -> str:
    """What a turn says: a ``turn`` directive's text, or a marked paragraph's and that
    of the unmarked blocks that continue it."""
    if isinstance(node, pn.turn) or node.parent is None:
        return node.astext()
    parts = [node.astext()]
    siblings = node.parent.children
    for sibling in siblings[siblings.index(node) + 1 :]:
        if not isinstance(sibling, CONTINUATIONS) or MARK in sibling.attributes:
            break
        parts.append(sibling.astext())
    return "\n".join(parts)


def _soundbite_places(
    document: nodes.document, timeline: list[tuple[str, float | None, nodes.Element]]
) -> list[tuple[nodes.Element, int | None]]:
    """Each highlight of the page with the index of the turn it is written in (a
    ``turn`` directive, a marked paragraph) or right after (as a block that
    continues a bold-name turn), else None."""
    index = {id(node): position for position, (_r, _s, node) in enumerate(timeline)}
    placed: list[tuple[nodes.Element, int | None]] = []
    for node in document.findall(pn.is_soundbite):
        assert isinstance(node, nodes.Element)
        start: nodes.Element = node.parent if isinstance(node, pn.soundbite_mark) else node
        found: int | None = None
        ancestor: nodes.Element | None = start
        while ancestor is not None and found is None:
            found = index.get(id(ancestor))
            ancestor = ancestor.parent
        if found is None and start.parent is not None:
            siblings = start.parent.children
            for sibling in reversed(siblings[: siblings.index(start)]):
                if id(sibling) in index:
                    found = index[id(sibling)]
                    break
                if not isinstance(sibling, CONTINUATIONS) or MARK in sibling.attributes:
                    break
        placed.append((node, found))
    return placed


def _title_id(document: nodes.document, section: nodes.section) -> str:
    """The id search results and inventories link an episode page to: its title's
    section's, that of a label the author gave it first (it outlives a new title, and
    docutils versions order a section's ids differently)."""
    ids = section["ids"]
    for name in section["names"]:
        if document.nametypes.get(name) and document.nameids.get(name) in ids:
            return str(document.nameids[name])
    return str(ids[0]) if ids else ""


def _child_text(node: nodes.Element, css_class: str) -> str | None:
    """The text (white space collapsed) of the first child element with *css_class*."""
    for element in block_elements(node):
        if css_class in element["classes"]:
            return " ".join(element.astext().split())
        if isinstance(element, nodes.TextElement):
            for inline in element.findall(nodes.inline):
                if css_class in inline["classes"]:
                    return " ".join(inline.astext().split())
    return None


# The directives note what the author wrote; a translated page (Sphinx's Locale
# transform, priority 20) has the translation by the time this transform runs, and
# lists, cards, feeds and other pages show that.


def _note_summary(domain: PodcastDomain, docname: str, header: pn.episode_header) -> None:
    summary = _child_text(header, "podcast-episode-summary")
    if summary is not None:
        domain.set_episode_texts(docname, summary=summary)


def _note_profile(
    domain: PodcastDomain, document: nodes.document, docname: str, profile: pn.speaker_profile
) -> None:
    """A registered profile: its role and bio as read, and its second id (where search
    results link, see :func:`~sphinx_podcast.search_anchors.searchable_anchor`)."""
    html_data: dict[str, str] = profile.get("html_data", {})
    key = html_data.get("speaker")
    if not key or not profile["ids"]:
        return
    search_id = profile_search_id(profile["ids"][0])
    if search_id not in document.ids:
        profile["ids"].append(search_id)
        document.ids[search_id] = profile
    role = _child_text(profile, "podcast-speaker-role")
    bio = _child_text(profile, "podcast-speaker-bio")
    domain.set_profile_texts(key, docname, role=role, bio=bio)


def setup_transforms(app: Sphinx) -> None:
    app.add_transform(EpisodePageTransform)
    app.add_post_transform(TurnResolver)
    app.add_post_transform(OutlineFiller)
