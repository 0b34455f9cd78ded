"""Directives of sphinx-podcast: one module each, and what they share."""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.util.docutils import SphinxDirective

from ..inputs import MAX_NUMBER, InputValueError, whole_number
from ..warnings_ import Subtype, warn

# How far after a directive's first line its options may stand.
_OPTIONS_WINDOW = 60


class PodcastDirective(SphinxDirective):
    """Base class: locates options by line so warnings point at the offending line."""

    def option_line(self, name: str) -> int:
        """The source line of option *name* (the directive's line when it cannot be found).

        rST and MyST 5 give the directive's whole text; MyST 4 gives only its
        content, so there the options are looked up in the page's source.
        """
        pattern = re.compile(rf"^\s*(?::{re.escape(name)}:|{re.escape(name)}\s*:)")
        for offset, line in enumerate(self.block_text.splitlines()):
            if offset and pattern.match(line):
                return self.lineno + offset
        lines = self._source_lines()
        for index in range(self.lineno, min(self.lineno + _OPTIONS_WINDOW, len(lines))):
            if pattern.match(lines[index]):
                return index + 1
        return self.lineno

    def _source_lines(self) -> list[str]:
        """The lines of the page being read (read once per page)."""
        # per-document storage that Sphinx empties after each page
        cache: dict[str, list[str]] = self.env.temp_data.setdefault(  # type: ignore[assignment]
            "podcast_source_lines", {}
        )
        source = self.state.document.get("source", "")
        if source not in cache:
            try:
                cache[source] = Path(source).read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeError):
                cache[source] = []
        lines: list[str] = cache[source]
        return lines

    def option_location(self, name: str) -> tuple[str, int]:
        return (self.env.docname, self.option_line(name))

    def warn_option(self, name: str, message: str, subtype: Subtype = Subtype.bad_option) -> None:
        warn(message, subtype, self.option_location(name))

    def number_option(
        self, name: str, what: str, *, minimum: int = 0, maximum: int = MAX_NUMBER
    ) -> int | None:
        """Option *name* as a whole number (ASCII digits, in range); None when it is not
        given, or after one warning at its line when it is not such a number."""
        value = self.options.get(name, "").strip()
        if not value:
            return None
        try:
            return whole_number(value, what, minimum=minimum, maximum=maximum)
        except InputValueError as error:
            self.warn_option(name, str(error))
            return None
