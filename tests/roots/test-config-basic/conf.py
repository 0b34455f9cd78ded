"""Config scenario: valid podcast_* values (tests override them with wrong ones)."""

extensions = ["sphinx_podcast"]
exclude_patterns = ["_build"]

podcast_speakers = {
    "sam": {"name": "Sam Host", "aliases": ["Sam"], "role": "host"},
    "ada": {"name": "Ada Example", "aliases": ["Ada"]},
}
