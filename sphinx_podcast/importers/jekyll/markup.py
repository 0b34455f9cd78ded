"""Liquid tags, player includes and inline HTML: replaced where Sphinx has an equivalent,
otherwise kept as written and reported.
"""

from __future__ import annotations

import re

import lxml.html

from ..myst import escape_inline
from .blocks import CODE_SPAN, END_HIGHLIGHT, HIGHLIGHT, HTML_TAG, Block
from .post import Post

__all__ = ["close_inline_html", "html_paragraphs", "liquid", "report_html"]

_INCLUDE = re.compile(r"^[ \t]*\{%-?[ \t]*include[ \t]+(?P<file>\S+)(?P<args>.*?)-?%\}[ \t]*$")
_INCLUDE_ID = re.compile(r"""\bid=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s%]+))""")
_LIQUID_VAR = re.compile(r"\{\{-?\s*page\.(?P<key>\w+)\s*-?\}\}")
_LIQUID = re.compile(r"\{%-?.*?-?%\}|\{\{-?.*?-?\}\}")
_RAW_TAG = re.compile(r"\{%-?[ \t]*(?:end)?raw[ \t]*-?%\}")
_PLAYERS = ("player", "youtube", "spotify", "vimeo", "soundcloud", "audio", "video", "podcast")


def liquid(post: Post) -> None:
    """Drop player includes, replace ``{{ page.x }}``, turn ``{% highlight %}`` into code;
    report the Liquid that is kept."""
    kept: list[Block] = []
    for block in post.blocks:
        if block.kind == "code":
            kept.append(block)
            continue
        if block.kind == "highlight":
            kept.append(_highlight(post, block))
            continue
        new_lines: list[str] = []
        for offset, line in enumerate(block.lines):
            number = block.line + offset
            include = _INCLUDE.match(line)
            if include:
                if _player_include(post, include, number):
                    continue
                post.warn(
                    number,
                    f"Liquid include {include['file']!r} kept as written: Sphinx does not "
                    "run Liquid; replace it by hand",
                )
                post.kept.append(f"Liquid include {include['file']}")
                new_lines.append(line)
                continue
            line = _page_variables(post, line, number)
            if _RAW_TAG.search(line):
                line = _RAW_TAG.sub("", line)
                post.note(number, "Liquid {% raw %} tags removed (their text is kept)")
                if not line.strip():
                    continue
            for match in _LIQUID.finditer(CODE_SPAN.sub("", line)):
                post.warn(
                    number, f"Liquid {match.group(0)!r} kept as written: Sphinx does not run Liquid"
                )
            new_lines.append(line)
        if new_lines:
            block.lines = new_lines
            kept.append(block)
    post.blocks = kept


def _highlight(post: Post, block: Block) -> Block:
    match = HIGHLIGHT.match(block.lines[0])
    assert match is not None
    body = block.lines[1:]
    if body and END_HIGHLIGHT.match(body[-1]):
        body = body[:-1]
    else:
        post.warn(block.line, "{% highlight %} without {% endhighlight %}")
    post.note(block.line, "Liquid {% highlight %} block became a code block")
    fence = "```"
    while any(fence in line for line in body):
        fence += "`"
    return Block(block.line, [f"{fence}{match['lang']}", *body, fence], "code")


def _player_include(post: Post, include: re.Match[str], number: int) -> bool:
    """Drop a player include (its media goes into the episode directive); True if dropped."""
    name = include["file"].lower()
    provider = next((p for p in _PLAYERS if p in name), "")
    if not provider:
        return False
    id_match = _INCLUDE_ID.search(include["args"])
    value = ""
    if id_match:
        value = id_match["dq"] or id_match["sq"] or id_match["bare"] or ""
        if re.fullmatch(r"page\.(\w+)", value):
            value = ""  # the front matter value, read there
    kind = provider if provider in ("youtube", "spotify", "vimeo") else ""
    if value and kind and kind not in post.media_ids:
        post.media_ids[kind] = value
    post.note(number, f"player include {include['file']!r} dropped: the episode shows it")
    return True


def _page_variables(post: Post, line: str, number: int) -> str:
    def substitute(match: re.Match[str]) -> str:
        value = post.front.scalar(match["key"])
        if value is not None:
            post.note(number, f"Liquid {match.group(0)!r} replaced by its value")
            return escape_inline(value)  # a value is text: on this line, no markup
        return match.group(0)

    return _LIQUID_VAR.sub(substitute, line)


_HTML_P_LINE = re.compile(r"^[ \t]*<p(?:[ \t][^<>]*)?>.*</p>[ \t]*$", re.IGNORECASE)
_INLINE_MARKS = {"strong": "**", "b": "**", "em": "*", "i": "*"}


def html_paragraphs(post: Post) -> None:
    """Blocks of HTML paragraphs (a transcript pasted from a web page, one ``<p>`` a
    line) become Markdown paragraphs: ``<p><strong>Ada</strong></p>`` → ``**Ada**``.

    Only blocks whose every line is one whole ``<p>`` are converted; their inline
    HTML becomes Markdown where Markdown has it (bold, italics, links, line breaks)
    and is kept as written otherwise.
    """
    kept: list[Block] = []
    converted = 0
    for block in post.blocks:
        if block.kind != "para" or not all(_HTML_P_LINE.match(line) for line in block.lines):
            kept.append(block)
            continue
        for offset, line in enumerate(block.lines):
            text = _markdown_of_p(line)
            if text.strip():
                kept.append(Block(block.line + offset, text.split("\n"), "para"))
        converted += len(block.lines)
    if converted:
        post.note(0, f"{converted} HTML paragraphs (<p>) became Markdown paragraphs")
    post.blocks = kept


def _markdown_of_p(line: str) -> str:
    """The Markdown of one ``<p>…</p>`` line."""
    fragment = lxml.html.fragment_fromstring(line.strip())
    return _inline(fragment).strip()


def _inline(element: lxml.html.HtmlElement) -> str:
    parts = [element.text or ""]
    for child in element:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        inner = _inline(child)
        if tag in _INLINE_MARKS and inner.strip():
            mark = _INLINE_MARKS[tag]
            lead, core, trail = _split_spaces(inner)
            parts.append(f"{lead}{mark}{core}{mark}{trail}")
        elif tag == "a" and child.get("href"):
            parts.append(f"[{inner}]({child.get('href')})")
        elif tag == "br":
            parts.append("\\\n")
        elif tag in ("span", "font", ""):
            parts.append(inner)
        else:
            parts.append(lxml.html.tostring(child, encoding="unicode", with_tail=False))
        parts.append(child.tail or "")
    return "".join(parts)


def _split_spaces(text: str) -> tuple[str, str, str]:
    core = text.strip()
    start = text.index(core[0]) if core else 0
    return text[:start], core, text[start + len(core) :]


_INLINE_TAGS = {
    "a", "abbr", "b", "big", "cite", "code", "del", "em", "font", "i", "ins", "kbd", "mark",
    "q", "s", "small", "span", "strike", "strong", "sub", "sup", "tt", "u",
}  # fmt: skip
_TAG_PARTS = re.compile(r"<(?P<close>/)?(?P<tag>[A-Za-z][A-Za-z0-9]*)\b[^<>]*?(?P<empty>/)?>")


def close_inline_html(post: Post) -> None:
    """An inline tag a paragraph opens and never closes (``<i>`` without ``</i>``) is
    closed at the end of that paragraph, as the Markdown renderers of Jekyll sites did;
    otherwise it would run on over the rest of the page."""
    for block in post.blocks:
        if block.kind not in ("para", "list", "quote", "heading"):
            continue
        open_tags: list[str] = []
        for line in block.lines:
            for match in _TAG_PARTS.finditer(CODE_SPAN.sub("", line)):
                tag = match["tag"].lower()
                if tag not in _INLINE_TAGS or match["empty"]:
                    continue
                if not match["close"]:
                    open_tags.append(tag)
                elif tag in open_tags:
                    while open_tags and open_tags.pop() != tag:
                        pass
        if open_tags:
            closing = "".join(f"</{tag}>" for tag in reversed(open_tags))
            block.lines[-1] = block.lines[-1].rstrip() + closing
            shown = ", ".join(f"<{tag}>" for tag in open_tags)
            post.warn(block.line, f"HTML {shown} left open: closed at the end of its paragraph")


def report_html(post: Post) -> None:
    """Report the HTML kept: one note per group of tags found on the same lines."""
    seen: dict[str, list[int]] = {}
    for block in post.blocks:
        if block.kind in ("code", "outline"):
            continue
        for offset, line in enumerate(block.lines):
            for match in HTML_TAG.finditer(CODE_SPAN.sub("", line)):
                lines = seen.setdefault(match["tag"].lower(), [])
                if block.line + offset not in lines:
                    lines.append(block.line + offset)
    groups: dict[tuple[int, ...], list[str]] = {}
    for tag, lines in seen.items():
        groups.setdefault(tuple(lines), []).append(tag)
    for line_numbers, tags in groups.items():
        where = ", ".join(str(n) for n in line_numbers[:5]) + (
            " …" if len(line_numbers) > 5 else ""
        )
        hint = (
            "an embedded player: the episode directive's media options replace it"
            if "iframe" in tags
            else "shown by the HTML builders only"
        )
        shown = ", ".join(f"<{tag}>" for tag in tags)
        post.kept.append(f"HTML {shown}")
        plural = "lines" if len(line_numbers) > 1 else "line"
        post.warn(line_numbers[0], f"HTML {shown} kept as written ({plural} {where}): {hint}")
