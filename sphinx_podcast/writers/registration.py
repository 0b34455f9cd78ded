"""Registering our node classes with their visitors: nodes.py stays free of writers."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from ..nodes import ALL_NODES
from . import html, latex


def setup_nodes(app: Sphinx) -> None:
    for node_class in ALL_NODES:
        visitors: dict[str, Any] = {}
        if node_class in html.VISITORS:
            visitors["html"] = html.VISITORS[node_class]
        if node_class in latex.VISITORS:
            visitors["latex"] = latex.VISITORS[node_class]
        app.add_node(node_class, **visitors)
