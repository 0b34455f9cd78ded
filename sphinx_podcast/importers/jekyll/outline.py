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
from dataclasses import dataclass

from ...grammar import bold_prefix
from ...model import TimeFormatError, parse_time, time_text
from ..myst import directive
from .blocks import Block, Heading, comparable, heading_text, list_items, plain
from .post import Post
from .turns import bold_turn, starts_like_turn

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
    first_content = next((b for b in post.blocks if starts_like_turn(b)), None)
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


@dataclass
class _Entry:
    """One entry of a hand-written outline."""

    line: int
    title: str
    start: float | None
    anchor: str
    target: Heading | None


_INNER_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\(#(?P<anchor>[^)\s]+)\)")


def _entries(
    post: Post, items: list[tuple[int, int, str]], headings: list[Heading]
) -> list[_Entry]:
    """The entries of the list, each matched to a section by link, title or close spelling."""
    by_anchor = {a: h for h in headings for a in h.anchors if a}
    by_anchor.update({h.docutils_id: h for h in headings if h.docutils_id})
    by_title = {comparable(h.title): h for h in headings}
    entries: list[_Entry] = []
    for number, _depth, text in items:
        start: float | None = None
        chapter = _CHAPTER_ITEM.match(text)
        if chapter:
            try:
                start = parse_time(chapter["time"])
            except TimeFormatError as error:
                raise post.error(number, f"outline: {error}") from None
            text = chapter["title"].strip()
        link = _INNER_LINK.search(text)
        title = plain(text)
        target = by_anchor.get(link["anchor"]) if link else None
        target = target or by_title.get(comparable(title)) or _fuzzy(title, headings)
        if link and target is None:
            target = by_title.get(comparable(link["text"])) or _fuzzy(link["text"], headings)
        entries.append(_Entry(number, title, start, link["anchor"] if link else "", target))
    return entries


def replace_outline(post: Post, headings: list[Heading], found: Found) -> None:
    """Replace the hand-written outline by an ``outline`` directive when its entries
    match the page's sections; chapter times go to those sections' first turns, and a
    time that matches no section stays a chapter of its own, in the directive."""
    first, last, lists = found
    items = [item for block in lists for item in list_items(block)]
    sections = [h for h in headings if h.index > last]
    entries = _entries(post, items, sections)
    for entry in entries:
        if entry.start is not None and entry.target is not None and entry.target.in_quotes:
            entry.target = None  # a quote is never given a chapter time
    unmatched = [e for e in entries if e.start is None and e.target is None]
    if unmatched:
        shown = ", ".join(repr(e.title) for e in unmatched[:3])
        more = f" and {len(unmatched) - 3} more" if len(unmatched) > 3 else ""
        name = post.outline_title or "outline"
        dead = {e.anchor for e in unmatched if e.anchor}
        for block in lists:
            block.lines = [_unlink(line, dead) for line in block.lines]
        post.warn(
            lists[0].line,
            f"the hand-written {name} list is kept as written: {len(unmatched)} of its "
            f"{len(entries)} entries match no section of the page ({shown}{more})"
            + ("; their links to nowhere became plain text" if dead else ""),
        )
        for entry in entries:
            if entry.start is not None and entry.target is not None:
                post.chapters[0] += _chapter_time(
                    post, entry.target, entry.start, entry.line, entry.title
                )
        post.kept.append(f"the {name} list")
        return
    extra: list[_Entry] = []
    for entry in entries:
        if entry.start is None:
            continue
        if entry.target is None or not _chapter_time(
            post, entry.target, entry.start, entry.line, entry.title
        ):
            extra.append(entry)
        else:
            post.chapters[0] += 1
    post.chapters[1] += len(extra)
    if extra:
        lines = ", ".join(str(e.line) for e in extra[:6]) + (" …" if len(extra) > 6 else "")
        which = (
            f"chapter {extra[0].title!r} matches"
            if len(extra) == 1
            else f"{len(extra)} chapters ({extra[0].title!r} first, lines {lines}) match"
        )
        post.warn(
            extra[0].line,
            f"{which} no section with turns: kept as {_chapters(len(extra))} in the outline",
        )
    outline_depth = max((depth for _line, depth, _text in items), default=0)
    levels = [h.level for h in sections]
    section_depth = max(levels) - min(levels) + 1 if levels else 0
    depth = outline_depth if 0 < outline_depth < section_depth else 0
    title = post.outline_title
    options = [("title", title if title and comparable(title) != "outline" else "")]
    options.append(("depth", str(depth) if depth else ""))
    content = "\n".join(f"- {time_text(e.start)} {e.title}" for e in extra if e.start is not None)
    replacement = Block(
        post.blocks[first].line, [directive("outline", "", options, content)], "outline"
    )
    post.blocks[first : last + 1] = [replacement]
    post.outline_replaced = True
    post.warn(
        replacement.line,
        f"hand-written outline ({len(items)} entries) replaced by an outline directive"
        + (f" (with {_chapters(len(extra))})" if extra else ""),
    )


def _chapters(count: int) -> str:
    return "1 chapter of its own" if count == 1 else f"{count} chapters of their own"


def _unlink(line: str, anchors: set[str]) -> str:
    """*line* with its links to *anchors* reduced to their text."""
    return _INNER_LINK.sub(lambda m: m["text"] if m["anchor"] in anchors else m.group(0), line)


def _fuzzy(title: str, headings: list[Heading]) -> Heading | None:
    wanted = comparable(title)
    best, best_ratio = None, 0.0
    for heading in headings:
        ratio = difflib.SequenceMatcher(None, wanted, comparable(heading.title)).ratio()
        if ratio > best_ratio:
            best, best_ratio = heading, ratio
    return best if best_ratio >= 0.8 else None


def _chapter_time(post: Post, heading: Heading, start: float, number: int, title: str) -> bool:
    """Give the first turn of *heading*'s section the chapter's time (unless it has one);
    False when the section has no turn to carry it."""
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
            return True  # the turn's own time wins
        prefix = bold_prefix(bold.name, time_text(start), inside=bold.inside)
        block.lines[0] = prefix + first[bold.end :]
        return True
    return False


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
        if block.kind == "code":
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
        if not new_lines or (block.kind == "heading" and not heading_text(block).strip()):
            block.kind = "empty"
    if removed:
        post.note(0, f"{removed} hand-written back links removed: the outline adds them")
