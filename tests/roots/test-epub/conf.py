# Test root "epub": what an e-book reader gets, checked with the W3C EPUBCheck
# (tests/test_epub.py): an episode with players, an outline, timed and untimed
# turns, highlights, a host with a profile, a guest whose name is written right
# to left and a guest with a generated page. Built offline.
project = "Harbour Notes"
author = "Harbour Notes team"
copyright = "2025, Harbour Notes team"
version = release = "1.0"

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

podcast_speakers = {
    "lena": {"name": "Lena Osei", "aliases": ["Lena"], "role": "host"},
    "noa": {"name": "נועה לוי", "aliases": ["Noa"], "bio": "Noa keeps the harbour's archive."},
    "ben": {"name": "Ben Okafor", "aliases": ["Ben"], "bio": "Ben keeps the tide gauge."},
}

epub_copyright = copyright
