# Test root "feed": a podcast feed with a local and a remote audio file, an episode
# without audio (left out with a warning), exports from timed and untimed transcripts.
# The tests write media/*.mp3 and cover.png (1400 x 1400 px) into a copy before building.
project = "Quiet Workbench"
author = "Quiet Workbench crew"
copyright = "2025, Quiet Workbench crew"

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_static_path = ["_static"]

podcast_speakers = {
    "rosa": {
        "name": "Rosa Lind",
        "aliases": ["Rosa"],
        "url": "https://example.org/rosa",
        "avatar": "_static/rosa.png",
        "role": "host",
    },
    "ben": {"name": "Ben Okafor & Sons", "aliases": ["Ben"]},
}

podcast_title = "Quiet Workbench"
podcast_description = "Conversations about slow, careful making & mending."
podcast_author = "Rosa Lind"
podcast_email = "rosa@example.org"
podcast_image = "cover.png"
podcast_language = "en-GB"
podcast_category = ["Leisure", "Crafts"]
podcast_explicit = False
podcast_type = "episodic"
podcast_copyright = "2025 Quiet Workbench crew"
podcast_base_url = "https://podcast.example.org/workbench"

epub_copyright = copyright
epub_uid = "quiet-workbench-test"
man_pages = [("index", "quiet-workbench", "Quiet Workbench", [author], 1)]
latex_documents = [("index", "quiet-workbench.tex", "Quiet Workbench", author, "manual")]
