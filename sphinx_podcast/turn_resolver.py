"""After reading: paragraphs marked as turns become turns, or stay as written.

:class:`TurnResolver` (a post-transform) checks each paragraph that
:mod:`.turn_marks` marked against the full speaker table: a known speaker makes
it a turn (the bold name and time become the turn's label, and the unmarked
paragraphs, lists and quotes right after it continue it); anything else stays as
written and ends the turn before it. That way a speaker declared on any page
works on every page, in any read order and under ``-j``. It walks the block
level only (:mod:`.blocks`): linear in page size.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import nodes as pn
from .blocks import block_elements
from .compat import builder_name_and_format, get_app, get_builder
from .config import get_config
from .domain import get_podcast_domain
from .model import Speaker, TimeFormatError, format_time, parse_time
from .moments import page_in_output
from .references import podcast_xref
from .turn_marks import BREAK, CONTINUATIONS, MARK, START
from .warnings_ import Subtype, warn

__all__ = ["TurnResolver", "gets_our_html_visitors"]


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


def _says_something(paragraph: nodes.Element) -> bool:
    """Whether a marked paragraph has words after its label: ``**Break:**`` alone marks
    a moment of the recording, and is no misspelt speaker worth a warning."""
    cut = paragraph[MARK][2]
    rest = paragraph.children[1:]
    if not rest:
        return False
    return not (len(rest) == 1 and isinstance(rest[0], nodes.Text) and not rest[0][cut:].strip())


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


def gets_our_html_visitors(env: BuildEnvironment, builder_name: str) -> bool:
    """Whether the builder's translator gets our HTML visitors. Sphinx gives it the
    visitors registered for the builder's name when any extension registered one
    for that name, and only otherwise those of its format ("html")."""
    handlers = getattr(get_app(env).registry, "translation_handlers", {})
    chosen = handlers.get(builder_name)
    if chosen is None:
        chosen = handlers.get("html", {})
    return pn.turn.__name__ in chosen


class TurnResolver(SphinxPostTransform):
    """After reading: resolve turn speakers and times (outlines: :mod:`.outline_fill`)."""

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
            and gets_our_html_visitors(self.env, self.builder_name)
        )
        self.plain_text = builder_format in ("text", "man", "texinfo")
        self.last_time: dict[str, tuple[float, int | None]] = {}
        self.counters: dict[str, int] = {}
        self.profile_uris: dict[tuple[str, str], str] = {}
        self.docnames: dict[str, str] = {}
        self.builder = get_builder(self.env)
        self.linked: dict[str, bool] = {}  # speaker's page: in the output (is linked to)
        candidates: list[nodes.Element] = []
        breaks: list[nodes.Element] = []
        for node in block_elements(self.document):
            if isinstance(node, nodes.paragraph):
                if MARK in node.attributes:
                    candidates.append(node)
                elif BREAK in node.attributes:
                    breaks.append(node)
            elif isinstance(node, pn.turn):
                candidates.append(node)
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
            says_something = _says_something(node)
            del node[MARK]
            node.attributes.pop(START, None)
            node[BREAK] = True
            breaks.append(node)
            if self.podcast_config.strict_speakers and says_something:
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
                self._resolve(node, self.table.find(node["speaker_ref"]), None)
            elif id(node) in speakers:
                turn, start = wrapped[id(node)]
                self._resolve(turn, speakers[id(node)], start)
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
    ) -> dict[int, tuple[pn.turn, float | None]]:
        """Wrap each marked paragraph that names a speaker, with the unmarked blocks
        right after it, into a turn; the turns (with the start read from their
        paragraph's mark) by id of their paragraph.

        Each parent's children are rebuilt once, so the cost is linear in the
        number of blocks however many turns a section has.
        """
        parents: dict[int, nodes.Element] = {}
        for node in candidates:
            if id(node) in speakers:
                parents.setdefault(id(node.parent), node.parent)
        wrapped: dict[int, tuple[pn.turn, float | None]] = {}
        for parent in parents.values():
            children: list[nodes.Node] = []
            turn: pn.turn | None = None
            for child in parent.children:
                if isinstance(child, nodes.paragraph) and id(child) in speakers:
                    turn, start = self._new_turn(child)
                    turn.parent = parent
                    children.append(turn)
                    wrapped[id(child)] = (turn, start)
                elif (
                    turn is not None
                    and isinstance(child, CONTINUATIONS)
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

    def _new_turn(self, paragraph: nodes.paragraph) -> tuple[pn.turn, float | None]:
        """An empty turn for the marked *paragraph*, whose prefix it takes off, and the
        start its mark holds."""
        name, time_text, cut = paragraph[MARK]
        del paragraph[MARK]
        start = paragraph.attributes.pop(START, None)
        node = pn.turn(
            speaker_ref=name,
            time_text=time_text,
            syntax="bold",
            docname=self._docname(paragraph),
        )
        node.source, node.line = paragraph.source, paragraph.line
        _cut_prefix(paragraph, cut)
        return node, start

    # -- turns ---------------------------------------------------------------

    def _resolve(self, node: pn.turn, speaker: Speaker | None, read: float | None) -> None:
        """Make *node* a turn of *speaker*; *read* is its start as read (by
        :mod:`.turn_marks`), None when there is none or it is yet to be read."""
        reference = node["speaker_ref"]
        if speaker is None:
            warn(
                f"unknown speaker {reference!r} in turn: not in podcast_speakers "
                "nor a speaker directive",
                Subtype.unknown_speaker,
                node,
            )
        docname = node.get("docname", "")
        start = self._start(node, docname, read)
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

    def _start(self, node: pn.turn, docname: str, read: float | None) -> float | None:
        if not node.get("time_text"):
            return None
        start = read  # a bold label's time is read once, by turn_marks (saves ~0.4 ms a page)
        if start is None:  # a turn directive's, or one that does not parse: warn
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

    def _linked(self, speaker: Speaker) -> bool:
        """Whether the speaker's profile page is in the output (looked up once a page)."""
        linked = self.linked.get(speaker.docname)
        if linked is None:
            linked = self.linked[speaker.docname] = page_in_output(
                self.env, self.builder, speaker.docname
            )
        return linked

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
        linked = speaker is not None and self._linked(speaker)
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
