"""Warnings scenario, MyST pages: one page per bad input."""

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

podcast_speakers = {
    "sam": {"name": "Sam Host", "aliases": ["Sam"], "role": "host"},
    "ada": {"name": "Ada Example", "aliases": ["Ada"]},
    "michael": {"name": "Michaël Durand"},
}
