"""One item of the podcast feed (an episode): its tags, transcripts, people and
soundbites, and the channel's ``podcast:trailer`` and ``podcast:person`` entries.

:class:`ItemWriter` is used by :class:`~sphinx_podcast.feed.FeedWriter`; it reads the
domain and the site's URLs only.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import uuid
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from .domain import PodcastDomain
from .episode_files import episode_chapters, export_files, transcript_kind
from .inputs import strip_controls
from .model import Episode, Speaker
from .site_urls import Enclosure, SiteURLs
from .warnings_ import Subtype, warn

if TYPE_CHECKING:  # lxml is loaded only when a feed is written
    from lxml import etree

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
NSMAP = {"itunes": ITUNES, "podcast": PODCAST, "atom": ATOM}
MAX_DESCRIPTION_BYTES = 4000
MAX_PERSON_NAME = 128
#: The soundbite lengths the podcast namespace recommends, in seconds.
SOUNDBITE_SECONDS = (15, 120)
#: Exports linked as ``podcast:transcript`` (the others: chapters, plain text).
TRANSCRIPT_TYPES = ("vtt", "srt", "json", "html")


def rfc2822(date: dt.date | dt.datetime) -> str:
    if not isinstance(date, dt.datetime):
        date = dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
    elif date.tzinfo is None:
        date = date.replace(tzinfo=dt.UTC)
    return email.utils.format_datetime(date)


def clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


@dataclass(frozen=True)
class Soundbite:
    """A ``podcast:soundbite``: start and duration in seconds, a title (the quote)."""

    start: float
    duration: float
    title: str


class ItemWriter:
    """Writes the items of one feed: *language* of its transcripts, *channel_guid* (item
    guids derive from it), *channel_people* (an item lists its own only when they differ)."""

    def __init__(
        self,
        domain: PodcastDomain,
        urls: SiteURLs,
        elements: Elements,
        *,
        language: str,
        channel_guid: str,
        channel_people: list[tuple[Speaker, str]],
    ) -> None:
        self.domain = domain
        self.urls = urls
        self.add = elements.add
        self.language = language
        self.channel_guid = channel_guid
        self.channel_people = channel_people

    def trailer(self, channel: etree._Element, episode: Episode, enclosure: Enclosure) -> None:
        """``podcast:trailer``: the show's (or a season's) trailer, at channel level."""
        assert episode.date is not None
        attributes = {
            "pubdate": rfc2822(episode.date),
            "url": enclosure.url,
            "length": str(enclosure.length),
            "type": enclosure.type,
        }
        if episode.season is not None:
            attributes["season"] = str(episode.season)
        self.add(
            channel, "podcast:trailer", cut(episode.title or episode.docname, 128), **attributes
        )

    def item(
        self, channel: etree._Element, episode: Episode, enclosure: Enclosure
    ) -> etree._Element:

        add = self.add
        docname = episode.docname
        link = self.urls.page_url(docname)
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
        guid = episode.guid or str(uuid.uuid5(uuid.UUID(self.channel_guid), docname))
        add(item, "guid", guid, isPermaLink="true" if guid == link else "false")
        if episode.date is not None:
            add(item, "pubDate", rfc2822(episode.date))
        if episode.duration is not None:
            add(item, "itunes:duration", str(round(episode.duration)))
        if episode.number is not None:
            add(item, "itunes:episode", str(episode.number))
        if episode.season is not None:
            add(item, "itunes:season", str(episode.season))
        add(item, "itunes:episodeType", episode.type)
        if episode.explicit is not None:
            add(item, "itunes:explicit", "true" if episode.explicit else "false")
        image = self.urls.image_url(episode.image)
        if image:
            add(item, "itunes:image", href=image)
        if episode.season is not None:
            add(item, "podcast:season", str(episode.season))
        if episode.number is not None:
            add(item, "podcast:episode", str(episode.number))
        self.transcripts(item, episode, link)
        people = episode_people(self.domain, episode)
        if people != self.channel_people:  # an item's people replace the channel's
            for person, role in people:
                self.person(item, person, role)
        for soundbite in self.soundbites(episode):
            add(
                item,
                "podcast:soundbite",
                cut(soundbite.title, 128),
                startTime=decimal(soundbite.start),
                duration=decimal(soundbite.duration),
            )
        if self.ai_content(episode):
            add(item, "podcast:txt", "true", purpose="ai-content")
        return item

    def transcripts(self, item: etree._Element, episode: Episode, link: str) -> None:
        """``podcast:transcript`` for each transcript file (the VTT marked as captions, the
        page itself as ``text/html`` when no HTML transcript is written) and
        ``podcast:chapters``."""
        files = export_files(self.domain, episode.docname)
        kinds = {kind for kind, _path, _mime, _label in files}
        language = self.language
        for kind, path, mime, _label in files:
            if kind in TRANSCRIPT_TYPES:
                attributes = {"url": self.urls.link(path), "type": mime, "language": language}
                if kind == "vtt":
                    attributes["rel"] = "captions"
                self.add(item, "podcast:transcript", **attributes)
        if transcript_kind(self.domain, episode.docname) and "html" not in kinds:
            self.add(item, "podcast:transcript", url=link, type="text/html", language=language)
        for kind, path, mime, _label in files:
            if kind == "chapters":
                self.add(item, "podcast:chapters", url=self.urls.link(path), type=mime)

    def person(self, parent: etree._Element, person: Speaker, role: str) -> None:
        """``podcast:person``: name, role, group; ``href`` the speaker's ``url`` or profile
        page, ``img`` the avatar."""
        attributes = {"role": role, "group": "cast"}
        href = person.url or (
            self.urls.page_url(person.docname, person.anchor) if person.docname else ""
        )
        image = self.urls.image_url(person.avatar)
        if href:
            attributes["href"] = href
        if image:
            attributes["img"] = image
        self.add(parent, "podcast:person", cut(person.name, MAX_PERSON_NAME), **attributes)

    def soundbites(self, episode: Episode) -> list[Soundbite]:
        """The episode's timed highlights (``soundbite``): start and length from the turn
        times. A length outside the 15–120 s the namespace recommends is kept, with a
        warning; one whose end is not known is left out, with a warning."""
        found = []
        for highlight in self.domain.soundbites.get(episode.docname, ()):
            if highlight.start is None:
                continue  # a moment the feed cannot name
            location = (highlight.docname, highlight.lineno)
            duration = highlight.duration
            if duration is None:
                warn(
                    "soundbite left out of the feed: its end is not known (no later turn "
                    "time, no episode duration); give it a :duration:",
                    Subtype.soundbite,
                    location,
                )
                continue
            shortest, longest = SOUNDBITE_SECONDS
            # (an episode shorter than that cannot have one that long)
            too_short = duration < shortest and (
                episode.duration is None or episode.duration >= shortest
            )
            if too_short or duration > longest:
                warn(
                    f"soundbite lasts {clock(duration).removeprefix('00:')}; the podcast "
                    f"namespace recommends {shortest} to {longest} seconds (set :duration:)",
                    Subtype.soundbite,
                    location,
                )
            title = highlight.text.strip("\"'“”‘’ ")
            found.append(Soundbite(highlight.start, duration, title))
        return found

    def ai_content(self, episode: Episode) -> bool:
        """Whether the episode's transcript came from speech recognition: its
        ``ai-content`` option, else what the ``transcript`` directive read (Whisper)."""
        if episode.ai_content is not None:
            return episode.ai_content
        return bool(self.domain.feed_note(episode.docname).get("ai_transcript"))

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


def show_hosts(domain: PodcastDomain, episodes: list[Episode]) -> list[tuple[Speaker, str]]:
    """The show's hosts (channel level): everyone who hosts an episode of the feed,
    the most frequent first (then as the newest episode lists them)."""
    counts: dict[str, int] = {}
    speakers: dict[str, Speaker] = {}
    for episode in episodes:
        for speaker, role in episode_people(domain, episode):
            if role == "host":
                counts[speaker.key] = counts.get(speaker.key, 0) + 1
                speakers.setdefault(speaker.key, speaker)
    order = list(speakers)
    ranked = sorted(order, key=lambda key: (-counts[key], order.index(key)))
    return [(speakers[key], "host") for key in ranked]


def episode_people(domain: PodcastDomain, episode: Episode) -> list[tuple[Speaker, str]]:
    """(speaker, role) of the episode's hosts and guests, each once."""
    table = domain.speaker_table()
    seen: set[str] = set()
    people = []
    for references, role in ((episode.hosts, "host"), (episode.guests, "guest")):
        for reference in references:
            speaker = table.find(reference)
            if speaker is not None and speaker.key not in seen:
                seen.add(speaker.key)
                people.append((speaker, role))
    return people


class Cdata(str):
    """Text for a CDATA section (HTML in a description)."""


class Elements:
    """Makes the feed's elements: ``prefix:name`` tags, text stripped, control characters
    removed (lxml refuses them; Sphinx's own values such as ``project`` are not checked
    elsewhere), counted in :attr:`removed` for one warning."""

    def __init__(self) -> None:
        self.removed = 0

    def _text(self, value: str) -> str:
        cleaned, count = strip_controls(value)
        self.removed += count
        return cleaned

    def add(self, parent: etree._Element, tag: str, value: Any = None, /, **attrs: str) -> Any:
        from lxml import etree

        if ":" in tag:
            prefix, local = tag.split(":")
            tag = f"{{{NSMAP[prefix]}}}{local}"
        element = etree.SubElement(
            parent, tag, {name: self._text(text) for name, text in attrs.items()}
        )
        if isinstance(value, Cdata):
            element.text = etree.CDATA(self._text(value))
        elif value is not None:
            element.text = self._text(str(value).strip())
        return element


def escaped_within(text: str, room: int) -> str:
    """*text* escaped for HTML, cut (with an ellipsis, never inside an entity) to at most
    *room* bytes of UTF-8."""
    escaped = escape(text, quote=False)
    if len(escaped.encode("utf-8")) <= room:
        return escaped
    cut_text = escaped.encode("utf-8")[: max(room - 3, 0)].decode("utf-8", "ignore")
    if cut_text.rfind("&") > cut_text.rfind(";"):
        cut_text = cut_text[: cut_text.rfind("&")]
    return cut_text.rstrip() + "…"


def cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def decimal(seconds: float) -> str:
    return f"{seconds:.3f}".rstrip("0").rstrip(".")
