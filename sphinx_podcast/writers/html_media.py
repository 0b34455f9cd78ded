"""HTML for :class:`~sphinx_podcast.nodes.media_embed`: players and click-to-load placeholders.

With ``podcast_embed_mode = "click"`` (the default) a third-party player is a
local placeholder (title, a real ``button.podcast-embed-load``, a link to the
provider) and its iframe waits, inert, in a ``<template>`` until podcast.js
clones it on a click: nothing is requested from the provider before that.
With ``"eager"`` the iframe is written directly. EPUB gets the title and a link.

Every attribute goes through ``self.starttag`` (escaped); every text through
``self.encode``.
"""

from __future__ import annotations

import posixpath
import urllib.parse
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.writers.html5 import HTML5Translator

from .. import nodes as pn
from ..config import get_config
from ..locale import _

REFERRER_POLICY = "strict-origin-when-cross-origin"
PROVIDER_HOSTS = {
    "youtube": "youtube-nocookie.com",
    "vimeo": "player.vimeo.com",
    "spotify": "open.spotify.com",
}


def _outer(self: HTML5Translator, node: pn.media_embed, **extra: str) -> str:
    attributes: dict[str, Any] = {"data-provider": node["provider"], **extra}
    if node.get("start"):
        attributes["data-start"] = node["start"]
    if node.get("style"):
        attributes["style"] = node["style"]
    if node.get("hidden"):  # another source of the episode is shown (see listening.py)
        attributes["hidden"] = "hidden"
    return self.starttag(node, "div", "", **attributes)


def _iframe(self: HTML5Translator, node: pn.media_embed) -> str:
    title = node["title"]
    if node["provider_name"].lower() not in title.lower():
        title = _("%(title)s (%(provider)s)") % {"title": title, "provider": node["provider_name"]}
    attributes: dict[str, Any] = {
        "src": node["embed_url"],
        "title": title,
        "loading": "lazy",
        "referrerpolicy": REFERRER_POLICY,
        "allow": node["allow"],
    }
    if node["provider"] in ("youtube", "vimeo"):
        attributes["allowfullscreen"] = "allowfullscreen"
    return self.starttag(nodes.Element(), "iframe", "", **attributes) + "</iframe>"


def _box(self: HTML5Translator, node: pn.media_embed) -> str:
    classes = "podcast-embed-box" + (" podcast-embed-fixed" if node.get("fixed_height") else "")
    attributes: dict[str, Any] = {"CLASS": classes}
    if node.get("box_style"):
        attributes["style"] = node["box_style"]
    return self.starttag(nodes.Element(), "div", "", **attributes)


def _placeholder(self: HTML5Translator, node: pn.media_embed) -> list[str]:
    provider = node["provider_name"]
    title = node["title"]
    host = PROVIDER_HOSTS[node["provider"]]
    el = nodes.Element()
    label: dict[str, Any] = {
        "aria-label": _("Play %(title)s (loads %(provider)s)")
        % {"title": title, "provider": provider}
    }
    return [
        self.starttag(el, "div", "", CLASS="podcast-embed-placeholder"),
        self.starttag(el, "p", "", CLASS="podcast-embed-title"),
        self.encode(title),
        "</p>",
        self.starttag(
            el,
            "button",
            "",
            type="button",
            CLASS="podcast-embed-load",
            **label,
        ),
        self.encode(_("Play")),
        "</button>",
        self.starttag(el, "p", "", CLASS="podcast-embed-note"),
        self.encode(_("Playing loads the player from %s.") % host),
        " ",
        self.starttag(
            el, "a", "", href=node["page_url"], rel="noopener", CLASS="reference external"
        ),
        self.encode(_("Open on %s") % provider),
        "</a></p></div>",
    ]


def _link_target(self: HTML5Translator, link: nodes.Element) -> str | None:
    if isinstance(link, addnodes.download_reference):
        if "filename" not in link:
            return None
        return posixpath.join(self.builder.dlpath, urllib.parse.quote(link["filename"]))
    return link.get("refuri")


def _is_local(link: nodes.Element) -> bool:
    return isinstance(link, addnodes.download_reference)


def _file_player(self: HTML5Translator, node: pn.media_embed) -> bool:
    """Write an ``<audio>``/``<video>`` player; False when it has no usable source."""
    links = [
        link
        for link in node.findall(nodes.Element)
        if link.get("podcast_role") in ("source", "captions", "poster")
    ]
    sources: list[tuple[nodes.Element, str]] = []
    for link in links:
        uri = _link_target(self, link)
        if uri:
            sources.append((link, uri))
    playable = [(link, uri) for link, uri in sources if link["podcast_role"] == "source"]
    if not playable:
        return False
    self.body.append(_outer(self, node))
    el = nodes.Element()
    if node.get("show_title"):
        self.body += [
            self.starttag(el, "p", "", CLASS="podcast-embed-title"),
            self.encode(node["title"]),
            "</p>",
        ]
    tag = node["provider"]
    attributes: dict[str, Any] = {
        "controls": "controls",
        # a remote file is not touched before the reader presses play
        "preload": "metadata" if all(_is_local(link) for link, _uri in playable) else "none",
        "aria-label": node["title"],
    }
    if tag == "video":
        attributes["playsinline"] = "playsinline"
        if node.get("box_style"):
            attributes["style"] = node["box_style"]
        for link, uri in sources:
            if link["podcast_role"] == "poster":
                attributes["poster"] = uri
    self.body.append(self.starttag(el, tag, "", **attributes))
    fragment = f"#t={node['start']}" if node.get("start") else ""
    for link, uri in playable:
        source: dict[str, Any] = {"src": uri + fragment}
        if link.get("podcast_mime"):
            source["type"] = link["podcast_mime"]
        self.body.append(self.starttag(el, "source", "", empty=True, **source))
    for link, uri in sources:
        if link["podcast_role"] == "captions":
            language = self.config.language or "en"
            self.body.append(
                self.starttag(
                    el,
                    "track",
                    "",
                    empty=True,
                    kind="captions",
                    src=uri,
                    srclang=language,
                    label=_("Captions"),
                )
            )
    self.body += [
        self.starttag(el, "a", "", href=playable[0][1], CLASS="reference download"),
        self.encode(_("Download %s") % node["title"]),
        f"</a></{tag}>",
    ]
    self.body += _download_line(self, node, *playable[0])
    self.body.append("</div>\n")
    return True


def _download_line(
    self: HTML5Translator, node: pn.media_embed, link: nodes.Element, uri: str
) -> list[str]:
    """A visible "Download (MP3, 44.2 MB)" link, and the message shown (by podcast.js)
    when the file cannot be played."""
    el = nodes.Element()
    name = uri.split("#")[0].split("?")[0].rsplit("/", 1)[-1]
    kind = name.rsplit(".", 1)[-1].upper() if "." in name else ""
    details = [kind] if kind else []
    if link.get("podcast_size"):
        details.append(file_size(link["podcast_size"]))
    text = _("Download (%s)") % ", ".join(details) if details else _("Download")
    what = (
        _("The audio could not be played.")
        if node["provider"] == "audio"
        else _("The video could not be played.")
    )
    return [
        self.starttag(el, "p", "", CLASS="podcast-media-links"),
        self.starttag(el, "span", "", CLASS="podcast-media-error", role="alert", hidden="hidden"),
        self.encode(what),
        "</span> ",
        self.starttag(el, "a", "", href=uri, download="", CLASS="podcast-download"),
        self.encode(text),
        "</a></p>",
    ]


def file_size(size: int) -> str:
    """``820 KB``, ``44.2 MB``, ``1.3 GB`` (decimal units, as podcast apps show them)."""
    if size < 1_000_000:
        return _("%s KB") % max(1, round(size / 1000))
    if size < 1_000_000_000:
        return _("%s MB") % f"{size / 1_000_000:.1f}"
    return _("%s GB") % f"{size / 1_000_000_000:.1f}"


def visit_media_embed(self: HTML5Translator, node: pn.media_embed) -> None:
    provider = node["provider"]
    if self.builder.name.startswith("epub"):  # no players in e-books: the title and a link
        self.body.append(self.starttag(node, "div", "", **{"data-provider": provider}))
        return
    if provider in ("audio", "video"):
        if _file_player(self, node):
            raise nodes.SkipNode
        # a file Sphinx could not register: the title and the link, as in other builders
        self.body.append(self.starttag(node, "div", "", **{"data-provider": provider}))
        return
    mode = get_config(self.config).embed_mode
    extra = {"data-load": "click"} if mode == "click" else {}
    self.body.append(_outer(self, node, **extra))
    self.body.append(_box(self, node))
    if mode == "click":
        self.body += _placeholder(self, node)
        self.body += ['<template class="podcast-embed-frame">', _iframe(self, node), "</template>"]
    else:
        self.body.append(_iframe(self, node))
    self.body.append("</div></div>\n")
    raise nodes.SkipNode


def depart_media_embed(self: HTML5Translator, node: pn.media_embed) -> None:
    self.body.append("</div>\n")


VISITORS = (visit_media_embed, depart_media_embed)
