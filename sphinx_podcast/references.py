"""The podcast domain's links: what a speaker, episode, ``t`` or ``turn`` target names,
and the node each link becomes in each builder.

The domain resolves its links with the functions here; nothing here reads the
domain's data except through the domain passed in (see :class:`PodcastData`).
"""

from __future__ import annotations

import contextlib
from typing import Any, Protocol

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import make_refnode

from . import nodes as pn
from .inputs import InputValueError, whole_number
from .locale import _
from .model import (
    Episode,
    Soundbite,
    Speaker,
    TimeFormatError,
    format_seconds_attr,
    format_time,
    parse_time,
)
from .moments import (
    moment_label,
    moment_reference,
    names_a_moment,
    page_in_output,
    split_moment,
)
from .speaker_table import SpeakerTable
from .warnings_ import Subtype, warn


class PodcastData(Protocol):
    """What is asked of the podcast domain here (no import of it: it imports this)."""

    env: BuildEnvironment
    data: dict[str, Any]

    @property
    def episodes(self) -> dict[str, Episode]: ...

    @property
    def soundbites(self) -> dict[str, tuple[Soundbite, ...]]: ...

    def speaker_table(self) -> SpeakerTable: ...


def podcast_xref(
    reftype: str,
    target: str,
    text: str,
    refdoc: str,
    *,
    explicit: bool = True,
    location: nodes.Node | None = None,
) -> pending_xref:
    """A link for this domain to resolve (speaker, episode or t), shown as *text*.

    *location* (source and line) is where a warning about an unknown target points.
    """
    xref = pending_xref(
        "",
        nodes.inline(text, text),
        refdomain="podcast",
        reftype=reftype,
        reftarget=target,
        refexplicit=explicit,
        refdoc=refdoc,
        refwarn=not explicit,
    )
    if location is not None:
        xref.source, xref.line = location.source, location.line
    return xref


def resolve_podcast_xref(
    domain: PodcastData,
    fromdocname: str,
    builder: Builder,
    typ: str,
    target: str,
    node: pending_xref,
    contnode: Element,
) -> nodes.Element | None:
    """The node a link of type *typ* becomes; None leaves it to intersphinx and others,
    then to the missing-reference warning."""
    refdoc = node.get("refdoc", fromdocname)
    if typ == "speaker":
        speaker = domain.speaker_table().find(target)
        if speaker is None:
            return None  # Sphinx asks intersphinx and others, then warn-missing-reference
        return _speaker_reference(domain.env, builder, fromdocname, speaker, node, contnode)
    if typ == "episode":
        found = find_episode(domain, target, refdoc)
        if found is None:
            return None
        return _episode_reference(builder, fromdocname, *found, node, contnode)
    if typ == "t":
        with contextlib.suppress(TimeFormatError):
            parse_time(target)
            return _time_reference(target, node, contnode, builder)
        if not any(find_episode(domain, e, refdoc) for e, _moment in split_moment(target)):
            if names_a_moment(target):
                return None  # perhaps another project's (intersphinx), else a warning
            return _time_reference(target, node, contnode, builder)  # warns: a bad time
    elif typ != "turn":
        return None
    moment = find_moment(domain, target, refdoc)
    if moment is None:
        return None
    episode, seconds, anchor = moment
    label = moment_label(node, contnode, episode.title or episode.docname, seconds)
    return moment_reference(builder, fromdocname, episode, seconds, anchor, label)


def resolve_any_speaker(
    domain: PodcastData, fromdocname: str, builder: Builder, target: str, contnode: Element
) -> list[tuple[str, nodes.reference]]:
    """Speakers only: an episode is a page, which ``any`` already finds as a doc or label."""
    speaker = domain.speaker_table().find(target)
    if speaker is None or not page_in_output(domain.env, builder, speaker.docname):
        return []
    ref = make_refnode(
        builder, fromdocname, speaker.docname, speaker.anchor, contnode, speaker.name
    )
    return [("podcast:speaker", ref)]


def find_moment(
    domain: PodcastData, target: str, refdoc: str
) -> tuple[Episode, float | None, str] | None:
    """(episode, seconds, anchor) of ``EPISODE:TIME``, ``EPISODE:turn-N``,
    ``EPISODE:soundbite-N`` or a label placed on a turn; None if there is none."""
    for episode_part, moment in split_moment(target):
        found = find_episode(domain, episode_part, refdoc)
        if found is None:
            continue
        episode = found[0]
        try:
            return episode, parse_time(moment), ""
        except TimeFormatError:
            pass
        for soundbite in domain.soundbites.get(episode.docname, ()):
            if soundbite.anchor == moment:
                return episode, soundbite.start, moment
        turns = sum(domain.data["turn_refs"].get(episode.docname, {}).values())
        if moment.startswith("turn-"):
            with contextlib.suppress(InputValueError):  # "turn-²", 5,000 digits: no turn
                if whole_number(moment.removeprefix("turn-"), minimum=1) <= turns:
                    return episode, None, moment
    label = domain.env.get_domain("std").data["labels"].get(target.lower())
    if label and label[0] in domain.episodes and label[1]:
        return domain.episodes[label[0]], None, label[1]
    return None


def find_episode(domain: PodcastData, target: str, refdoc: str) -> tuple[Episode, str] | None:
    """An episode by docname (relative to *refdoc*, or absolute with ``/``) or by label."""
    episodes = domain.episodes
    if target.startswith("/"):
        episode = episodes.get(target[1:])
        return (episode, episode.anchor) if episode else None
    directory = refdoc.rpartition("/")[0]
    for candidate in (f"{directory}/{target}" if directory else target, target):
        candidate = _normalize_docname(candidate)
        if candidate in episodes:
            episode = episodes[candidate]
            return episode, episode.anchor
    labels = domain.env.get_domain("std").data["labels"]
    label = labels.get(target.lower())
    if label and label[0] in episodes:
        docname, label_id, _section = label
        return episodes[docname], label_id
    return None


def _episode_reference(
    builder: Builder,
    fromdocname: str,
    episode: Episode,
    anchor: str,
    node: pending_xref,
    contnode: Element,
) -> nodes.reference:
    """A link to *episode*, shown as its title unless the author wrote the text."""
    if not node.get("refexplicit"):
        title = episode.title or episode.docname
        contnode = nodes.inline(title, title, classes=["podcast-episode-ref"])
    return make_refnode(builder, fromdocname, episode.docname, anchor, contnode, episode.title)


def _speaker_reference(
    env: BuildEnvironment,
    builder: Builder,
    fromdocname: str,
    speaker: Speaker,
    node: pending_xref,
    contnode: Element,
) -> nodes.Element:
    """A link to *speaker*'s profile where this build has it, else to their URL, else
    their name."""
    text = contnode.astext() if node.get("refexplicit") else speaker.name
    label = nodes.inline(text, text, classes=["podcast-speaker-ref"])
    if speaker.docname and page_in_output(env, builder, speaker.docname):
        return make_refnode(
            builder, fromdocname, speaker.docname, speaker.anchor, label, speaker.name
        )
    if speaker.url:
        return nodes.reference("", "", label, refuri=speaker.url, reftitle=speaker.name)
    return label


def _normalize_docname(docname: str) -> str:
    parts: list[str] = []
    for part in docname.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part and part != ".":
            parts.append(part)
    return "/".join(parts)


def _time_reference(
    target: str, node: pending_xref, contnode: Element, builder: Builder
) -> nodes.Element:
    """``{t}`12:34``: a link that seeks the page's player (plain ``[12:34]`` outside HTML)."""
    try:
        seconds = parse_time(target)
    except TimeFormatError as error:
        warn(f"t role: {error}", Subtype.bad_time, node)
        return nodes.inline(target, target)
    shown = contnode.astext() if node.get("refexplicit") else format_time(seconds)
    if builder.format != "html":
        return nodes.inline(f"[{shown}]", f"[{shown}]", classes=["podcast-time"])
    return pn.time_link(
        shown,
        shown,
        refuri=f"#t={format_seconds_attr(seconds)}",
        classes=["podcast-time"],
        label=_("Play from %s") % shown,
    )
