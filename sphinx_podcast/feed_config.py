"""The feed's ``podcast_*`` values (title, image, category …) and how they are checked.

:mod:`sphinx_podcast.config` calls :func:`check_feed_config` once, at
``config-inited``; the values end up in ``PodcastConfig.feed``.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .urls import URLError, clean_url


@dataclass(frozen=True)
class FeedConfig:
    """The feed's values, checked; empty strings where conf.py gives none (see feed.py
    for the fallbacks to Sphinx's ``project``, ``author``, ``language``, ``copyright``)."""

    title: str = ""
    description: str = ""
    author: str = ""
    email: str = ""
    image: str = ""
    """A path relative to the configuration directory, or an https URL."""
    language: str = ""
    category: tuple[str, ...] = ()
    """(category,) or (category, subcategory), from Apple's list."""
    explicit: bool = False
    type: str = "episodic"
    copyright: str = ""
    base_url: str = ""
    """podcast_base_url as given (checked); the fallbacks are looked up at build time."""
    feed: str = "feed.xml"
    """The feed's file name in the output; "" when disabled."""
    limit: int | None = None
    guid: str = ""
    configured: bool = False
    """Whether conf.py sets any of the feed's values (a skipped feed is then a warning)."""


# Apple Podcasts categories and their subcategories.
# fmt: off
APPLE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "Arts": ("Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"),
    "Business": ("Careers", "Entrepreneurship", "Investing", "Management", "Marketing",
                 "Non-Profit"),
    "Comedy": ("Comedy Interviews", "Improv", "Stand-Up"),
    "Education": ("Courses", "How To", "Language Learning", "Self-Improvement"),
    "Fiction": ("Comedy Fiction", "Drama", "Science Fiction"),
    "Government": (),
    "History": (),
    "Health & Fitness": ("Alternative Health", "Fitness", "Medicine", "Mental Health",
                         "Nutrition", "Sexuality"),
    "Kids & Family": ("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"),
    "Leisure": ("Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies",
                "Home & Garden", "Video Games"),
    "Music": ("Music Commentary", "Music History", "Music Interviews"),
    "News": ("Business News", "Daily News", "Entertainment News", "News Commentary",
             "Politics", "Sports News", "Tech News"),
    "Religion & Spirituality": ("Buddhism", "Christianity", "Hinduism", "Islam", "Judaism",
                                "Religion", "Spirituality"),
    "Science": ("Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics",
                "Natural Sciences", "Nature", "Physics", "Social Sciences"),
    "Society & Culture": ("Documentary", "Personal Journals", "Philosophy", "Places & Travel",
                          "Relationships"),
    "Sports": ("Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf",
               "Hockey", "Rugby", "Running", "Soccer", "Swimming", "Tennis", "Volleyball",
               "Wilderness", "Wrestling"),
    "Technology": (),
    "True Crime": (),
    "TV & Film": ("After Shows", "Film History", "Film Interviews", "Film Reviews",
                  "TV Reviews"),
}
# fmt: on
MAX_DESCRIPTION_BYTES = 4000
COVER_SIZE = (1400, 3000)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_FEED_NAME = re.compile(r"^(?:[A-Za-z0-9_][A-Za-z0-9_.-]*/)*[A-Za-z0-9_][A-Za-z0-9_.-]*$")
FEED_VALUES = tuple(
    f"podcast_{name}"
    for name in [
        "title",
        "description",
        "author",
        "email",
        "image",
        "language",
        "category",
        "explicit",
        "type",
        "copyright",
        "base_url",
        "feed",
        "feed_limit",
        "guid",
    ]
)


def check_feed_config(
    checked: dict[str, Any],
    *,
    configured: bool,
    confdir: Path,
    bad: Callable[[str, str], None],
) -> FeedConfig:
    """Check the feed's values (*checked*: by name, of the right type already); one call
    of ``bad(name, message)`` and the default for each bad one."""
    values: dict[str, Any] = {}
    for name in ("title", "description", "author", "copyright"):
        values[name] = " ".join(checked[f"podcast_{name}"].split())
    description = values["description"]
    if len(description.encode("utf-8")) > MAX_DESCRIPTION_BYTES:
        bad("podcast_description", f"longer than {MAX_DESCRIPTION_BYTES} bytes; cut short")
        cut = description.encode("utf-8")[:MAX_DESCRIPTION_BYTES].decode("utf-8", "ignore")
        values["description"] = cut.rstrip()

    email = checked["podcast_email"].strip()
    if email and not _EMAIL.match(email):
        bad("podcast_email", f"{email!r} is not an e-mail address; ignored")
        email = ""
    values["email"] = email

    language = checked["podcast_language"].strip()
    if language and not _LANGUAGE.match(language):
        bad(
            "podcast_language",
            f"{language!r} is not a language code like 'en' or 'en-GB'; using Sphinx's language",
        )
        language = ""
    values["language"] = language

    values["image"] = _cover_image(checked["podcast_image"].strip(), confdir, bad)
    values["category"] = _category(checked["podcast_category"], bad)

    base_url = checked["podcast_base_url"].strip()
    if base_url:  # checked and percent-encoded: "/my podcast/" is "/my%20podcast/"
        try:
            base_url = clean_url(base_url)
        except URLError as error:
            bad("podcast_base_url", f"{error}; ignored")
            base_url = ""
    values["base_url"] = base_url

    feed = checked["podcast_feed"]
    if feed is True:
        feed = "feed.xml"
    elif feed is False:
        feed = ""
    elif not _FEED_NAME.match(feed.strip()) or ".." in feed.split("/"):
        bad("podcast_feed", f"{feed!r} is not a file name like 'feed.xml'; using 'feed.xml'")
        feed = "feed.xml"
    values["feed"] = feed.strip()

    limit = checked["podcast_feed_limit"]
    if limit is not None and limit < 1:
        bad("podcast_feed_limit", f"must be a positive number, got {limit!r}; no limit")
        limit = None
    values["limit"] = limit

    guid = checked["podcast_guid"].strip()
    if guid:
        try:
            guid = str(uuid.UUID(guid))
        except ValueError:
            bad("podcast_guid", f"{guid!r} is not a UUID; derived from the feed's URL")
            guid = ""
    values["guid"] = guid

    return FeedConfig(
        explicit=checked["podcast_explicit"],
        type=checked["podcast_type"],
        configured=configured,
        **values,
    )


def _cover_image(value: str, confdir: Path, bad: Callable[[str, str], None]) -> str:
    if not value:
        return ""
    if value.startswith("https://"):
        try:
            return clean_url(value, ("https",))
        except URLError as error:
            bad("podcast_image", f"{error}; ignored")
            return ""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value):
        bad("podcast_image", f"{value!r} must be an https URL or a local file; ignored")
        return ""
    path = value.lstrip("/")
    if not (confdir / path).is_file():
        bad("podcast_image", f"file {path!r} not found; ignored")
        return ""
    if Path(path).suffix.lower() not in (".png", ".jpg", ".jpeg"):
        bad("podcast_image", f"{path!r} must be a PNG or JPEG file; ignored")
        return ""
    from sphinx.util.images import get_image_size

    size = get_image_size(confdir / path)
    low, high = COVER_SIZE
    if size is None or size[0] != size[1] or not low <= size[0] <= high:
        shown = f"{size[0]}x{size[1]} px" if size else "of unknown size"
        bad(
            "podcast_image",
            f"{path!r} is {shown}; Apple Podcasts needs a square image of "
            f"{low} to {high} px (used anyway)",
        )
    return path


def _category(value: Any, bad: Callable[[str, str], None]) -> tuple[str, ...]:
    if not value:
        return ()
    parts = [value] if isinstance(value, str) else list(value)
    if not 1 <= len(parts) <= 2 or not all(isinstance(p, str) for p in parts):
        bad("podcast_category", "must be a category or [category, subcategory]; ignored")
        return ()
    category, *sub = (" ".join(p.split()) for p in parts)
    if category not in APPLE_CATEGORIES:
        bad("podcast_category", f"{category!r} is not an Apple Podcasts category; ignored")
        return ()
    if sub and sub[0] not in APPLE_CATEGORIES[category]:
        bad(
            "podcast_category",
            f"{sub[0]!r} is not a subcategory of {category!r}; using {category!r} alone",
        )
        return (category,)
    return (category, *sub)
