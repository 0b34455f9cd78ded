"""Sphinx configuration of the sphinx-podcast documentation and demo podcast site.

Build it with::

    sphinx-build -W -b html demo_docs demo_docs/_build/html
"""

from __future__ import annotations

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
    },
    "michael": {
        "name": "Michaël Durand",
        "aliases": ["Michaël", "Michael"],
    },
    # A plain string is the speaker's name.
    "lena": "Lena Osei",
}

# podcast_strict_speakers = False    (default: unknown bold names stay bold text)
# podcast_outline = "manual"         (default: every episode places its outline)
# podcast_backlink_symbol = "⬆"     (default)
# podcast_date_format = "%B %-d, %Y" (default)

suppress_warnings: list[str] = []
