"""A "Highlighted quotes" section: its quoted lines stay quotes, never turns.

Posts collect memorable lines in a section of their own, as ``Name: "…"``,
``**Name**: "…"``, ``> "…" — Name`` or a list of such lines. Read as turns they
would repeat what was said, under a chapter time that is not theirs. Each one
becomes a block quote with its speaker's full name on the last line::

    > Nobody should pay twice for the same numbers.
    >
    > — Ada Example
"""

from __future__ import annotations

import re

from ...grammar import Label, read_bold_line, read_plain_line
from .blocks import LIST_ITEM, Block, comparable, heading_text, plain
from .people import Cast
from .post import Post

__all__ = ["is_quotes_title", "mark_quote_sections", "quote_sections"]

_TITLES = {
    "quotes",
    "highlights",
    "highlighted quotes",
    "key quotes",
    "notable quotes",
    "best quotes",
    "favourite quotes",
    "favorite quotes",
    "memorable quotes",
    "quotations",
    "quotes from the episode",
    "highlighted quotes from the episode",
    "soundbites",
}
# "…" — Name  ·  “…” – Name  ·  "…" -- Name   (at the end of the quote)
_TRAILING_NAME = re.compile(
    r"^(?P<quote>.*?[\"”»)])[ \t]*(?:—|–|--|-)[ \t]*(?P<name>[^\W\d_][\w .'’-]{0,40})$"
)
_OPEN = '"“«'


def is_quotes_title(title: str) -> bool:
    return comparable(title) in _TITLES


def quote_sections(blocks: list[Block]) -> list[tuple[int, int]]:
    """(first, end) block indices of each quotes section (its heading included)."""
    found = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == "heading" and is_quotes_title(plain(heading_text(block))):
            end = index + 1
            while end < len(blocks) and not (
                blocks[end].kind == "heading" and blocks[end].level <= block.level
            ):
                end += 1
            found.append((index, end))
            index = end
            continue
        index += 1
    return found


def mark_quote_sections(post: Post, cast: Cast) -> None:
    """Rewrite the quoted lines of every quotes section as block quotes with a speaker."""
    count = 0
    for first, end in quote_sections(post.blocks):
        for block in post.blocks[first:end]:
            if block.kind == "heading":
                block.in_quotes = True
                continue
            if block.kind in ("para", "quote", "list"):
                count += _rewrite(post, cast, block)
    if count:
        post.note(0, f"{count} highlighted quotes became block quotes with their speaker")


def _rewrite(post: Post, cast: Cast, block: Block) -> int:
    """One block of a quotes section; the number of quotes it held."""
    if block.kind == "list":
        items = _items(block)
    elif block.kind == "quote":
        items = [(block.line, " ".join(line.lstrip()[1:].strip() for line in block.lines))]
    else:
        items = [(block.line, " ".join(line.strip() for line in block.lines))]
    quotes: list[tuple[str, str]] = []
    for number, text in items:
        found = _quote(text)
        if found is None:
            return 0  # not a block of quotes: left as written
        name, quote = found
        full = cast.resolve(name)[0] if name else ""
        quotes.append((quote, full))
        del number
    lines: list[str] = []
    for quote, name in quotes:
        if lines:
            lines.append("")
        lines.append(f"> {quote}")
        if name:
            lines.extend([">", f"> — {name}"])
    block.lines = lines
    block.kind = "quote"
    return len(quotes)


def _items(block: Block) -> list[tuple[int, str]]:
    items: list[tuple[int, str]] = []
    for offset, line in enumerate(block.lines):
        match = LIST_ITEM.match(line)
        if match:
            items.append((block.line + offset, match["text"].strip()))
        elif items:
            items[-1] = (items[-1][0], f"{items[-1][1]} {line.strip()}")
    return items


def _quote(text: str) -> tuple[str, str] | None:
    """(speaker label, quote text) of a quoted line, or None if it is not one."""
    label = read_bold_line(text)
    if isinstance(label, Label):
        return label.name, text[label.text_start :].strip()
    plain_label = read_plain_line(text)
    if plain_label is not None and text[plain_label.text_start :].lstrip()[:1] in _OPEN:
        return plain_label.name, text[plain_label.text_start :].strip()
    trailing = _TRAILING_NAME.match(text.strip())
    if trailing and trailing["quote"].lstrip()[:1] in _OPEN:
        return trailing["name"].strip(), trailing["quote"].strip()
    if text.strip()[:1] in _OPEN:
        return "", text.strip()
    return None
