"""The hand-written outline, its chapter times, and the back links to it.

A heading titled *Outline*, *Contents*, … followed by a list (or a bare
list of chapter times or in-page links before the transcript) becomes an
``outline`` directive; its chapter times go to the first turn of the
matching section, which is where the outline takes a chapter's time from.
Links back to the outline disappear: the outline directive adds them.
"""

from __future__ import annotations

import difflib
import re

from ...grammar import bold_prefix
from ...model import TimeFormatError, parse_time, time_text
from ..myst import directive
from .blocks import Block, Heading, comparable, list_items, plain
from .post import Post
from .turns import bold_turn, turn_name

__all__ = ["find_outline", "remove_backlinks", "replace_outline"]

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d{1,3})?"
# - 02:28 Title · - [02:28] Title · - 02:28 - Title · - [02:28](…) Title · - 02:28 [Title](#a)
_CHAPTER_ITEM = re.compile(
    rf"^\[?(?P<time>{_TIME})\]?(?:\([^)\s]*\))?[ \t]*(?:[-–—:|][ \t]*)?(?P<title>.+)$"
)
_ANCHOR_LINK = re.compile(r"^\[(?P<text>[^\]]+)\]\(#(?P<anchor>[^)\s]+)\)[ \t]*$")
_OUTLINE_TITLES = {
    "outline",
    "contents",
    "table of contents",
    "toc",
    "chapters",
    "timestamps",
    "time stamps",
    "episode outline",
    "show notes",
}
_BACKLINK_ANCHORS = {"outline", "contents", "table-of-contents", "toc", "top"}
_ARROWS = (
    r"(?:⬆️?|↑|⇧|⤴️?|🔝|\^|&uarr;|&#8593;|&#x2191;"
    r"|back(?: to (?:the )?(?:top|outline|contents))?|top)"
)

Found = tuple[int, int, list[Block]]
"""(first block, last block, list blocks) of a hand-written outline."""


def find_outline(post: Post, headings: list[Heading]) -> Found | None:
    """The hand-written outline before the transcript, if any."""
    first_content = next((b for b in post.blocks if b.kind == "para" and turn_name(b)), None)
    limit = post.blocks.index(first_content) if first_content else len(post.blocks)
    for heading in headings:
        if heading.index >= limit:
            break
        if comparable(heading.title) not in _OUTLINE_TITLES:
            continue
        lists = []
        end = heading.index
        for block in post.blocks[heading.index + 1 :]:
            if block.kind != "list":
                break
            lists.append(block)
            end += 1
        if lists:
            post.outline_title = heading.title
            post.outline_anchors = {a for a in heading.anchors if a}
            return heading.index, end, lists
    # a bare list of chapter times or of in-page links before the transcript
    for index, block in enumerate(post.blocks[:limit]):
        if block.kind != "list":
            continue
        items = list_items(block)
        if len(items) >= 2 and all(
            _CHAPTER_ITEM.match(text) or _ANCHOR_LINK.match(text) for _line, _d, text in items
        ):
            return index, index, [block]
    return None


def replace_outline(post: Post, headings: list[Heading], found: Found) -> None:
    """Replace the hand-written outline by an ``outline`` directive; times go to turns."""
    first, last, lists = found
    items = [item for block in lists for item in list_items(block)]
    by_anchor = {a: h for h in headings for a in h.anchors if a}
    by_title = {comparable(h.title): h for h in headings}
    chapters: list[tuple[int, float, str, Heading | None]] = []
    unmatched_links: list[tuple[int, str]] = []
    outline_depth = max((depth for _line, depth, _text in items), default=0)
    for number, _depth, text in items:
        chapter = _CHAPTER_ITEM.match(text)
        if chapter:
            try:
                start = parse_time(chapter["time"])
            except TimeFormatError as error:
                raise post.error(number, f"outline: {error}") from None
            title_text = chapter["title"].strip()
            link = _ANCHOR_LINK.match(title_text)
            target = by_anchor.get(link["anchor"]) if link else None
            title = plain(title_text)
            target = target or by_title.get(comparable(title)) or _fuzzy(title, headings)
            chapters.append((number, start, title, target))
            continue
        link = _ANCHOR_LINK.match(text)
        if link and link["anchor"] not in by_anchor:
            unmatched_links.append((number, link["text"]))
    sections = [h for h in headings if h.index > last]
    if chapters and not any(target for *_rest, target in chapters) and sections:
        post.warn(lists[0].line, "the chapter list matches no section title; kept as written")
        return
    for number, start, title, target in chapters:
        if target is None:
            post.warn(
                number,
                f"chapter {title!r} at {time_text(start)} matches no section; its time is not used",
            )
            continue
        _chapter_time(post, target, start, number, title)
    for number, title in unmatched_links:
        post.warn(number, f"outline entry {title!r} links to no section here")
    if not sections:
        if chapters:
            post.note(lists[0].line, "chapter list kept as written: the page has no sections")
        return
    max_level = max(h.level for h in sections)
    min_level = min(h.level for h in sections)
    section_depth = max_level - min_level + 1
    depth = outline_depth if 0 < outline_depth < section_depth else 0
    title = post.outline_title
    options = [("title", title if title and comparable(title) != "outline" else "")]
    options.append(("depth", str(depth) if depth else ""))
    replacement = Block(post.blocks[first].line, [directive("outline", "", options)], "outline")
    post.blocks[first : last + 1] = [replacement]
    post.outline_replaced = True
    post.note(
        replacement.line,
        f"hand-written outline ({len(items)} entries) replaced by an outline directive",
    )


def _fuzzy(title: str, headings: list[Heading]) -> Heading | None:
    wanted = comparable(title)
    best, best_ratio = None, 0.0
    for heading in headings:
        ratio = difflib.SequenceMatcher(None, wanted, comparable(heading.title)).ratio()
        if ratio > best_ratio:
            best, best_ratio = heading, ratio
    return best if best_ratio >= 0.8 else None


def _chapter_time(post: Post, heading: Heading, start: float, number: int, title: str) -> None:
    """Give the first turn of *heading*'s section the chapter's time (unless it has one)."""
    for block in post.blocks[heading.index + 1 :]:
        if block.kind == "heading" and block.level <= heading.level:
            break
        if block.kind != "para":
            continue
        first = block.lines[0]
        bold = bold_turn(first)
        if not bold:
            continue
        if bold.time:
            return  # the turn's own time wins
        prefix = bold_prefix(bold.name, time_text(start), inside=bold.inside)
        block.lines[0] = prefix + first[bold.end :]
        return
    post.warn(
        number,
        f"chapter {title!r} at {time_text(start)}: its section has no speaker turn to "
        "carry the time",
    )


def remove_backlinks(post: Post) -> None:
    """Remove the hand-written links back to the outline (``⬆``)."""
    anchors = set(_BACKLINK_ANCHORS) | post.outline_anchors
    names = "|".join(re.escape(a) for a in sorted(anchors, key=len, reverse=True))
    html = re.compile(
        rf"[ \t]*<a\s[^<>]*href=[\"']#(?:{names})[\"'][^<>]*>\s*(?:<[^<>]+>\s*)*"
        rf"{_ARROWS}?\s*(?:</[^<>]+>\s*)*</a>",
        re.IGNORECASE,
    )
    markdown = re.compile(rf"[ \t]*\[\s*{_ARROWS}\s*\]\(#(?:{names})\)", re.IGNORECASE)
    removed = 0
    for block in post.blocks:
        if block.kind in ("code", "heading"):
            continue
        new_lines = []
        for line in block.lines:
            new, count_html = html.subn("", line)
            new, count_md = markdown.subn("", new)
            if count_html or count_md:
                removed += count_html + count_md
                if not new.strip():
                    continue
                new = new.rstrip()
            new_lines.append(new)
        block.lines = new_lines
        if not new_lines:
            block.kind = "empty"
    if removed:
        post.note(0, f"{removed} hand-written back links removed: the outline adds them")
