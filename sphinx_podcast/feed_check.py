"""Our own feed validator: Apple's podcast RSS rules and those of the podcast namespace.

:func:`check_feed` reads a feed as written (an lxml tree, no Sphinx) and returns one
:class:`Problem` per broken rule; the feed writer gives each as a ``podcast.feed``
warning at the episode (or ``conf.py`` value) it comes from. Checked:

- RSS 2.0 and Apple: the channel's ``title``, ``link``, ``description`` (at most 4000
  bytes), ``language``, ``itunes:image`` (JPEG or PNG), ``itunes:category`` (Apple's
  list), ``itunes:explicit`` and ``itunes:type``; each item's ``title``, ``enclosure``
  (absolute URL, length in bytes, a type Apple plays), ``guid`` (unique), ``pubDate``
  (RFC 2822), ``description`` (at most 4000 bytes), ``itunes:duration``,
  ``itunes:episode`` and ``itunes:season`` (positive whole numbers; every full episode
  of a serial show numbered), ``itunes:episodeType``, ``itunes:explicit``; enclosure URLs
  unique; every URL absolute, ASCII and encoded.
- The podcast namespace (the tags we write): ``guid`` (a UUID), ``transcript``,
  ``chapters`` (once), ``person``, ``season``, ``episode``, ``trailer``, ``txt``,
  ``soundbite``: their required attributes, lengths and value forms; URLs https.

The soundbite duration the namespace recommends (15 to 120 s) is checked where
soundbites are written, not here.
"""

from __future__ import annotations

import email.utils
import re
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from .feed_config import APPLE_CATEGORIES, MAX_DESCRIPTION_BYTES

if TYPE_CHECKING:
    from lxml import etree

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"

#: Enclosure types Apple Podcasts plays (its list of supported files).
APPLE_MEDIA_TYPES = (
    "audio/mpeg",
    "audio/x-m4a",
    "video/mp4",
    "video/quicktime",
    "video/x-m4v",
    "application/pdf",
)
TRANSCRIPT_TYPES = (
    "text/vtt",
    "application/x-subrip",
    "application/srt",
    "application/json",
    "text/html",
    "text/plain",
)
#: The Podcast Taxonomy's roles of the group "cast".
CAST_ROLES = (
    "host",
    "co-host",
    "guest host",
    "guest",
    "narrator",
    "announcer",
    "voice actor",
    "podcaster",
)
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_URL = re.compile(
    r"^https?://[A-Za-z0-9.-]+(?::\d+)?"
    r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*"
    r"(?:#(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?$"
)
_DURATION = re.compile(r"^(?:\d+|(?:\d+:)?[0-5]?\d:[0-5]\d)$")


@dataclass(frozen=True)
class Problem:
    """One broken rule: *rule* names it (``item-pubdate``), *element* is where (the
    channel, an item, or an element in one)."""

    rule: str
    message: str
    element: etree._Element


def _tag(name: str) -> str:
    prefix, _sep, local = name.rpartition(":")
    return {"itunes": f"{{{ITUNES}}}", "podcast": f"{{{PODCAST}}}", "": ""}[prefix] + local


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, rule: str, message: str, element: etree._Element) -> None:
        self.problems.append(Problem(rule, message, element))

    def text(self, parent: etree._Element, name: str) -> str | None:
        element = parent.find(_tag(name))
        return None if element is None else (element.text or "")

    def required(self, parent: etree._Element, name: str, rule: str, what: str) -> str:
        value = self.text(parent, name)
        if value is None or not value.strip():
            self.problem(rule, f"no <{name}>: {what}", parent)
            return ""
        return value

    def url(self, value: str | None, where: str, element: etree._Element, https: bool) -> None:
        if value is None:
            return
        if not _URL.match(value):
            self.problem(
                "url", f"{where}: {value!r} is not an absolute, ASCII, encoded URL", element
            )
        elif https and not value.startswith("https://"):
            self.problem("https", f"{where}: the podcast namespace wants https: {value!r}", element)

    def length(self, value: str | None, limit: int, where: str, element: etree._Element) -> None:
        if value is not None and len(value) > limit:
            self.problem("length", f"{where} is longer than {limit} characters", element)

    def positive(self, value: str | None, rule: str, where: str, element: etree._Element) -> None:
        if value is not None and not (value.isascii() and value.isdigit() and int(value) > 0):
            self.problem(rule, f"{where} must be a positive whole number, not {value!r}", element)

    def date(self, value: str | None, rule: str, where: str, element: etree._Element) -> None:
        if value is None:
            return
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            parsed = None
        if parsed is None:
            self.problem(rule, f"{where} {value!r} is not an RFC 2822 date", element)

    def description(self, parent: etree._Element, rule: str) -> None:
        value = self.text(parent, "description")
        if value is not None and len(value.encode("utf-8")) > MAX_DESCRIPTION_BYTES:
            self.problem(
                rule, f"<description> is longer than {MAX_DESCRIPTION_BYTES} bytes", parent
            )

    # -- the channel ---------------------------------------------------------------

    def channel(self, channel: etree._Element) -> None:
        self.required(channel, "title", "channel-title", "the show has no title")
        self.required(channel, "link", "channel-link", "RSS 2.0 needs the site's address")
        self.required(channel, "description", "channel-description", "the show is not described")
        self.description(channel, "channel-description")
        self.url(self.text(channel, "link"), "<link>", channel, https=False)
        language = self.required(channel, "language", "channel-language", "Apple needs it")
        if language and not _LANGUAGE.match(language):
            self.problem(
                "channel-language", f"<language> {language!r} is not an ISO 639 code", channel
            )
        image = channel.find(_tag("itunes:image"))
        if image is None or not image.get("href"):
            self.problem(
                "channel-image", "no <itunes:image>: Apple Podcasts needs a cover", channel
            )
        else:
            self.image(image, "channel-image")
        self.category(channel)
        explicit = self.required(channel, "itunes:explicit", "channel-explicit", "Apple needs it")
        if explicit and explicit not in ("true", "false"):
            self.problem(
                "channel-explicit", f"<itunes:explicit> is {explicit!r}, not true or false", channel
            )
        show_type = self.text(channel, "itunes:type")
        if show_type is not None and show_type not in ("episodic", "serial"):
            self.problem("channel-type", f"<itunes:type> {show_type!r}", channel)
        guid = self.text(channel, "podcast:guid")
        if guid is not None:
            try:
                uuid.UUID(guid)
            except ValueError:
                self.problem("podcast-guid", f"<podcast:guid> {guid!r} is not a UUID", channel)
        for trailer in channel.iterfind(_tag("podcast:trailer")):
            self.trailer(trailer)
        for person in channel.iterfind(_tag("podcast:person")):
            self.person(person)
        for txt in channel.iterfind(_tag("podcast:txt")):
            self.txt(txt)

    def image(self, image: etree._Element, rule: str) -> None:
        href = image.get("href", "")
        self.url(href, "<itunes:image href>", image, https=False)
        path = href.split("?")[0].split("#")[0].lower()
        if not path.endswith((".jpg", ".jpeg", ".png")):
            self.problem(rule, f"<itunes:image> {href!r}: Apple needs a JPEG or PNG file", image)

    def category(self, channel: etree._Element) -> None:
        categories = channel.findall(_tag("itunes:category"))
        if not categories:
            self.problem(
                "channel-category", "no <itunes:category>: Apple Podcasts needs one", channel
            )
        for category in categories:
            text = category.get("text", "")
            if text not in APPLE_CATEGORIES:
                self.problem("channel-category", f"{text!r} is not an Apple category", category)
                continue
            for sub in category.findall(_tag("itunes:category")):
                if sub.get("text", "") not in APPLE_CATEGORIES[text]:
                    self.problem(
                        "channel-category",
                        f"{sub.get('text', '')!r} is not a subcategory of {text!r}",
                        sub,
                    )

    def trailer(self, trailer: etree._Element) -> None:
        if not (trailer.text or "").strip():
            self.problem("podcast-trailer", "<podcast:trailer> has no title", trailer)
        self.length(trailer.text, 128, "<podcast:trailer>'s title", trailer)
        if not trailer.get("url"):
            self.problem("podcast-trailer", "<podcast:trailer> has no url", trailer)
        self.url(trailer.get("url"), "<podcast:trailer url>", trailer, https=True)
        if trailer.get("pubdate") is None:
            self.problem("podcast-trailer", "<podcast:trailer> has no pubdate", trailer)
        self.date(trailer.get("pubdate"), "podcast-trailer", "<podcast:trailer pubdate>", trailer)
        self.positive(trailer.get("length"), "podcast-trailer", "its length", trailer)
        self.positive(trailer.get("season"), "podcast-trailer", "its season", trailer)

    def person(self, person: etree._Element) -> None:
        name = (person.text or "").strip()
        if not name:
            self.problem("podcast-person", "<podcast:person> has no name", person)
        self.length(person.text, 128, "<podcast:person>'s name", person)
        role = person.get("role", "host").lower()
        if person.get("group", "cast").lower() == "cast" and role not in CAST_ROLES:
            self.problem(
                "podcast-person", f"role {role!r} is not in the Podcast Taxonomy's cast", person
            )
        self.url(person.get("href"), "<podcast:person href>", person, https=True)
        self.url(person.get("img"), "<podcast:person img>", person, https=True)

    def txt(self, txt: etree._Element) -> None:
        self.length(txt.text, 4000, "<podcast:txt>", txt)
        self.length(txt.get("purpose"), 128, "<podcast:txt purpose>", txt)

    # -- the items -------------------------------------------------------------------

    def items(self, channel: etree._Element) -> None:
        serial = self.text(channel, "itunes:type") == "serial"
        guids: dict[str, etree._Element] = {}
        urls: dict[str, etree._Element] = {}
        for item in channel.iterfind("item"):
            self.item(item, serial)
            guid = (self.text(item, "guid") or "").strip()
            if guid in guids:
                self.problem("item-guid", f"<guid> {guid!r} is also another item's", item)
            guids.setdefault(guid, item)
            enclosure = item.find("enclosure")
            url = enclosure.get("url", "") if enclosure is not None else ""
            if url and url in urls:
                self.problem("enclosure-url", f"enclosure {url!r} is also another item's", item)
            urls.setdefault(url, item)

    def item(self, item: etree._Element, serial: bool) -> None:
        self.required(item, "title", "item-title", "the episode has no title")
        self.url(self.text(item, "link"), "<link>", item, https=False)
        self.required(item, "guid", "item-guid", "apps cannot tell episodes apart")
        self.description(item, "item-description")
        enclosure = item.find("enclosure")
        if enclosure is None:
            self.problem("enclosure", "no <enclosure>: the episode has nothing to play", item)
        else:
            self.enclosure(enclosure)
        pub_date = self.text(item, "pubDate")
        if pub_date is None:
            self.problem("item-pubdate", "no <pubDate>: apps sort the episode last", item)
        self.date(pub_date, "item-pubdate", "<pubDate>", item)
        duration = self.text(item, "itunes:duration")
        if duration is not None and not _DURATION.match(duration):
            self.problem("item-duration", f"<itunes:duration> {duration!r}", item)
        episode_type = self.text(item, "itunes:episodeType") or "full"
        if episode_type not in ("full", "trailer", "bonus"):
            self.problem("item-episode-type", f"<itunes:episodeType> {episode_type!r}", item)
        number = self.text(item, "itunes:episode")
        self.positive(number, "item-episode", "<itunes:episode>", item)
        if serial and number is None and episode_type == "full":
            self.problem(
                "item-episode", "a serial show numbers its episodes: no <itunes:episode>", item
            )
        self.positive(self.text(item, "itunes:season"), "item-season", "<itunes:season>", item)
        explicit = self.text(item, "itunes:explicit")
        if explicit is not None and explicit not in ("true", "false"):
            self.problem("item-explicit", f"<itunes:explicit> {explicit!r}", item)
        image = item.find(_tag("itunes:image"))
        if image is not None:
            self.image(image, "item-image")
        self.namespace_item(item)

    def enclosure(self, enclosure: etree._Element) -> None:
        url = enclosure.get("url")
        if not url:
            self.problem("enclosure", "<enclosure> has no url", enclosure)
        self.url(url, "<enclosure url>", enclosure, https=False)
        length = enclosure.get("length", "")
        if not (length.isascii() and length.isdigit() and int(length) > 0):
            self.problem(
                "enclosure-length",
                f"<enclosure length={length!r}>: not the size in bytes",
                enclosure,
            )
        media_type = enclosure.get("type", "")
        if media_type not in APPLE_MEDIA_TYPES:
            self.problem(
                "enclosure-type",
                f"<enclosure type={media_type!r}>: Apple Podcasts plays "
                "MP3, M4A, MP4, MOV, M4V and PDF files only",
                enclosure,
            )

    def namespace_item(self, item: etree._Element) -> None:
        for transcript in item.iterfind(_tag("podcast:transcript")):
            if not transcript.get("url") or not transcript.get("type"):
                self.problem("podcast-transcript", "<podcast:transcript> needs url and type", item)
            self.url(transcript.get("url"), "<podcast:transcript url>", transcript, https=True)
            if transcript.get("type") not in TRANSCRIPT_TYPES:
                self.problem(
                    "podcast-transcript", f"transcript type {transcript.get('type')!r}", transcript
                )
            if transcript.get("rel") not in (None, "captions"):
                self.problem("podcast-transcript", "rel can only be 'captions'", transcript)
            language = transcript.get("language")
            if language is not None and not _LANGUAGE.match(language):
                self.problem("podcast-transcript", f"language {language!r}", transcript)
        chapters = item.findall(_tag("podcast:chapters"))
        if len(chapters) > 1:
            self.problem("podcast-chapters", "more than one <podcast:chapters>", item)
        for element in chapters:
            if element.get("type") != "application/json+chapters" or not element.get("url"):
                self.problem("podcast-chapters", "<podcast:chapters> needs url and type", element)
            self.url(element.get("url"), "<podcast:chapters url>", element, https=True)
        for person in item.iterfind(_tag("podcast:person")):
            self.person(person)
        for txt in item.iterfind(_tag("podcast:txt")):
            self.txt(txt)
        season = item.find(_tag("podcast:season"))
        if season is not None:
            value = (season.text or "").strip()
            if not (value.isascii() and value.lstrip("-").isdigit()):
                self.problem("podcast-season", f"<podcast:season> {value!r}", season)
            self.length(season.get("name"), 128, "<podcast:season name>", season)
        episode = item.find(_tag("podcast:episode"))
        if episode is not None:
            self.decimal(episode.text, "podcast-episode", "<podcast:episode>", episode)
            self.length(episode.get("display"), 32, "<podcast:episode display>", episode)
        for soundbite in item.iterfind(_tag("podcast:soundbite")):
            start = self.decimal(
                soundbite.get("startTime"), "podcast-soundbite", "startTime", soundbite
            )
            duration = self.decimal(
                soundbite.get("duration"), "podcast-soundbite", "duration", soundbite
            )
            if (start is not None and start < 0) or (duration is not None and duration <= 0):
                self.problem("podcast-soundbite", "a soundbite before 0 or of no length", soundbite)
            self.length(soundbite.text, 128, "<podcast:soundbite>'s title", soundbite)

    def decimal(
        self, value: str | None, rule: str, where: str, element: etree._Element
    ) -> Decimal | None:
        try:
            return Decimal((value or "").strip())
        except InvalidOperation:
            self.problem(rule, f"{where} {value!r} is not a decimal number", element)
            return None


def check_feed(rss: etree._Element) -> list[Problem]:
    """Every rule *rss* (a podcast feed's root element) breaks, in document order."""
    checker = _Checker()
    channel = rss.find("channel")
    if rss.tag != "rss" or rss.get("version") != "2.0" or channel is None:
        return [Problem("rss", "not an RSS 2.0 feed (<rss version='2.0'><channel>)", rss)]
    checker.channel(channel)
    checker.items(channel)
    return checker.problems
