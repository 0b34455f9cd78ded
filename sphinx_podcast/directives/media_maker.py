"""Building one media embed node: :class:`MediaMaker`, shared by the media directives
(:mod:`.media`) and the episode's players (:mod:`.episode_players`).

Each embed is one :class:`~sphinx_podcast.nodes.media_embed` whose children are
the fallback for builders without a player (the title and a link); the HTML
writer turns it into a click-to-load placeholder or an iframe, the LaTeX writer
adds a QR code.

Local ``audio``/``video`` files (and captions, posters) are
``download_reference`` nodes, so Sphinx copies them into ``_downloads/`` for
html, dirhtml and singlehtml and rebuilds the page when they change.

Any bad value gives one warning and no embed (:meth:`MediaMaker.fail`).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx import addnodes

from .. import media, media_files
from .. import nodes as pn
from ..inputs import shorten
from ..locale import _
from ..model import TimeFormatError, format_seconds_attr, parse_time
from ..warnings_ import Subtype, warn
from . import PodcastDirective

PROVIDER_NAMES = {
    "youtube": "YouTube",
    "vimeo": "Vimeo",
    "spotify": "Spotify",
    "audio": "Audio",
    "video": "Video",
}
ALIGN_VALUES = ("left", "center", "right")
DEFAULT_ASPECT = (16.0, 9.0)


def _default_title(provider: str, kind: str = "") -> str:
    if provider == "youtube":
        return _("YouTube video")
    if provider == "vimeo":
        return _("Vimeo video")
    if provider == "spotify":
        return _("Spotify show") if kind == "show" else _("Spotify episode")
    if provider == "audio":
        return _("Audio")
    return _("Video")


class _Bad(Exception):
    """Raised after a warning was given: this embed is dropped."""


class MediaMaker:
    """Builds one embed node for *directive*; warnings point at the option's line.

    *value_option* is the option that holds the id/URL (the episode's
    ``youtube`` …) or None when it is the directive's argument.
    """

    def __init__(self, directive: PodcastDirective, value_option: str | None = None) -> None:
        self.directive = directive
        self.value_option = value_option
        self.env = directive.env

    # -- warnings --------------------------------------------------------------

    def _location(self, option: str | None) -> tuple[str, int]:
        name = option or self.value_option
        if name:
            return self.directive.option_location(name)
        return (self.env.docname, self.directive.lineno)

    def fail(self, message: str, subtype: Subtype | str, option: str | None = None) -> _Bad:
        warn(message + "; no embed", Subtype(subtype), self._location(option))
        return _Bad()

    def _call(self, function: Callable[..., Any], *args: Any, option: str | None = None) -> Any:
        try:
            return function(*args)
        except media.MediaError as error:
            raise self.fail(str(error), error.subtype, option) from None

    # -- options ---------------------------------------------------------------

    def _start(self, options: dict[str, str]) -> float | None:
        text = options.get("start", "").strip()
        if not text:
            return None
        try:
            return parse_time(text)
        except TimeFormatError as error:
            raise self.fail(f"start: {error}", Subtype.bad_time, "start") from None

    def _url_start(self, provider: str, value: str, start: float | None) -> float | None:
        """The start the URL gives; a warning when it gives one that is no time (the
        player then starts at the beginning)."""
        offset = media.url_offset(provider, value) if start is None else ""
        if offset:
            warn(
                f"start {shorten(offset)!r} in the {PROVIDER_NAMES[provider]} URL is not a "
                "time under 1,000 hours (like 90, 90s or 1h2m3s); the player starts at the "
                "beginning",
                Subtype.bad_time,
                self._location(None),
            )
        return start

    def _layout(self, options: dict[str, str], provider: str, fixed_height: int | None) -> dict:
        """Classes and inline styles from ``aspect``/``width``/``height``/``align``."""
        outer: list[str] = []
        box: list[str] = []
        classes: list[str] = []
        align = options.get("align", "").strip().lower()
        if align:
            if align not in ALIGN_VALUES:
                raise self.fail(
                    f"align must be one of {', '.join(ALIGN_VALUES)}, got {align!r}",
                    Subtype.bad_option,
                    "align",
                )
            classes.append(f"podcast-align-{align}")
        width = height = ""
        if options.get("width", "").strip():
            width = self._call(media_files.parse_length, options["width"], option="width")
        if options.get("height", "").strip():
            height = self._call(media_files.parse_length, options["height"], option="height")
        aspect = DEFAULT_ASPECT
        if options.get("aspect", "").strip():
            aspect = self._call(media_files.parse_aspect, options["aspect"], option="aspect")
        if width:
            outer.append(f"max-width: {width}" if not width.endswith("%") else f"width: {width}")
        if fixed_height is not None and not height:
            height = f"{fixed_height}px"
        if height:
            w_px, h_px = media_files.length_pixels(width), media_files.length_pixels(height)
            if w_px and h_px and fixed_height is None and not options.get("aspect", "").strip():
                aspect = (w_px, h_px)  # sphinxcontrib-youtube: width and height fix the ratio
            else:
                box.append(f"height: {height}")
                aspect = (0, 0)
        if aspect not in (DEFAULT_ASPECT, (0, 0)) and provider != "spotify":
            width_part, height_part = map(media_files.format_number, aspect)
            box.append(f"aspect-ratio: {width_part} / {height_part}")
        return {
            "classes": classes,
            "style": "; ".join(outer),
            "box_style": "; ".join(box),
            "fixed_height": bool(box and aspect == (0, 0)),
        }

    def _node(self, provider: str, title: str, layout: dict, **attributes: Any) -> pn.media_embed:
        node = pn.media_embed(
            classes=["podcast-embed", f"podcast-embed-{provider}", *layout["classes"]],
            provider=provider,
            provider_name=PROVIDER_NAMES[provider],
            title=str(title),
            style=layout["style"],
            box_style=layout["box_style"],
            fixed_height=layout["fixed_height"],
            **attributes,
        )
        self.directive.set_source_info(node)
        return node

    # -- third-party players ---------------------------------------------------

    def iframe(self, provider: str, value: str, options: dict[str, str], title: str = "") -> Any:
        """A youtube, vimeo or spotify embed, or None after a warning."""
        try:
            return self._iframe(provider, value, options, title)
        except _Bad:
            return None

    def _iframe(self, provider: str, value: str, options: dict[str, str], title: str) -> Any:
        start = self._start(options)
        parameters: dict[str, str] = {}
        if options.get("url_parameters", "").strip():
            parameters = self._call(
                media_files.parse_url_parameters, options["url_parameters"], option="url_parameters"
            )
        if provider == "youtube":
            video_id, url_start = self._call(media.parse_youtube, value)
            if start is None:
                start = self._url_start(provider, value, url_start)
            if start is None and "start" in parameters:
                start = media.parse_offset(parameters["start"])
            embed = media.youtube(video_id, start, parameters)
        elif provider == "vimeo":
            video_id, unlisted, url_start = self._call(media.parse_vimeo, value)
            if start is None:
                start = self._url_start(provider, value, url_start)
            embed = media.vimeo(video_id, unlisted, start, parameters)
        else:
            kind, spotify_id = self._call(media.parse_spotify, value)
            embed = media.spotify(kind, spotify_id, start)
        layout = self._layout(options, provider, embed.height)
        title = (
            options.get("title", "").strip() or title or str(_default_title(provider, embed.kind))
        )
        node = self._node(
            provider,
            title,
            layout,
            embed_url=embed.embed_url,
            page_url=embed.page_url,
            allow=embed.allow,
            media_id=embed.id,
            kind=embed.kind,
            start=format_seconds_attr(embed.start) if embed.start is not None else "",
        )
        paragraph = nodes.paragraph(classes=["podcast-embed-fallback"])
        paragraph += nodes.strong(title, title)
        paragraph += nodes.Text(": ")
        paragraph += nodes.reference(embed.page_url, embed.page_url, refuri=embed.page_url)
        node += paragraph
        return node

    # -- audio and video files -------------------------------------------------

    def file_player(
        self, provider: str, values: list[str], options: dict[str, str], title: str = ""
    ) -> Any:
        """An ``audio``/``video`` player, or None after a warning."""
        try:
            return self._file_player(provider, values, options, title)
        except _Bad:
            return None

    def _link(self, value: str, role: str, option: str | None, what: str = "") -> nodes.Element:
        source = self._call(media_files.parse_source, value, option=option)
        if not source.local:
            link: nodes.Element = nodes.reference(source.uri, source.uri, refuri=source.uri)
        else:
            path = source.uri
            _rel, absolute = self.env.relfn2path(path, self.env.docname)
            if not posixpath.basename(path) or not _is_file(absolute):
                raise self.fail(
                    f"{what or role} file {path!r} not found", Subtype.missing_file, option
                )
            name = posixpath.basename(path)
            link = addnodes.download_reference(
                "", name, reftarget=path, refdoc=self.env.docname, refexplicit=True
            )
            link["podcast_size"] = os.path.getsize(absolute)
        link["podcast_role"] = role
        link["podcast_mime"] = source.mime
        return link

    def _file_player(
        self, provider: str, values: list[str], options: dict[str, str], title: str
    ) -> Any:
        start = self._start(options)
        sources = [self._link(value, "source", None, provider) for value in values]
        extras = []
        if options.get("captions", "").strip():
            extras.append(self._link(options["captions"], "captions", "captions"))
        if provider == "video" and options.get("poster", "").strip():
            extras.append(self._link(options["poster"], "poster", "poster"))
        layout = self._layout(options, provider, None)
        if provider == "audio":
            layout["box_style"] = ""
        explicit_title = options.get("title", "").strip()
        title = explicit_title or title or str(_default_title(provider))
        node = self._node(
            provider,
            title,
            layout,
            show_title=bool(explicit_title),
            start=format_seconds_attr(start) if start is not None else "",
            aspect_set=bool(options.get("aspect", "").strip()),
        )
        paragraph = nodes.paragraph(classes=["podcast-embed-fallback"])
        paragraph += nodes.strong(title, title)
        paragraph += nodes.Text(": ")
        for index, link in enumerate(sources):
            if index:
                paragraph += nodes.Text(", ")
            paragraph += link
        for link in extras:
            # Translators: "(captions: ep7.vtt)" after a player's download links
            label = _("captions") if link["podcast_role"] == "captions" else _("poster")
            paragraph += nodes.Text(f" ({label}: ")
            paragraph += link
            paragraph += nodes.Text(")")
        node += paragraph
        return node


def _is_file(path: Any) -> bool:
    return os.path.isfile(path) and os.access(path, os.R_OK)
