"""Directives of sphinx-podcast: one module each, and what they share."""

from __future__ import annotations

import re

from sphinx.util.docutils import SphinxDirective

from ..warnings_ import Subtype, warn


class PodcastDirective(SphinxDirective):
    """Base class: locates options by line so warnings point at the offending line."""

    def option_line(self, name: str) -> int:
        """The source line of option *name* (the directive's line when it cannot be found)."""
        pattern = re.compile(rf"^\s*(?::{re.escape(name)}:|{re.escape(name)}\s*:)")
        for offset, line in enumerate(self.block_text.splitlines()):
            if offset and pattern.match(line):
                return self.lineno + offset
        return self.lineno

    def option_location(self, name: str) -> tuple[str, int]:
        return (self.env.docname, self.option_line(name))

    def warn_option(self, name: str, message: str, subtype: Subtype = Subtype.bad_option) -> None:
        warn(message, subtype, self.option_location(name))
