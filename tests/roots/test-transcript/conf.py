# Test root "transcript": episodes whose turns come from caption files.
project = "Harbour Signals"
extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

podcast_speakers = {
    "sam": {"name": "Sam Host", "aliases": ["Sam"]},
    "ada": {"name": "Ada Example", "aliases": ["Ada"]},
}
