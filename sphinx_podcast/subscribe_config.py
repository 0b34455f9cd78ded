"""``podcast_subscribe``: where listeners can subscribe, checked into (label, URL) pairs.

conf.py gives a dict (or a list of pairs) of service and URL, in the order to show::

    podcast_subscribe = {
        "apple": "https://podcasts.apple.com/podcast/id1234567890",
        "spotify": "https://open.spotify.com/show/…",
        "Mastodon": "https://social.example/@show",   # any label and URL
        "rss": False,                                   # no automatic RSS link
    }

Known services get their usual names; any other key is shown as written. The RSS link
to the site's own feed is added last, automatically, when the feed is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .urls import URLError, clean_url

#: service key -> the name shown (brand names: not translated)
SERVICES = {
    "apple": "Apple Podcasts",
    "spotify": "Spotify",
    "youtube": "YouTube",
    "pocketcasts": "Pocket Casts",
    "overcast": "Overcast",
    "rss": "RSS",
}


def check_subscribe(
    value: Any, bad: Callable[[str], None]
) -> tuple[tuple[tuple[str, str], ...], bool]:
    """((label, URL), …) and whether the automatic RSS link is wanted; *bad* is called
    with a message for each entry that is left out."""
    pairs = list(value.items()) if isinstance(value, dict) else list(value)
    links: list[tuple[str, str]] = []
    rss = True
    for pair in pairs:
        if not (isinstance(pair, list | tuple) and len(pair) == 2):
            bad(f"expected (service, URL) pairs, got {pair!r}; left out")
            continue
        key, url = pair
        if not isinstance(key, str) or not key.strip():
            bad(f"a service must be a non-empty string, got {key!r}; left out")
            continue
        label = SERVICES.get(key.strip().lower().replace(" ", ""), key.strip())
        if key.strip().lower() == "rss" and url in (False, None, ""):
            rss = False
            continue
        if not isinstance(url, str):
            bad(f"{key!r}: the link must be an http(s) URL, got {url!r}; left out")
            continue
        try:
            checked = clean_url(url)
        except URLError as error:
            bad(f"{key!r}: {error}; left out")
            continue
        if key.strip().lower() == "rss":
            rss = False  # the given feed URL replaces the automatic one
        links.append((label, checked))
    return tuple(links), rss
