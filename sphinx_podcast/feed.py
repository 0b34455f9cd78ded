"""The podcast feed: RSS 2.0 with the iTunes and podcast namespaces.

Written by the html and dirhtml builders at ``build-finished`` from the
domain's data (and the environment's record of images and downloads) only,
never from what this build happened to write: so it is the same after
``-j 4``, after an incremental build that re-wrote nothing, and on every
machine. Nothing in it depends on the time of the build
(``lastBuildDate`` is ``SOURCE_DATE_EPOCH`` when set, else the newest
episode's date).

The site's base URL, which every URL in a feed needs, is ``podcast_base_url``,
else the ``READTHEDOCS_CANONICAL_URL`` environment variable, else
``html_baseurl``; without one the feed is skipped.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import os
import posixpath
import re
import uuid
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util.osutil import copyfile, relative_uri

from . import __version__, media
from .catalog import episode_sort_key
from .config import get_config, warn_config
from .domain import PodcastDomain, get_podcast_domain
from .exports import FEED_BUILDERS, episode_chapters, export_files, transcript_kind
from .feed_config import FeedConfig
from .inputs import strip_controls
from .model import Episode, Speaker
from .sanitize import control_message
from .urls import URLError, clean_url, quote_path
from .warnings_ import Subtype, info, warn

if TYPE_CHECKING:  # lxml is loaded only when a feed is written
    from lxml import etree


ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
NSMAP = {"itunes": ITUNES, "podcast": PODCAST, "atom": ATOM}

#: The podcast namespace's UUIDv5 namespace for ``podcast:guid``.
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
MAX_DESCRIPTION_BYTES = 4000
MAX_PERSON_NAME = 128
#: Types Apple Podcasts expects, where they differ from the usual ones.
_ENCLOSURE_TYPES = {".m4a": "audio/x-m4a", ".m4v": "video/x-m4v", ".mp3": "audio/mpeg"}
TRANSCRIPT_TYPES = ("vtt", "srt", "json")


def podcast_guid(feed_url: str) -> str:
    """The podcast namespace's ``podcast:guid`` of a feed: UUIDv5 of its URL without the
    scheme and trailing slashes."""
    bare = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", feed_url.strip()).rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, bare))


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


def rfc2822(date: dt.date | dt.datetime) -> str:
    if not isinstance(date, dt.datetime):
        date = dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
    elif date.tzinfo is None:
        date = date.replace(tzinfo=dt.UTC)
    return email.utils.format_datetime(date)


def _as_datetime(date: dt.date | dt.datetime) -> dt.datetime:
    if not isinstance(date, dt.datetime):
        return dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
    return date if date.tzinfo is not None else date.replace(tzinfo=dt.UTC)


def escaped_within(text: str, room: int) -> str:
    """*text* escaped for HTML, cut (with an ellipsis, never inside an entity) to at most
    *room* bytes of UTF-8."""
    escaped = escape(text, quote=False)
    if len(escaped.encode("utf-8")) <= room:
        return escaped
    cut = escaped.encode("utf-8")[: max(room - 3, 0)].decode("utf-8", "ignore")
    cut = cut[: cut.rfind("&")] if cut.rfind("&") > cut.rfind(";") else cut
    return cut.rstrip() + "…"


def clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


# -- what goes into the feed ------------------------------------------------------------


class Cdata(str):
    """Text for a CDATA section (HTML in a description)."""


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int
    type: str


class FeedWriter:
    """Builds the feed of one build from domain data; ``write()`` gives the bytes."""

    def __init__(self, app: Sphinx, url: str, *, page: str = "", quiet: bool = False) -> None:
        """*url*: the feed's; *page*: without a base URL, URLs are relative to this page;
        *quiet*: no warnings (they are given once, when the feed is written)."""
        self.app = app
        self.quiet = quiet
        self.page_uri = app.builder.get_target_uri(page) if page else ""
        self.env = app.env
        self.builder: Builder = app.builder
        self.config = app.config
        self.settings: FeedConfig = get_config(app.config).feed
        self.domain = get_podcast_domain(app.env)
        self.base = base_url(app)
        self.url = url
        self.conf_py = Path(app.confdir) / "conf.py"

    def link(self, path: str) -> str:
        """The URL of the file *path* (relative to the output directory)."""
        return self._url(quote_path(path))

    def _url(self, uri: str) -> str:
        """The URL of *uri* (relative to the output directory, encoded)."""
        if self.base or not self.page_uri:
            return self.base + uri
        # the page itself: its own file name (dirhtml: its directory, "./")
        return relative_uri(self.page_uri, uri) or uri.rpartition("/")[2] or "./"

    def page_url(self, docname: str, anchor: str = "") -> str:
        url = self._url(self.builder.get_target_uri(docname))  # encoded by the builder
        return f"{url}#{anchor}" if anchor else url

    def _warn(self, message: str, subtype: Subtype, location: Any) -> None:
        if not self.quiet:
            warn(message, subtype, location)

    # -- URLs of files in the output ------------------------------------------------

    def _static_url(self, path: str) -> str:
        """The output URL of a file (relative to the source directory) that Sphinx copies:
        an image of a page, or a file in ``html_static_path``; ``""`` if it is neither."""
        if path in self.env.images:
            target = f"{self.builder.imagedir}/{self.env.images[path][1]}"
            source = Path(self.app.srcdir, path)
            if not self.quiet and source.is_file():  # where Sphinx puts a shown image
                Path(self.app.outdir, self.builder.imagedir).mkdir(parents=True, exist_ok=True)
                copyfile(source, Path(self.app.outdir, target))
            return self.link(target)
        for static in self.config.html_static_path:
            static_dir = Path(self.app.confdir, static)
            candidate = Path(self.app.srcdir, path)
            if static_dir.is_dir() and candidate.is_relative_to(static_dir):
                return self.link("_static/" + candidate.relative_to(static_dir).as_posix())
        return ""

    def image_url(self, path: str) -> str:
        if not path or path.startswith("https://"):
            return path
        return self._static_url(path)

    def cover_url(self) -> str:
        """The channel's cover: an https URL, or a local file copied into the site."""
        image = self.settings.image
        if not image or image.startswith("https://"):
            return image
        source = Path(self.app.confdir, image)
        published = Path(image)
        if not source.resolve().is_relative_to(Path(self.app.confdir).resolve()):
            # "../art/cover.png": published beside the site's images, never outside the site
            published = Path(self.builder.imagedir, source.name)
        target = Path(self.app.outdir, published)
        if not self.quiet and target.resolve() != source.resolve():
            target.parent.mkdir(parents=True, exist_ok=True)
            copyfile(source, target)
        return self.link(published.as_posix())

    def enclosure(self, episode: Episode) -> Enclosure | None:
        """The episode's audio file, or None (a bad value was warned about when read)."""
        try:
            source = media.parse_source(episode.audio)
        except media.MediaError:
            return None
        note = self.domain.feed_note(episode.docname)
        location = (episode.docname, note.get("audio_line") or episode.lineno)
        suffix = posixpath.splitext(source.uri.split("?")[0].split("#")[0])[1].lower()
        mime = _ENCLOSURE_TYPES.get(suffix) or source.mime
        if source.local:
            relative, absolute = self.env.relfn2path(source.uri, episode.docname)
            if not os.path.isfile(absolute):
                return None
            download = self.env.dlfiles.get(Path(relative))
            if download is not None:
                url = self.link("_downloads/" + Path(download[1]).as_posix())
            else:  # not a download of any page: copy it ourselves
                target = Path(self.app.outdir, relative)
                if not self.quiet:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    copyfile(absolute, target)
                url = self.link(Path(relative).as_posix())
            return Enclosure(url, os.path.getsize(absolute), mime or "audio/mpeg")
        length = note.get("audio_length")
        if length is None:
            self._warn(
                "remote audio without :audio-length: (its size in bytes); the feed's "
                'enclosure says length="0"',
                Subtype.feed,
                location,
            )
            length = 0
        mime = note.get("audio_type") or mime
        if not mime:
            self._warn(
                "remote audio of unknown type: give :audio-type: (like audio/mpeg); "
                "the feed says audio/mpeg",
                Subtype.feed,
                location,
            )
            mime = "audio/mpeg"
        return Enclosure(source.uri, length, mime)

    # -- the feed ---------------------------------------------------------------------

    def episodes(self) -> list[tuple[Episode, Enclosure]]:
        """The feed's items, newest first; one warning for each episode without audio."""
        items = []
        for episode in sorted(self.domain.episodes.values(), key=episode_sort_key, reverse=True):
            if not episode.audio:
                self._warn(
                    "episode left out of the podcast feed: it has no audio file "
                    "(:audio: a local file or an https URL)",
                    Subtype.no_audio,
                    (episode.docname, episode.lineno),
                )
                continue
            enclosure = self.enclosure(episode)
            if enclosure is not None:
                items.append((episode, enclosure))
        if self.settings.limit:
            items = items[: self.settings.limit]
        return items

    def _missing(self, name: str, what: str) -> None:
        if not self.quiet:
            warn_config(f"{name} is not set: {what}", self.conf_py, name, subtype=Subtype.feed)

    def build(self) -> etree._Element:
        from lxml import etree

        settings, config = self.settings, self.config
        items = self.episodes()
        rss = etree.Element("rss", nsmap=NSMAP, version="2.0")
        channel = etree.SubElement(rss, "channel")

        removed = 0

        def xml_text(value: str) -> str:
            """Pages, transcripts and our conf.py values are clean already; Sphinx's own
            values (project, author, copyright) are not checked: lxml refuses control
            characters, so they go here, with one warning."""
            nonlocal removed
            cleaned, count = strip_controls(value)
            removed += count
            return cleaned

        def add(parent: etree._Element, tag: str, value: Any = None, /, **attrs: str) -> Any:
            if ":" in tag:
                prefix, local = tag.split(":")
                tag = f"{{{NSMAP[prefix]}}}{local}"
            attrs = {name: xml_text(text) for name, text in attrs.items()}
            element = etree.SubElement(parent, tag, attrs)
            if isinstance(value, Cdata):
                element.text = etree.CDATA(xml_text(value))
            elif value is not None:
                element.text = xml_text(str(value).strip())
            return element

        title = settings.title or config.project or "Podcast"
        description = settings.description
        if not description:
            self._missing("podcast_description", "the feed needs a description of the podcast")
            description = title
        add(channel, "title", title)
        add(channel, "link", self.base)
        # plain text, like an episode's summary: escaped, as HTML in CDATA
        add(channel, "description", Cdata(escaped_within(description, MAX_DESCRIPTION_BYTES)))
        add(channel, "language", settings.language or config.language or "en")
        copyright_ = settings.copyright or config.copyright
        if copyright_:
            add(channel, "copyright", copyright_)
        add(channel, "generator", f"sphinx-podcast {__version__}")
        newest = max((e.date for e, _ in items if e.date), key=_as_datetime, default=None)
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            built = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
            add(channel, "lastBuildDate", email.utils.format_datetime(built))
        elif newest is not None:
            add(channel, "lastBuildDate", rfc2822(newest))
        if newest is not None:
            add(channel, "pubDate", rfc2822(newest))
        add(channel, "atom:link", href=self.url, rel="self", type="application/rss+xml")
        author = settings.author or config.author
        if author:
            add(channel, "itunes:author", author)
        if author or settings.email:
            owner = add(channel, "itunes:owner")
            if author:
                add(owner, "itunes:name", author)
            if settings.email:
                add(owner, "itunes:email", settings.email)
        cover = self.cover_url()
        if cover:
            add(channel, "itunes:image", href=cover)
            image = add(channel, "image")
            add(image, "url", cover)
            add(image, "title", title)
            add(image, "link", self.base)
        else:
            self._missing("podcast_image", "Apple Podcasts needs a 1400-3000 px cover image")
        if settings.category:
            category = add(channel, "itunes:category", **{"text": settings.category[0]})
            if len(settings.category) > 1:
                add(category, "itunes:category", **{"text": settings.category[1]})
        else:
            self._missing("podcast_category", "Apple Podcasts needs a category")
        add(channel, "itunes:explicit", "true" if settings.explicit else "false")
        add(channel, "itunes:type", settings.type)
        add(channel, "podcast:guid", settings.guid or podcast_guid(self.url))
        for episode, enclosure in items:
            self.item(channel, add, episode, enclosure)
        if removed:
            self._warn(
                f"podcast feed: {control_message(removed, at_line=False)}",
                Subtype.control_character,
                None,
            )
        return rss

    def item(
        self, channel: etree._Element, add: Any, episode: Episode, enclosure: Enclosure
    ) -> None:
        docname = episode.docname
        link = self.page_url(docname)
        item = add(channel, "item")
        add(item, "title", episode.title or docname)
        add(item, "link", link)
        add(item, "description", Cdata(self.description(episode, link)))
        add(
            item,
            "enclosure",
            url=enclosure.url,
            length=str(enclosure.length),
            type=enclosure.type,
        )
        guid = episode.guid or str(uuid.uuid5(uuid.UUID(self._channel_guid()), docname))
        add(item, "guid", guid, isPermaLink="true" if guid == link else "false")
        if episode.date is not None:
            add(item, "pubDate", rfc2822(episode.date))
        if episode.duration is not None:
            add(item, "itunes:duration", str(round(episode.duration)))
        if episode.number is not None:
            add(item, "itunes:episode", str(episode.number))
        if episode.season is not None:
            add(item, "itunes:season", str(episode.season))
        add(item, "itunes:episodeType", "full")
        if episode.explicit is not None:
            add(item, "itunes:explicit", "true" if episode.explicit else "false")
        image = self.image_url(episode.image)
        if image:
            add(item, "itunes:image", href=image)
        language = self.settings.language or self.config.language or "en"
        for kind, path, mime, _label in export_files(self.domain, docname):
            if kind in TRANSCRIPT_TYPES:
                add(item, "podcast:transcript", url=self.link(path), type=mime, language=language)
        if transcript_kind(self.domain, docname):
            add(item, "podcast:transcript", url=link, type="text/html", language=language)
        for kind, path, mime, _label in export_files(self.domain, docname):
            if kind == "chapters":
                add(item, "podcast:chapters", url=self.link(path), type=mime)
        for person, role in self.people(episode):
            attributes = {"role": role, "group": "cast"}
            href = person.url or (
                self.page_url(person.docname, person.anchor) if person.docname else ""
            )
            image = self.image_url(person.avatar)
            if href:
                attributes["href"] = href
            if image:
                attributes["img"] = image
            add(item, "podcast:person", person.name[:MAX_PERSON_NAME], **attributes)

    def _channel_guid(self) -> str:
        return self.settings.guid or podcast_guid(self.url)

    def people(self, episode: Episode) -> list[tuple[Speaker, str]]:
        table = self.domain.speaker_table()
        seen: set[str] = set()
        people = []
        for references, role in ((episode.hosts, "host"), (episode.guests, "guest")):
            for reference in references:
                speaker = table.find(reference)
                if speaker is not None and speaker.key not in seen:
                    seen.add(speaker.key)
                    people.append((speaker, role))
        return people

    def description(self, episode: Episode, link: str) -> str:
        """HTML (p, ul, li, a) of at most 4000 bytes: the summary, chapters, a link."""
        tail = ""
        chapters = episode_chapters(self.domain, episode.docname)
        if len(chapters) >= 3 and chapters[0].start == 0:  # Apple reads these as chapters
            entries = "".join(
                f"<li>{clock(c.start)} {escape(c.title, quote=False)}</li>" for c in chapters
            )
            tail += f"<ul>{entries}</ul>"
        if transcript_kind(self.domain, episode.docname):
            tail += f'<p><a href="{escape(link)}">Transcript</a></p>'
        summary = episode.summary or episode.title or episode.docname
        room = MAX_DESCRIPTION_BYTES - len(tail.encode("utf-8")) - len("<p></p>")
        return f"<p>{escaped_within(summary, room)}</p>{tail}"

    def write(self) -> bytes:
        from lxml import etree

        return etree.tostring(
            self.build(), xml_declaration=True, encoding="UTF-8", pretty_print=True
        )


def _on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.name not in FEED_BUILDERS:
        return
    settings = get_config(app.config).feed
    if not settings.feed or not audio_episodes(get_podcast_domain(app.env)):
        return
    url = feed_url(app)
    if not url:
        message = (
            "the podcast feed is not written: the site has no base URL (set "
            "podcast_base_url or html_baseurl; Read the Docs sets READTHEDOCS_CANONICAL_URL); "
            "podcast_feed = False turns the feed off"
        )
        if settings.configured:
            warn(message, Subtype.feed)
        else:
            info(f"sphinx-podcast: {message}")
        return
    target = Path(app.outdir, settings.feed)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = FeedWriter(app, url).write()
    if not target.is_file() or target.read_bytes() != data:
        target.write_bytes(data)


def setup_feed(app: Sphinx) -> None:
    """The feed, the per-episode exports and the page head's feed link and JSON-LD."""
    from .exports import setup_exports
    from .structured_data import setup_structured_data

    setup_exports(app)
    setup_structured_data(app)
    app.connect("build-finished", _on_build_finished)
