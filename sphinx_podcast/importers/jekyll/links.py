"""Links inside a post: to its own headings, rewritten to the ids Sphinx gives them."""

from __future__ import annotations

import re

from .blocks import Heading
from .post import Post

__all__ = ["local_links"]

_LOCAL_LINK = re.compile(
    r"(?P<markdown>\[(?P<text>[^\]]*)\]\(#(?P<md_anchor>[^)\s]+)\))"
    r"|(?P<before>href=[\"'])#(?P<anchor>[^\s\"']+)"
)


def local_links(post: Post, headings: list[Heading]) -> None:
    """``[…](#old-id)`` → ``[…](#sphinx-id)``; a link to no heading is reported."""
    by_anchor: dict[str, str] = {}
    for heading in headings:
        if not heading.docutils_id:
            continue
        for anchor in heading.anchors:
            by_anchor.setdefault(anchor, heading.docutils_id)
        by_anchor.setdefault(heading.docutils_id, heading.docutils_id)
    if post.outline_replaced:  # the outline directive's id
        for anchor in post.outline_anchors | {"outline"}:
            by_anchor.setdefault(anchor, "outline")
    for block in post.blocks:
        if block.kind in ("code", "outline"):
            continue
        for offset, line in enumerate(block.lines):

            def fix(match: re.Match[str], number: int = block.line + offset) -> str:
                anchor = match["md_anchor"] or match["anchor"]
                target = by_anchor.get(anchor)
                if target is None and match["markdown"]:
                    # a dead link breaks the build (-W): its text stays, the link goes
                    post.warn(
                        number,
                        f"link to '#{anchor}' matches no heading on this page: its text "
                        f"{match['text']!r} is kept without the link",
                    )
                    return match["text"]
                if target is None:
                    post.warn(number, f"link to '#{anchor}' matches no heading on this page")
                    return match.group(0)
                if match["markdown"]:
                    return f"[{match['text']}](#{target})"
                return f"{match['before']}#{target}"

            block.lines[offset] = _LOCAL_LINK.sub(fix, line)
