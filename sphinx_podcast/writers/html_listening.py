"""HTML of the listening controls (:class:`~sphinx_podcast.nodes.listening_control`).

The markup carries the stable hooks ``.podcast-switch``, ``.podcast-search`` and
``.podcast-dock``; its labels are translated here, so podcast.js needs none of its own.
Every attribute is escaped by ``self.starttag``, every text by ``self.encode``.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from ..locale import _

#: 24 x 24 icons of the player bar; "line" icons are stroked, the others filled.
ICONS = {
    "play": "M7 4v16l13-8z",
    "pause": "M6 4h4v16H6zM14 4h4v16h-4z",
    "previous": "M5 5h2v14H5zM19 5v14L8 12z",
    "next": "M17 5h2v14h-2zM5 5v14l11-7z",
    "follow": "M12 3v3M12 18v3M3 12h3M18 12h3M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8z",
    "share": "M9 15l6-6M11 6l2-2a4 4 0 0 1 6 6l-2 2M13 18l-2 2a4 4 0 0 1-6-6l2-2",
    "close": "M6 6l12 12M18 6L6 18",
}
LINE_ICONS = ("follow", "share", "close")
SPEEDS = (0.75, 1, 1.25, 1.5, 1.75, 2)


def icon(name: str) -> str:
    kind = " podcast-icon-line" if name in LINE_ICONS else ""
    return (
        f'<svg class="podcast-icon{kind} podcast-icon-{name}" viewBox="0 0 24 24" '
        f'aria-hidden="true"><path d="{ICONS[name]}"/></svg>'
    )


def _tag(self: HTML5Translator, name: str, classes: str = "", **attributes: Any) -> str:
    element = nodes.Element()
    if classes:
        attributes["CLASS"] = classes
    return self.starttag(element, name, "", **attributes)


def _button(self: HTML5Translator, label: str, content: str, **attributes: Any) -> str:
    """A button named *label* (also its tooltip) that shows *content* (HTML)."""
    attributes.setdefault("title", label)
    return (
        _tag(self, "button", type="button", **{"aria-label": label}, **attributes)
        + content
        + "</button>"
    )


def _switch(self: HTML5Translator, node: nodes.Element) -> list[str]:
    """``Listen: [Audio] [YouTube] [Spotify]``: one button per source, the first pressed."""
    label = _("Listen")
    parts = [
        _tag(self, "div", "podcast-switch", role="group", **{"aria-label": label}),
        _tag(self, "span", "podcast-switch-label", **{"aria-hidden": "true"}),
        self.encode(_("%s:") % label),
        "</span>",
    ]
    for index, (provider, name, _page_url) in enumerate(node["sources"]):
        pressed = "true" if index == 0 else "false"
        attributes = {"type": "button", "data-provider": provider, "aria-pressed": pressed}
        shown = _("Audio") if provider == "audio" else _("Video") if provider == "video" else name
        parts += [_tag(self, "button", **attributes), self.encode(shown), "</button>"]
    links = [(name, url) for _provider, name, url in node["sources"][1:] if url]
    if links:  # without JavaScript the hidden players' own pages are one click away
        parts.append("<noscript>")
        for name, url in links:
            parts += [" ", _tag(self, "a", "reference external", href=url)]
            parts += [self.encode(_("Open on %s") % name), "</a>"]
        parts.append("</noscript>")
    # "Follow the transcript" goes in here too; the div closes in the depart visitor
    return parts


def _follow(self: HTML5Translator) -> list[str]:
    label = _("Follow the transcript")
    attributes = {"type": "button", "aria-pressed": "false", "hidden": "hidden"}
    return [_tag(self, "button", "podcast-follow", **attributes), self.encode(label), "</button>"]


def _search(self: HTML5Translator) -> list[str]:
    label = _("Search the transcript")
    data = {
        "data-count": _("%(current)s of %(total)s"),
        "data-none": _("No matches"),
        "aria-label": label,
        "role": "search",
        "hidden": "hidden",
    }
    return [
        _tag(self, "form", "podcast-search", **data),
        _tag(self, "label"),
        _tag(self, "span", "podcast-visually-hidden"),
        self.encode(label),
        "</span>",
        _tag(
            self,
            "input",
            type="search",
            autocomplete="off",
            spellcheck="false",
            placeholder=label,
            empty=True,
        ),
        "</label>",
        _tag(self, "output", **{"aria-live": "polite"}),
        "</output>",
        _button(self, _("Previous match"), "↑", CLASS="podcast-search-previous"),
        _button(self, _("Next match"), "↓", CLASS="podcast-search-next"),
        _tag(self, "button", "podcast-search-play", type="button", hidden="hidden"),
        self.encode(_("Play from here")),
        "</button></form>\n",
    ]


def _dock(self: HTML5Translator) -> list[str]:
    """The player bar, hidden until the reader plays and the player scrolls out of view."""
    parts = [
        _tag(
            self,
            "div",
            "podcast-dock",
            role="region",
            hidden="hidden",
            **{"aria-label": _("Player")},
        ),
        '<div class="podcast-dock-info"><span class="podcast-dock-chapter"></span>'
        '<span class="podcast-dock-time"></span></div>',
        _tag(
            self,
            "input",
            "podcast-dock-seek",
            type="range",
            min="0",
            max="1",
            step="1",
            value="0",
            empty=True,
            **{"data-action": "seek", "aria-label": _("Position")},
        ),
        '<div class="podcast-dock-controls">',
        # the buttons that move in time keep its direction in right-to-left pages too
        '<span class="podcast-dock-transport">',
        _button(self, _("Previous chapter"), icon("previous"), **{"data-action": "previous"}),
        _button(self, _("Back 15 seconds"), "−15", **{"data-action": "back"}),
        _button(
            self,
            _("Play"),
            icon("play") + icon("pause"),
            CLASS="podcast-dock-play",
            **{"data-action": "play", "data-play": _("Play"), "data-pause": _("Pause")},
        ),
        _button(self, _("Forward 30 seconds"), "+30", **{"data-action": "forward"}),
        _button(self, _("Next chapter"), icon("next"), **{"data-action": "next"}),
        "</span>",
        _tag(self, "select", **{"data-action": "speed", "aria-label": _("Playback speed")}),
    ]
    for speed in SPEEDS:
        selected = {"selected": "selected"} if speed == 1 else {}
        parts += [_tag(self, "option", value=f"{speed:g}", **selected), f"{speed:g}×</option>"]
    parts += [
        "</select>",
        _button(
            self,
            _("Follow the transcript"),
            icon("follow"),
            CLASS="podcast-follow",
            **{"data-action": "follow", "aria-pressed": "false"},
        ),
        _button(
            self, _("Copy link to the current moment"), icon("share"), **{"data-action": "share"}
        ),
        _button(self, _("Close the player"), icon("close"), **{"data-action": "close"}),
        "</div></div>\n",
    ]
    return parts


def _subscribe(self: HTML5Translator, node: nodes.Element) -> list[str]:
    """``Subscribe: Apple Podcasts · Spotify · RSS``."""
    parts = [
        _tag(self, "p", "podcast-subscribe"),
        _tag(self, "span", "podcast-label"),
        self.encode(_("Subscribe:")),
        "</span> ",
    ]
    for index, (label, url) in enumerate(node["links"]):
        if index:
            parts.append(" · ")
        attributes = {"href": url, "rel": "noopener"}
        if label == "RSS":
            attributes["type"] = "application/rss+xml"
        parts += [_tag(self, "a", "reference external", **attributes), self.encode(label), "</a>"]
    parts.append("</p>\n")
    return parts


def visit_listening_control(self: HTML5Translator, node: nodes.Element) -> None:
    kind = node["kind"]
    if kind == "switch":
        self.body += _switch(self, node)
        return
    if kind == "follow":
        self.body += _follow(self)
    elif kind == "search":
        self.body += _search(self)
    elif kind == "dock":
        self.body += _dock(self)
    else:
        self.body += _subscribe(self, node)
    raise nodes.SkipNode


def depart_listening_control(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")  # only the switch gets here


VISITORS = (visit_listening_control, depart_listening_control)
