# Test root "feed-minimal": episodes with audio but no podcast_* feed values at all.
project = "Minimal Cast"
author = "Minimal Cast team"
copyright = "2025, Minimal Cast team"

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

podcast_speakers = {"kim": {"name": "Kim Vale", "aliases": ["Kim"]}}
