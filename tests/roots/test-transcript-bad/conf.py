# Test root "transcript-bad": every way a transcript file can be wrong, one page each.
project = "Bad transcripts"
extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build", "files"]
podcast_speakers = {"sam": "Sam Host", "ada": "Ada Example"}
