"""Config scenario: podcast_strict_speakers of the wrong type (a string)."""

extensions = ["sphinx_podcast"]
exclude_patterns = ["_build"]

podcast_speakers = {
    "sam": {"name": "Sam Host", "aliases": ["Sam"]},
}
podcast_strict_speakers = "yes"
