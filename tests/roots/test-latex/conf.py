# Test root "latex": what the LaTeX writer makes of an episode: header with
# media, outline, turns of three speakers, back links, profiles with a local
# and a remote avatar. Built offline: nothing may be downloaded.
project = "Tide Table"
author = "Tide Table team"
copyright = "2025, Tide Table team"
version = release = "1.0"

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

podcast_speakers = {
    "lena": {"name": "Lena Osei", "aliases": ["Lena"], "avatar": "img/lena.png"},
    "ben": {"name": "Ben Okafor", "aliases": ["Ben"], "avatar": "https://example.org/ben.png"},
    "rosa": {"name": "Rosa Lind", "aliases": ["Rosa"]},
}
