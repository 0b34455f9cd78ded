"""Media embeds (``youtube``, ``vimeo``, ``spotify``, ``audio``, ``video``).

Placeholder: the media issue builds the directives and the player here.
"""

from __future__ import annotations

from docutils import nodes

from ..model import Episode
from . import PodcastDirective


def episode_players(directive: PodcastDirective, episode: Episode) -> list[nodes.Node]:
    """The players for an episode's ``youtube``/``vimeo``/``spotify``/``audio`` options."""
    return []
