"""After the turns: the outline of every ``outline`` directive, and the back links.

:class:`OutlineFiller` (a post-transform, after :class:`.turn_resolver.TurnResolver`,
whose turn times give the chapters) fills each outline with the sections that follow
it, their chapter times and the chapters the directive lists without a section, and
ends every listed section with a link back to the outline. In singlehtml it also
makes the page's ids (outline, episode header) unique across the pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import nodes as pn
from .blocks import block_elements
from .compat import builder_name_and_format
from .config import get_config
from .locale import _
from .model import format_seconds_attr, format_time
from .warnings_ import Subtype, warn

__all__ = ["OutlineFiller", "following_sections", "outline_chapters"]


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


class OutlineFiller(SphinxPostTransform):
    """Fill the outlines (and make page ids unique in singlehtml)."""

    default_priority = 6  # after TurnResolver (5), before ReferencesResolver (10)

    def run(self, **kwargs: Any) -> None:
        self.podcast_config = get_config(self.config)
        self.builder_name, builder_format = builder_name_and_format(self.env)
        self.html = builder_format == "html"
        self.backlinks = builder_format in ("html", "latex")
        self.latex = builder_format == "latex"
        outlines: list[pn.outline] = []
        headers: list[pn.episode_header] = []
        for node in block_elements(self.document):
            if isinstance(node, pn.outline):
                outlines.append(node)
            elif isinstance(node, pn.episode_header):
                headers.append(node)
        # each section links back to the first outline that lists it, once
        self.linked_sections: dict[int, pn.outline] = {}
        for outline_node in outlines:
            self._fill_outline(outline_node)
        for header in headers:
            self._page_unique_id(header)

    def _page_unique_id(self, node: nodes.Element) -> str:
        """The node's id; in singlehtml (every page in one) prefixed with its page's name."""
        node_id: str = node["ids"][0]
        docname = node.get("docname")
        if self.builder_name == "singlehtml" and docname and len(node["ids"]) == 1:
            node_id = f"{nodes.make_id(docname)}-{node_id}"
            node["ids"] = [node_id]
            self.document.ids[node_id] = node
        return node_id

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
        self.opening = _opening_section(sections, outline_chapters(node))
        items = self._outline_list(sections, outline_id, node.get("depth", 0), 1, node)
        for start, chapter_title in outline_chapters(node):
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


def outline_chapters(node: pn.outline) -> list[tuple[float, str]]:
    """The chapters an outline directive lists without a section: (start, title)."""
    chapters: list[tuple[float, str]] = node.get("chapters", [])
    return chapters


def _opening_section(
    sections: list[nodes.section], listed: list[tuple[float, str]]
) -> nodes.section | None:
    """The first section with turns, when it starts with an untimed turn, some turn of the
    page is timed and the outline lists no chapter before it: its chapter starts at 0:00,
    as in chapters.json and the feed (episode_files.episode_chapters)."""
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
