"""Directives of sphinx-podcast: one module each, and what they share."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..inputs import MAX_NUMBER, InputValueError, whole_number
from ..warnings_ import Subtype, error, warn
from .conventions import (
    option_spec_with_common,
    outermost_elements,
    target_name,
    unknown_options,
)

# How far after a directive's first line its options may stand.
_OPTIONS_WINDOW = 60


def _with_conventions(
    run: Callable[[PodcastDirective], list[nodes.Node]],
) -> Callable[[PodcastDirective], list[nodes.Node]]:
    @functools.wraps(run)
    def run_with_conventions(self: PodcastDirective) -> list[nodes.Node]:
        if self._running:  # a subclass's run calling super().run(): the outer one applies
            return run(self)
        self._running = True
        try:
            result = run(self)
        finally:
            self._running = False
        self.apply_conventions(result)
        return result

    return run_with_conventions


class PodcastDirective(SphinxDirective):
    """Base class: locates options by line so warnings point at the offending line.

    Every subclass also follows the docutils conventions (see :mod:`.conventions`):
    its ``option_spec`` gets ``class`` and ``name``, its ``run`` applies them to the
    outermost element it returns, and an option it does not know is an error at its
    line, ignored (the directive and its content are kept).
    """

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = option_spec_with_common(None)
    _running = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.option_spec = option_spec_with_common(cls.option_spec)
        if "run" in cls.__dict__:
            cls.run = _with_conventions(cls.__dict__["run"])  # type: ignore[method-assign,assignment]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for option in unknown_options(self.options):
            del self.options[option]
            known = ", ".join(f":{name}:" for name in sorted(self.option_spec or {}))
            # an error, as docutils reports it, but the directive and its content are kept
            error(
                f"the {self.name} directive has no option :{option}: (it has {known}); ignored",
                Subtype.unknown_option,
                self.option_location(option),
            )

    def apply_conventions(self, result: list[nodes.Node]) -> None:
        """``:class:`` on the outermost element(s) of *result*, ``:name:`` on the first."""
        elements = outermost_elements(result)
        classes = self.options.pop("class", None)
        if classes and elements:
            for element in elements:
                element["classes"].extend(c for c in classes if c not in element["classes"])
        if (self.option_spec or {}).get("name") is target_name and "name" in self.options:
            if elements:
                self.add_name(elements[0])
            else:
                self.options.pop("name")

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
