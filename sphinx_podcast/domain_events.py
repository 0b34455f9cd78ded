"""The podcast domain in a build: registered with its roles, and what it does at the
build's events.

After reading, duplicates and names two speakers share are warned about, and pages
that show other pages' data (lists, profiles, the previous/next links of an episode,
speaker names in turns) are re-written at ``env-updated`` exactly when a fingerprint
of that data changes. Unknown speakers, episodes and moments get a podcast warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from .domain import PodcastDomain, get_podcast_domain
from .duplicate_warnings import warn_name_clashes
from .moments import on_missing_reference, warn_unknown_moment
from .roles import add_bare_role
from .warnings_ import Subtype, warn


def _on_env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    get_podcast_domain(env).begin_build(docnames)


def _on_check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    """One warning per name that two speakers share (the first declared keeps it)."""
    domain = get_podcast_domain(env)
    warn_name_clashes(domain.speaker_table().clashes, Path(app.confdir) / "conf.py")


def page_view(domain: PodcastDomain, docname: str, shows: Iterable[str]) -> str:
    """A fingerprint of the other pages' data that *docname* displays."""
    catalog = domain.catalog()
    parts = []
    for what in sorted(shows):
        if what == "speakers":
            parts.append(catalog.speakers_view())
        elif what == "titles":
            parts.append(catalog.titles_view())
        elif what == "episode":
            parts.append(catalog.episode_view(docname))
        elif what == "profiles":
            keys = [k for k, s in domain.profiles.items() if s.docname == docname]
            parts.append(catalog.profiles_view(keys))
        elif what == "episode-list":
            parts.append(catalog.episode_list_view())
        elif what == "speaker-list":
            parts.append(catalog.speaker_list_view())
        elif what == "soundbite-list":
            parts.append(catalog.soundbite_list_view())
    return "|".join(parts)


def _on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages whose view of other pages changed: Sphinx writes them again."""
    domain = get_podcast_domain(env)
    domain.warn_duplicates()
    views: dict[str, str] = domain.data["views"]
    for docname in [d for d in views if d not in domain.data["shows"]]:
        del views[docname]
    changed = []
    for docname, shows in sorted(domain.data["shows"].items()):
        view = page_view(domain, docname, shows)
        if views.get(docname) != view:
            views[docname] = view
            changed.append(docname)
    return changed


def _on_warn_missing_reference(app: Sphinx, domain: Domain, node: pending_xref) -> bool | None:
    """Unknown speakers and episodes get a podcast warning that nitpick_ignore also silences."""
    if domain is None or domain.name != "podcast":
        return None
    reftype, target = node["reftype"], node["reftarget"]
    config = app.config
    if (f"podcast:{reftype}", target) in set(map(tuple, config.nitpick_ignore)):
        return True
    for type_pattern, target_pattern in config.nitpick_ignore_regex:
        if re.fullmatch(type_pattern, f"podcast:{reftype}") and re.fullmatch(
            target_pattern, target
        ):
            return True
    if reftype == "speaker":
        warn(
            f"unknown speaker {target!r}: not in podcast_speakers nor a speaker directive",
            Subtype.unknown_speaker,
            node,
        )
    elif reftype in ("turn", "t"):
        warn_unknown_moment(get_podcast_domain(app.env), target, node)
    else:
        warn(f"unknown episode {target!r}", Subtype.unknown_episode, node)
    return True


def setup_domain(app: Sphinx) -> None:
    app.add_domain(PodcastDomain)
    for name, role in PodcastDomain.roles.items():
        add_bare_role(app, name, role)
    app.connect("env-before-read-docs", _on_env_before_read_docs)
    app.connect("env-updated", _on_env_updated)
    app.connect("env-check-consistency", _on_check_consistency)
    app.connect("warn-missing-reference", _on_warn_missing_reference)
    # after intersphinx's own handler (which knows no moments)
    app.connect("missing-reference", on_missing_reference, priority=600)
