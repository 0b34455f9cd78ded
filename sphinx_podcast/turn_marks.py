"""Read time: the paragraphs of an episode page that start like a turn, marked.

By the turn grammar (:mod:`.grammar`): a paragraph whose bold start reads as a
turn label gets the :data:`MARK` attribute (name, time, prefix length); one that
looks like a label but breaks the grammar (two times, a bold part over 80
characters) gets :data:`BREAK` and a ``podcast.turn_syntax`` warning. Nothing
else changes: :mod:`.turn_resolver` decides, once every speaker is known.
"""

from __future__ import annotations

from docutils import nodes

from . import nodes as pn
from .grammar import Label, Suspicious, read_bold_label
from .model import TimeFormatError, parse_time
from .warnings_ import Subtype, warn

__all__ = ["BREAK", "CONTAINERS", "CONTINUATIONS", "MARK", "START", "is_candidate", "mark_turns"]

# Block nodes that continue the turn right before them.
CONTINUATIONS = (
    nodes.paragraph,
    nodes.bullet_list,
    nodes.enumerated_list,
    nodes.block_quote,
    pn.soundbite,
)

# Where bold-name turns are looked for: directly in a section (or a page without one).
CONTAINERS = (nodes.section, nodes.document)

MARK = "podcast_turn"
"""Attribute of a paragraph that starts like a turn: (name, time text, prefix length)."""
START = "podcast_turn_start"
"""Attribute of a marked paragraph whose time parses: its start in seconds, read once
for the page's notes and the turn (a paragraph without it has its time read again, and
warned about, when its turn is made; so does one read by an older version)."""
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


def mark_turns(parent: nodes.Element) -> list[nodes.paragraph]:
    """Mark the paragraphs of *parent* that start like a turn."""
    marked = []
    for child in parent.children:
        if isinstance(child, nodes.paragraph):
            label = _split_prefix(child)
            if isinstance(label, Label):
                child[MARK] = (label.name, label.time, label.text_start)
                start = _seconds(label.time)
                if start is not None:
                    child[START] = start
                marked.append(child)
            elif label is not None:
                child[BREAK] = True
                warn(
                    f"{label.reason}: left as written, and not part of the turn before it",
                    Subtype.turn_syntax,
                    child,
                )
    return marked


def _seconds(time_text: str) -> float | None:
    """The start a label's time says, or None: no time, or one that does not parse."""
    if not time_text:
        return None
    try:
        return parse_time(time_text)
    except TimeFormatError:
        return None


def is_candidate(node: nodes.Node) -> bool:
    """A turn of the ``turn`` directive, or a paragraph marked as a possible turn."""
    return isinstance(node, pn.turn) or (
        isinstance(node, nodes.paragraph) and MARK in node.attributes
    )
