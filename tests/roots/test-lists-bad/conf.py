# Test root "lists-bad": episode-list options that cannot be used.
project = "Breakwater Hour"
extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

podcast_speakers = {"ada": {"name": "Ada Lindqvist", "aliases": ["Ada"]}}
