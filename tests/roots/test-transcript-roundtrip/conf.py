# Test root "transcript-roundtrip": a timed episode whose exports are imported back.
project = "Harbour Signals"
extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

podcast_speakers = {
    "sam": {"name": "Sam Host", "aliases": ["Sam"]},
    "ada": {"name": "Ada Example", "aliases": ["Ada"]},
    "michael": {"name": "Michaël Durand", "aliases": ["Michaël"]},
}
