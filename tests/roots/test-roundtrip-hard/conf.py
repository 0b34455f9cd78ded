# Test root "roundtrip-hard" (issue 16): what a page's own transcript files used to lose
# when imported again: consecutive turns of one speaker, names with a period or an
# ampersand, literal tags in the text.
project = "Round trips"
extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

podcast_speakers = {
    "who": {"name": "Dr. Who"},
    "pair": {"name": "A & B"},
}
