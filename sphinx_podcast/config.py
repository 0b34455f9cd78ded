"""The ``podcast_*`` values of conf.py, validated once into a :class:`PodcastConfig`.

A value of the wrong type or form gives one ``podcast.config`` warning and
falls back to its default (or, for one speaker entry, to leaving it out).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sphinx.application import Sphinx
from sphinx.config import Config

from .feed_config import FEED_VALUES, FeedConfig, check_feed_config
from .inputs import strip_controls
from .model import Speaker
from .sanitize import control_message
from .subscribe_config import check_subscribe
from .urls import URLError, clean_url
from .warnings_ import Subtype, warn

SPEAKER_FIELDS = ("name", "aliases", "url", "avatar", "role", "bio")
OUTLINE_MODES = ("manual", "auto")
EMBED_MODES = ("click", "eager")
# files written next to each episode page (and listed in the feed)
TRANSCRIPT_FORMATS = ("vtt", "srt", "json", "txt", "html", "chapters")
PODCAST_TYPES = ("episodic", "serial")
# string values with a fixed set of choices; the first is the default
CHOICES = {
    "podcast_outline": OUTLINE_MODES,
    "podcast_embed_mode": EMBED_MODES,
    "podcast_type": PODCAST_TYPES,
}
_KEY_RE = re.compile(r"^\S+$")

# (name, default, rebuild, types) of every value this extension reads from conf.py
CONFIG_VALUES: tuple[tuple[str, Any, Literal["env", "html"], tuple[type, ...]], ...] = (
    ("podcast_speakers", {}, "env", (dict,)),
    ("podcast_strict_speakers", True, "env", (bool,)),
    ("podcast_outline", "manual", "env", (str,)),
    ("podcast_backlink_symbol", "⬆", "env", (str,)),
    ("podcast_date_format", "", "env", (str,)),
    ("podcast_embed_mode", "click", "html", (str,)),
    ("podcast_speaker_pages", True, "env", (bool, str)),
    ("podcast_soundbites_auto", True, "env", (bool,)),
    ("podcast_show_estimated_times", False, "html", (bool,)),
    ("podcast_backlink_label", "", "env", (bool, str)),
    ("podcast_subscribe", {}, "html", (dict, list, tuple)),
    # the podcast feed (see feed.py)
    ("podcast_title", "", "html", (str,)),
    ("podcast_description", "", "html", (str,)),
    ("podcast_author", "", "html", (str,)),
    ("podcast_email", "", "html", (str,)),
    ("podcast_image", "", "html", (str,)),
    ("podcast_language", "", "html", (str,)),
    ("podcast_category", "", "html", (str, list, tuple)),
    ("podcast_explicit", False, "html", (bool,)),
    ("podcast_type", "episodic", "html", (str,)),
    ("podcast_copyright", "", "html", (str,)),
    ("podcast_base_url", "", "html", (str,)),
    ("podcast_feed", "feed.xml", "html", (str, bool)),
    ("podcast_feed_limit", None, "html", (int, type(None))),
    ("podcast_guid", "", "html", (str,)),
    ("podcast_transcript_formats", TRANSCRIPT_FORMATS, "html", (list, tuple)),
)


@dataclass(frozen=True)
class PodcastConfig:
    speakers: dict[str, Speaker] = field(default_factory=dict)
    strict_speakers: bool = True
    outline: str = "manual"
    backlink_symbol: str = "⬆"
    date_format: str = ""
    """strftime-style codes like Sphinx's ``today_fmt``; "" is the language's own format."""
    embed_mode: str = "click"
    speaker_pages: str = "speakers"
    """The folder of generated speaker pages ("" when they are off)."""
    soundbites_auto: bool = True
    show_estimated_times: bool = False
    backlink_label: bool | str = False
    """Text shown after the back link's symbol: False for none, True for the translated
    "Back to the outline", or the author's own text."""
    subscribe: tuple[tuple[str, str], ...] = ()
    """(label, URL) of each place to subscribe, in order."""
    subscribe_rss: bool = True
    transcript_formats: tuple[str, ...] = TRANSCRIPT_FORMATS
    feed: FeedConfig = field(default_factory=FeedConfig)


def valid_speaker_key(key: str) -> bool:
    return bool(_KEY_RE.match(key))


def split_list(value: str) -> list[str]:
    """Split a comma-separated option value, dropping empty items."""
    return [item.strip() for item in value.split(",") if item.strip()]


def is_remote(uri: str) -> bool:
    return uri.startswith(("https://", "http://"))


def checked_url(
    value: str, schemes: tuple[str, ...], bad: Callable[[str], None], suffix: str = "; ignored"
) -> str:
    """*value* checked and percent-encoded (:func:`~sphinx_podcast.urls.clean_url`), or
    ``""`` after one call of *bad* with the reason."""
    try:
        return clean_url(value, schemes)
    except URLError as error:
        bad(f"{error}{suffix}")
        return ""


def conf_location(conf_py: Path, name: str, key: str | None = None) -> str | None:
    """``conf.py:LINE`` of the assignment to *name* (or of *key* inside it), for warnings.

    Sphinx prints a location that contains a colon as it is.
    """
    try:
        lines = conf_py.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    assignment = re.compile(rf"^\s*{re.escape(name)}\s*(\[.*\])?\s*[:+]?=")
    assignments = [i for i, line in enumerate(lines) if assignment.match(line)]
    if not assignments:
        return None
    start = found = assignments[-1]  # the last assignment is the one in effect
    if key is not None:
        quoted = re.compile(rf"""["']{re.escape(key)}["']""")
        found = next((i for i in range(start, len(lines)) if quoted.search(lines[i])), start)
    return f"{conf_py}:{found + 1}"


def warn_config(
    message: str,
    conf_py: Path,
    name: str,
    key: str | None = None,
    subtype: Subtype = Subtype.config,
    *,
    overridden: bool = False,
) -> None:
    """Warn at the line of conf.py that sets *name*, or name where the value came from."""
    # A value overridden with -D or confoverrides is on no line of conf.py.
    location = None if overridden else conf_location(conf_py, name, key)
    warn(message if location else f"conf.py: {message}", subtype, location)


def _speaker_from_conf(
    key: Any, entry: Any, conf_py: Path, *, overridden: bool = False
) -> Speaker | None:
    confdir = conf_py.parent

    def bad(message: str) -> None:
        warn_config(
            f"podcast_speakers[{key!r}]: {message}",
            conf_py,
            "podcast_speakers",
            str(key),
            overridden=overridden,
        )

    if not isinstance(key, str) or not valid_speaker_key(key):
        warn_config(
            f"podcast_speakers: speaker key {key!r} must be a non-empty string without spaces; "
            "this speaker is left out",
            conf_py,
            "podcast_speakers",
            str(key),
            Subtype.bad_speaker_key,
            overridden=overridden,
        )
        return None
    if isinstance(entry, str):
        entry = {"name": entry}
    if not isinstance(entry, dict):
        bad(
            f"expected a dict of {', '.join(SPEAKER_FIELDS)}, got {type(entry).__name__}; "
            "this speaker is left out"
        )
        return None
    values: dict[str, Any] = {}
    for name, value in entry.items():
        if name not in SPEAKER_FIELDS:
            bad(f"unknown field {name!r} (known: {', '.join(SPEAKER_FIELDS)}); ignored")
            continue
        if name == "aliases":
            if isinstance(value, str):
                value = split_list(value)
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                bad("'aliases' must be a list of strings; ignored")
                continue
            values[name] = tuple(v.strip() for v in value if v.strip())
            continue
        if not isinstance(value, str):
            bad(f"{name!r} must be a string, got {type(value).__name__}; ignored")
            continue
        values[name] = value.strip()
    avatar = values.get("avatar", "")
    if avatar and not is_remote(avatar):
        avatar = avatar.lstrip("/")
        if not (confdir / avatar).is_file():
            bad(f"avatar file {avatar!r} not found; ignored")
            avatar = ""
        values["avatar"] = avatar
    elif avatar.startswith("http://"):
        bad("avatar URL must use https; ignored")
        values["avatar"] = ""
    elif avatar:
        values["avatar"] = checked_url(avatar, ("https",), lambda error: bad(f"avatar: {error}"))
    url = values.get("url", "")
    if url and not is_remote(url):
        bad(f"url {url!r} must be an http(s) URL; ignored")
        values["url"] = ""
    elif url:
        values["url"] = checked_url(url, ("https", "http"), lambda error: bad(f"url: {error}"))
    values.setdefault("name", key)
    return Speaker(key=key, **values)


def _without_controls(value: Any) -> tuple[Any, int]:
    """*value* (a string, or strings in lists, tuples and dicts) without control
    characters, and how many were taken out."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, list | tuple):
        cleaned = [_without_controls(item) for item in value]
        return type(value)(item for item, _count in cleaned), sum(c for _i, c in cleaned)
    if isinstance(value, dict):
        total = 0
        result = {}
        for key, item in value.items():
            clean_key, key_count = _without_controls(key)
            clean_item, item_count = _without_controls(item)
            result[clean_key] = clean_item
            total += key_count + item_count
        return (result, total) if total else (value, 0)
    return value, 0


def parse_config(config: Config, confdir: Path, *, report: bool) -> PodcastConfig:
    """Read and check the ``podcast_*`` values; warn only when *report* is true."""
    conf_py = confdir / "conf.py"
    overridden = set(config.overrides)
    if not report:
        # Parse silently: the same inputs were already reported once.
        from sphinx.util import logging as sphinx_logging

        with sphinx_logging.suppress_logging():
            return parse_config(config, confdir, report=True)

    checked: dict[str, Any] = {}
    for name, default, _rebuild, types in CONFIG_VALUES:
        value = getattr(config, name, default)
        if bool in types and value in ("0", "1"):  # from the command line: -D name=1
            value = value == "1"
        if not isinstance(value, types) or (bool not in types and isinstance(value, bool)):
            warn_config(
                f"{name} must be a {' or '.join(t.__name__ for t in types)}, "
                f"got {type(value).__name__}; using the default {default!r}",
                conf_py,
                name,
                overridden=name in overridden,
            )
            value = default
        value, count = _without_controls(value)
        if count:
            warn_config(
                f"{name}: {control_message(count, at_line=False)}",
                conf_py,
                name,
                subtype=Subtype.control_character,
                overridden=name in overridden,
            )
        checked[name] = value

    for name, choices in CHOICES.items():
        if checked[name] not in choices:
            warn_config(
                f"{name} must be one of {', '.join(map(repr, choices))}, "
                f"got {checked[name]!r}; using {choices[0]!r}",
                conf_py,
                name,
                overridden=name in overridden,
            )
            checked[name] = choices[0]

    transcript_formats = []
    for name in checked["podcast_transcript_formats"]:
        if name in TRANSCRIPT_FORMATS:
            transcript_formats.append(name)
        else:
            warn_config(
                f"podcast_transcript_formats: unknown format {name!r} "
                f"(known: {', '.join(TRANSCRIPT_FORMATS)}); left out",
                conf_py,
                "podcast_transcript_formats",
                overridden="podcast_transcript_formats" in overridden,
            )

    speakers: dict[str, Speaker] = {}
    for key, entry in checked["podcast_speakers"].items():
        speaker = _speaker_from_conf(
            key, entry, conf_py, overridden="podcast_speakers" in overridden
        )
        if speaker is not None:
            speakers[speaker.key] = speaker

    speaker_pages = checked["podcast_speaker_pages"]
    if speaker_pages is True:
        speaker_pages = "speakers"
    elif speaker_pages is False:
        speaker_pages = ""
    else:
        folder = speaker_pages.strip().strip("/")
        if not folder or ".." in folder.split("/") or "\\" in folder or ":" in folder:
            warn_config(
                f"podcast_speaker_pages must be True, False or a folder inside the source "
                f"directory, got {speaker_pages!r}; using 'speakers'",
                conf_py,
                "podcast_speaker_pages",
                overridden="podcast_speaker_pages" in overridden,
            )
            folder = "speakers"
        speaker_pages = folder

    subscribe, subscribe_rss = check_subscribe(
        checked["podcast_subscribe"],
        lambda message: warn_config(
            f"podcast_subscribe: {message}",
            conf_py,
            "podcast_subscribe",
            overridden="podcast_subscribe" in overridden,
        ),
    )
    backlink_label = checked["podcast_backlink_label"]
    if isinstance(backlink_label, str):
        backlink_label = backlink_label.strip() or False

    return PodcastConfig(
        speakers=speakers,
        speaker_pages=speaker_pages,
        soundbites_auto=checked["podcast_soundbites_auto"],
        strict_speakers=checked["podcast_strict_speakers"],
        outline=checked["podcast_outline"],
        backlink_symbol=checked["podcast_backlink_symbol"],
        date_format=checked["podcast_date_format"],
        embed_mode=checked["podcast_embed_mode"],
        show_estimated_times=checked["podcast_show_estimated_times"],
        backlink_label=backlink_label,
        subscribe=subscribe,
        subscribe_rss=subscribe_rss,
        transcript_formats=tuple(transcript_formats),
        feed=check_feed_config(
            checked,
            configured=any(n in config._raw_config or n in overridden for n in FEED_VALUES),
            confdir=confdir,
            bad=lambda name, message: warn_config(
                f"{name}: {message}", conf_py, name, overridden=name in overridden
            ),
        ),
    )


_CACHE_ATTR = "_sphinx_podcast_config"


def get_config(config: Config) -> PodcastConfig:
    """The validated configuration (parsed once per process, warnings given at config-inited)."""
    cached = config.__dict__.get(_CACHE_ATTR)
    if cached is None:
        cached = parse_config(
            config, Path(config._raw_config.get("__file__", "conf.py")).parent, report=False
        )
        config.__dict__[_CACHE_ATTR] = cached
    return cached


def _on_config_inited(app: Sphinx, config: Config) -> None:
    config.__dict__[_CACHE_ATTR] = parse_config(config, Path(app.srcdir), report=True)


def setup_config(app: Sphinx) -> None:
    for name, default, rebuild, _types in CONFIG_VALUES:
        # types=Any: we check the values ourselves, with one podcast.config warning each
        app.add_config_value(name, default, rebuild, types=Any)
    app.connect("config-inited", _on_config_inited)
