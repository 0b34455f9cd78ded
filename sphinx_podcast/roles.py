"""Roles ``speaker``, ``episode``, ``t`` and ``turn``: pending_xrefs the podcast domain resolves.

Each works as a bare name and as ``podcast:<name>``.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util.docutils import is_role_registered

from .warnings_ import info


class PodcastXRefRole(XRefRole):
    """An XRefRole that always belongs to the podcast domain, bare name or not."""

    innernodeclass = nodes.inline
    #: What of other pages the link text shows (see PodcastDomain.note_shows).
    shows = ""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.refdomain = "podcast"
        self.reftype = self.name.rpartition(":")[2]
        self.classes = ["xref", "podcast", f"podcast-role-{self.reftype}"]
        if self.disabled:
            return self.create_non_xref_node()
        return self.create_xref_node()

    def process_link(
        self,
        env: BuildEnvironment,
        refnode: nodes.Element,
        has_explicit_title: bool,
        title: str,
        target: str,
    ) -> tuple[str, str]:
        if self.shows and not has_explicit_title:
            env.get_domain("podcast").note_shows(env.docname, self.shows)  # type: ignore[attr-defined]
        return title, target.strip()


class SpeakerRole(PodcastXRefRole):
    """``{speaker}`ada``` → the speaker's name, linked to their profile."""

    shows = "speakers"


class EpisodeRole(PodcastXRefRole):
    """``{episode}`ep7``` → the episode's title, linked to it (by docname or label)."""

    shows = "titles"


class TimeRole(PodcastXRefRole):
    """``{t}`12:34``` → a link to ``#t=754`` that seeks this page's player."""


class TurnRole(PodcastXRefRole):
    """``{turn}`ep7:13:20``` → a link to that moment of another episode (also
    ``ep7:turn-12``, ``ep7:soundbite-2`` or a label placed on a turn)."""

    shows = "titles"


def add_bare_role(app: Sphinx, name: str, role: Any) -> None:
    """Add our role *name* without the ``podcast:`` prefix too, unless another extension
    has that name (then only ``podcast:<name>`` is ours, and the build says so)."""
    if is_role_registered(name):
        info(
            f"sphinx-podcast: the role name {name!r} belongs to another extension; "
            f"use 'podcast:{name}' for ours"
        )
    else:
        app.add_role(name, role)
