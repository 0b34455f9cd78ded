# Test root "crosspage": pages that show other pages' data (lists, profiles,
# previous/next, guests' other episodes, role texts), for incremental and -j builds.
project = "Slipway Sessions"
author = "Slipway Sessions crew"
copyright = "2025, Slipway Sessions crew"
version = release = "1.0"

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

# rui is declared only by a speaker directive on people.md.
podcast_speakers = {
    "sam": {"name": "Sam Okafor", "aliases": ["Sam"], "role": "host"},
    "ada": {"name": "Ada Lindqvist", "aliases": ["Ada"]},
    "bo": {"name": "Bo Marsh", "aliases": ["Bo"]},
    "kim": {"name": "Kim Tarrant", "aliases": ["Kim"]},
}
