"""Config scenario: wrong values written in conf.py itself (warnings point at their lines)."""

extensions = ["sphinx_podcast"]
exclude_patterns = ["_build"]

podcast_speakers = {
    "sam": {"name": "Sam Host", "aliases": ["Sam"]},
    "ada": 42,
    "michael": {"name": "Michaël Durand", "url": "not a url"},
}
podcast_outline = "sometimes"
podcast_date_format = ["%Y"]
