# Test root "xref": the speaker, episode and t roles in MyST and rST, from the
# top level and from a subdirectory, resolved by the podcast domain.
project = "Quayside Radio"
author = "Quayside Radio crew"
copyright = "2025, Quayside Radio crew"
version = release = "1.0"

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

# ada has a profile on people.md; sam only has a url; kim has neither.
podcast_speakers = {
    "ada": {"name": "Ada Lindqvist", "aliases": ["Ada"]},
    "sam": {"name": "Sam Okafor", "aliases": ["Sam"], "url": "https://example.org/sam"},
    "kim": {"name": "Kim Tarrant", "aliases": ["Kim"]},
}
