# Test root "speakerpages": speakers declared in conf.py get generated pages (nia,
# oskar, whose name needs escaping), pim has a profile on people.md instead.
project = "Tideline"
author = "Tideline crew"
copyright = "2025, Tideline crew"
version = release = "1.0"

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_static_path = ["_static"]

podcast_speakers = {
    "nia": {
        "name": "Nia Castell",
        "aliases": ["Nia"],
        "role": "host",
        "url": "https://example.org/nia",
        "avatar": "_static/nia.png",
        "bio": "Nia presents Tideline from a boathouse.",
    },
    "oskar": {"name": "Oskar *Vane* & Co", "aliases": ["Oskar"]},
    "pim": {"name": "Pim Rook", "aliases": ["Pim"]},
}
