"""The old site: where each post was, so that old addresses and links keep working.

A Jekyll post lives at its ``permalink`` (front matter), at the addresses of its
``redirect_from`` list, or at the URL the site's ``permalink`` style gives it
(``_config.yml``). :class:`SiteMap` knows these for every post of one import, and
the page each became, so that

- links from one post to another (``https://old.site/ada``, ``/ada#intro``) become
  links between the new pages (``2024-03-14-tide-tables.md#intro``);
- a redirect map, old address → new page, can keep the old URLs alive (written for
  sphinx-reredirects).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PurePosixPath
from typing import Any

from ..textfile import InputError, read_text
from .blocks import find_headings, github_id, split_blocks
from .frontmatter import FrontMatter, load_mapping, read_front_matter

__all__ = ["SiteMap", "SitePage", "find_config", "scan_site"]

_DATE_NAME = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})-(?P<title>.+)$")
# Jekyll's built-in permalink styles
_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_GENERIC_HOSTS = re.compile(r"^https?://(?:www\.)?", re.IGNORECASE)


@dataclass
class SitePage:
    """One imported post: its new page, its old addresses and its headings' anchors."""

    docname: str
    paths: list[str] = field(default_factory=list)
    """Old URL paths, normalized (no slashes at the ends; ``.html``/``index.html`` off)."""
    anchors: dict[str, str] = field(default_factory=dict)
    """Old heading id → MyST heading slug of the new page."""
    redirect_paths: list[str] = field(default_factory=list)
    """The old paths as redirect sources (``ada``, ``podcast/ada/index``)."""


@dataclass
class SiteMap:
    url: str = ""
    """The old site's base URL (``https://old.example/blog``), "" when unknown."""
    pages: list[SitePage] = field(default_factory=list)
    # Lookups by old path and by docname, made when first needed (and again if pages were
    # added since): every link of every post asks, so a scan of the pages each time made
    # an import grow with the square of the archive.
    _indexed: int = field(default=-1, repr=False, compare=False)
    _by_path: dict[str, SitePage] = field(default_factory=dict, repr=False, compare=False)
    _by_docname: dict[str, SitePage] = field(default_factory=dict, repr=False, compare=False)

    def _index(self) -> None:
        if self._indexed == len(self.pages):
            return
        self._by_path, self._by_docname = {}, {}
        for page in self.pages:  # the first page with a path or name keeps it
            for path in page.paths:
                self._by_path.setdefault(path, page)
            self._by_docname.setdefault(page.docname, page)
        self._indexed = len(self.pages)

    def page_for(self, path: str) -> SitePage | None:
        """The imported page at old *path* (``/ada``, ``ada/``, ``ada.html``), if any."""
        self._index()
        return self._by_path.get(normalize_path(path))

    def page_named(self, docname: str) -> SitePage | None:
        """The imported page called *docname*, if any."""
        self._index()
        return self._by_docname.get(docname)

    def local_path(self, url: str) -> str | None:
        """The path of *url* on the old site (a URL of the site, or root-relative)."""
        if url.startswith("/") and not url.startswith("//"):
            path = url
        elif self.url and _GENERIC_HOSTS.sub("", url).startswith(_GENERIC_HOSTS.sub("", self.url)):
            path = _GENERIC_HOSTS.sub("", url)[len(_GENERIC_HOSTS.sub("", self.url)) :]
            if path and not path.startswith(("/", "#", "?")):
                return None  # https://old.example.org is not https://old.example
        else:
            return None
        return path or "/"

    def redirects(self) -> dict[str, str]:
        """Old address (as sphinx-reredirects wants it) → the new page, relative to it."""
        found: dict[str, str] = {}
        docnames = {page.docname for page in self.pages}
        for page in self.pages:
            for source in page.redirect_paths:
                if source in docnames or source in found:
                    continue  # never over a page of the site, nor twice
                base = posixpath.dirname(source)
                found[source] = posixpath.relpath(f"{page.docname}.html", base or ".")
        return found


def normalize_path(path: str) -> str:
    """``/podcast/ada/`` → ``podcast/ada``; ``ada.html`` → ``ada``; ``/`` → ``""``."""
    path = path.split("#", 1)[0].split("?", 1)[0].strip("/")
    if path.endswith("index.html"):
        path = path[: -len("index.html")].rstrip("/")
    elif path.endswith(".html"):
        path = path[: -len(".html")]
    return path


def redirect_source(path: str) -> str:
    """The sphinx-reredirects source of an old path: the file the server would serve."""
    clean = path.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    if not clean:
        return ""
    if clean.endswith("/"):
        return clean + "index"
    if clean.endswith(".html"):
        return clean[: -len(".html")]
    return clean


def find_config(source: Path) -> tuple[Path | None, dict[str, Any]]:
    """The Jekyll ``_config.yml`` of the site *source* belongs to, read; the nearest one in
    the folders above it (up to four)."""
    for folder in list(source.resolve().parents)[:4]:
        candidate = folder / "_config.yml"
        if candidate.is_file():
            try:
                return candidate, load_mapping(read_text(candidate), str(candidate), 1)
            except InputError:
                return candidate, {}
    return None, {}


def _values(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(item) for item in value if isinstance(item, str | int)]
    return []


def old_paths(front: FrontMatter, filename: str, style: str) -> list[str]:
    """The addresses a post had: its permalink (or the site style's URL) and redirects."""
    paths: list[str] = []
    permalink = front.data.get("permalink")
    if isinstance(permalink, str) and permalink.strip():
        paths.append("/" + permalink.strip().lstrip("/"))
    elif style:
        url = _styled(front, filename, style)
        if url:
            paths.append(url)
    for key in ("redirect_from", "redirects", "aliases"):
        paths.extend("/" + item.strip().lstrip("/") for item in _values(front.data.get(key)))
    return paths


def _styled(front: FrontMatter, filename: str, style: str) -> str:
    """The URL the site's permalink *style* gives a post (dated file names only)."""
    match = _DATE_NAME.match(PurePath(filename).stem)
    if not match:
        return ""
    template = _STYLES.get(style, style)
    categories: list[str] = []
    for key in ("categories", "category"):
        for value in _values(front.data.get(key)):
            categories.extend(value.split())
    slug = front.scalar("slug") or match["title"]
    parts = {
        ":categories": "/".join(c.lower() for c in categories),
        ":year": match["year"],
        ":month": match["month"],
        ":day": match["day"],
        ":title": slug,
        ":slug": slug,
        ":output_ext": ".html",
    }
    for key in sorted(parts, key=len, reverse=True):
        template = template.replace(key, parts[key])
    return re.sub("/{2,}", "/", template)


def scan_site(
    sources: list[Path], site_url: str = "", docname: Callable[[Path], str] | None = None
) -> SiteMap:
    """The old addresses and heading anchors of every Markdown source of one import;
    *docname* gives the name of a source's new page (its file name without suffix).

    Sources that cannot be read are left out here; their own conversion reports them.
    """
    site = SiteMap(site_url.rstrip("/"))
    configs: dict[Path, tuple[Path | None, dict[str, Any]]] = {}  # read once per folder
    for source in sources:
        if source.suffix.lower() not in (".md", ".markdown"):
            continue
        if source.parent not in configs:
            configs[source.parent] = find_config(source)
        config_path, config = configs[source.parent]
        if not site.url and isinstance(config.get("url"), str):
            base = config.get("baseurl")
            site.url = config["url"].rstrip("/") + (
                "/" + base.strip("/") if isinstance(base, str) and base.strip("/") else ""
            )
        style = ""
        if config_path is not None:
            setting = config.get("permalink")
            style = setting if isinstance(setting, str) else "date"
        try:
            front, body = read_front_matter(read_text(source), str(source))
        except InputError:
            continue
        page = SitePage(docname(source) if docname else PurePosixPath(source.name).stem)
        for path in old_paths(front, source.name, style):
            page.paths.append(normalize_path(path))
            redirect = redirect_source(path)
            if redirect:
                page.redirect_paths.append(redirect)
        blocks = split_blocks(body, front.body_line, lambda _line, _message: None)
        for heading in find_headings(blocks):
            slug = github_id(heading.title)
            for anchor in heading.anchors:
                page.anchors.setdefault(anchor, slug)
        site.pages.append(page)
    return site
