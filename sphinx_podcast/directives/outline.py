"""The ``outline`` directive: where the episode's outline goes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.nodes import make_id

from .. import nodes as pn
from . import PodcastDirective


def make_outline(document: nodes.document, env: object, depth: int, title: str) -> pn.outline:
    """An outline placeholder with a unique id (``outline`` where free)."""
    node = pn.outline(
        classes=["podcast-outline"], depth=depth, title=title, docname=getattr(env, "docname", "")
    )
    node_id = make_id(env, document, "", "outline")  # type: ignore[arg-type]
    node["ids"].append(node_id)
    document.ids[node_id] = node
    return node


class OutlineDirective(PodcastDirective):
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "depth": directives.unchanged,
        "title": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        depth = self.number_option("depth", "outline depth", minimum=1) or 0
        node = make_outline(
            self.state.document, self.env, depth, self.options.get("title", "").strip()
        )
        self.set_source_info(node)
        return [node]
