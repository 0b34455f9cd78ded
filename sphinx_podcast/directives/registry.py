"""Registering the directives (and the soundbite role): as ``podcast:<name>`` always, by bare
name when it is free."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.docutils import is_directive_registered

from ..roles import add_bare_role
from ..warnings_ import info
from .conventions import NamedTargetTitles
from .episode import EpisodeDirective
from .lists import EpisodeListDirective, SpeakerListDirective
from .media import MEDIA_DIRECTIVES
from .outline import OutlineDirective
from .soundbite import (
    SoundbiteDirective,
    SoundbiteListDirective,
    SoundbiteRole,
    SoundbitesDirective,
)
from .speaker import SpeakerDirective, SpeakerPageDirective
from .transcript import TranscriptDirective
from .turn import TurnDirective

DIRECTIVES = {
    "episode": EpisodeDirective,
    "speaker": SpeakerDirective,
    "turn": TurnDirective,
    "outline": OutlineDirective,
    "transcript": TranscriptDirective,
    "episode-list": EpisodeListDirective,
    "speaker-list": SpeakerListDirective,
    "soundbite": SoundbiteDirective,
    "soundbites": SoundbitesDirective,
    "soundbite-list": SoundbiteListDirective,
}


def register(app: Sphinx, name: str, directive: type) -> None:
    """Add *name* to the podcast domain, and as a bare name unless another extension has it."""
    app.add_directive_to_domain("podcast", name, directive)
    if is_directive_registered(name):
        info(
            f"sphinx-podcast: the directive name {name!r} belongs to another extension; "
            f"use 'podcast:{name}' for ours"
        )
        return
    app.add_directive(name, directive)


def setup_directives(app: Sphinx) -> None:
    for name, directive in DIRECTIVES.items():
        register(app, name, directive)
    # only as podcast:speaker-page: what generated speaker pages hold
    app.add_directive_to_domain("podcast", "speaker-page", SpeakerPageDirective)
    app.add_transform(NamedTargetTitles)
    register_late(app, MEDIA_DIRECTIVES)
    # the soundbite role too: the domain's roles cannot include it (the domain
    # comes before the directives in the import order)
    soundbite_role = SoundbiteRole()
    app.add_role_to_domain("podcast", "soundbite", soundbite_role)
    add_bare_role(app, "soundbite", soundbite_role)


def register_late(app: Sphinx, late: dict[str, type]) -> None:
    """Register *late* once every extension is set up (at ``config-inited``).

    So a bare name that an extension listed *after* us in ``extensions`` owns
    (sphinxcontrib-youtube's ``youtube``/``vimeo``, sphinxcontrib-video's
    ``video``) stays theirs, with no "already registered" warning either way.
    """

    def _on_config_inited(app: Sphinx, config: object) -> None:
        for name, directive in late.items():
            register(app, name, directive)

    app.connect("config-inited", _on_config_inited)
