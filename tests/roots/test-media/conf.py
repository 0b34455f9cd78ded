# Test root "media": an episode with a local audio file, YouTube and Spotify, and a page
# of standalone embeds (MyST and rST). The tests generate media/tone.wav and
# media/clip.webm before building (see tests/test_media.py).
project = "Media Test"
author = "Media Test"
copyright = "2025, Media Test"

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

podcast_speakers = {
    "sam": {"name": "Sam Host", "aliases": ["Sam"], "role": "host"},
    "ada": {"name": "Ada Example", "aliases": ["Ada"]},
}

epub_copyright = copyright
epub_uid = "media-test"
man_pages = [("index", "media-test", "Media Test", [author], 1)]
latex_documents = [("index", "media-test.tex", "Media Test", author, "manual")]
