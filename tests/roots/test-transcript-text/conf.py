# Test root "transcript-text": turns whose text is hard to take out of a doctree
# (rST backslash escapes, lists, code, quotes, footnotes, math, substitutions) in MyST
# and reStructuredText; test_transcript_text.py compares every export with the page.
project = "Loose Threads"
author = "Loose Threads crew"
copyright = "2025, Loose Threads crew"

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence", "dollarmath", "deflist", "substitution"]
myst_substitutions = {"tool": "the bench-grinder"}
exclude_patterns = ["_build"]
language = "en"

podcast_speakers = {
    "mira": {"name": "Mira Castellanos-Whitfield", "aliases": ["Mira"], "role": "host"},
    "theo": {"name": "Theo", "aliases": ["T"]},
    "long": {
        "name": "Professor Emerita Dr. Anneliese Featherstonehaugh-Brightwater",
        "aliases": ["Anneliese"],
    },
}
podcast_base_url = "https://threads.example.org/"

rst_prolog = """
.. |tool| replace:: the *bench*-grinder
"""
podcast_description = "Sewing, mending and the words for it."
podcast_image = "https://threads.example.org/cover.png"
podcast_category = "Leisure"
