# Test root "hostile-builder": builders sphinx-podcast did not foresee
# (see unforeseen_builders.py).
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = "Unforeseen"
author = "Unforeseen team"
copyright = "2025, Unforeseen team"
version = release = "1.0"
extensions = ["myst_parser", "sphinx_podcast", "unforeseen_builders"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
epub_copyright = copyright
epub_uid = "unforeseen-test"

podcast_speakers = {
    "ada": {"name": "Ada Example", "aliases": ["Ada"], "avatar": "https://example.org/ada.png"},
    "sam": {"name": "Sam Host", "aliases": ["Sam"]},
}
