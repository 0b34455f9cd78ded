"""HTML visitors for the nodes whose markup is part of the stable HTML hooks.

All attributes go through ``self.starttag``, which escapes them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from .. import nodes as pn
from ..config import get_config
from ..locale import _
from ..model import format_seconds_attr, format_time
from . import html_listening

Visitor = Callable[[HTML5Translator, Any], None]


def _data_attributes(node: nodes.Element) -> dict[str, Any]:
    data: dict[str, Any] = node.get("html_data", {})
    return {f"data-{name}": str(value) for name, value in data.items()}


def visit_turn(self: HTML5Translator, node: pn.turn) -> None:
    self.body.append(_turn_start_tag(self, node))
    if "speaker_name" not in node or _first_label(node) is not None:
        return  # unresolved, or its label is a node (with an avatar, or in EPUB)
    # The label, written here from the turn's attributes, goes in front of the first
    # paragraph's words: that paragraph is visited here, the rest as usual.
    label = _LABEL_START + _label_end(self, node)
    first = node.children[0] if node.children else None
    if not isinstance(first, nodes.paragraph):
        self.body.append(f"<p>{label}</p>\n")
        return
    try:
        self.dispatch_visit(first)
        self.body.append(label)
        for child in first.children:
            child.walkabout(self)
    except nodes.SkipNode:
        pass
    except nodes.SkipChildren:
        self.dispatch_departure(first)
    else:
        self.dispatch_departure(first)
    for child in node.children[1:]:
        child.walkabout(self)
    raise nodes.SkipChildren


def _turn_start_tag(self: HTML5Translator, node: pn.turn) -> str:
    """``<div class=… data-speaker=… data-start=… id=…>``, as ``starttag`` writes it.

    A page has hundreds of turns: the usual one (our two classes, one id) is written
    directly, anything else by ``starttag``.
    """
    key = node.get("speaker", "")
    start = node.get("start")
    estimate = node.get("estimated_start")
    classes, ids = node["classes"], node["ids"]
    if len(ids) == 1 and len(classes) == 2 and classes[0] == "podcast-turn":
        if start is not None:
            timed = f' data-start="{format_seconds_attr(start)}"'
        elif estimate is not None:
            timed = f' data-estimated-start="{format_seconds_attr(estimate)}"'
        else:
            timed = ""
        return (
            f'<div class="podcast-turn {self.attval(classes[1])}" '
            f'data-speaker="{self.attval(key)}"{timed} id="{self.attval(ids[0])}">'
        )
    data: dict[str, Any] = {"data-speaker": key}
    if start is not None:
        data["data-start"] = format_seconds_attr(start)
    elif estimate is not None:
        data["data-estimated-start"] = format_seconds_attr(estimate)
    return self.starttag(node, "div", "", **data)


def _first_label(node: pn.turn) -> pn.turn_label | None:
    first = node.children[0] if node.children else None
    if isinstance(first, nodes.paragraph) and first.children:
        label = first.children[0]
        if isinstance(label, pn.turn_label):
            return label
    return None


_LABEL_START = '<span class="podcast-turn-label"><span class="podcast-speaker">'


def _label_end(self: HTML5Translator, turn: nodes.Element) -> str:
    """The speaker's name (a link to the profile), the time link and the colon."""
    name = turn["speaker_name"]
    uri = turn.get("speaker_uri")
    if turn.get("initials"):  # some speakers on the page have avatars, this one not
        badge = self.attval(turn["initials"])
        # drawn by CSS from the attribute: not part of the text (copy, search, reader views)
        name_start = f'<span class="podcast-initials" data-initials="{badge}"></span>'
    else:
        name_start = ""
    if uri:
        # what Sphinx writes for an internal reference with a title
        href, title = self.attval(uri), self.attval(name)
        parts = [name_start, f'<a class="reference internal" href="{href}" title="{title}">']
        parts += [self.encode(name), "</a></span>"]
    else:
        parts = [name_start, self.encode(name), "</span>"]
    start = turn.get("start")
    estimate = turn.get("estimated_start")
    if start is not None:
        shown = format_time(start)
        href = f"#t={format_seconds_attr(start)}"
        label = self.attval(_("Play from %s") % shown)
        parts.append(f' <a aria-label="{label}" class="podcast-time" href="{href}">{shown}</a>')
    elif estimate is not None and get_config(self.config).show_estimated_times:
        shown = format_time(estimate)
        href = f"#t={format_seconds_attr(estimate)}"
        label = self.attval(_("Play from about %s (estimated)") % shown)
        parts.append(
            f' <a aria-label="{label}" class="podcast-time podcast-time-estimated"'
            f' href="{href}">~{shown}</a>'
        )
    parts.append('<span class="podcast-sep">: </span></span>')
    return "".join(parts)


def depart_turn(self: HTML5Translator, node: pn.turn) -> None:
    self.body.append("</div>\n")


def visit_episode_header(self: HTML5Translator, node: pn.episode_header) -> None:
    self.body.append(self.starttag(node, "header", "", **_data_attributes(node)))


def depart_episode_header(self: HTML5Translator, node: pn.episode_header) -> None:
    self.body.append("</header>\n")


def visit_speaker_profile(self: HTML5Translator, node: pn.speaker_profile) -> None:
    self.body.append(self.starttag(node, "div", "", **_data_attributes(node)))


def depart_speaker_profile(self: HTML5Translator, node: pn.speaker_profile) -> None:
    self.body.append("</div>\n")


def visit_outline(self: HTML5Translator, node: pn.outline) -> None:
    attributes: dict[str, Any] = {"aria-label": node["label"]} if node.get("label") else {}
    self.body.append(self.starttag(node, "nav", "", **attributes))


def depart_outline(self: HTML5Translator, node: pn.outline) -> None:
    self.body.append("</nav>\n")


def visit_backlink(self: HTML5Translator, node: pn.backlink) -> None:
    attributes = {"href": "#" + node["refid"]}
    if node.get("label"):
        attributes["title"] = node["label"]
    self.body.append(self.starttag(node, "a", "", **attributes))


def depart_backlink(self: HTML5Translator, node: pn.backlink) -> None:
    """The label, in the link's text: shown (``podcast_backlink_label``) or for screen
    readers only. Either way the link's name contains what it shows (WCAG 2.5.3)."""
    label = node.get("label", "")
    shown = get_config(self.config).backlink_label
    text = label if shown is True else shown or ""
    space = " " if node.astext() else ""
    if text:
        self.body.append(f'{space}<span class="podcast-backlink-text">{self.encode(text)}</span>')
    elif label:
        hidden = '<span class="podcast-visually-hidden">'
        self.body.append(f"{hidden}{space}{self.encode(label)}</span>")
    self.body.append("</a>")


def visit_time_link(self: HTML5Translator, node: pn.time_link) -> None:
    attributes = {"href": node["refuri"]}
    if node.get("label"):
        attributes["aria-label"] = node["label"]
    self.body.append(self.starttag(node, "a", "", **attributes))


def depart_time_link(self: HTML5Translator, node: pn.time_link) -> None:
    self.body.append("</a>")


def visit_turn_label(self: HTML5Translator, node: pn.turn_label) -> None:
    if node.get("compact"):  # holds the avatar; the rest is its turn's attributes
        self.body.append(_LABEL_START)
    else:  # plain nodes (EPUB)
        self.body.append(self.starttag(node, "span", ""))


def depart_turn_label(self: HTML5Translator, node: pn.turn_label) -> None:
    turn = node.parent.parent if node.parent is not None else None
    if node.get("compact") and isinstance(turn, pn.turn):
        self.body.append(_label_end(self, turn))
    else:
        self.body.append("</span>")


def visit_speaker_label(self: HTML5Translator, node: pn.speaker_label) -> None:
    self.body.append(self.starttag(node, "span", ""))


def depart_speaker_label(self: HTML5Translator, node: pn.speaker_label) -> None:
    self.body.append("</span>")


def visit_soundbite(self: HTML5Translator, node: pn.soundbite) -> None:
    """``<figure class="podcast-soundbite" data-speaker=… data-start=…>``."""
    data: dict[str, Any] = {"data-speaker": node.get("speaker", "")}
    if node.get("start") is not None:
        data["data-start"] = format_seconds_attr(node["start"])
    self.body.append(self.starttag(node, "figure", "", **data))


def depart_soundbite(self: HTML5Translator, node: pn.soundbite) -> None:
    self.body.append("</figure>\n")


def visit_soundbite_caption(self: HTML5Translator, node: pn.soundbite_caption) -> None:
    self.body.append(self.starttag(node, "figcaption", ""))


def depart_soundbite_caption(self: HTML5Translator, node: pn.soundbite_caption) -> None:
    self.body.append("</figcaption>\n")


def visit_soundbite_mark(self: HTML5Translator, node: pn.soundbite_mark) -> None:
    self.body.append(self.starttag(node, "mark", ""))


def depart_soundbite_mark(self: HTML5Translator, node: pn.soundbite_mark) -> None:
    self.body.append("</mark>")


def visit_soundbites(self: HTML5Translator, node: pn.soundbites) -> None:
    """A list of highlights; the automatic one, once moved into the episode header
    (``collapsed``, :mod:`sphinx_podcast.listening`), as ``<details>`` whose summary
    is its title and how many: ``Highlights (2)``."""
    if not node.get("collapsed"):
        self.visit_container(node)
        return
    title = next((child for child in node.children if isinstance(child, nodes.rubric)), None)
    count = sum(isinstance(child, pn.soundbite) for child in node.children)
    summary = f"{title.astext() if title else ''} ({count})"
    self.body.append(self.starttag(node, "details", ""))
    self.body.append(
        f'<summary class="podcast-soundbites-title">{self.encode(summary)}</summary>\n'
    )
    for child in node.children:
        if child is not title:
            child.walkabout(self)
    self.body.append("</details>\n")
    raise nodes.SkipNode


def depart_soundbites(self: HTML5Translator, node: pn.soundbites) -> None:
    self.depart_container(node)


def visit_duration(self: HTML5Translator, node: pn.duration) -> None:
    attributes = {"datetime": node["datetime"], "title": node.get("exact", "")}
    self.body.append(self.starttag(node, "time", "", **attributes))


def depart_duration(self: HTML5Translator, node: pn.duration) -> None:
    self.body.append("</time>")


VISITORS: dict[type[nodes.Element], tuple[Visitor, Visitor]] = {
    pn.turn: (visit_turn, depart_turn),
    pn.episode_header: (visit_episode_header, depart_episode_header),
    pn.speaker_profile: (visit_speaker_profile, depart_speaker_profile),
    pn.outline: (visit_outline, depart_outline),
    pn.backlink: (visit_backlink, depart_backlink),
    pn.time_link: (visit_time_link, depart_time_link),
    pn.speaker_label: (visit_speaker_label, depart_speaker_label),
    pn.turn_label: (visit_turn_label, depart_turn_label),
    pn.duration: (visit_duration, depart_duration),
    pn.soundbite: (visit_soundbite, depart_soundbite),
    pn.soundbite_caption: (visit_soundbite_caption, depart_soundbite_caption),
    pn.soundbite_mark: (visit_soundbite_mark, depart_soundbite_mark),
    pn.listening_control: html_listening.VISITORS,
    pn.soundbites: (visit_soundbites, depart_soundbites),
}
