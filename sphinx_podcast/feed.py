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
``html_baseurl`` (see site_urls.py); without one the feed is skipped. The feed
written is checked by our validator (feed_check.py): a warning per broken rule.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import os
import re
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.application import Sphinx

from . import __version__
from .catalog import episode_sort_key
from .config import get_config, warn_config
from .domain import get_podcast_domain
from .episode_files import FEED_BUILDERS
from .feed_check import Problem, check_feed
from .feed_config import FeedConfig
from .feed_item import (
    MAX_DESCRIPTION_BYTES,
    NSMAP,
    Cdata,
    Elements,
    ItemWriter,
    escaped_within,
    rfc2822,
    show_hosts,
)
from .inputs import InputValueError, whole_number
from .model import Episode
from .sanitize import control_message
from .site_urls import Enclosure, SiteURLs, audio_episodes, feed_url
from .warnings_ import Subtype, info, warn

if TYPE_CHECKING:  # lxml is loaded only when a feed is written
    from lxml import etree


#: The podcast namespace's UUIDv5 namespace for ``podcast:guid``.
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")


def podcast_guid(feed_url: str) -> str:
    """The podcast namespace's ``podcast:guid`` of a feed: UUIDv5 of its URL without the
    scheme and trailing slashes."""
    bare = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", feed_url.strip()).rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, bare))


def _source_date_epoch() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a time, if it is one (ASCII digits, before the year 10000);
    anything else is ignored, as reproducible-build tools do."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    try:
        return dt.datetime.fromtimestamp(whole_number(value, maximum=253402300799), dt.UTC)
    except (InputValueError, OverflowError, OSError, ValueError):
        return None


def _as_datetime(date: dt.date | dt.datetime) -> dt.datetime:
    if not isinstance(date, dt.datetime):
        return dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
    return date if date.tzinfo is not None else date.replace(tzinfo=dt.UTC)


# -- what goes into the feed ------------------------------------------------------------


class FeedWriter:
    """Builds the feed of one build from domain data; ``write()`` gives the bytes."""

    def __init__(self, app: Sphinx, url: str) -> None:
        """*url*: the feed's."""
        self.app = app
        self.env = app.env
        self.config = app.config
        self.settings: FeedConfig = get_config(app.config).feed
        self.domain = get_podcast_domain(app.env)
        self.urls = SiteURLs(app)
        self.url = url
        self.conf_py = Path(app.confdir) / "conf.py"
        #: The episode of each item, for the warnings of the validator.
        self.episode_of: dict[Any, Episode] = {}

    # -- the feed ---------------------------------------------------------------------

    def episodes(self) -> list[tuple[Episode, Enclosure]]:
        """The feed's items, newest first; one warning for each episode without audio."""
        items = []
        for episode in sorted(self.domain.episodes.values(), key=episode_sort_key, reverse=True):
            if not episode.audio:
                warn(
                    "episode left out of the podcast feed: it has no audio file "
                    "(:audio: a local file or an https URL)",
                    Subtype.no_audio,
                    (episode.docname, episode.lineno),
                )
                continue
            enclosure = self.urls.enclosure(episode)
            if enclosure is not None:
                items.append((episode, enclosure))
        if self.settings.limit:
            items = items[: self.settings.limit]
        return items

    def build(self) -> etree._Element:
        from lxml import etree

        settings, config = self.settings, self.config
        items = self.episodes()
        rss = etree.Element("rss", nsmap=NSMAP, version="2.0")
        channel = etree.SubElement(rss, "channel")
        elements = Elements()
        add = elements.add

        title = settings.title or config.project or "Podcast"
        description = settings.description
        if not description:
            warn_config(
                "podcast_description is not set: the feed needs a description of the podcast",
                self.conf_py,
                "podcast_description",
                subtype=Subtype.feed,
            )
            description = title
        base = self.urls.base
        add(channel, "title", title)
        add(channel, "link", base)
        # plain text, like an episode's summary: escaped, as HTML in CDATA
        add(channel, "description", Cdata(escaped_within(description, MAX_DESCRIPTION_BYTES)))
        add(channel, "language", self.language)
        copyright_ = settings.copyright or config.copyright
        if copyright_:
            add(channel, "copyright", copyright_)
        add(channel, "generator", f"sphinx-podcast {__version__}")
        newest = max((e.date for e, _ in items if e.date), key=_as_datetime, default=None)
        built = _source_date_epoch()
        if built is not None:
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
        cover = self.urls.cover_url()
        if cover:
            add(channel, "itunes:image", href=cover)
            image = add(channel, "image")
            add(image, "url", cover)
            add(image, "title", title)
            add(image, "link", base)
        if settings.category:
            category = add(channel, "itunes:category", **{"text": settings.category[0]})
            if len(settings.category) > 1:
                add(category, "itunes:category", **{"text": settings.category[1]})
        add(channel, "itunes:explicit", "true" if settings.explicit else "false")
        add(channel, "itunes:type", settings.type)
        guid = settings.guid or podcast_guid(self.url)
        add(channel, "podcast:guid", guid)
        hosts = show_hosts(self.domain, [episode for episode, _ in items])
        writer = ItemWriter(
            self.domain,
            self.urls,
            elements,
            language=self.language,
            channel_guid=guid,
            channel_people=hosts,
        )
        for person, role in hosts:
            writer.person(channel, person, role)
        for episode, enclosure in items:
            if episode.type == "trailer" and episode.date is not None:
                writer.trailer(channel, episode, enclosure)
        for episode, enclosure in items:
            self.episode_of[writer.item(channel, episode, enclosure)] = episode
        if elements.removed:
            warn(
                f"podcast feed: {control_message(elements.removed, at_line=False)}",
                Subtype.control_character,
                None,
            )
        return rss

    @property
    def language(self) -> str:
        return self.settings.language or self.config.language or "en"

    def write(self) -> bytes:
        """The feed's bytes; every rule it breaks (:mod:`~sphinx_podcast.feed_check`) is
        a ``podcast.feed`` warning at the episode or the ``conf.py`` value it comes from."""
        from lxml import etree

        rss = self.build()
        for problem in check_feed(rss):
            self.report(problem)
        return etree.tostring(rss, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def report(self, problem: Problem) -> None:
        element = problem.element
        while element is not None and element.tag != "item":
            element = element.getparent()
        episode = self.episode_of.get(element) if element is not None else None
        hint = HINTS.get(problem.rule, "")
        message = f"feed: {problem.message}" + (f"; {hint}" if hint else "")
        if episode is not None:
            note = self.domain.feed_note(episode.docname)
            line = note.get("audio_line") if problem.rule.startswith("enclosure") else None
            warn(message, Subtype.feed, (episode.docname, line or episode.lineno))
        elif problem.rule in RULE_CONFIG:
            name = RULE_CONFIG[problem.rule]
            warn_config(message, self.conf_py, name, subtype=Subtype.feed)
        else:
            warn(message, Subtype.feed)


#: What the author can do about a broken rule (see feed_check.py for the rules).
HINTS = {
    "item-pubdate": "give the episode a :date:",
    "enclosure-length": "give the episode's :audio-length: (the file's size in bytes)",
    "enclosure-type": "publish the audio as MP3 or M4A",
    "item-episode": "give the episode a :number:",
    "channel-image": "set podcast_image (a 1400-3000 px JPEG or PNG)",
    "channel-category": "set podcast_category",
}
#: The ``conf.py`` value behind a channel-level rule.
RULE_CONFIG = {
    "channel-title": "podcast_title",
    "channel-description": "podcast_description",
    "channel-language": "podcast_language",
    "channel-image": "podcast_image",
    "channel-category": "podcast_category",
    "channel-link": "podcast_base_url",
    "podcast-guid": "podcast_guid",
}


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
