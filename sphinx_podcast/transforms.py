"""Turning transcript text into turns, and filling in outlines.

Two passes:

* at read time (:class:`EpisodePageTransform`), on episode pages only,
  paragraphs that *look* like ``**Name** [01:12]: …`` become candidate
  turns, with what the author wrote kept in a :class:`~.nodes.turn_label`;
* after all pages are read (:class:`TurnResolver`, a post-transform), each
  candidate is checked against the full speaker table: a known speaker
  makes it a turn; anything else is put back exactly as written. That way a
  speaker declared on any page works on every page, in any read order and
  under ``-j``.

Both passes visit each node a bounded number of times: linear in page size.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import nodes as pn
from .compat import builder_name_and_format
from .config import get_config
from .directives.outline import make_outline
from .domain import get_podcast_domain
from .locale import _
from .model import TimeFormatError, format_seconds_attr, format_time, parse_time
from .warnings_ import Subtype, warn

# ``**Ada:**`` / ``**Ada [01:12]:**`` (the colon inside the bold)
_BOLD_WITH_COLON = re.compile(
    r"^(?P<name>[^\[\]():\n]+?)\s*(?:[\[(](?P<time>[^\])\n]*)[\])])?\s*:$"
)
# ``**Ada**: …`` / ``**Ada** [01:12]: …`` / ``**Ada** (01:12): …`` (what follows the bold)
_AFTER_BOLD = re.compile(r"^[ \t]*(?:[\[(](?P<time>[^\])\n]*)[\])])?[ \t]*:(?:\s+|$)")
_MAX_NAME_LENGTH = 80
# Block nodes that continue the turn right before them.
_CONTINUATIONS = (nodes.paragraph, nodes.bullet_list, nodes.enumerated_list, nodes.block_quote)


def _split_prefix(paragraph: nodes.paragraph) -> tuple[str, str, list[nodes.Node]] | None:
    """If *paragraph* starts like a turn: (name, time text, prefix nodes), cut from it."""
    # MyST may start a paragraph with an empty text node: look past it.
    children = [
        child
        for child in paragraph.children
        if not (isinstance(child, nodes.Text) and not child.strip() and child is paragraph[0])
    ]
    if not children or not isinstance(children[0], nodes.strong):
        return None
    strong = children[0]
    bold = strong.astext().strip()
    if not bold or len(bold) > _MAX_NAME_LENGTH:
        return None
    match = _BOLD_WITH_COLON.match(bold)
    if match:
        prefix: list[nodes.Node] = [strong]
        after = children[1] if len(children) > 1 else None
        if isinstance(after, nodes.Text) and after[:1].isspace():
            rest = after.lstrip()
            prefix.append(nodes.Text(after[: len(after) - len(rest)]))
            if rest:
                paragraph.replace(after, nodes.Text(rest))
            else:
                paragraph.remove(after)
        paragraph.remove(strong)
        return match["name"].strip(), (match["time"] or "").strip(), prefix
    if ":" in bold or "\n" in bold or len(children) < 2 or not isinstance(children[1], nodes.Text):
        return None
    after = children[1]
    text = str(after)
    match = _AFTER_BOLD.match(text)
    if not match:
        return None
    paragraph.remove(strong)
    rest = text[match.end() :]
    prefix_text = nodes.Text(text[: match.end()])
    if rest:
        paragraph.replace(after, nodes.Text(rest))
    else:
        paragraph.remove(after)
    return bold, (match["time"] or "").strip(), [strong, prefix_text]


def _group_turns(parent: nodes.Element, docname: str) -> None:
    """Wrap each bold-name paragraph and what continues it into a candidate turn."""
    if not any(isinstance(child, nodes.paragraph) for child in parent.children):
        return
    new_children: list[nodes.Node] = []
    current: pn.turn | None = None
    changed = False
    for child in list(parent.children):
        if isinstance(child, nodes.paragraph):
            prefix = _split_prefix(child)
            if prefix is not None:
                name, time_text, prefix_nodes = prefix
                child.insert(0, pn.turn_label("", "", *prefix_nodes))
                current = pn.turn(
                    classes=["podcast-turn"],
                    speaker_ref=name,
                    time_text=time_text,
                    syntax="bold",
                    docname=docname,
                )
                current.source, current.line = child.source, child.line
                current += child
                new_children.append(current)
                changed = True
                continue
        if current is not None and isinstance(child, _CONTINUATIONS):
            current += child
            continue
        current = None
        new_children.append(child)
    if changed:
        parent.children = []
        parent.extend(new_children)


def following_sections(node: nodes.Element) -> list[nodes.section]:
    """The sections after *node*: its later siblings, or else its section's later siblings."""
    current: nodes.Element = node
    while current.parent is not None:
        parent = current.parent
        siblings = parent.children[parent.index(current) + 1 :]
        sections = [s for s in siblings if isinstance(s, nodes.section)]
        if sections or not isinstance(parent, nodes.section):
            return sections
        current = parent
    return []


class EpisodePageTransform(SphinxTransform):
    """Read time: find candidate turns, add the automatic outline, note the episode title."""

    default_priority = 400

    def apply(self, **kwargs: Any) -> None:
        docname = self.env.docname
        domain = get_podcast_domain(self.env)
        header = next(self.document.findall(pn.episode_header), None)
        if header is not None:
            for element in list(self.document.findall(_holds_turns)):
                _group_turns(element, docname)  # type: ignore[arg-type]
            self._note_title(header)
            if get_config(self.config).outline == "auto":
                self._add_outline(header)
            domain.note_shows(docname, "speakers")
            domain.note_shows(docname, "episode")
        for turn_node in self.document.findall(pn.turn):
            domain.note_shows(docname, "speakers")
            if header is not None:
                domain.note_turn(docname, turn_node["speaker_ref"])
        for node in self.document.findall(pn.outline):
            if not following_sections(node):
                warn(
                    "outline has no sections after it; nothing to list",
                    Subtype.empty_outline,
                    node,
                )

    def _note_title(self, header: pn.episode_header) -> None:
        domain = get_podcast_domain(self.env)
        section = header.parent
        while section is not None and not isinstance(section, nodes.section):
            section = section.parent
        title_node = (section or self.document).next_node(nodes.title)
        title = title_node.astext() if title_node else ""
        domain.set_episode_title(self.env.docname, title)
        if title and header["ids"]:
            entry = ("pair", f"{_('episode')}; {title}", header["ids"][0], "", None)
            header.parent.insert(header.parent.index(header), addnodes.index(entries=[entry]))

    def _add_outline(self, header: pn.episode_header) -> None:
        if next(self.document.findall(pn.outline), None) is not None:
            return
        if not following_sections(header):
            return
        node = make_outline(self.document, self.env, 0, "")
        node.source, node.line = header.source, header.line
        header.parent.insert(header.parent.index(header) + 1, node)


def _holds_turns(node: nodes.Node) -> bool:
    return isinstance(node, nodes.section | nodes.document)


def _has_text(node: nodes.Element) -> bool:
    for child in node.findall(nodes.Text):
        if child.strip() and not _inside(child, pn.turn_label):
            return True
    return any(True for _ in node.findall(nodes.image))


def _inside(node: nodes.Node, cls: type[nodes.Element]) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, cls):
            return True
        if isinstance(parent, pn.turn):
            return False
        parent = parent.parent
    return False


class TurnResolver(SphinxPostTransform):
    """After reading: resolve turn speakers and times, then fill outlines and back links."""

    default_priority = 5  # before ReferencesResolver (10): our pending_xrefs get resolved

    def run(self, **kwargs: Any) -> None:
        domain = get_podcast_domain(self.env)
        self.table = domain.speaker_table()
        self.podcast_config = get_config(self.config)
        self.builder_name, builder_format = builder_name_and_format(self.env)
        self.html = builder_format == "html"
        self.backlinks = builder_format in ("html", "latex")
        self.latex = builder_format == "latex"
        self.last_time: dict[str, tuple[float, int | None]] = {}
        self.counters: dict[str, int] = {}
        for turn_node in list(self.document.findall(pn.turn)):
            self._resolve(turn_node)
        for outline_node in list(self.document.findall(pn.outline)):
            self._fill_outline(outline_node)
        for header in self.document.findall(pn.episode_header):
            self._page_unique_id(header)
        if builder_format in ("text", "man", "texinfo"):
            # an avatar reads as "[image]" in plain text: leave it out
            for image in list(self.document.findall(nodes.image)):
                if "podcast-avatar" in image["classes"]:
                    image.parent.remove(image)

    # -- turns ---------------------------------------------------------------

    def _resolve(self, node: pn.turn) -> None:
        reference = node["speaker_ref"]
        speaker = self.table.find(reference)
        if speaker is None and node["syntax"] == "bold":
            if self.podcast_config.strict_speakers:
                warn(
                    f"unknown speaker {reference!r} (podcast_strict_speakers is on); "
                    "left as bold text",
                    Subtype.unknown_speaker,
                    node,
                )
            self._unwrap(node)
            return
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

        key = speaker.key if speaker else nodes.make_id(reference) or "unknown"
        node["speaker"] = key
        node["classes"].append(f"podcast-color-{self.table.colours.get(key, 7)}")
        if start is not None:
            node["start"] = start
        data = {"speaker": key}
        if start is not None:
            data["start"] = format_seconds_attr(start)
        node["html_data"] = data
        self._assign_id(node, docname)
        self._write_label(node, speaker.name if speaker else reference, speaker, start)

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
        node["ids"].append(node_id)
        self.document.ids[node_id] = node

    def _write_label(self, node: pn.turn, name: str, speaker: Any, start: float | None) -> None:
        label = pn.turn_label(classes=["podcast-turn-label"])
        who = pn.speaker_label(classes=["podcast-speaker"])
        if self.html and speaker is not None and speaker.avatar:
            uri = speaker.avatar
            remote = uri.startswith("https://")
            who += nodes.image(
                uri,
                uri=uri,
                alt="",
                candidates={"?": uri} if remote else {"*": uri},
                classes=["podcast-avatar"],
            )
        if speaker is not None and speaker.docname:  # link to the profile, when there is one
            xref = pending_xref(
                "",
                nodes.inline(name, name),
                refdomain="podcast",
                reftype="speaker",
                reftarget=speaker.key,
                refexplicit=True,
                refdoc=node.get("docname", ""),
            )
            xref.source, xref.line = node.source, node.line
            who += xref
        else:
            who += nodes.inline(name, name)
        label += who
        if start is not None:
            label += nodes.Text(" ")
            shown = format_time(start)
            if self.html:
                label += pn.time_link(
                    shown,
                    shown,
                    refuri=f"#t={format_seconds_attr(start)}",
                    classes=["podcast-time"],
                    label=_("Play from %s") % shown,
                )
            else:
                label += nodes.Text(f"[{shown}]")
        label += nodes.inline(": ", ": ", classes=["podcast-sep"])

        existing = next(iter(node.findall(pn.turn_label)), None)
        if existing is not None:
            existing.replace_self(label)
            return
        first = node.children[0] if node.children else None
        if isinstance(first, nodes.paragraph):
            first.insert(0, label)
        else:
            node.insert(0, nodes.paragraph("", "", label))

    def _unwrap(self, node: pn.turn) -> None:
        """Put a bold paragraph that names nobody back exactly as it was written."""
        label = next(iter(node.findall(pn.turn_label)), None)
        if label is not None:
            label.parent.replace(label, list(label.children))
        parent = node.parent
        children = list(node.children)
        node.children = []
        index = parent.index(node)
        previous = parent.children[index - 1] if index else None
        if isinstance(previous, pn.turn) and previous.get("speaker"):
            previous.extend(children)  # an unprefixed paragraph continues the turn before
            parent.remove(node)
        else:
            parent[index : index + 1] = children

    # -- outline -------------------------------------------------------------

    def _fill_outline(self, node: pn.outline) -> None:
        sections = following_sections(node)
        if not sections:  # warned about at read time
            node.parent.remove(node)
            return
        title = node.get("title") or _("Outline")
        node["label"] = title
        node += nodes.rubric(title, title, classes=["podcast-outline-title"])
        outline_id = self._page_unique_id(node)
        node += self._outline_list(sections, outline_id, node.get("depth", 0), 1)

    def _outline_list(
        self, sections: list[nodes.section], outline_id: str, depth: int, level: int
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
            start = _first_start(section)
            if start is not None:
                shown = format_time(start)
                entry += nodes.Text(" ")
                if self.html:
                    entry += pn.time_link(
                        shown,
                        shown,
                        refuri=f"#t={format_seconds_attr(start)}",
                        classes=["podcast-time", "podcast-chapter-time"],
                        label=_("Play from %s") % shown,
                    )
                else:
                    entry += nodes.inline(
                        f"[{shown}]", f"[{shown}]", classes=["podcast-chapter-time"]
                    )
            item = nodes.list_item("", entry, classes=[], title=text)
            children = [s for s in section.children if isinstance(s, nodes.section)]
            if children and (not depth or level < depth):
                item += self._outline_list(children, outline_id, depth, level + 1)
            items += item
            self._add_backlink(section, outline_id)
        return items

    def _add_backlink(self, section: nodes.section, outline_id: str) -> None:
        symbol = self.podcast_config.backlink_symbol
        if not self.backlinks or not symbol:
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


def _first_start(section: nodes.section) -> float | None:
    for turn in _turns(section):
        if turn.get("start") is not None:
            return float(turn["start"])
    return None


def _turns(node: nodes.Element) -> Iterator[pn.turn]:
    return node.findall(pn.turn)


def setup_transforms(app: Sphinx) -> None:
    app.add_transform(EpisodePageTransform)
    app.add_post_transform(TurnResolver)
