"""A resolved page's turns as cues: speaker, start and the words a reader sees, one
line per block, without labels, media or footnote markers. The transcript files
(:mod:`.exports`) and the estimated starts (:mod:`.timing`) read the page this way.
"""

from __future__ import annotations

import re

from docutils import nodes

from . import formats
from . import nodes as pn
from .blocks import block_elements

#: What a transcript leaves out: labels, media, images, markup that is not said, and the
#: editorial apparatus (footnote and citation markers and their notes).
_LEFT_OUT = (
    pn.turn_label,
    pn.media_embed,
    nodes.image,
    nodes.raw,
    nodes.comment,
    nodes.system_message,
    nodes.footnote_reference,
    nodes.citation_reference,
    nodes.footnote,
    nodes.citation,
    nodes.substitution_definition,
    nodes.target,
    nodes.label,
)


#: Where an inline node was left out, until the white space around it is settled.
_GAP = "\ufffe"
#: A gap and the space before it, when punctuation follows (``a note [1].``: ``a note.``).
_GAP_BEFORE_PUNCTUATION = re.compile(r"\s*\ufffe+(?=[.,;:!?)\]])|\ufffe")


def _inline_text(node: nodes.Node) -> str:
    """The words of an inline node as a reader sees them: ``astext()`` of its text
    (rST's backslash escapes leave NUL characters in the raw string)."""
    if isinstance(node, nodes.Text):
        return node.astext() if "\x00" in node else node
    if isinstance(node, _LEFT_OUT):
        return _GAP
    return "".join([_inline_text(child) for child in node.children])


def spoken_blocks(node: nodes.Node) -> list[str]:
    """The text blocks of *node* (a turn, or anything in it), each on one line with its
    white space collapsed: a paragraph, a list item's paragraph, a code block, a quote's
    attribution … never two blocks run together."""
    if isinstance(node, _LEFT_OUT):
        return []
    if isinstance(node, nodes.TextElement | nodes.Text):
        text = _inline_text(node)
        if _GAP in text:  # (most paragraphs left nothing out: no regular expression scan)
            text = _GAP_BEFORE_PUNCTUATION.sub("", text)
        text = " ".join(text.split())
        if text and isinstance(node, nodes.attribution):
            text = "\u2014" + text  # as the HTML writer shows it
        return [text] if text else []
    blocks: list[str] = []
    for child in node.children:
        blocks.extend(spoken_blocks(child))
    return blocks


def turn_cues(doctree: nodes.Element) -> list[formats.Cue]:
    """The page's resolved turns: speaker name as shown, start time, text without the
    label (one line per block)."""
    cues = []
    for turn in block_elements(doctree):
        if not isinstance(turn, pn.turn) or not turn.get("speaker"):
            continue
        start = turn.get("start")
        cues.append(
            formats.Cue(
                float(start) if start is not None else None,
                None,
                turn.get("speaker_name") or turn["speaker"],
                "\n".join(spoken_blocks(turn)),
                turn.line or 0,
            )
        )
    return cues
