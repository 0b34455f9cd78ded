"""The page head: a link to the feed on every page, JSON-LD on episode pages.

``<link rel="alternate" type="application/rss+xml">`` lets browsers and podcast
apps find the feed from any page of the site. An episode page also carries a
schema.org ``PodcastEpisode`` as JSON-LD (``<script type="application/ld+json">``:
data, not code, so a strict Content-Security-Policy allows it): its series, hosts and
guests (``actor``), its audio (AudioObject) and video (VideoObject, with the chapters
as Clips) carrying the transcript. Both go
through the template's ``metatags``; html and dirhtml only, like the feed.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from . import media
from .config import get_config
from .domain import get_podcast_domain
from .episode_files import FEED_BUILDERS, episode_chapters, export_files
from .feed_item import episode_people
from .model import Episode, Speaker, format_seconds_attr
from .site_urls import SiteURLs, feed_url


def iso_duration(seconds: float) -> str:
    """ISO 8601: ``PT1H2M30S``."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    if secs or text == "PT":
        text += f"{secs}S"
    return text


def script_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element nor open a comment in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def episode_data(app: Sphinx, episode: Episode, url: str) -> dict[str, Any]:
    """The schema.org PodcastEpisode of *episode* (*url*: the feed's, or "").

    URLs are absolute: the site's own (the page, transcripts, profiles, local files)
    only when the site has a base URL; without one they are left out, as are the
    properties that are nothing but a URL.
    """
    urls = SiteURLs(app, quiet=True)
    domain = get_podcast_domain(app.env)
    settings = get_config(app.config).feed
    series: dict[str, Any] = {
        "@type": "PodcastSeries",
        "name": settings.title or app.config.project,
    }
    if urls.base:
        series["url"] = urls.base
    if url:
        series["webFeed"] = url
    page = urls.page_url(episode.docname)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "PodcastEpisode",
        "name": episode.title or episode.docname,
    }
    if page:
        data["url"] = page
    if episode.summary:
        data["description"] = episode.summary
    if episode.date is not None:
        data["datePublished"] = episode.date.isoformat()
    if episode.number is not None:
        data["episodeNumber"] = episode.number
    if episode.season is not None:
        data["partOfSeason"] = {"@type": "PodcastSeason", "seasonNumber": episode.season}
    if episode.duration is not None:
        data["duration"] = iso_duration(episode.duration)
    image = urls.image_url(episode.image)
    if image:
        data["image"] = image
    data["inLanguage"] = settings.language or app.config.language or "en"
    data["partOfSeries"] = series
    people = [_person(urls, speaker) for speaker, _role in episode_people(domain, episode)]
    if people:
        data["actor"] = people
    files = {kind: path for kind, path, _mime, _label in export_files(domain, episode.docname)}
    transcript = urls.link(files["txt"]) if "txt" in files else ""
    media = [
        item
        for item in (
            _audio_object(urls, episode, transcript),
            _video_object(urls, episode, transcript, page),
        )
        if item
    ]
    if media:
        data["associatedMedia"] = media[0] if len(media) == 1 else media
    return data


def _person(urls: SiteURLs, speaker: Speaker) -> dict[str, Any]:
    """A host or guest: a Person with the profile page as ``url`` and the speaker's own
    address as ``sameAs`` (or as ``url``, without a profile page)."""
    person: dict[str, Any] = {"@type": "Person", "name": speaker.name}
    profile = urls.page_url(speaker.docname, speaker.anchor) if speaker.docname else ""
    if profile:
        person["url"] = profile
        if speaker.url:
            person["sameAs"] = speaker.url
    elif speaker.url:
        person["url"] = speaker.url
    image = urls.image_url(speaker.avatar)
    if image:
        person["image"] = image
    return person


def _audio_object(urls: SiteURLs, episode: Episode, transcript: str) -> dict[str, Any]:
    """The episode's audio file as an AudioObject (``transcript``: the text file's URL)."""
    enclosure = urls.enclosure(episode) if episode.audio else None
    if enclosure is None:
        return {}
    audio: dict[str, Any] = {"@type": "AudioObject", "encodingFormat": enclosure.type}
    if enclosure.url:
        audio["contentUrl"] = enclosure.url
    if episode.duration is not None:
        audio["duration"] = iso_duration(episode.duration)
    if transcript:
        audio["transcript"] = transcript
    return audio


def _video_object(urls: SiteURLs, episode: Episode, transcript: str, page: str) -> dict[str, Any]:
    """The episode's YouTube or Vimeo video as a VideoObject, its chapters as ``hasPart``
    Clips (Google's key moments) when the page has a URL to link them to."""
    try:
        if episode.youtube:
            video_id, _start = media.parse_youtube(episode.youtube)
            embed = media.youtube(video_id)
            thumbnail = f"https://i.ytimg.com/vi/{video_id}/hqdefault.jpg"
        elif episode.vimeo:
            video_id, unlisted, _start = media.parse_vimeo(episode.vimeo)
            embed = media.vimeo(video_id, unlisted)
            thumbnail = ""
        else:
            return {}
    except media.MediaError:
        return {}  # warned about where the episode was read
    video: dict[str, Any] = {
        "@type": "VideoObject",
        "name": episode.title or episode.docname,
        "embedUrl": embed.embed_url,
        "url": embed.page_url,
    }
    if episode.summary:
        video["description"] = episode.summary
    thumbnail = urls.image_url(episode.image) or thumbnail
    if thumbnail:
        video["thumbnailUrl"] = thumbnail
    if episode.date is not None:
        video["uploadDate"] = episode.date.isoformat()
    if episode.duration is not None:
        video["duration"] = iso_duration(episode.duration)
    if transcript:
        video["transcript"] = transcript
    clips = []
    for chapter in episode_chapters(get_podcast_domain(urls.env), episode.docname):
        if not page:
            break
        clip: dict[str, Any] = {
            "@type": "Clip",
            "name": chapter.title,
            "startOffset": round(chapter.start),
            "url": f"{page}#t={format_seconds_attr(chapter.start)}",
        }
        if chapter.end is not None:
            clip["endOffset"] = round(chapter.end)
        clips.append(clip)
    if clips:
        video["hasPart"] = clips
    return video


def _on_html_page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    if app.builder.name not in FEED_BUILDERS:
        return
    tags = []
    url = feed_url(app)
    if url:
        title = get_config(app.config).feed.title or app.config.project
        tags.append(
            f'<link rel="alternate" type="application/rss+xml" title="{escape(title)}" '
            f'href="{escape(url)}">'
        )
    episode = get_podcast_domain(app.env).episodes.get(pagename)
    if episode is not None and doctree is not None:
        data = script_json(episode_data(app, episode, url))
        tags.append(f'<script type="application/ld+json">{data}</script>')
    if tags:
        context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(tags) + "\n"


def setup_structured_data(app: Sphinx) -> None:
    app.connect("html-page-context", _on_html_page_context)
