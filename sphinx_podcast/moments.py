"""Links to moments of episodes (``{turn}``, ``{t}`` with an episode): what a target
means, what the link says and where it goes in each builder, and moments of another
project's episodes through intersphinx.

The podcast domain resolves these links with the helpers here; nothing here reads
the domain's data except through the domain passed in.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Protocol

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import make_refnode

from .locale import _
from .model import Episode, TimeFormatError, format_seconds_attr, format_time, parse_time
from .warnings_ import Subtype, warn


class EpisodeFinder(Protocol):
    """What is asked of the podcast domain here (no import of it: it imports this)."""

    def find_episode(self, target: str, refdoc: str) -> object | None: ...


def split_moment(target: str) -> Iterator[tuple[str, str]]:
    """Every (episode, moment) a ``turn`` target can mean: a time has colons too, so
    each colon is tried, from the left."""
    position = target.find(":")
    while position > 0:
        yield target[:position].strip(), target[position + 1 :].strip()
        position = target.find(":", position + 1)


def names_a_moment(target: str) -> bool:
    """Whether *target* reads as EPISODE:TIME (an episode name has more than digits)."""
    for episode_part, moment in split_moment(target):
        if re.search(r"[^\d:.\s]", episode_part):
            with contextlib.suppress(TimeFormatError):
                parse_time(moment)
                return True
    return False


def moment_label(
    node: pending_xref, contnode: Element, title: str, seconds: float | None
) -> nodes.inline:
    """The text of a link to a moment: the author's, the time (``{t}``), or the episode's
    title and the time (``{turn}``)."""
    if node.get("refexplicit"):
        text = contnode.astext()
    elif node["reftype"] == "t" and seconds is not None:
        text = format_time(seconds)
    elif seconds is not None:
        text = _("%(episode)s at %(time)s") % {"episode": title, "time": format_time(seconds)}
    else:
        text = title
    return nodes.inline(text, text, classes=["podcast-turn-ref"])


def seeks(builder: Builder) -> bool:
    """Whether *builder*'s pages have a player that ``#t=`` seeks: one page per episode,
    in a browser (not singlehtml's one page, not an EPUB reader)."""
    return (
        builder.format == "html"
        and builder.name != "singlehtml"
        and not builder.name.startswith("epub")
    )


def moment_reference(
    builder: Builder,
    fromdocname: str,
    episode: Episode,
    seconds: float | None,
    anchor: str,
    label: nodes.Element,
) -> nodes.reference:
    """A link to a moment of *episode*: ``page.html#t=SECONDS`` where a player can seek
    (HTML pages, one per episode), else the anchor, else the episode."""
    title = episode.title or episode.docname
    if builder.name == "singlehtml" and anchor.startswith(("turn-", "soundbite-")):
        anchor = f"{nodes.make_id(episode.docname)}-{anchor}"  # as the page's ids are there
    if seconds is not None and seeks(builder):
        uri = (
            ""
            if fromdocname == episode.docname
            else builder.get_relative_uri(fromdocname, episode.docname)
        )
        reference = nodes.reference(
            "", "", label, refuri=f"{uri}#t={format_seconds_attr(seconds)}", internal=True
        )
        reference["reftitle"] = title
        return reference
    return make_refnode(
        builder, fromdocname, episode.docname, anchor or episode.anchor, label, title
    )


# Builders that write one document made of the pages the root's toctrees include.
_ONE_DOCUMENT = ("singlehtml", "latex", "texinfo", "man")


def page_in_output(env: BuildEnvironment, builder: Builder, docname: str) -> bool:
    """Whether *builder*'s output holds page *docname*: every page for html and
    dirhtml, only the pages the toctrees include (from the root document on) for
    the builders that write one document, so no link points at a missing page."""
    if not docname:
        return False
    if builder.name not in _ONE_DOCUMENT and builder.format not in _ONE_DOCUMENT:
        return True
    included: set[str] | None = getattr(builder, "_podcast_included", None)
    if included is None:
        included = set()
        pending = [env.config.root_doc]
        while pending:
            current = pending.pop()
            if current not in included:
                included.add(current)
                pending.extend(env.toctree_includes.get(current, ()))
        builder._podcast_included = included  # type: ignore[attr-defined]
    return docname in included


def warn_unknown_moment(domain: EpisodeFinder, target: str, node: pending_xref) -> None:
    refdoc = node.get("refdoc", "")
    for episode_part, moment in split_moment(target):
        if domain.find_episode(episode_part, refdoc) is not None:
            warn(
                f"{node['reftype']} role: episode {episode_part!r} has no moment {moment!r} "
                "(a time, turn-N or soundbite-N)",
                Subtype.bad_time,
                node,
            )
            return
    warn(
        f"{node['reftype']} role: unknown moment {target!r}: expected EPISODE:TIME, "
        "EPISODE:turn-N or a label placed on a turn",
        Subtype.unknown_episode,
        node,
    )


def on_missing_reference(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: Element
) -> nodes.reference | None:
    """A moment of an episode of another project: intersphinx finds the episode (a
    ``podcast:episode`` of its inventory), the link goes to the moment in it."""
    if node.get("refdomain") != "podcast" or node["reftype"] not in ("turn", "t"):
        return None
    if "sphinx.ext.intersphinx" not in app.extensions:
        return None
    from sphinx.ext.intersphinx import resolve_reference_detect_inventory

    for episode_part, moment in split_moment(node["reftarget"]):
        try:
            seconds: float | None = parse_time(moment)
        except TimeFormatError:
            seconds = None
            if not re.fullmatch(r"(?:turn|soundbite)-\d+", moment):
                continue
        probe = node.deepcopy()
        probe["reftype"] = "episode"
        probe["reftarget"] = episode_part
        found = resolve_reference_detect_inventory(env, probe, contnode)  # type: ignore[arg-type]
        if found is None or not found.get("refuri"):
            continue
        page = found["refuri"].partition("#")[0]
        fragment = f"t={format_seconds_attr(seconds)}" if seconds is not None else moment
        title = found.get("reftitle", "") or episode_part
        reference = nodes.reference(
            "",
            "",
            moment_label(node, contnode, found.astext(), seconds),
            refuri=f"{page}#{fragment}",
            internal=False,
            reftitle=title,
        )
        return reference
    return None
