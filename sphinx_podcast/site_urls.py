"""Absolute URLs of the site's pages and files, for the feed and the structured data.

The site's base URL is ``podcast_base_url``, else the ``READTHEDOCS_CANONICAL_URL``
environment variable, else ``html_baseurl`` (each checked and percent-encoded);
without one there are no absolute URLs, so no feed, and no URLs in the JSON-LD.
Files that Sphinx does not copy by itself (a cover, an audio file no page links)
are copied here, when the feed is written.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.osutil import copyfile

from . import media_files
from .config import get_config
from .domain import PodcastDomain, get_podcast_domain
from .episode_files import FEED_BUILDERS
from .model import Episode
from .urls import URLError, clean_url, quote_path
from .warnings_ import Subtype, warn

#: Types Apple Podcasts expects, where they differ from the usual ones.
ENCLOSURE_TYPES = {".m4a": "audio/x-m4a", ".m4v": "video/x-m4v", ".mp3": "audio/mpeg"}


def base_url(app: Sphinx) -> str:
    """The site's absolute base URL ending in ``/``, or ``""``."""
    candidates = (
        get_config(app.config).feed.base_url,
        os.environ.get("READTHEDOCS_CANONICAL_URL", ""),
        app.config.html_baseurl or "",
    )
    for candidate in candidates:
        try:
            url = clean_url(candidate) if candidate.strip() else ""
        except URLError:
            continue  # podcast_base_url was warned about; the others are Sphinx's or RTD's
        if url:
            return url if url.endswith("/") else url + "/"
    return ""


def audio_episodes(domain: PodcastDomain) -> list[Episode]:
    return [e for e in domain.episodes.values() if e.audio]


def feed_url(app: Sphinx) -> str:
    """The absolute URL of the feed this build writes, or ``""`` when it writes none."""
    settings = get_config(app.config).feed
    if app.builder.name not in FEED_BUILDERS or not settings.feed:
        return ""
    base = base_url(app)
    if not base or not audio_episodes(get_podcast_domain(app.env)):
        return ""
    return base + settings.feed


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int
    type: str


class SiteURLs:
    """URLs of one build's pages and files; ``""`` for each when the site has no base URL.

    *quiet*: no warnings and no copies (those are made once, when the feed is written).
    """

    def __init__(self, app: Sphinx, *, quiet: bool = False) -> None:
        self.app = app
        self.quiet = quiet
        self.env = app.env
        self.builder = app.builder
        self.domain = get_podcast_domain(app.env)
        self.base = base_url(app)

    def link(self, path: str) -> str:
        """The URL of the output file *path* (relative to the output directory)."""
        return self.base + quote_path(path) if self.base else ""

    def page_url(self, docname: str, anchor: str = "") -> str:
        if not self.base:
            return ""
        url = self.base + self.builder.get_target_uri(docname)  # encoded by the builder
        return f"{url}#{anchor}" if anchor else url

    def _copy(self, source: Path | str, target: Path) -> None:
        if not self.quiet and Path(source).resolve() != target.resolve():
            target.parent.mkdir(parents=True, exist_ok=True)
            copyfile(source, target)

    def _static_url(self, path: str) -> str:
        """The output URL of a file (relative to the source directory) that Sphinx copies:
        an image of a page, or a file in ``html_static_path``; ``""`` if it is neither."""
        if path in self.env.images:
            target = f"{self.builder.imagedir}/{self.env.images[path][1]}"
            source = Path(self.app.srcdir, path)
            if source.is_file():  # where Sphinx puts a shown image
                self._copy(source, Path(self.app.outdir, target))
            return self.link(target)
        for static in self.app.config.html_static_path:
            static_dir = Path(self.app.confdir, static)
            candidate = Path(self.app.srcdir, path)
            if static_dir.is_dir() and candidate.is_relative_to(static_dir):
                return self.link("_static/" + candidate.relative_to(static_dir).as_posix())
        return ""

    def image_url(self, path: str) -> str:
        """An image's URL: an https URL as given, a local file where the site has it."""
        if not path or path.startswith("https://"):
            return path
        return self._static_url(path)

    def cover_url(self) -> str:
        """The channel's cover: an https URL, or a local file copied into the site."""
        image = get_config(self.app.config).feed.image
        if not image or image.startswith("https://"):
            return image
        source = Path(self.app.confdir, image)
        published = Path(image)
        if not source.resolve().is_relative_to(Path(self.app.confdir).resolve()):
            # "../art/cover.png": published beside the site's images, never outside the site
            published = Path(self.builder.imagedir, source.name)
        self._copy(source, Path(self.app.outdir, published))
        return self.link(published.as_posix())

    def enclosure(self, episode: Episode) -> Enclosure | None:
        """The episode's audio file, or None (a bad value was warned about when read)."""
        try:
            source = media_files.parse_source(episode.audio)
        except media_files.MediaError:
            return None
        note = self.domain.feed_note(episode.docname)
        suffix = posixpath.splitext(source.uri.split("?")[0].split("#")[0])[1].lower()
        mime = ENCLOSURE_TYPES.get(suffix) or source.mime
        if source.local:
            relative, absolute = self.env.relfn2path(source.uri, episode.docname)
            if not os.path.isfile(absolute):
                return None
            download = self.env.dlfiles.get(Path(relative))
            if download is not None:
                url = self.link("_downloads/" + Path(download[1]).as_posix())
            else:  # not a download of any page: copy it ourselves
                self._copy(absolute, Path(self.app.outdir, relative))
                url = self.link(Path(relative).as_posix())
            return Enclosure(url, os.path.getsize(absolute), mime or "audio/mpeg")
        mime = note.get("audio_type") or mime
        if not mime:
            if not self.quiet:
                warn(
                    "remote audio of unknown type: give :audio-type: (like audio/mpeg); "
                    "the feed says audio/mpeg",
                    Subtype.feed,
                    (episode.docname, note.get("audio_line") or episode.lineno),
                )
            mime = "audio/mpeg"
        return Enclosure(source.uri, note.get("audio_length") or 0, mime)
