"""Links inside a post: to its own headings, to the other posts, to the old site.

- ``[…](#old-id)`` → ``[…](#sphinx-id)``: the id Sphinx gives the heading; a link
  to no heading becomes its text (a dead link would fail ``sphinx-build -W``);
- a link to another post of the import (``https://old.site/ada#intro``,
  ``/ada``, ``../ada/``) → ``[…](2024-03-14-tide-tables.md#intro)``;
- any other link to the old site's own pages (root-relative ``/about``) → its full
  URL on the old site when that is known (``--site-url``, ``_config.yml``), since
  the new site has no such page.
"""

from __future__ import annotations

import posixpath
import re
from html import escape

from .blocks import Block, Heading, find_headings, github_id
from .post import Post
from .site import SiteMap, SitePage

__all__ = ["old_anchors", "rewrite_links"]

# [text](url "title") and ![alt](url); the url without spaces or parentheses
_MD_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>[^\]]*)\]\((?P<url>[^()\s]+)(?P<title>[ \t]+\"[^\"]*\")?\)"
)
_HTML_ATTR = re.compile(r"(?P<before>\b(?:href|src)=[\"'])(?P<url>[^\"'\s]+)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_SAFE_ID = re.compile(r"[A-Za-z0-9_][\w-]*", re.ASCII)


def rewrite_links(post: Post, headings: list[Heading], site: SiteMap | None) -> None:
    """Rewrite the links of *post* (see the module's docstring); every change that loses a
    link is reported."""
    Links(post, headings, site).run()


class Links:
    def __init__(self, post: Post, headings: list[Heading], site: SiteMap | None) -> None:
        self.post, self.site = post, site
        # old id → the heading's MyST anchor, which [text](#anchor) resolves to
        self.by_anchor: dict[str, str] = {}
        for heading in headings:
            if not heading.slug:
                continue
            for anchor in heading.anchors:
                self.by_anchor.setdefault(anchor, heading.slug)
            self.by_anchor.setdefault(heading.slug, heading.slug)
            if heading.docutils_id:
                self.by_anchor.setdefault(heading.docutils_id, heading.slug)
        # ...and to its HTML id, which raw HTML (href="#…") needs
        self.html_ids = {
            anchor: heading.docutils_id
            for heading in headings
            if heading.docutils_id
            for anchor in (*heading.anchors, heading.slug, heading.docutils_id)
        }
        if post.outline_replaced:  # the outline directive's id
            for anchor in post.outline_anchors | {"outline"}:
                self.by_anchor.setdefault(anchor, "outline")
                self.html_ids.setdefault(anchor, "outline")
        self.me: SitePage | None = None
        if site is not None:
            stem = posixpath.basename(post.filename).rsplit(".", 1)[0]
            self.me = site.page_named(stem)
        self.unknown_root: list[int] = []

    def run(self) -> None:
        for block in self.post.blocks:
            if block.kind in ("code", "outline", "admonition"):
                continue
            for offset, line in enumerate(block.lines):
                number = block.line + offset

                def markdown(match: re.Match[str], number: int = number) -> str:
                    return self.markdown(match, number)

                def html(match: re.Match[str], number: int = number) -> str:
                    return self.html(match, number)

                block.lines[offset] = _HTML_ATTR.sub(html, _MD_LINK.sub(markdown, line))
        if self.unknown_root:
            lines = ", ".join(str(n) for n in self.unknown_root[:5])
            self.post.warn(
                self.unknown_root[0],
                f"links to the old site's own pages (lines {lines}) cannot be followed from "
                "the new site: give the old site's address with --site-url (they stay HTML "
                "links for now)",
            )

    # -- one link ---------------------------------------------------------------------

    def markdown(self, match: re.Match[str], number: int) -> str:
        url, text, image = match["url"], match["text"], bool(match["bang"])
        if url.startswith("#"):
            return self._local(match, url[1:], number)
        if _SCHEME.match(url) and (self.site is None or self.site.local_path(url) is None):
            return match.group(0)  # somewhere else on the web
        page, fragment, path = self._target(url)
        if page is not None and not image:
            if self.me is not None and page.docname == self.me.docname:
                return self._local(match, fragment, number) if fragment else match.group(0)
            return f"[{text}]({page.docname}.md{self._fragment(page, fragment, number)})"
        if path is None:
            return match.group(0)
        if self.site is not None and self.site.url:
            full = self.site.url + "/" + path.lstrip("/")
            return f"{match['bang']}[{text}]({full}{match['title'] or ''})"
        self.unknown_root.append(number)
        if image:
            return f'<img src="{escape(url)}" alt="{escape(text)}">'
        return f'<a href="{escape(url)}">{escape(text, quote=False)}</a>'

    def html(self, match: re.Match[str], number: int) -> str:
        url = match["url"]
        if url.startswith("#"):
            target = self.html_ids.get(url[1:])
            if target is None:
                self.post.warn(number, f"link to '{url}' matches no heading on this page")
                return match.group(0)
            return f"{match['before']}#{target}"
        if url.startswith("/") and not url.startswith("//") and self.site and self.site.url:
            return f"{match['before']}{self.site.url}{url}"
        return match.group(0)

    def _local(self, match: re.Match[str], anchor: str, number: int) -> str:
        target = self.by_anchor.get(anchor)
        if target is None:
            # a dead link breaks the build (-W): its text stays, the link goes
            self.post.warn(
                number,
                f"link to '#{anchor}' matches no heading on this page: its text "
                f"{match['text']!r} is kept without the link",
            )
            return match["text"]
        return f"{match['bang']}[{match['text']}](#{target})"

    def _target(self, url: str) -> tuple[SitePage | None, str, str | None]:
        """(imported page, fragment, path on the old site) of a link to the old site."""
        if self.site is None:
            return None, "", None
        fragment = url.split("#", 1)[1] if "#" in url else ""
        path = self.site.local_path(url)
        if path is None and not _SCHEME.match(url):
            # relative to the post's own address (its first old path)
            base = self.me.paths[0] if self.me is not None and self.me.paths else ""
            path = "/" + posixpath.normpath(posixpath.join(posixpath.dirname(base), url))
        if path is None:
            return None, fragment, None
        return self.site.page_for(path), fragment, path

    def _fragment(self, page: SitePage, fragment: str, number: int) -> str:
        """``#slug`` for a heading of another page, "" when it has none of that id."""
        if not fragment:
            return ""
        slug = page.anchors.get(fragment)
        if slug is None and fragment in page.anchors.values():
            slug = fragment
        if slug is None:
            self.post.warn(
                number,
                f"link to '#{fragment}' of {page.docname!r}: that page has no such heading; "
                "the link goes to the page",
            )
            return ""
        return f"#{slug}"


def old_anchors(post: Post) -> None:
    """Keep the ids the old site gave each heading (kramdown's, GitHub's, ``{#id}``) valid
    where neither Sphinx's id nor MyST's heading anchor is the same: an empty
    ``<div id="…">`` right after the heading, so ``old-page#old-heading`` still lands."""
    taken: set[str] = set()
    headings = find_headings(post.blocks)
    slugs_are_ids = _myst_adds_slug_ids()
    for heading in headings:
        # Sphinx's id, and the GitHub-style slug that MyST (5 on) adds as an id
        taken.add(heading.docutils_id)
        if slugs_are_ids:
            taken.add(github_id(heading.title))
    added = 0
    for heading in reversed(headings):
        ids = sorted(a for a in heading.anchors if a and a not in taken and _SAFE_ID.fullmatch(a))
        if not ids:
            continue
        taken.update(ids)
        block = post.blocks[heading.index]
        lines = [f'<div id="{anchor}"></div>' for anchor in ids]
        post.blocks.insert(heading.index + 1, Block(block.line, lines, "anchor"))
        added += len(ids)
    if added:
        post.note(0, f"{added} old heading ids kept as anchors of their headings")


def _myst_adds_slug_ids() -> bool:
    """Whether the MyST-Parser here makes its heading anchors HTML ids (5.x does, with
    ``myst_heading_anchors``; 4.x keeps them for links only)."""
    try:
        from myst_parser.mdit_to_docutils import transforms
    except ImportError:
        return False
    return hasattr(transforms, "AddSlugIds")
