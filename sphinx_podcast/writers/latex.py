"""LaTeX visitors: our containers carry ids that other pages link to.

Sphinx's LaTeX writer writes no label for a container's ids, so a link to a
speaker profile, an outline or a turn would point nowhere in the PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator

from .. import nodes as pn

Visitor = Callable[[LaTeXTranslator, Any], None]


def visit_labelled_container(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.visit_container(node)
    if node["ids"]:
        self.body.append("\n" + self.hypertarget_to(node, anchor=True))


def depart_labelled_container(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.depart_container(node)


VISITORS: dict[type[nodes.Element], tuple[Visitor, Visitor]] = {
    node_class: (visit_labelled_container, depart_labelled_container)
    for node_class in (pn.speaker_profile, pn.episode_header, pn.outline, pn.turn)
}
