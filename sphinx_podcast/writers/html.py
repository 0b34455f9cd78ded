"""HTML visitors for the nodes whose markup is part of the stable HTML hooks.

All attributes go through ``self.starttag``, which escapes them (turns: :mod:`.html_turns`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from .. import nodes as pn
from ..config import get_config
from ..model import format_seconds_attr
from . import html_listening
from .html_turns import depart_turn, depart_turn_label, visit_turn, visit_turn_label

Visitor = Callable[[HTML5Translator, Any], None]


def _data_attributes(node: nodes.Element) -> dict[str, Any]:
    data: dict[str, Any] = node.get("html_data", {})
    return {f"data-{name}": str(value) for name, value in data.items()}


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
