# Test root "basic": one MyST episode page with every turn syntax, a second
# episode without an outline, and a people page with speaker profiles.
project = "Harbour Signals"
author = "Harbour Signals team"
copyright = "2025, Harbour Signals team"
version = release = "1.0"

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_static_path = ["_static"]

# Michaël Durand is declared only by a speaker directive on people.md.
podcast_speakers = {
    "ada": {"name": "Ada Example", "aliases": ["Ada"]},
    "sam": {
        "name": "Sam Host",
        "aliases": ["Sam"],
        "url": "https://example.org/sam",
        "avatar": "_static/sam.png",
        "role": "host",
    },
}

# Fixed values so every builder (epub, man, texinfo) runs without warnings.
epub_copyright = copyright
epub_uid = "harbour-signals-test"
man_pages = [("index", "harbour-signals", "Harbour Signals", [author], 1)]
