"""The page head: a link to the feed on every page, JSON-LD on episode pages.

``<link rel="alternate" type="application/rss+xml">`` lets browsers and podcast
apps find the feed from any page of the site. An episode page also carries a
schema.org ``PodcastEpisode`` as JSON-LD (``<script type="application/ld+json">``:
data, not code, so a strict Content-Security-Policy allows it). Both go
through the template's ``metatags``; html and dirhtml only, like the feed.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .config import get_config
from .domain import get_podcast_domain
from .exports import FEED_BUILDERS, export_files
from .feed import FeedWriter, feed_url
from .model import Episode


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
    """The schema.org PodcastEpisode of *episode* (*url*: the feed's, or "")."""
    writer = FeedWriter(app, url, page=episode.docname, quiet=True)
    settings = get_config(app.config).feed
    series: dict[str, Any] = {
        "@type": "PodcastSeries",
        "name": settings.title or app.config.project,
    }
    if writer.base:
        series["url"] = writer.base
    if url:
        series["webFeed"] = url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "PodcastEpisode",
        "name": episode.title or episode.docname,
        "url": writer.page_url(episode.docname),
    }
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
    image = writer.image_url(episode.image)
    if image:
        data["image"] = image
    data["partOfSeries"] = series
    enclosure = writer.enclosure(episode) if episode.audio else None
    domain = get_podcast_domain(app.env)
    transcripts = {
        kind: path for kind, path, _mime, _label in export_files(domain, episode.docname)
    }
    if enclosure is not None:
        audio: dict[str, Any] = {
            "@type": "AudioObject",
            "contentUrl": enclosure.url,
            "encodingFormat": enclosure.type,
        }
        if episode.duration is not None:
            audio["duration"] = iso_duration(episode.duration)
        if "txt" in transcripts:
            audio["transcript"] = writer.link(transcripts["txt"])
        data["associatedMedia"] = audio
    elif "txt" in transcripts:
        data["transcript"] = writer.link(transcripts["txt"])
    return data


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
