"""Sphinx configuration of the sphinx-podcast documentation and demo podcast site.

Build it with::

    sphinx-build -W -b html demo_docs demo_docs/_build/html
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Build against the package in this repository even when it is not installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# -- Project -------------------------------------------------------------------

project = "sphinx-podcast"
author = "sphinx-podcast developers"
copyright = "2025, sphinx-podcast developers"

from sphinx_podcast import __version__ as release  # noqa: E402

version = ".".join(release.split(".")[:2])

extensions = ["myst_parser", "sphinx_design", "sphinx_podcast"]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]

myst_enable_extensions = ["colon_fence", "deflist"]

# -- HTML ----------------------------------------------------------------------

html_theme = "furo"
html_title = "sphinx-podcast"
html_static_path = ["_static"]

# -- LaTeX / PDF ---------------------------------------------------------------

latex_elements = {
    # Sphinx titles the table of contents with the first toctree's caption
    # ("Open Workshop"); keep the usual title.
    "tableofcontents": r"\renewcommand{\contentsname}{Contents}\sphinxtableofcontents",
    # Long inline code such as referrerpolicy="strict-origin-when-cross-origin"
    # may break after its hyphens instead of running into the margin.
    "preamble": r"\renewcommand*{\sphinxhyphenininlineliteral}[1]{\mbox{-}\allowbreak}",
}

# -- sphinx-podcast ------------------------------------------------------------

# The people of "Open Workshop", the fictional podcast this site publishes.
# Keys are what you write in ``:hosts:``, ``:guests:`` and turns; so are names
# and aliases (case and accents do not matter).
podcast_speakers = {
    "sam": {
        "name": "Sam Host",
        "aliases": ["Sam"],
        "url": "https://example.org/sam",
        "avatar": "_static/avatars/sam.png",
        "role": "host",
        "bio": "Sam has hosted Open Workshop since its first episode.",
    },
    "priya": {
        "name": "Priya Raman",
        "aliases": ["Priya"],
        "role": "co-host",
    },
    "ada": {
        "name": "Ada Example",
        "aliases": ["Ada"],
        "url": "https://example.org/ada",
        "role": "guest",
        "bio": (
            "Ada Example maintains a small command-line tool for cleaning CSV files "
            "that, to her ongoing surprise, is now used by several national "
            "statistics offices."
        ),
    },
    "michael": {
        "name": "Michaël Durand",
        "aliases": ["Michaël", "Michael"],
        "url": "https://example.org/michael",
        "role": "guest",
        "bio": (
            "Michaël Durand works on text encodings and search at a public library "
            "network. He is, by necessity, an expert on what software does to the "
            "letter ë."
        ),
    },
    "lena": {
        "name": "Lena Osei",
        "aliases": ["Lena O."],
        "role": "guest",
        "bio": (
            "Lena Osei runs a community woodworking shop and a mailing list where "
            "people share jigs, templates and the scripts that generate them."
        ),
    },
}

# Speakers without a `speaker` directive (the guests) get a page each,
# generated into speakers/ (git-ignored).
# podcast_speaker_pages = True      (default)
# podcast_soundbites_auto = True    (default: an episode lists its highlights at the top)

# podcast_strict_speakers = True     (default: warn about bold names that are nobody)
# podcast_outline = "manual"         (default: every episode places its outline)
# podcast_backlink_symbol = "⬆"     (default)
# podcast_date_format = ""          (default: the language's own long date format)

# -- The podcast feed ----------------------------------------------------------
# See guide/feed.md and guide/hosting.md. The feed is written to feed.xml by the
# html and dirhtml builders; every URL in it starts with the site's base URL. On
# Read the Docs (.readthedocs.yaml) that is the canonical URL of the version being
# built, which Read the Docs passes in READTHEDOCS_CANONICAL_URL: the pages'
# canonical links (html_baseurl) and the feed then name the same addresses.

html_baseurl = os.environ.get(
    "READTHEDOCS_CANONICAL_URL", "https://sphinx-podcast.readthedocs.io/en/latest/"
)
# Every version (latest, stable, 1.0, ...) writes a feed at its own URL; they are
# one show, named by the podcast:guid of the feed we publish, the latest one's
# (sphinx_podcast.feed.podcast_guid of .../en/latest/feed.xml). Never change it.
podcast_guid = "fda8dedc-7ad6-5644-a41e-6ffceaca0d5b"

podcast_title = "Open Workshop"
podcast_description = (
    "Open Workshop is a fictional podcast about the tools, data and people that "
    "keep open projects going: the demo podcast of sphinx-podcast."
)
podcast_author = "Sam Host"
podcast_email = "podcast@example.org"
podcast_image = "_static/cover.png"  # 1400 x 1400 px; Apple wants 1400-3000, square
podcast_category = ["Technology"]
podcast_explicit = False
podcast_type = "episodic"
podcast_copyright = "2025 sphinx-podcast developers"
# podcast_base_url = ""     (default: READTHEDOCS_CANONICAL_URL, then html_baseurl)
# podcast_feed = "feed.xml" (False turns the feed off)
# podcast_feed_limit = None (all episodes)

# Where listeners can subscribe: shown on episode pages and episode lists. The RSS
# link to the feed above is added by itself. (These addresses are examples.)
podcast_subscribe = {
    "apple": "https://podcasts.apple.com/podcast/id1000000001",
    "spotify": "https://open.spotify.com/show/4xQ7p2LmN9rT1vW3yZ5bC8",
    "pocketcasts": "https://pca.st/openworkshop",
    "overcast": "https://overcast.fm/itunes1000000001",
}

suppress_warnings: list[str] = []
