"""The ``turn`` directive: a speaker turn with block content."""

from __future__ import annotations

import re

from docutils import nodes

from .. import nodes as pn
from ..warnings_ import Subtype, warn
from . import PodcastDirective

# The last word is the turn's time when it is made of digits and time punctuation, even
# a malformed one ("-5", "1,5", "٠١:١٢"): it is then warned about as a time, not made
# part of the speaker's name ("sam -5").
_TIME_LIKE = re.compile(r"[\[(]?[-+]?\d[\d:.,]*[\])]?")


class TurnDirective(PodcastDirective):
    """``turn SPEAKER [TIME]``; the speaker may be a key, a name or an alias."""

    has_content = True
    required_arguments = 1
    final_argument_whitespace = True
    # No options of its own: :class: and :name: come from PodcastDirective, which also
    # warns about any other (MyST would otherwise make ":class: x" the turn's words).

    def run(self) -> list[nodes.Node]:
        words = self.arguments[0].split()
        time_text = ""
        if len(words) > 1 and _TIME_LIKE.fullmatch(words[-1]):
            time_text = words.pop().strip("[]()")
        node = pn.turn(
            speaker_ref=" ".join(words),
            time_text=time_text,
            syntax="directive",
            docname=self.env.docname,
        )
        self.set_source_info(node)
        if _is_myst(self.state):
            self._parse_myst(node)
        else:
            self.state.nested_parse(self.content, self.content_offset, node, match_titles=True)
            for section in list(node.findall(nodes.section)):
                _section_to_rubric(section, self._title_line(section))
        return [node]

    def _parse_myst(self, node: pn.turn) -> None:
        """MyST turns nested headings into rubrics itself; we give our warning instead of its."""
        suppressed = list(self.config.suppress_warnings)
        self.config.suppress_warnings = [*suppressed, "myst.nested_header"]
        try:
            self.state.nested_parse(self.content, self.content_offset, node)
        finally:
            self.config.suppress_warnings = suppressed
        for rubric in node.findall(nodes.rubric):
            if "level" in rubric:
                _warn_heading(rubric.astext(), rubric)

    def _title_line(self, section: nodes.section) -> int | None:
        """docutils gives nested section titles no line: find the title in our content."""
        title = section.next_node(nodes.title)
        text = title.astext().strip() if title else ""
        lines = list(self.content)
        for index, line in enumerate(lines[:-1]):
            underline = lines[index + 1].strip()
            is_underline = bool(underline) and len(set(underline)) == 1
            if line.strip() == text and is_underline and not underline[0].isalnum():
                return int(self.content.items[index][1]) + 1
        return None


def _is_myst(state: object) -> bool:
    return type(state).__module__.startswith("myst_parser")


def _warn_heading(text: str, location: nodes.Node) -> None:
    warn(
        f"heading {text!r} inside a turn; it is shown as a rubric (end the turn before a heading)",
        Subtype.heading_in_turn,
        location,
    )


def _section_to_rubric(section: nodes.section, line: int | None) -> None:
    """Keep a heading written inside a turn, as a rubric: turns hold no sections."""
    title = section.next_node(nodes.title)
    text = title.astext() if title else ""
    rubric = nodes.rubric(text, "", *(title.children if title else []), ids=section["ids"])
    rubric.source, rubric.line = section.source or section.parent.source, line
    _warn_heading(text, rubric if line else section)
    body = [child for child in section.children if child is not title]
    section.replace_self([rubric, *body])
