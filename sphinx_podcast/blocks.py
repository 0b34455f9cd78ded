"""Walking a doctree's block level only.

Our transforms look for block nodes (turns, outlines, episode headers, lists,
players) and for paragraphs. None of those can be inside a paragraph, a title
or another text element, whose children are inline: words, emphasis, links.
A transcript is mostly such inline nodes, so a walk that does not descend
into text elements visits a fraction of the nodes ``findall`` visits, and does
so without a generator per node.
"""

from __future__ import annotations

from collections.abc import Iterator

from docutils import nodes


def block_elements(root: nodes.Element) -> Iterator[nodes.Element]:
    """*root* and every element under it, in document order, but not what is
    inside a text element (a paragraph is yielded, its words and links are not)."""
    yield root
    if isinstance(root, nodes.TextElement):
        return
    pending = list(reversed(root.children))
    while pending:
        node = pending.pop()
        if isinstance(node, nodes.Element):
            yield node
            if node.children and not isinstance(node, nodes.TextElement):
                pending.extend(reversed(node.children))
