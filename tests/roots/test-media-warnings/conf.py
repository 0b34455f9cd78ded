"""Media warnings scenario: one page per bad input (MyST, and one rST page)."""

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

podcast_speakers = {"sam": {"name": "Sam Host", "aliases": ["Sam"]}}
