"""Turning transcript text into turns, and filling in outlines.

Two passes:

* at read time (:class:`EpisodePageTransform`), on episode pages only,
  paragraphs that *look* like ``**Name** [01:12]: …`` are marked as
  candidate turns (an attribute; the paragraph itself is left as written);
* after all pages are read (:class:`TurnResolver`, a post-transform), each
  candidate is checked against the full speaker table: a known speaker
  makes it a turn (the bold name and time become the turn's label); anything
  else stays as written. That way a speaker declared on any page works on
  every page, in any read order and under ``-j``.

Both passes walk the block level only (:mod:`.blocks`), a bounded number of
times: linear in page size.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import nodes as pn
from .blocks import block_elements
from .compat import builder_name_and_format, get_app, get_builder
from .config import get_config
from .directives.outline import make_outline
from .domain import (
    PodcastDomain,
    get_podcast_domain,
    page_in_output,
    podcast_xref,
    profile_search_id,
)
from .grammar import Label, Suspicious, read_bold_label
from .locale import _
from .model import Speaker, TimeFormatError, format_seconds_attr, format_time, parse_time
from .soundbites import note_soundbites
from .warnings_ import Subtype, warn

# Block nodes that continue the turn right before them.
_CONTINUATIONS = (
    nodes.paragraph,
    nodes.bullet_list,
    nodes.enumerated_list,
    nodes.block_quote,
    pn.soundbite,
)


# Where bold-name turns are looked for: directly in a section (or a page without one).
_CONTAINERS = (nodes.section, nodes.document)

MARK = "podcast_turn"
"""Attribute of a paragraph that starts like a turn: (name, time text, prefix length)."""
BREAK = "podcast_not_turn"
"""Attribute of a paragraph that starts like a turn but is none: it ends the turn before
it instead of continuing it (removed when turns are made)."""


def _split_prefix(paragraph: nodes.paragraph) -> Label | Suspicious | None:
    """What the start of *paragraph* says, by the turn grammar (:mod:`.grammar`).

    A turn's prefix is the bold name plus the first ``label.text_start``
    characters of the text after it (``" [01:12]: "``). Nothing is cut at
    read time: a name that turns out to be nobody's needs no repair, and the
    page's doctree (kept in memory for the whole build) gets no extra nodes.
    Called on every paragraph of an episode page, so cheap checks come first.
    """
    children = paragraph.children
    if not children:
        return None
    first = children[0]
    if isinstance(first, nodes.Text) and not first.strip() and len(children) > 1:
        paragraph.remove(first)  # MyST starts some paragraphs with an empty text node
        first = children[0]
    if not isinstance(first, nodes.strong):
        return None
    after = children[1] if len(children) > 1 else None
    return read_bold_label(first.astext(), str(after) if isinstance(after, nodes.Text) else "")


def _mark_turns(parent: nodes.Element) -> list[nodes.paragraph]:
    """Mark the paragraphs of *parent* that start like a turn."""
    marked = []
    for child in parent.children:
        if isinstance(child, nodes.paragraph):
            label = _split_prefix(child)
            if isinstance(label, Label):
                child[MARK] = (label.name, label.time, label.text_start)
                marked.append(child)
            elif label is not None:
                child[BREAK] = True
                warn(
                    f"{label.reason}: left as written, and not part of the turn before it",
                    Subtype.turn_syntax,
                    child,
                )
    return marked


def _is_candidate(node: nodes.Node) -> bool:
    """A turn of the ``turn`` directive, or a paragraph marked as a possible turn."""
    return isinstance(node, pn.turn) or (
        isinstance(node, nodes.paragraph) and MARK in node.attributes
    )


def following_sections(node: nodes.Element) -> list[nodes.section]:
    """The sections after *node*: its later siblings, or else those of the section (or
    admonition, list, container …) that holds it, and so on up to the document."""
    current: nodes.Element = node
    while current.parent is not None:
        parent = current.parent
        siblings = parent.children[parent.index(current) + 1 :]
        sections = [s for s in siblings if isinstance(s, nodes.section)]
        if sections or isinstance(parent, nodes.document):
            return sections
        current = parent
    return []


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
            if isinstance(node, _CONTAINERS):
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
                _mark_turns(container)
            self._note_title(header)
            _note_summary(domain, docname, header)
            if get_config(self.config).outline == "auto" and not outlines:
                self._add_outline(header)
            domain.note_shows(docname, "episode")
            self._note_turns(header)
            chapters = sorted({c for node in outlines for c in _outline_chapters(node)})
            domain.note_feed(docname, chapters=tuple(part for c in chapters for part in c))
        if header is not None or directive_turns:
            domain.note_shows(docname, "speakers")
        if header is None and self.env.temp_data.get("podcast_has_soundbites"):
            for soundbite in self.document.findall(_is_soundbite):
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
        chapter_of: dict[int, int] = {}
        for index, section in enumerate(sections):
            for node in filter(_is_candidate, block_elements(section)):
                chapter_of[id(node)] = index
        turns = []
        seen: set[tuple[str, bool, int, bool]] = set()
        timeline: list[tuple[str, float | None, nodes.Element]] = []
        for node in filter(_is_candidate, block_elements(self.document)):
            if isinstance(node, pn.turn):
                reference, time_text, directive = node["speaker_ref"], node["time_text"], True
            else:
                reference, time_text, _cut = node[MARK]
                directive = False
            start: float | None = None
            if time_text:
                with contextlib.suppress(TimeFormatError):  # warned about when resolved
                    start = parse_time(time_text)
            domain.note_turn(docname, reference)
            timeline.append((reference, start, node))
            # Keep what the feed can need, in page order: each speaker reference's first
            # turn and first timed turn in each chapter (so a chapter's first turn, timed
            # or not, and its first timed turn are both kept, whoever the speakers are).
            chapter = chapter_of.get(id(node), -1)
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


def _is_soundbite(node: nodes.Node) -> bool:
    return isinstance(node, pn.soundbite | pn.soundbite_mark)


def _turn_text(node: nodes.Element) -> str:
    """What a turn says: a ``turn`` directive's text, or a marked paragraph's and that
    of the unmarked blocks that continue it."""
    if isinstance(node, pn.turn) or node.parent is None:
        return node.astext()
    parts = [node.astext()]
    siblings = node.parent.children
    for sibling in siblings[siblings.index(node) + 1 :]:
        if not isinstance(sibling, _CONTINUATIONS) or MARK in sibling.attributes:
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
    for node in document.findall(_is_soundbite):
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
                if not isinstance(sibling, _CONTINUATIONS) or MARK in sibling.attributes:
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
    results link, see :func:`~sphinx_podcast.domain.searchable_anchor`)."""
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


def _has_text(node: pn.turn) -> bool:
    """Whether the turn says anything (its label is not there yet)."""
    first = node.children[0] if node.children else None
    if isinstance(first, nodes.paragraph) and first.children:
        words = first.children[0]
        if isinstance(words, nodes.Text) and words.strip():
            return True  # the usual case, decided without a walk
    for text_or_image in node.findall(_text_or_image):
        if isinstance(text_or_image, nodes.image) or str(text_or_image).strip():
            return True  # usually the first text node: no need to read the whole turn
    return False


def _text_or_image(node: nodes.Node) -> bool:
    return isinstance(node, _TEXT_OR_IMAGE)


_TEXT_OR_IMAGE = (nodes.Text, nodes.image)


def _cut_prefix(paragraph: nodes.paragraph, cut: int) -> None:
    """Remove what the label now says: the bold name and *cut* characters after it."""
    del paragraph[0]
    if cut and paragraph.children and isinstance(paragraph[0], nodes.Text):
        rest = paragraph[0][cut:]
        if rest:
            paragraph[0] = nodes.Text(rest)
        else:
            del paragraph[0]


def _gets_our_html_visitors(env: BuildEnvironment, builder_name: str) -> bool:
    """Whether the builder's translator gets our HTML visitors. Sphinx gives it the
    visitors registered for the builder's name when any extension registered one
    for that name, and only otherwise those of its format ("html")."""
    handlers = getattr(get_app(env).registry, "translation_handlers", {})
    chosen = handlers.get(builder_name)
    if chosen is None:
        chosen = handlers.get("html", {})
    return pn.turn.__name__ in chosen


class TurnResolver(SphinxPostTransform):
    """After reading: resolve turn speakers and times, then fill outlines and back links."""

    default_priority = 5  # before ReferencesResolver (10): our pending_xrefs get resolved

    def run(self, **kwargs: Any) -> None:
        domain = get_podcast_domain(self.env)
        self.table = domain.speaker_table()
        self.podcast_config = get_config(self.config)
        self.builder_name, builder_format = builder_name_and_format(self.env)
        self.html = builder_format == "html"
        # HTML pages (not EPUB, whose readers have no player) get compact turn labels,
        # written by our visitor of the turn: if it is the one the translator gets.
        self.compact_labels = (
            self.html
            and not self.builder_name.startswith("epub")
            and _gets_our_html_visitors(self.env, self.builder_name)
        )
        self.backlinks = builder_format in ("html", "latex")
        self.latex = builder_format == "latex"
        self.plain_text = builder_format in ("text", "man", "texinfo")
        self.last_time: dict[str, tuple[float, int | None]] = {}
        self.counters: dict[str, int] = {}
        self.profile_uris: dict[tuple[str, str], str] = {}
        self.docnames: dict[str, str] = {}
        candidates: list[nodes.Element] = []
        outlines: list[pn.outline] = []
        headers: list[pn.episode_header] = []
        breaks: list[nodes.Element] = []
        for node in block_elements(self.document):
            if isinstance(node, nodes.paragraph):
                if MARK in node.attributes:
                    candidates.append(node)
                elif BREAK in node.attributes:
                    breaks.append(node)
            elif isinstance(node, pn.turn):
                candidates.append(node)
            elif isinstance(node, pn.outline):
                outlines.append(node)
            elif isinstance(node, pn.episode_header):
                headers.append(node)
        # First decide which marked paragraphs name a speaker: one that does not stays
        # as written, and ends the turn before it (its words are nobody's).
        speakers: dict[int, Speaker] = {}
        for node in candidates:
            if isinstance(node, pn.turn):
                continue
            name = node[MARK][0]
            speaker = self.table.find(name)
            if speaker is not None:
                speakers[id(node)] = speaker
                continue
            del node[MARK]
            node[BREAK] = True
            breaks.append(node)
            if self.podcast_config.strict_speakers:
                warn(
                    f"unknown speaker {name!r}: left as bold text, and not part of the turn "
                    "before it (podcast_strict_speakers)",
                    Subtype.unknown_speaker,
                    node,
                )
        wrapped = self._wrap_all(candidates, speakers)
        for node in breaks:
            del node[BREAK]
        for node in candidates:
            if isinstance(node, pn.turn):
                self._resolve(node, self.table.find(node["speaker_ref"]))
            elif id(node) in speakers:
                self._resolve(wrapped[id(node)], speakers[id(node)])
        # each section links back to the first outline that lists it, once
        self.linked_sections: dict[int, pn.outline] = {}
        for outline_node in outlines:
            self._fill_outline(outline_node)
        for header in headers:
            self._page_unique_id(header)
        if self.plain_text:  # an avatar reads as "[image]" in plain text: leave it out
            for image in list(self.document.findall(nodes.image)):
                if "podcast-avatar" in image["classes"]:
                    image.parent.remove(image)

    def _docname(self, node: nodes.Node) -> str:
        """The page *node* was read from (several in singlehtml and LaTeX)."""
        source = node.source or ""
        if source not in self.docnames:
            found = self.env.path2doc(source) if source else None
            self.docnames[source] = found or self.env.docname
        return self.docnames[source]

    def _wrap_all(
        self, candidates: list[nodes.Element], speakers: dict[int, Speaker]
    ) -> dict[int, pn.turn]:
        """Wrap each marked paragraph that names a speaker, with the unmarked blocks
        right after it, into a turn; the turns by id of their paragraph.

        Each parent's children are rebuilt once, so the cost is linear in the
        number of blocks however many turns a section has.
        """
        parents: dict[int, nodes.Element] = {}
        for node in candidates:
            if id(node) in speakers:
                parents.setdefault(id(node.parent), node.parent)
        wrapped: dict[int, pn.turn] = {}
        for parent in parents.values():
            children: list[nodes.Node] = []
            turn: pn.turn | None = None
            for child in parent.children:
                if isinstance(child, nodes.paragraph) and id(child) in speakers:
                    turn = self._new_turn(child)
                    turn.parent = parent
                    children.append(turn)
                    wrapped[id(child)] = turn
                elif (
                    turn is not None
                    and isinstance(child, _CONTINUATIONS)
                    and MARK not in child.attributes
                    and BREAK not in child.attributes
                ):
                    pass
                else:
                    turn = None
                    children.append(child)
                    continue
                turn.children.append(child)
                child.parent = turn
            parent.children[:] = children
        return wrapped

    def _new_turn(self, paragraph: nodes.paragraph) -> pn.turn:
        """An empty turn for the marked *paragraph*, whose prefix it takes off."""
        name, time_text, cut = paragraph[MARK]
        del paragraph[MARK]
        node = pn.turn(
            speaker_ref=name,
            time_text=time_text,
            syntax="bold",
            docname=self._docname(paragraph),
        )
        node.source, node.line = paragraph.source, paragraph.line
        _cut_prefix(paragraph, cut)
        return node

    # -- turns ---------------------------------------------------------------

    def _resolve(self, node: pn.turn, speaker: Speaker | None) -> None:
        reference = node["speaker_ref"]
        if speaker is None:
            warn(
                f"unknown speaker {reference!r} in turn: not in podcast_speakers "
                "nor a speaker directive",
                Subtype.unknown_speaker,
                node,
            )
        docname = node.get("docname", "")
        start = self._start(node, docname)
        if not _has_text(node):
            warn(f"empty turn of {reference!r}", Subtype.empty_turn, node)

        key = speaker.key if speaker else self._unknown_key(reference)
        node["speaker"] = key
        node["speaker_name"] = speaker.name if speaker else reference
        if "podcast-turn" not in node["classes"]:
            node["classes"].append("podcast-turn")
        node["classes"].append(f"podcast-color-{self.table.colours.get(key, 7)}")
        if start is not None:
            node["start"] = start
        self._assign_id(node, docname)
        self._write_label(node, speaker.name if speaker else reference, speaker, start)

    def _unknown_key(self, reference: str) -> str:
        """The ``data-speaker`` of an unknown speaker: made from the name, but never a
        known speaker's key (``Sam.`` is not ``sam``: not their colour, not their turns)."""
        key = nodes.make_id(reference) or "unknown"
        while key in self.table.speakers:
            key = f"unknown-{key}"
        return key

    def _start(self, node: pn.turn, docname: str) -> float | None:
        if not node.get("time_text"):
            return None
        try:
            start = parse_time(node["time_text"])
        except TimeFormatError as error:
            warn(f"turn time: {error}", Subtype.bad_time, node)
            return None
        previous = self.last_time.get(docname)
        if previous is not None and start < previous[0]:
            where = f" (line {previous[1]})" if previous[1] else ""
            warn(
                f"turn time {format_time(start)} is earlier than the turn before it at "
                f"{format_time(previous[0])}{where}",
                Subtype.time_order,
                node,
            )
        self.last_time[docname] = (start, node.line)
        return start

    def _page_unique_id(self, node: nodes.Element) -> str:
        """The node's id; in singlehtml (every page in one) prefixed with its page's name."""
        node_id: str = node["ids"][0]
        docname = node.get("docname")
        if self.builder_name == "singlehtml" and docname and len(node["ids"]) == 1:
            node_id = f"{nodes.make_id(docname)}-{node_id}"
            node["ids"] = [node_id]
            self.document.ids[node_id] = node
        return node_id

    def _assign_id(self, node: pn.turn, docname: str) -> None:
        count = self.counters.get(docname, 0) + 1
        self.counters[docname] = count
        base = f"turn-{count}"
        if self.builder_name == "singlehtml":
            base = f"{nodes.make_id(docname)}-{base}"
        node_id = base
        suffix = 1
        while node_id in self.document.ids:
            suffix += 1
            node_id = f"{base}-{suffix}"
        node["ids"].insert(0, node_id)  # first: a :name: target's id comes after it
        self.document.ids[node_id] = node

    def _profile_uri(self, docname: str, speaker: Speaker) -> str:
        """The link from *docname* to the speaker's profile (computed once per page)."""
        key = (docname, speaker.key)
        uri = self.profile_uris.get(key)
        if uri is None:
            if docname == speaker.docname:
                uri = "#" + speaker.anchor
            else:
                builder = get_builder(self.env)
                uri = builder.get_relative_uri(docname, speaker.docname) + "#" + speaker.anchor
            self.profile_uris[key] = uri
        return uri

    def _write_label(
        self, node: pn.turn, name: str, speaker: Speaker | None, start: float | None
    ) -> None:
        """The turn's label: name (and avatar), time and colon, before its first words.

        On HTML pages the label is written by the turn's visitor from the turn's
        attributes (``speaker_name``, ``speaker_uri``, ``start``): a transcript
        has thousands of turns, and each node made here costs time and memory
        to make, to collect and to write. Only an avatar needs a node (an image
        Sphinx copies): then the label is a node holding just the image. Other
        builders get plain nodes they all know.
        """
        label: pn.turn_label
        builder = get_builder(self.env)
        linked = speaker is not None and page_in_output(self.env, builder, speaker.docname)
        if self.compact_labels:
            if speaker is not None and linked:
                node["speaker_uri"] = self._profile_uri(node.get("docname", ""), speaker)
            if speaker is None or not speaker.avatar:
                return
            uri = speaker.avatar
            candidates = {"?": uri} if uri.startswith("https://") else {"*": uri}
            label = pn.turn_label(compact=True)
            label += nodes.image(
                uri, uri=uri, alt="", candidates=candidates, classes=["podcast-avatar"]
            )
        else:
            label = pn.turn_label(classes=["podcast-turn-label"])
            who = pn.speaker_label(classes=["podcast-speaker"])
            label += who
            if speaker is not None and linked:
                who += podcast_xref(
                    "speaker", speaker.key, name, node.get("docname", ""), location=node
                )
            else:
                who += nodes.inline(name, name)
            if start is not None:
                shown = f"[{format_time(start)}]"
                label += nodes.Text(" ")
                label += nodes.inline(shown, shown, classes=["podcast-time"])
            label += nodes.inline(": ", ": ", classes=["podcast-sep"])

        first = node.children[0] if node.children else None
        if isinstance(first, nodes.paragraph):
            first.insert(0, label)
        else:
            node.insert(0, nodes.paragraph("", "", label))

    # -- outline -------------------------------------------------------------

    def _fill_outline(self, node: pn.outline) -> None:
        sections = following_sections(node)
        if not sections and not node.get("chapters"):  # warned about at read time
            node.parent.remove(node)
            return
        heading = next((c for c in node.children if isinstance(c, nodes.rubric)), None)
        if heading is None:  # no :title: (a given one is already there, maybe translated)
            title = _("Outline")
            heading = nodes.rubric(title, title, classes=["podcast-outline-title"])
            node += heading
        node["label"] = heading.astext()
        outline_id = self._page_unique_id(node)
        self.listed_again: pn.outline | None = None
        self.item_starts: dict[int, float] = {}  # id of a top entry -> its chapter time
        self.opening = _opening_section(sections, _outline_chapters(node))
        items = self._outline_list(sections, outline_id, node.get("depth", 0), 1, node)
        for start, chapter_title in _outline_chapters(node):
            self._add_chapter(items, start, chapter_title)
        node += items
        if self.listed_again is not None:
            first = self.listed_again
            where = f" (line {first.line})" if first.line else ""
            warn(
                f"a second outline of the same sections; the first one{where} keeps their "
                "back links",
                Subtype.duplicate_outline,
                node,
            )

    def _outline_list(
        self,
        sections: list[nodes.section],
        outline_id: str,
        depth: int,
        level: int,
        outline: pn.outline,
    ) -> nodes.bullet_list:
        items = nodes.bullet_list(classes=["podcast-outline-list"])
        for section in sections:
            if not section["ids"]:
                continue
            title = section.next_node(nodes.title)
            text = title.astext() if title else ""
            entry = nodes.paragraph()
            entry += nodes.reference(
                "",
                "",
                *[child.deepcopy() for child in (title.children if title else [])],
                internal=True,
                refid=section["ids"][0],
            )
            start = 0.0 if section is self.opening else _first_start(section)
            if start is not None:
                entry += nodes.Text(" ")
                entry += self._chapter_time(start)
            item = nodes.list_item("", entry, classes=[], title=text)
            if start is not None:
                self.item_starts[id(item)] = start
            children = [s for s in section.children if isinstance(s, nodes.section)]
            if children and (not depth or level < depth):
                item += self._outline_list(children, outline_id, depth, level + 1, outline)
            items += item
            first = self.linked_sections.setdefault(id(section), outline)
            if first is outline:
                self._add_backlink(section, outline_id)
            elif self.listed_again is None:
                self.listed_again = first
        return items

    def _chapter_time(self, start: float) -> nodes.Node:
        """A chapter's time in the outline: a link that seeks the player (HTML)."""
        shown = format_time(start)
        if self.html:
            return pn.time_link(
                shown,
                shown,
                refuri=f"#t={format_seconds_attr(start)}",
                classes=["podcast-time", "podcast-chapter-time"],
                label=_("Play from %s") % shown,
            )
        return nodes.inline(f"[{shown}]", f"[{shown}]", classes=["podcast-chapter-time"])

    def _add_chapter(self, items: nodes.bullet_list, start: float, title: str) -> None:
        """A chapter without a section of its own, among the top entries by its time."""
        entry = nodes.paragraph("", "", nodes.inline(title, title), nodes.Text(" "))
        entry += self._chapter_time(start)
        item = nodes.list_item("", entry, classes=["podcast-outline-chapter"], title=title)
        position = len(items.children)
        for index, other in enumerate(items.children):
            other_start = self.item_starts.get(id(other))
            if other_start is not None and other_start > start:
                position = index
                break
        items.insert(position, item)
        self.item_starts[id(item)] = start

    def _add_backlink(self, section: nodes.section, outline_id: str) -> None:
        symbol = self.podcast_config.backlink_symbol
        if not self.backlinks or not (symbol or self.podcast_config.backlink_label):
            return
        body_end = 0
        for index, child in enumerate(section.children):
            if isinstance(child, nodes.section):
                break
            if not isinstance(child, nodes.title):
                body_end = index + 1
        if not body_end:
            return
        if self.latex and symbol == "⬆":  # not in pdflatex's fonts
            content: nodes.Node = nodes.raw("", r"\(\uparrow\)", format="latex")
        else:
            content = nodes.Text(symbol)
        link = pn.backlink(
            "",
            "",
            content,
            refid=outline_id,
            internal=True,
            classes=["podcast-backlink"],
            label=_("Back to the outline"),
        )
        section.insert(body_end, nodes.paragraph("", "", link, classes=["podcast-backlink-line"]))


def _outline_chapters(node: pn.outline) -> list[tuple[float, str]]:
    """The chapters an outline directive lists without a section: (start, title)."""
    chapters: list[tuple[float, str]] = node.get("chapters", [])
    return chapters


def _opening_section(
    sections: list[nodes.section], listed: list[tuple[float, str]]
) -> nodes.section | None:
    """The first section with turns, when it starts with an untimed turn, some turn of the
    page is timed and the outline lists no chapter before it: its chapter starts at 0:00,
    as in chapters.json and the feed (exports.episode_chapters)."""
    if not any(_first_start(section) is not None for section in sections):
        return None
    for section in sections:
        turn = next(_turns(section), None)
        if turn is None:
            continue
        own = _first_start(section)
        if turn.get("start") is not None or any(
            start < (own if own is not None else float("inf")) for start, _title in listed
        ):
            return None
        return section
    return None


def _first_start(section: nodes.section) -> float | None:
    for turn in _turns(section):
        if turn.get("start") is not None:
            return float(turn["start"])
    return None


def _turns(node: nodes.Element) -> Iterator[pn.turn]:
    for element in block_elements(node):
        if isinstance(element, pn.turn):
            yield element


def setup_transforms(app: Sphinx) -> None:
    app.add_transform(EpisodePageTransform)
    app.add_post_transform(TurnResolver)
