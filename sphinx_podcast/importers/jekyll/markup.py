"""Liquid tags, player includes and inline HTML: replaced where Sphinx has an equivalent,
otherwise kept as written and reported.
"""

from __future__ import annotations

import re

from ..myst import escape_inline
from .blocks import CODE_SPAN, END_HIGHLIGHT, HIGHLIGHT, HTML_TAG, Block
from .post import Post

__all__ = ["liquid", "report_html"]

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
        plural = "lines" if len(line_numbers) > 1 else "line"
        post.warn(line_numbers[0], f"HTML {shown} kept as written ({plural} {where}): {hint}")
