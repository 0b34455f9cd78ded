# Test root "lists": five episodes with categories, tags, a cover image and a
# speaker who only talks in turns; one episode-list per page, one per option.
project = "Breakwater Hour"
author = "Breakwater Hour crew"
copyright = "2025, Breakwater Hour crew"
version = release = "1.0"

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

# cyd is declared only by a speaker directive on people.md.
podcast_speakers = {
    "sam": {"name": "Sam Okafor", "aliases": ["Sam"], "role": "host"},
    "ada": {"name": "Ada Lindqvist", "aliases": ["Ada"]},
    "bo": {"name": "Bo Marsh", "aliases": ["Bo"]},
}
