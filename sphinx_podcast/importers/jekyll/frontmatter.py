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

from ...inputs import MAX_YAML_ALIASES, MAX_YAML_EXPANDED
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


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing more than MAX_YAML_ALIASES aliases."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_YAML_ALIASES:
                mark = self.peek_event().start_mark
                raise yaml.composer.ComposerError(
                    None, None, f"more than {MAX_YAML_ALIASES} aliases", mark
                )
        return super().compose_node(parent, index)


def _expanded_size(data: Any) -> int:
    """The size of *data* with every alias written out (each string by its length, every
    other value as 1), counted up to just past MAX_YAML_EXPANDED and no further."""
    size = 0
    pending = [data]
    while pending and size <= MAX_YAML_EXPANDED:
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
            size += 1
        elif isinstance(item, list | tuple | set):
            pending.extend(item)
            size += 1
        else:
            size += len(item) if isinstance(item, str | bytes) else 1
    return size


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
    data = load_mapping("\n".join(lines[1:index]), filename, 2, what="front matter")
    front = FrontMatter(data, lines[: index + 1], index + 2)
    return front, lines[index + 1 :]


def load_mapping(
    raw: str, filename: str, first_line: int, *, what: str = "the file"
) -> dict[str, Any]:
    """YAML text that must be ``key: value`` lines (a front matter, ``_config.yml``), read
    with the same bounds; *first_line* is the line number of *raw*'s first line."""
    try:
        data = yaml.load(raw, Loader=_BoundedLoader) if raw.strip() else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + first_line if mark is not None else max(first_line - 1, 1)
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise InputError(f"{what}: {problem}", filename, line) from None
    except RecursionError:
        raise InputError(f"{what}: nested too deeply", filename, 1) from None
    if not isinstance(data, dict):
        raise InputError(f"{what} is not a set of 'key: value' lines", filename, 1)
    if _expanded_size(data) > MAX_YAML_EXPANDED:
        raise InputError(
            f"{what}: more than {MAX_YAML_EXPANDED:,} characters once its aliases are "
            "expanded (a YAML alias bomb?); not read",
            filename,
            1,
        )
    return {str(key): value for key, value in data.items()}
