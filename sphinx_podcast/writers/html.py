"""HTML visitors for the nodes whose markup is part of the stable HTML hooks.

All attributes go through ``self.starttag``, which escapes them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from .. import nodes as pn

Visitor = Callable[[HTML5Translator, Any], None]


def _data_attributes(node: nodes.Element) -> dict[str, Any]:
    data: dict[str, Any] = node.get("html_data", {})
    return {f"data-{name}": str(value) for name, value in data.items()}


def visit_turn(self: HTML5Translator, node: pn.turn) -> None:
    self.body.append(self.starttag(node, "div", "", **_data_attributes(node)))


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
        attributes["aria-label"] = node["label"]
        attributes["title"] = node["label"]
    self.body.append(self.starttag(node, "a", "", **attributes))


def depart_backlink(self: HTML5Translator, node: pn.backlink) -> None:
    self.body.append("</a>")


def visit_time_link(self: HTML5Translator, node: pn.time_link) -> None:
    attributes = {"href": node["refuri"]}
    if node.get("label"):
        attributes["aria-label"] = node["label"]
    self.body.append(self.starttag(node, "a", "", **attributes))


def depart_time_link(self: HTML5Translator, node: pn.time_link) -> None:
    self.body.append("</a>")


def visit_turn_label(self: HTML5Translator, node: pn.turn_label) -> None:
    self.body.append(self.starttag(node, "span", ""))


def depart_turn_label(self: HTML5Translator, node: pn.turn_label) -> None:
    """The time link and the colon, from the label's attributes (fewer nodes per turn)."""
    if node.get("time"):
        href, shown, label = node["time"]
        link = self.starttag(
            nodes.Element(), "a", "", href=href, CLASS="podcast-time", **{"aria-label": label}
        )
        self.body.append(f" {link}{self.encode(shown)}</a>")
    self.body.append('<span class="podcast-sep">: </span></span>')


def visit_speaker_label(self: HTML5Translator, node: pn.speaker_label) -> None:
    self.body.append(self.starttag(node, "span", ""))


def depart_speaker_label(self: HTML5Translator, node: pn.speaker_label) -> None:
    self.body.append("</span>")


VISITORS: dict[type[nodes.Element], tuple[Visitor, Visitor]] = {
    pn.turn: (visit_turn, depart_turn),
    pn.episode_header: (visit_episode_header, depart_episode_header),
    pn.speaker_profile: (visit_speaker_profile, depart_speaker_profile),
    pn.outline: (visit_outline, depart_outline),
    pn.backlink: (visit_backlink, depart_backlink),
    pn.time_link: (visit_time_link, depart_time_link),
    pn.speaker_label: (visit_speaker_label, depart_speaker_label),
    pn.turn_label: (visit_turn_label, depart_turn_label),
}
