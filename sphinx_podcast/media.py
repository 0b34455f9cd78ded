"""Media providers, without Sphinx: id checks, URL parsing and embed URLs.

Every embed URL is built here, from a fixed https origin, a validated id and
re-encoded query parameters, so nothing an author writes can change where an
iframe points. Anything that does not fit raises :class:`MediaError` with the
warning subtype to give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

from .inputs import MAX_SECONDS
from .media_checks import MediaError, check_https, shorten

__all__ = [
    "PROVIDERS",
    "Embed",
    "MediaError",
    "parse_offset",
    "parse_spotify",
    "parse_vimeo",
    "parse_youtube",
    "url_offset",
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


# -- shared checks -------------------------------------------------------------


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
            raise MediaError(f"not a YouTube URL: {shorten(value)!r}")
        if host == "youtu.be":
            video_id = segments[0] if segments else ""
        elif segments[:1] == ["watch"]:
            video_id = query.get("v", "")
        elif len(segments) >= 2 and segments[0] in ("embed", "shorts", "live", "v"):
            video_id = segments[1]
        else:
            raise MediaError(f"no video id in the YouTube URL {shorten(value)!r}")
        offset = _offset(query, fragment, ("t", "start"))
        start = parse_offset(offset) if offset else None
    if not _YOUTUBE_ID.fullmatch(video_id):
        raise MediaError(
            f"invalid YouTube video id {shorten(video_id)!r}: expected 11 characters of "
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
            raise MediaError(f"not a Vimeo URL: {shorten(value)!r}")
        if host == "player.vimeo.com" and segments[:1] == ["video"]:
            segments = segments[1:]
        numeric = [index for index, segment in enumerate(segments) if _VIMEO_ID.fullmatch(segment)]
        if not numeric:
            raise MediaError(f"no video id in the Vimeo URL {shorten(value)!r}")
        index = numeric[0]
        video_id = segments[index]
        unlisted = query.get("h", "")
        if not unlisted and index + 1 < len(segments):
            unlisted = segments[index + 1]
        offset = _offset(query, fragment, ())
        start = parse_offset(offset) if offset else None
    if not _VIMEO_ID.fullmatch(video_id):
        raise MediaError(f"invalid Vimeo video id {shorten(video_id)!r}: expected digits")
    if unlisted and not _VIMEO_HASH.fullmatch(unlisted):
        raise MediaError(f"invalid Vimeo privacy hash {shorten(unlisted)!r}: expected hex digits")
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
                raise MediaError(f"not a Spotify URL: {shorten(value)!r}")
            segments = [s for s in segments if not s.startswith("intl-") and s != "embed"]
            if len(segments) < 2:
                raise MediaError(f"no episode or show in the Spotify URL {shorten(value)!r}")
            kind, spotify_id = segments[0], segments[1]
    if kind not in _SPOTIFY_KINDS:
        raise MediaError(
            f"Spotify {shorten(kind)!r} cannot be embedded here: use an episode or a show"
        )
    if not _SPOTIFY_ID.fullmatch(spotify_id):
        raise MediaError(
            f"invalid Spotify {kind} id {shorten(spotify_id)!r}: expected 22 letters and digits"
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
