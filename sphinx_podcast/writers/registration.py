"""Registering our node classes with their visitors: nodes.py stays free of writers."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from ..nodes import ALL_NODES, media_embed
from . import html, html_media, latex, latex_media


def setup_nodes(app: Sphinx) -> None:
    for node_class in ALL_NODES:
        visitors: dict[str, Any] = {}
        if node_class in html.VISITORS:
            visitors["html"] = html.VISITORS[node_class]
        if node_class in latex.VISITORS:
            visitors["latex"] = latex.VISITORS[node_class]
        app.add_node(node_class, **visitors)
    # players: their visitors are a module each (html_media, latex_media)
    app.add_node(media_embed, html=html_media.VISITORS, latex=latex_media.VISITORS)
