"""Media providers, without Sphinx: id checks, URL parsing and embed URLs.

Every embed URL is built here, from a fixed https origin, a validated id and
re-encoded query parameters, so nothing an author writes can change where an
iframe points. Anything that does not fit raises :class:`MediaError` with the
warning subtype to give.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

from .inputs import MAX_SECONDS
from .urls import URLError, clean_url

__all__ = [
    "PROVIDERS",
    "Embed",
    "MediaError",
    "Source",
    "parse_aspect",
    "parse_length",
    "parse_source",
    "parse_spotify",
    "parse_url_parameters",
    "parse_vimeo",
    "parse_youtube",
]

#: Every ``data-provider`` value.
PROVIDERS = ("youtube", "vimeo", "spotify", "audio", "video")

YOUTUBE_EMBED = "https://www.youtube-nocookie.com/embed/"
YOUTUBE_PAGE = "https://www.youtube.com/watch"
VIMEO_EMBED = "https://player.vimeo.com/video/"
VIMEO_PAGE = "https://vimeo.com/"
SPOTIFY_EMBED = "https://open.spotify.com/embed/"
SPOTIFY_PAGE = "https://open.spotify.com/"

#: The ``allow`` attribute of each provider's iframe: what its player needs, no more.
ALLOW = {
    "youtube": "autoplay; encrypted-media; picture-in-picture; fullscreen",
    "vimeo": "autoplay; fullscreen; picture-in-picture",
    "spotify": "autoplay; encrypted-media",
}
#: Native heights (CSS px) of Spotify's players.
SPOTIFY_HEIGHT = {"episode": 232, "show": 352}

# Used with fullmatch (a "$" would let a trailing newline through); ASCII digits only.
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_VIMEO_ID = re.compile(r"[0-9]{1,12}")
_VIMEO_HASH = re.compile(r"[0-9a-f]{6,20}")
_SPOTIFY_ID = re.compile(r"[0-9A-Za-z]{22}")
_YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "music.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
    "youtu.be",
}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
_SPOTIFY_KINDS = ("episode", "show")
_DURATION = re.compile(r"(?:(?P<h>[0-9]{1,4})h)?(?:(?P<m>[0-9]{1,6})m)?(?:(?P<s>[0-9]{1,7})s?)?")
_PARAM_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,40}")
_LENGTH = re.compile(
    r"(?P<value>[0-9]{1,5}(?:\.[0-9]{1,3})?)\s*(?P<unit>px|%|em|rem|vw)?", re.ASCII
)
_ASPECT = re.compile(
    r"(?P<w>[0-9]{1,4}(?:\.[0-9]{1,3})?)\s*[:/x]\s*(?P<h>[0-9]{1,4}(?:\.[0-9]{1,3})?)", re.ASCII
)
_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):")


class MediaError(ValueError):
    """A media value that cannot be used; ``subtype`` names the warning subtype."""

    def __init__(self, message: str, subtype: str = "bad_media") -> None:
        super().__init__(message)
        self.subtype = subtype


@dataclass(frozen=True)
class Embed:
    """A third-party player: where its iframe points and where a reader can follow it."""

    provider: str
    id: str
    embed_url: str
    page_url: str
    start: float | None = None
    kind: str = "video"
    height: int | None = None
    """A fixed height in CSS px (Spotify); ``None`` for players with an aspect ratio."""

    @property
    def allow(self) -> str:
        return ALLOW[self.provider]


@dataclass(frozen=True)
class Source:
    """One source of an ``audio``/``video``: a local file (relative path) or an https URL."""

    uri: str
    local: bool
    mime: str = ""
    extra: dict[str, str] = field(default_factory=dict)


# -- shared checks -------------------------------------------------------------


def check_https(value: str) -> None:
    """Refuse every URL that is not https (``javascript:``, ``data:``, ``http:`` …)."""
    match = _SCHEME.match(value.strip())
    if match and match["scheme"].lower() != "https":
        raise MediaError(
            f"{match['scheme'].lower()}: URLs are not allowed for media, only https (or a local "
            f"file): {_short(value)!r}",
            "unsafe_url",
        )
    if value.strip().startswith("//"):
        raise MediaError(f"give the scheme (https://) of {_short(value)!r}", "unsafe_url")


def _short(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _url_parts(value: str) -> tuple[str, list[str], dict[str, str], str] | None:
    """(host, path segments, query, fragment) of an https URL, or None for a bare id."""
    value = value.strip()
    check_https(value)
    if not value.lower().startswith("https://"):
        return None
    parts = urlsplit(value)
    host = (parts.hostname or "").lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    return host, segments, dict(parse_qsl(parts.query)), parts.fragment


def parse_offset(value: str) -> float | None:
    """A start offset as in provider URLs: ``90``, ``90s``, ``1m30s``, ``1h2m3s``."""
    value = value.strip().lower()
    match = _DURATION.fullmatch(value)
    if not value or not match or not any(match.groupdict().values()):
        return None
    seconds = int(match["h"] or 0) * 3600 + int(match["m"] or 0) * 60 + int(match["s"] or 0)
    return seconds if seconds < MAX_SECONDS else None


def _offset(query: dict[str, str], fragment: str, names: tuple[str, ...]) -> str:
    """The start a provider's URL gives, as written: a query value (YouTube's ``t=`` and
    ``start=``) or the fragment ``#t=``; "" when it gives none."""
    for name in names:
        if query.get(name):
            return query[name]
    return fragment.removeprefix("t=") if fragment.startswith("t=") else ""


def url_offset(provider: str, value: str) -> str:
    """The start a YouTube or Vimeo URL *value* gives, as written ("" for none, or for an
    id): :func:`parse_youtube` and :func:`parse_vimeo` ignore one that is no time under
    1,000 hours, and the directive says so."""
    parts = _url_parts(value)
    if parts is None or provider not in ("youtube", "vimeo"):
        return ""
    _host, _segments, query, fragment = parts
    return _offset(query, fragment, ("t", "start") if provider == "youtube" else ())


def _seconds_param(seconds: float) -> str:
    return str(int(seconds))


# -- YouTube -------------------------------------------------------------------


def parse_youtube(value: str) -> tuple[str, float | None]:
    """The video id (and the ``t=``/``start=`` offset, if any) of an id or a YouTube URL."""
    parts = _url_parts(value)
    start: float | None = None
    if parts is None:
        video_id = value.strip()
    else:
        host, segments, query, fragment = parts
        if host not in _YOUTUBE_HOSTS:
            raise MediaError(f"not a YouTube URL: {_short(value)!r}")
        if host == "youtu.be":
            video_id = segments[0] if segments else ""
        elif segments[:1] == ["watch"]:
            video_id = query.get("v", "")
        elif len(segments) >= 2 and segments[0] in ("embed", "shorts", "live", "v"):
            video_id = segments[1]
        else:
            raise MediaError(f"no video id in the YouTube URL {_short(value)!r}")
        offset = _offset(query, fragment, ("t", "start"))
        start = parse_offset(offset) if offset else None
    if not _YOUTUBE_ID.fullmatch(video_id):
        raise MediaError(
            f"invalid YouTube video id {_short(video_id)!r}: expected 11 characters of "
            "A-Z, a-z, 0-9, _ and -"
        )
    return video_id, start


def youtube(
    video_id: str, start: float | None = None, parameters: dict[str, str] | None = None
) -> Embed:
    """A privacy-enhanced (youtube-nocookie.com) embed with the IFrame API switched on."""
    params = dict(parameters or {})
    if start is not None:
        params["start"] = _seconds_param(start)
    params.update({"enablejsapi": "1", "rel": params.get("rel", "0")})
    page = {"v": video_id}
    if start:
        page["t"] = _seconds_param(start) + "s"
    return Embed(
        provider="youtube",
        id=video_id,
        embed_url=YOUTUBE_EMBED + video_id + "?" + urlencode(sorted(params.items())),
        page_url=YOUTUBE_PAGE + "?" + urlencode(page),
        start=start,
    )


# -- Vimeo ---------------------------------------------------------------------


def parse_vimeo(value: str) -> tuple[str, str, float | None]:
    """(video id, unlisted hash or "", start) of an id, ``ID/HASH`` or a Vimeo URL."""
    parts = _url_parts(value)
    start: float | None = None
    if parts is None:
        video_id, _sep, unlisted = value.strip().partition("/")
    else:
        host, segments, query, fragment = parts
        if host not in _VIMEO_HOSTS:
            raise MediaError(f"not a Vimeo URL: {_short(value)!r}")
        if host == "player.vimeo.com" and segments[:1] == ["video"]:
            segments = segments[1:]
        numeric = [index for index, segment in enumerate(segments) if _VIMEO_ID.fullmatch(segment)]
        if not numeric:
            raise MediaError(f"no video id in the Vimeo URL {_short(value)!r}")
        index = numeric[0]
        video_id = segments[index]
        unlisted = query.get("h", "")
        if not unlisted and index + 1 < len(segments):
            unlisted = segments[index + 1]
        offset = _offset(query, fragment, ())
        start = parse_offset(offset) if offset else None
    if not _VIMEO_ID.fullmatch(video_id):
        raise MediaError(f"invalid Vimeo video id {_short(video_id)!r}: expected digits")
    if unlisted and not _VIMEO_HASH.fullmatch(unlisted):
        raise MediaError(f"invalid Vimeo privacy hash {_short(unlisted)!r}: expected hex digits")
    return video_id, unlisted, start


def vimeo(
    video_id: str,
    unlisted: str = "",
    start: float | None = None,
    parameters: dict[str, str] | None = None,
) -> Embed:
    """A Vimeo embed with ``dnt=1`` (Vimeo sets no tracking cookies)."""
    params = dict(parameters or {})
    if unlisted:
        params["h"] = unlisted
    params["dnt"] = "1"
    fragment = f"#t={_seconds_param(start)}s" if start else ""
    return Embed(
        provider="vimeo",
        id=video_id,
        embed_url=VIMEO_EMBED + video_id + "?" + urlencode(sorted(params.items())) + fragment,
        page_url=VIMEO_PAGE + video_id + (f"/{unlisted}" if unlisted else "") + fragment,
        start=start,
    )


# -- Spotify -------------------------------------------------------------------


def parse_spotify(value: str) -> tuple[str, str]:
    """(kind, id) of an episode id, ``show/ID``, ``spotify:episode:ID`` or a Spotify URL."""
    text = value.strip()
    if text.lower().startswith("spotify:"):
        _scheme, _sep, rest = text.partition(":")
        kind, _sep, spotify_id = rest.partition(":")
    else:
        parts = _url_parts(text)
        if parts is None:
            kind, _sep, spotify_id = text.rpartition("/")
            kind = kind or "episode"
        else:
            host, segments, _query, _fragment = parts
            if host != "open.spotify.com":
                raise MediaError(f"not a Spotify URL: {_short(value)!r}")
            segments = [s for s in segments if not s.startswith("intl-") and s != "embed"]
            if len(segments) < 2:
                raise MediaError(f"no episode or show in the Spotify URL {_short(value)!r}")
            kind, spotify_id = segments[0], segments[1]
    if kind not in _SPOTIFY_KINDS:
        raise MediaError(
            f"Spotify {_short(kind)!r} cannot be embedded here: use an episode or a show"
        )
    if not _SPOTIFY_ID.fullmatch(spotify_id):
        raise MediaError(
            f"invalid Spotify {kind} id {_short(spotify_id)!r}: expected 22 letters and digits"
        )
    return kind, spotify_id


def spotify(kind: str, spotify_id: str, start: float | None = None) -> Embed:
    """A Spotify episode or show player at its native height."""
    return Embed(
        provider="spotify",
        id=spotify_id,
        embed_url=f"{SPOTIFY_EMBED}{kind}/{spotify_id}",
        page_url=f"{SPOTIFY_PAGE}{kind}/{spotify_id}",
        start=start,
        kind=kind,
        height=SPOTIFY_HEIGHT[kind],
    )


# -- files and options ---------------------------------------------------------


def parse_source(value: str) -> Source:
    """An ``audio``/``video`` source: an https URL or a local path (existence checked elsewhere)."""
    text = value.strip()
    if not text:
        raise MediaError("empty media source", "bad_option")
    check_https(text)
    local = not text.lower().startswith("https://")
    if local and any(ch in text for ch in "\\?#\x00"):
        raise MediaError(f"not a usable file name: {_short(text)!r}", "bad_option")
    if not local:  # checked, and encoded for feeds and src attributes ("a b" is "a%20b")
        try:
            text = clean_url(text, ("https",))
        except URLError as error:
            raise MediaError(str(error), "bad_url") from None
    path = urlsplit(text).path if not local else text
    return Source(uri=text, local=local, mime=mime_type(path))


_EXTRA_TYPES = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".aac": "audio/aac",
    ".oga": "audio/ogg",
    ".ogg": "audio/ogg",
    ".opus": "audio/ogg",
    ".wav": "audio/wav",
    ".flac": "audio/flac",
    ".weba": "audio/webm",
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".webm": "video/webm",
    ".ogv": "video/ogg",
    ".mov": "video/quicktime",
    ".vtt": "text/vtt",
}


def mime_type(path: str) -> str:
    """The MIME type of a media file by its extension ("" when unknown)."""
    suffix = "." + path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return _EXTRA_TYPES.get(suffix) or mimetypes.guess_type("x" + suffix)[0] or ""


def parse_aspect(value: str) -> tuple[float, float]:
    """``16:9`` (also ``16/9``, ``16x9``) as a pair of positive numbers."""
    match = _ASPECT.fullmatch(value.strip())
    if not match or not float(match["w"]) or not float(match["h"]):
        raise MediaError(f"aspect ratio {_short(value)!r} is not W:H (e.g. 16:9)", "bad_option")
    return float(match["w"]), float(match["h"])


def format_number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def parse_length(value: str) -> str:
    """A CSS length for ``width``/``height``: ``560``/``560px``, ``80%``, ``30em`` …"""
    match = _LENGTH.fullmatch(value.strip())
    if not match:
        raise MediaError(
            f"length {_short(value)!r} is not a number with px, %, em, rem or vw", "bad_option"
        )
    return match["value"] + (match["unit"] or "px")


def length_pixels(value: str) -> float | None:
    """The number of a ``px`` length, else None."""
    return float(value[:-2]) if value.endswith("px") else None


def parse_url_parameters(value: str) -> dict[str, str]:
    """sphinxcontrib-youtube's ``url_parameters`` (``?start=43&end=50``) as checked pairs."""
    text = value.strip().lstrip("?&")
    try:
        pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        raise MediaError(
            f"url_parameters {_short(value)!r} is not a query string like ?start=43&end=50",
            "bad_option",
        ) from None
    for name, _value in pairs:
        if not _PARAM_NAME.fullmatch(name):
            raise MediaError(f"url_parameters: bad parameter name {_short(name)!r}", "bad_option")
    return dict(pairs)
