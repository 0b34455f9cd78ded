"""Media embeds: the ``youtube``, ``vimeo``, ``spotify``, ``audio`` and ``video`` directives.

Each directive makes its embed with :class:`~.media_maker.MediaMaker` (the
episode directive's ``youtube``/``vimeo``/``spotify``/``audio`` options go
through the same code, see :mod:`.episode_players`); any bad value gives one
warning and no embed for that directive. :func:`setup_media` registers the
embed node's visitors, the players' title transform and the player script.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx

from ..locale import _
from . import PodcastDirective
from .episode_players import EpisodePlayerTitles
from .media_maker import MediaMaker

# -- directives ----------------------------------------------------------------

_COMMON: dict[str, Callable[[str], Any]] = {
    name: directives.unchanged for name in ("title", "start", "width", "align")
}


class _MediaDirective(PodcastDirective):
    provider: ClassVar[str] = ""
    required_arguments = 1
    final_argument_whitespace = False


class YouTubeDirective(_MediaDirective):
    """``youtube ID-or-URL``; also takes sphinxcontrib-youtube's options."""

    provider = "youtube"
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        **_COMMON,
        **{
            name: directives.unchanged
            for name in ("aspect", "height", "url_parameters", "privacy_mode")
        },
    }

    def run(self) -> list[nodes.Node]:
        node = MediaMaker(self).iframe(self.provider, self.arguments[0], self.options)
        return [node] if node is not None else []


class VimeoDirective(YouTubeDirective):
    """``vimeo ID-or-URL`` (``ID/HASH`` for unlisted videos)."""

    provider = "vimeo"


class SpotifyDirective(_MediaDirective):
    """``spotify ID-or-URL``: an episode (or ``show/ID``) at its native height."""

    provider = "spotify"
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        **_COMMON,
        "height": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        node = MediaMaker(self).iframe(self.provider, self.arguments[0], self.options)
        return [node] if node is not None else []


class AudioDirective(_MediaDirective):
    """``audio FILE-or-URL [MORE …]``: the browser picks the first source it can play."""

    provider = "audio"
    optional_arguments = 9
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        **_COMMON,
        "captions": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        node = MediaMaker(self).file_player(self.provider, self.arguments, self.options)
        return [node] if node is not None else []


class VideoDirective(AudioDirective):
    """``video FILE-or-URL [MORE …]`` with ``aspect``, ``poster`` and ``captions``."""

    provider = "video"
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        **AudioDirective.option_spec,
        "aspect": directives.unchanged,
        "height": directives.unchanged,
        "poster": directives.unchanged,
    }


MEDIA_DIRECTIVES: dict[str, type[PodcastDirective]] = {
    "youtube": YouTubeDirective,
    "vimeo": VimeoDirective,
    "spotify": SpotifyDirective,
    "audio": AudioDirective,
    "video": VideoDirective,
}


def _add_player_script(app: Sphinx) -> None:
    """podcast.js, with the labels of what it makes itself (the copy button, the search
    page's filters) as data- attributes: no inline script (the other controls' labels
    are in their markup, see writers/html_listening.py)."""
    if app.builder.format != "html":
        return
    labels: dict[str, Any] = {
        "data-copy": str(_("Copy link to this moment")),
        # the filters of the search page (made by the script)
        # Translators: the search page: only the turns of this speaker
        "data-search-speaker": str(_("Speaker")),
        "data-search-episode": str(_("Episode")),
        # Translators: the search page: no speaker or episode chosen
        "data-search-all": str(_("All")),
    }
    app.add_js_file("podcast.js", loading_method="defer", **labels)


def setup_media(app: Sphinx) -> None:
    # the directives are registered with the others (registry.setup_directives), the
    # media_embed node with the other nodes (writers.registration.setup_nodes)
    app.add_transform(EpisodePlayerTitles)
    app.connect("builder-inited", _add_player_script)
