"""Writing MyST: directives, turns in the bold-name syntax, escaped text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..model import time_text

__all__ = [
    "OptionValueError",
    "clean_name",
    "directive",
    "escape_inline",
    "option_value",
    "speaker_key",
    "time_text",
    "turn_line",
]

_MARKUP = re.compile(r"[\\`*]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])|\]\(|<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_NAME_FORBIDDEN = re.compile(r"[*\[\]():`<>\\]")


def escape_inline(text: str) -> str:
    """*text* on one line, escaped so MyST shows it exactly (no emphasis, links, HTML)."""
    flat = " ".join(text.split())
    flat = _MARKUP.sub(lambda match: "\\" + match.group(0), flat)
    flat = _ENTITY.sub("\\&", flat)
    if flat.count("$") >= 2:  # would be maths with dollarmath on
        flat = flat.replace("$", "\\$")
    return flat


def clean_name(name: str) -> str:
    """A speaker name that fits in ``**Name**:`` (no markup characters, one line)."""
    return " ".join(_NAME_FORBIDDEN.sub(" ", name).split())


def speaker_key(name: str) -> str:
    """A speaker key made from a name: ``Michaël Durand`` → ``michael-durand``."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_name = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = re.sub(r"[^0-9a-z]+", "-", ascii_name.casefold()).strip("-")
    if not key:  # a name in a script without Latin letters: keep its letters
        key = re.sub(r"\W+", "-", name.casefold()).strip("-")
    return key or "speaker"


def turn_line(name: str, start: float | None, text: str, *, whole: bool = False) -> str:
    """One turn in the bold-name syntax: ``**Ada Example** [01:12]: text``."""
    when = f" [{time_text(start, whole=whole)}]" if start is not None else ""
    return f"**{clean_name(name)}**{when}: {escape_inline(text)}".rstrip()


class OptionValueError(ValueError):
    """An option value that cannot be written on one option line; ``key`` names it."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"option {key!r}: {message}")
        self.key = key


# Line breaks as MyST's option parser sees them, and other controls.
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]")
# What a plain YAML-like value cannot start with, or hold (" #" starts a comment).
_NEEDS_QUOTES = re.compile(r"""^[\s'"|>#&*!%@`{\[?,]|\s$|\s#|:\s|:$|^-\s|\t|\s\s""")


def option_value(key: str, value: str) -> str:
    """*value* as it is written after ``:key:``: as it is when MyST reads it back
    unchanged, else in single quotes. A value with a line break is an
    :class:`OptionValueError`: it would end the option and start anything (a raw
    HTML block, another ``:audio:``)."""
    if _LINE_BREAKS.search(value):
        raise OptionValueError(key, "a value on more than one line cannot be an option")
    if _NEEDS_QUOTES.search(value):
        return "'" + value.replace("'", "''") + "'"
    return value


def directive(
    name: str,
    argument: str = "",
    options: Iterable[tuple[str, str]] = (),
    content: str = "",
) -> str:
    """A MyST directive in a backtick fence (longer than any fence in *content*).

    Option values are checked and quoted by :func:`option_value`; the argument must
    be one line too."""
    longest = max((len(run) for run in re.findall(r"`{3,}", content)), default=2)
    fence = "`" * max(3, longest + 1)
    if _LINE_BREAKS.search(argument):
        raise OptionValueError(name, "a directive argument on more than one line")
    lines = [f"{fence}{{{name}}}" + (f" {argument}" if argument else "")]
    lines.extend(f":{key}: {option_value(key, value)}" for key, value in options if value != "")
    if content.strip():
        lines.append("")
        lines.append(content.strip("\n"))
    lines.append(fence)
    return "\n".join(lines)
