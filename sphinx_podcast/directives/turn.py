"""The ``turn`` directive: a speaker turn with block content."""

from __future__ import annotations

import re

from docutils import nodes

from .. import nodes as pn
from ..warnings_ import Subtype, warn
from . import PodcastDirective

_TIME_LIKE = re.compile(r"^[\[(]?\d[\d:.]*[\])]?$")


class TurnDirective(PodcastDirective):
    """``turn SPEAKER [TIME]``; the speaker may be a key, a name or an alias."""

    has_content = True
    required_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        words = self.arguments[0].split()
        time_text = ""
        if len(words) > 1 and _TIME_LIKE.match(words[-1]):
            time_text = words.pop().strip("[]()")
        node = pn.turn(
            classes=["podcast-turn"],
            speaker_ref=" ".join(words),
            time_text=time_text,
            syntax="directive",
            docname=self.env.docname,
        )
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node, match_titles=True)
        for section in list(node.findall(nodes.section)):
            _section_to_rubric(section, self.env.docname)
        return [node]


def _section_to_rubric(section: nodes.section, docname: str) -> None:
    """Keep a heading written inside a turn, as a rubric: turns hold no sections."""
    title = section.next_node(nodes.title)
    text = title.astext() if title else ""
    warn(
        f"heading {text!r} inside a turn; it is shown as a rubric (end the turn before a heading)",
        Subtype.heading_in_turn,
        title or section,
    )
    rubric = nodes.rubric(text, "", *(title.children if title else []), ids=section["ids"])
    body = [child for child in section.children if child is not title]
    section.replace_self([rubric, *body])
