"""The ``episode`` directive of a post: options from its front matter, and its summary."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

from ... import media
from ...inputs import InputValueError, whole_number
from ...model import TimeFormatError, normalize_name, parse_time
from ..myst import OptionValueError, option_value
from .blocks import HTML_TAG, Block
from .people import PEOPLE_KEYS, Cast
from .post import Post
from .turns import turn_name

__all__ = ["DATE_IN_NAME", "episode_options", "summary_block"]

DATE_IN_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<rest>.+)$")
# ISO 8601 durations as podcast feeds write them: PT1H2M3S, PT5M48S
_ISO_DURATION = re.compile(r"P(?:0D)?T(?:([0-9]{1,3})H)?(?:([0-9]{1,4})M)?(?:([0-9]{1,5})S)?")
_GENERIC_CATEGORIES = {"podcast", "podcasts", "episode", "episodes", "post", "posts", "blog"}


def episode_options(post: Post, names: list[str], cast: Cast) -> list[tuple[str, str]]:
    """The episode directive's options; front matter keys left unused are reported."""
    options: list[tuple[str, str]] = []
    used: set[str] = set()
    front = post.front

    def take(*keys: str, option: bool = True) -> str:
        """The first of *keys*' value; with *option*, it goes into an option line."""
        real, value = front.value(*keys)
        if real:
            used.add(real)
            if option:
                check_one_line(post, real, value)
        return value

    number = take("episode", "number", "episode_number")
    if number:
        try:
            options.append(("number", str(whole_number(number, "episode number"))))
        except InputValueError as error:
            post.note(front.line_of("episode"), f"{error}; left out")
    season = take("season")
    if season:
        try:
            options.append(("season", str(whole_number(season, "season"))))
        except InputValueError as error:
            post.note(front.line_of("season"), f"{error}; left out")
    options.append(("date", _date(post, take("date"))))
    duration = take("duration", "duration_formatted", "podcast_duration", "itunes_duration")
    iso = _ISO_DURATION.fullmatch(duration)
    if iso and any(iso.groups()):
        hours, minutes, seconds = (int(part or 0) for part in iso.groups())
        total = hours * 3600 + minutes * 60 + seconds
        duration = f"{total // 3600}:{total // 60 % 60:02d}:{total % 60:02d}"
    if duration:
        try:
            parse_time(duration)
            options.append(("duration", duration))
        except TimeFormatError as error:
            post.warn(front.line_of("duration"), f"front matter: {error}; duration left out")
    keys = {normalize_name(name): _key_of(post, name) for name in names}
    hosts = [keys[normalize_name(n)] for n in names if cast.role_of(n) == "host"]
    if hosts:
        options.append(("hosts", ", ".join(hosts)))
        guests = [key for key in keys.values() if key not in hosts]
        options.append(("guests", ", ".join(guests)))
    youtube = take("youtubeid", "youtube_id", "youtube", "youtubeurl", "video")
    options.append(("youtube", _media(post, "youtube", youtube)))
    options.append(("vimeo", _media(post, "vimeo", take("vimeoid", "vimeo_id", "vimeo"))))
    spotify = take("spotifyid", "spotify_id", "spotify", "spotifyurl")
    options.append(("spotify", _media(post, "spotify", spotify)))
    audio = take("audio", "mp3", "audio_url", "podcast_link", "enclosure", "media_url")
    if audio and not audio.startswith("https://"):
        post.warn(
            front.line_of("audio"),
            f"audio {audio!r} is not an https URL: copy the file next to the page and "
            "give its path in :audio:",
        )
        audio = ""
    options.append(("audio", audio))
    image = take("image")
    if image and not image.startswith("https://"):
        post.warn(
            front.line_of("image"),
            f"image {image!r} left out: copy it next to the page and give its path in :image:",
        )
        image = ""
    options.append(("image", image))
    category = take("category", "categories")
    categories = [c.strip() for c in category.split(",") if c.strip()]
    categories = [c for c in categories if c.lower() not in _GENERIC_CATEGORIES]
    options.append(("category", categories[0] if categories else ""))
    options.append(("tags", take("tags")))
    explicit = take("explicit")
    if explicit:
        options.append(("explicit", "yes" if explicit.lower() in ("true", "yes") else "no"))
    options.append(("guid", take("guid")))
    kind = take("episode_type", "itunes_episode_type", "type").lower()
    if kind in ("full", "trailer", "bonus"):
        options.append(("type", kind))
    for key in ("title", "description", "excerpt", "summary"):
        take(key, option=False)  # the heading and the summary: text, see __init__
    for key in front.data:
        if key.lower() in PEOPLE_KEYS:
            used.add(key)  # the speakers' full names and roles came from there
        elif key.lower() in ("permalink", "redirect_from"):
            used.add(key)  # old addresses: redirects.json (the command line)
    unused = [key for key in front.data if key not in used]
    if unused:
        post.note(1, "front matter not used: " + ", ".join(unused))
    return options


def check_one_line(post: Post, key: str, value: str) -> None:
    """A front matter value that becomes a directive option must fit on its line: one
    with a line break would end the option and start anything after it (a ``raw`` HTML
    block with a script, another ``:audio:``). It stops the post's conversion."""
    try:
        option_value(key, value)
    except OptionValueError:
        raise post.error(
            post.front.line_of(key),
            f"front matter {key!r}: the value is on more than one line, which no option "
            "can hold; write it on one line",
        ) from None


def _key_of(post: Post, name: str) -> str:
    speaker = post.speaker_file.find(name)
    return speaker.key if speaker else name


def _date(post: Post, value: str) -> str:
    """An ISO date from the front matter's *value*, else from the file name."""
    if value:
        text = value.strip()
        try:
            if len(text) > 10:
                return dt.datetime.fromisoformat(text.replace(" ", "T", 1)).date().isoformat()
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            pass
        match = re.match(r"^(\d{4}-\d{2}-\d{2})", text)
        if match:
            return match.group(1)
        post.warn(post.front.line_of("date"), f"date {value!r} is not YYYY-MM-DD; left out")
    stem = PurePath(post.filename).name
    match = DATE_IN_NAME.match(stem)
    if match:
        try:
            return dt.date.fromisoformat(match["date"]).isoformat()
        except ValueError:
            post.warn(0, f"the file name's date {match['date']!r} is not a real date")
    return ""


def _media(post: Post, provider: str, value: str) -> str:
    value = value or post.media_ids.get(provider, "")
    if not value:
        return ""
    try:
        if provider == "youtube":
            return media.parse_youtube(value)[0]
        if provider == "spotify":
            kind, spotify_id = media.parse_spotify(value)
            return spotify_id if kind == "episode" else f"{kind}/{spotify_id}"
        if provider == "vimeo":
            return media.parse_vimeo(value)[0]
    except media.MediaError as error:
        post.warn(1, f"{provider}: {error}; left out")
        return ""
    return value


def summary_block(post: Post) -> Block | None:
    """The first plain paragraph of the introduction, if the page starts with one."""
    for block in post.blocks:
        if block.kind in ("heading", "outline", "list", "code"):
            return None
        if block.kind == "para":
            if turn_name(block) or HTML_TAG.search(block.text) or "{%" in block.text:
                return None
            return block
    return None
