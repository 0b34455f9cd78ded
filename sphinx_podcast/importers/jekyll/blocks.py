"""A post's body as blocks (headings, paragraphs, lists, quotes, code) and its headings.

The importer edits a post block by block: a block keeps the line it
started on, so every message can name it. Headings also know the ids the
old site gave them (kramdown's and GitHub's), so links to them can be
found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from docutils.nodes import make_id

from ...model import normalize_name

__all__ = [
    "ATX",
    "CODE_SPAN",
    "HTML_TAG",
    "Block",
    "Heading",
    "comparable",
    "find_headings",
    "github_id",
    "heading_text",
    "kramdown_id",
    "list_items",
    "plain",
    "split_blocks",
]

_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})")
ATX = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?[ \t]*#*[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?P<char>=+|-+)[ \t]*$")
LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(?P<text>.*)$")
HIGHLIGHT = re.compile(r"^[ \t]*\{%-?[ \t]*highlight[ \t]+(?P<lang>[\w+-]+)[^%]*%\}[ \t]*$")
END_HIGHLIGHT = re.compile(r"^[ \t]*\{%-?[ \t]*endhighlight[ \t]*-?%\}[ \t]*$")
HTML_TAG = re.compile(r"</?(?P<tag>[A-Za-z][A-Za-z0-9-]*)\b[^<>]*>")
CODE_SPAN = re.compile(r"(`+).*?\1")
_MD_LINK = re.compile(r"!?\[(?P<text>[^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(?P<text>.+?)(?<=\S)\1")
_EXPLICIT_ID = re.compile(r"\s*\{#(?P<id>[\w-]+)\}\s*$")


@dataclass
class Block:
    """Consecutive lines of one kind, from *line* on."""

    line: int
    lines: list[str]
    kind: str  # heading, code, highlight, list, quote, para, outline, admonition, marker, empty
    level: int = 0
    anchors: set[str] = field(default_factory=set)
    """Of a heading: the ids written for it (kramdown's ``{#id}``), kept once taken off."""
    in_quotes: bool = False
    """Of a heading: it heads (or is inside) a section of highlighted quotes."""
    quotes: list[tuple[str, str]] = field(default_factory=list)
    """Of a block of highlighted quotes: (quote, speaker's full name) of each."""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class Heading:
    """A heading block: its index among the blocks, its level, title and anchors."""

    index: int
    level: int
    title: str  # plain text
    anchors: set[str] = field(default_factory=set)
    """The ids the old site gave it (kramdown, GitHub, an explicit ``{#id}``)."""
    docutils_id: str = ""
    """The id Sphinx gives it ("" when another heading of the page has it first)."""
    slug: str = ""
    """The anchor MyST's heading anchors give it (GitHub style, ``-1`` … when taken): what
    ``[…](#slug)`` links resolve to, with MyST 4 and 5 alike."""
    in_quotes: bool = False


def plain(markdown: str) -> str:
    """The text of a line of Markdown without links, HTML, emphasis or code marks."""
    text = _MD_LINK.sub(lambda m: m["text"], markdown)
    text = HTML_TAG.sub("", text)
    text = _EMPHASIS.sub(lambda m: m["text"], text)
    text = text.replace("`", "")
    return " ".join(text.split())


def kramdown_id(title: str, *, transliterate: bool = False) -> str:
    """The id kramdown (Jekyll's default) gives a heading: what comes before the first
    ASCII letter goes, then everything but ASCII letters, digits, spaces and dashes;
    spaces become dashes; lower case. With *transliterate* (kramdown's
    ``transliterated_header_ids``) accented letters become ASCII first."""
    if transliterate:
        decomposed = unicodedata.normalize("NFKD", title)
        title = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = re.sub(r"^[^a-zA-Z]+", "", title)
    text = re.sub(r"[^a-zA-Z0-9 -]", "", text)
    return text.replace(" ", "-").lower()


def github_id(title: str) -> str:
    """The id GitHub-flavoured Markdown (jekyll-gfm, GitHub Pages) gives a heading, which
    is also the slug of MyST's heading anchors: lower case, spaces become dashes, and
    everything but word characters (CJK ideographs included) and dashes goes."""
    text = title.strip().lower().replace(" ", "-")
    return re.sub(r"[^\w\u4e00-\u9fff-]", "", text)


def comparable(title: str) -> str:
    """*title* for comparing: case, accents and punctuation do not count."""
    return " ".join(re.sub(r"[^\w\s]", " ", normalize_name(title)).split())


def heading_text(block: Block) -> str:
    """The Markdown text of a heading block (without its ``#`` marks)."""
    match = ATX.match(block.lines[0])
    return (match["text"] if match else "") or ""


def split_blocks(
    lines: list[str], first_line: int, warn: Callable[[int, str], None]
) -> list[Block]:
    """Cut the body's *lines* (the first is line *first_line*) into blocks."""
    blocks: list[Block] = []
    current: Block | None = None
    fence = ""
    for offset, line in enumerate(lines):
        number = first_line + offset
        if fence:
            assert current is not None
            current.lines.append(line)
            stripped = line.strip()
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                fence = ""
                current = None
            continue
        opener = _FENCE.match(line)
        if opener:
            current = Block(number, [line], "code")
            blocks.append(current)
            fence = opener["fence"]
            continue
        if HIGHLIGHT.match(line):
            current = Block(number, [line], "highlight")
            blocks.append(current)
            continue
        if current is not None and current.kind == "highlight":
            current.lines.append(line)
            if END_HIGHLIGHT.match(line):
                current = None
            continue
        if not line.strip():
            current = None
            continue
        heading = ATX.match(line)
        if heading and not line.startswith("    "):
            blocks.append(Block(number, [line], "heading", len(heading["hashes"])))
            current = None
            continue
        setext = _SETEXT.match(line)
        if setext and current is not None and current.kind == "para" and len(current.lines) == 1:
            current.kind = "heading"
            current.level = 1 if setext["char"].startswith("=") else 2
            current.lines = ["#" * current.level + " " + current.lines[0].strip()]
            current = None
            continue
        if current is None:
            kind = "list" if LIST_ITEM.match(line) else "para"
            if line.lstrip().startswith(">"):
                kind = "quote"
            current = Block(number, [], kind)
            blocks.append(current)
        current.lines.append(line)
    if fence and current is not None:
        warn(current.line, "this code block is never closed; it runs to the end of the file")
    return blocks


def find_headings(blocks: list[Block]) -> list[Heading]:
    """The headings of *blocks*, with their anchors; an explicit ``{#id}`` is taken off."""
    found: list[Heading] = []
    used: set[str] = set()
    slugs: set[str] = set()
    for index, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        raw = heading_text(block)
        # kramdown's explicit ids: "## Title {#id}"
        explicit = _EXPLICIT_ID.search(raw)
        if explicit:
            block.anchors.add(explicit["id"])
            raw = raw[: explicit.start()]
            block.lines = ["#" * block.level + " " + raw]
        anchors = set(block.anchors)
        title = plain(raw)
        anchors.update(
            {kramdown_id(title), kramdown_id(title, transliterate=True), github_id(title)}
        )
        identifier = make_id(title)
        if identifier in used:
            identifier = ""
        used.add(identifier)
        slug = github_id(title)
        if slug in slugs:  # MyST's compute_unique_slug: slug-1, slug-2, …
            number = 1
            while f"{slug}-{number}" in slugs:
                number += 1
            slug = f"{slug}-{number}"
        slugs.add(slug)
        heading = Heading(
            index, block.level, title, anchors, identifier, slug=slug, in_quotes=block.in_quotes
        )
        found.append(heading)
    return found


def list_items(block: Block) -> list[tuple[int, int, str]]:
    """(line, depth, text) of a list's items; continuation lines join their item."""
    items: list[tuple[int, int, str]] = []
    indents: list[int] = []
    for offset, line in enumerate(block.lines):
        match = LIST_ITEM.match(line)
        if not match:
            if items:
                number, depth, text = items[-1]
                items[-1] = (number, depth, f"{text} {line.strip()}")
            continue
        width = len(match["indent"].expandtabs(4))
        while indents and width < indents[-1]:
            indents.pop()
        if not indents or width > indents[-1]:
            indents.append(width)
        items.append((block.line + offset, len(indents), match["text"].strip()))
    return items
