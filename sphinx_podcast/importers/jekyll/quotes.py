"""A "Highlighted quotes" section: its quoted lines are highlights, never turns.

Posts collect memorable lines in a section of their own, as ``Name: "…"``,
``**Name**: "…"``, ``> "…" — Name`` or a list of such lines. Read as turns they
would repeat what was said, under a chapter time that is not theirs. Each one
becomes a ``soundbite`` directive (a highlight of the episode, linked to its
moment) when a turn of that speaker on the page says it; otherwise a block quote
with the speaker's full name on its last line, and a warning::

    > Nobody should pay twice for the same numbers.
    >
    > — Ada Example
"""

from __future__ import annotations

import re

from ...grammar import Label, read_bold_line, read_plain_line
from ...quoting import quote_in
from ..myst import clean_name, directive
from .blocks import LIST_ITEM, Block, comparable, heading_text, plain
from .people import Cast
from .post import Post

__all__ = ["is_quotes_title", "mark_quote_sections", "quote_sections", "write_quotes"]

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
_CONTEXT_LINK = re.compile(r"[ \t]*\(?\[[^\]]*\]\(#[^)\s]*\)\)?[ \t]*$")


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
        post.note(0, f"{count} highlighted quotes: highlights where their turn says them")


def _rewrite(post: Post, cast: Cast, block: Block) -> int:
    """One block of a quotes section; the number of quotes it held."""
    if block.kind == "list":
        items = _items(block)
    elif block.kind == "quote":
        items = [(block.line, " ".join(line.lstrip()[1:].strip() for line in block.lines))]
    else:
        items = [(block.line, " ".join(line.strip() for line in block.lines))]
    quotes: list[tuple[str, str]] = []
    for _number, text in items:
        found = _quote(text)
        if found is None:
            return 0  # not a block of quotes: left as written
        name, quote = found
        quotes.append((quote, clean_name(cast.resolve(name)[0]) if name else ""))
    block.quotes = quotes
    block.kind = "quotes"
    return len(quotes)


def write_quotes(post: Post) -> None:
    """Write each block of quotes: a ``soundbite`` per quote a turn of its speaker says,
    a block quote with the speaker for the others (with a warning)."""
    turns = _turn_texts(post.blocks)
    for block in post.blocks:
        if block.kind != "quotes":
            continue
        parts: list[str] = []
        for quote, name in block.quotes:
            # "…" ([context](#where-it-is-said)): the highlight links to its moment itself
            text = _unquoted(_CONTEXT_LINK.sub("", quote))
            said = any(
                quote_in(text, said_text) and (not name or speaker == name)
                for speaker, said_text in turns
            )
            if said and text:
                options = [("speaker", name)] if name else []
                parts.append(directive("soundbite", "", options, text))
                continue
            post.warn(
                block.line,
                f"the quote {_short(text)!r} is said by no turn of "
                + (f"{name} " if name else "")
                + "on this page: kept as a block quote, not a highlight",
            )
            lines = [f"> {quote}"] + ([">", f"> — {name}"] if name else [])
            parts.append("\n".join(lines))
        block.lines = "\n\n".join(parts).split("\n")


def _turn_texts(blocks: list[Block]) -> list[tuple[str, str]]:
    """(speaker, text) of every turn of the page, continuation paragraphs included."""
    turns: list[tuple[str, str]] = []
    for block in blocks:
        label = read_bold_line(block.lines[0]) if block.kind == "para" else None
        if isinstance(label, Label):
            turns.append((label.name, block.text[label.text_start :]))
        elif turns and block.kind in ("para", "list", "quote"):
            speaker, text = turns[-1]
            turns[-1] = (speaker, f"{text}\n{block.text}")
        elif block.kind in ("heading", "code", "outline", "admonition", "quotes", "marker"):
            turns.append(("", ""))  # ends the turn before it
    return [(speaker, text) for speaker, text in turns if speaker]


def _unquoted(quote: str) -> str:
    """The quote without the quotation marks around it (the highlight shows it as one)."""
    text = quote.strip()
    if len(text) > 1 and text[0] in _OPEN and text[-1] in '"”»':
        return text[1:-1].strip()
    return text


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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
