"""Warnings scenario, reStructuredText pages: one page per bad input."""

extensions = ["sphinx_podcast"]
exclude_patterns = ["_build"]

podcast_speakers = {
    "sam": {"name": "Sam Host", "aliases": ["Sam"], "role": "host"},
    "ada": {"name": "Ada Example", "aliases": ["Ada"]},
    "michael": {"name": "Michaël Durand"},
}
