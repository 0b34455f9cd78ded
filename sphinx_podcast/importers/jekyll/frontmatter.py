"""The YAML front matter of a Jekyll post: read once, asked for values by key.

A post starts with ``---``, a block of ``key: value`` lines and another
``---`` (or ``...``). Everything the importer takes from the front matter
goes through :class:`FrontMatter`: the values (by any of several spellings
of a key, case ignored) and the line each key is on, for messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..textfile import InputError

__all__ = ["FrontMatter", "read_front_matter"]


@dataclass
class FrontMatter:
    """The front matter's values and where the body starts."""

    data: dict[str, Any] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    """The front matter's own lines (with its ``---`` lines), for line numbers."""
    body_line: int = 1
    """The line number of the body's first line."""

    def line_of(self, key: str) -> int:
        """The line *key* is set on (1 when it is not there)."""
        pattern = re.compile(rf"^{re.escape(key)}\s*:")
        for number, line in enumerate(self.lines, start=1):
            if pattern.match(line):
                return number
        return 1

    def value(self, *keys: str) -> tuple[str, str]:
        """(the key as written, its value as text) for the first of *keys* that has a value.

        Keys are compared without case; a list becomes ``a, b``; ``("", "")`` if none.
        """
        lowered = {key.lower(): key for key in self.data}
        for key in keys:
            real = lowered.get(key)
            if real is not None and self.data[real] not in (None, ""):
                value = self.data[real]
                if isinstance(value, list):
                    value = ", ".join(str(item) for item in value)
                return real, str(value).strip()
        return "", ""

    def scalar(self, key: str) -> str | None:
        """The value of *key* exactly as written there, if it is a string or a number."""
        value = self.data.get(key)
        if isinstance(value, str | int | float):
            return str(value)
        return None


def read_front_matter(source: str, filename: str) -> tuple[FrontMatter, list[str]]:
    """The front matter of *source* and the lines of the body after it.

    Raises :class:`InputError` (with the line) for a front matter that is
    never closed, is not valid YAML, or is not a mapping.
    """
    lines = source.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter(), lines
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            break
    else:
        raise InputError("the front matter starting here is never closed by '---'", filename, 1)
    raw = "\n".join(lines[1:index])
    try:
        data = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise InputError(f"front matter: {problem}", filename, line) from None
    if not isinstance(data, dict):
        raise InputError("the front matter is not a set of 'key: value' lines", filename, 1)
    front = FrontMatter(
        {str(key): value for key, value in data.items()}, lines[: index + 1], index + 2
    )
    return front, lines[index + 1 :]
