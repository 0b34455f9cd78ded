# Test root "i18n": a small show built in German and Japanese (language is set by
# the tests). locales/de holds the project's own translations: of its pages
# (episodes.po, people.po) and of two of sphinx-podcast's labels (sphinx_podcast.po).
project = "Harbour Radio"
author = "Harbour Radio crew"
copyright = "2025, Harbour Radio crew"
version = release = "1.0"

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
locale_dirs = ["locales"]

podcast_speakers = {
    "sam": {"name": "Sam Okafor", "aliases": ["Sam"]},
    "ada": {"name": "Ada Lindqvist", "aliases": ["Ada"]},
    "bo": {"name": "Bo Marsh", "aliases": ["Bo"]},
}
