# Test root "themes": one small show built in every supported theme (tests/test_themes.py
# sets html_theme and the theme's options). Eight speakers, one per speaker colour; two
# have avatars with transparent corners. The tests add media/tone.wav before building.
project = "Harbour Lights"
author = "Harbour Lights crew"
copyright = "2025, Harbour Lights crew"
version = release = "1.0"

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_static_path = ["_static"]

podcast_speakers = {
    "mara": {
        "name": "Mara Quist",
        "aliases": ["Mara"],
        "role": "host",
        "avatar": "_static/mara.png",
        "url": "https://example.org/mara",
        "bio": "Mara has kept the Harbour Lights log since the first broadcast.",
    },
    "teo": {"name": "Teo Brandt", "aliases": ["Teo"], "role": "co-host"},
    "ines": {"name": "Inês Calado", "aliases": ["Ines", "Inês"], "avatar": "_static/ines.png"},
    "olu": {"name": "Olu Adeyemi", "aliases": ["Olu"]},
    "kit": {"name": "Kit Saarinen", "aliases": ["Kit"]},
    "ravi": {"name": "Ravi Menon", "aliases": ["Ravi"]},
    "june": {"name": "June Okoro", "aliases": ["June"]},
    "bram": {"name": "Bram de Wit", "aliases": ["Bram"]},
}
