"""The ``outline`` directive: where the episode's outline goes.

Its content, if any, is a list of chapters that have no section of their own
(``- 15:40 Ghosts``): the outline shows them among the sections, in time order,
and they are chapters of the episode (``chapters.json``, the feed) like the
timed sections.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.nodes import make_id

from .. import nodes as pn
from ..model import TimeFormatError, parse_time
from ..warnings_ import Subtype, warn
from . import PodcastDirective

# - 15:40 Ghosts · * [15:40] Ghosts · - 1:02:03 - Ghosts
_CHAPTER = re.compile(
    r"^[-*+][ \t]+\[?(?P<time>[0-9]{1,2}(?::[0-9]{2}){1,2}(?:\.[0-9]{1,3})?)\]?"
    r"[ \t]*(?:[-–—:|][ \t]*)?(?P<title>\S.*)$"
)


def make_outline(document: nodes.document, env: object, depth: int, title: str) -> pn.outline:
    """An outline placeholder with a unique id (``outline`` where free)."""
    node = pn.outline(
        classes=["podcast-outline"], depth=depth, title=title, docname=getattr(env, "docname", "")
    )
    node_id = make_id(env, document, "", "outline")  # type: ignore[arg-type]
    node["ids"].append(node_id)
    document.ids[node_id] = node
    return node


class OutlineDirective(PodcastDirective):
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "depth": directives.unchanged,
        "title": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        depth = self.number_option("depth", "outline depth", minimum=1) or 0
        title = self.options.get("title", "").strip()
        node = make_outline(self.state.document, self.env, depth, title)
        self.set_source_info(node)
        chapters = self._chapters()
        if chapters:
            node["chapters"] = chapters
        if title:
            # A node of its own with the author's words and their source: ``-b gettext``
            # extracts it and a translated page gets the translation (at read time).
            heading = nodes.rubric(title, title, classes=["podcast-outline-title"])
            self.set_source_info(heading)
            node += heading
        return [node]

    def _chapters(self) -> list[tuple[float, str]]:
        """The chapters of the content: (start in seconds, title), one warning per bad line."""
        chapters: list[tuple[float, str]] = []
        source = self._source_lines()
        search = self.lineno  # 0-based index of the line after the directive's first
        for line in self.content:
            if not line.strip():
                continue
            number = self.lineno
            for index in range(search, min(search + 200, len(source))):
                if source[index].strip() == line.strip():
                    number, search = index + 1, index + 1
                    break
            where = (self.env.docname, number)
            match = _CHAPTER.match(line.strip())
            if match is None:
                warn(
                    f"outline content {line.strip()!r} is not a chapter ('- MM:SS Title'); "
                    "left out",
                    Subtype.bad_option,
                    where,
                )
                continue
            try:
                start = parse_time(match["time"])
            except TimeFormatError as error:
                warn(f"outline chapter: {error}", Subtype.bad_time, where)
                continue
            chapters.append((start, " ".join(match["title"].split())))
        return chapters
