"""Doctree nodes of sphinx-podcast.

Each subclasses a standard docutils node. Sphinx's translators look up
visitors along the class hierarchy, so any builder we did not write a
visitor for renders these as the standard node they extend (a container,
an inline, a reference) instead of failing.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx


class episode_header(nodes.container):
    """The ``.podcast-episode`` header made by the ``episode`` directive."""


class speaker_profile(nodes.container):
    """A ``.podcast-speaker-profile`` made by the ``speaker`` directive."""


class turn(nodes.container):
    """One speaker turn.

    Attributes: ``speaker_ref`` (what the author wrote), ``time_text`` (the
    author's time, unparsed), ``syntax`` (``"bold"`` or ``"directive"``),
    ``docname``; after resolution also ``speaker`` (key) and ``start``
    (seconds).
    """


class turn_label(nodes.inline):
    """The ``**Ada** [01:12]:`` prefix of a turn.

    Before resolution it holds what the author wrote, so an unknown name can
    be put back unchanged; afterwards, the speaker and the time link.
    """


class speaker_label(nodes.inline):
    """``.podcast-speaker``: a speaker's name (and avatar) inside a turn."""


class time_link(nodes.reference):
    """``a.podcast-time``: a link to ``#t=SECONDS`` (plain ``[MM:SS]`` text outside HTML)."""


class outline(nodes.container):
    """``.podcast-outline``: a placeholder until the post-transform fills it in."""


class backlink(nodes.reference):
    """``a.podcast-backlink``: a link from the end of a section back to the outline."""


ALL_NODES: tuple[type[nodes.Element], ...] = (
    episode_header,
    speaker_profile,
    turn,
    turn_label,
    speaker_label,
    time_link,
    outline,
    backlink,
)


def setup_nodes(app: Sphinx) -> None:
    from .writers import html

    for node_class in ALL_NODES:
        visitors = html.VISITORS.get(node_class)
        if visitors:
            app.add_node(node_class, html=visitors)
        else:
            app.add_node(node_class)
