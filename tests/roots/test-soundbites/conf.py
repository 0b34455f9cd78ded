# Test root "soundbites": highlights in every form (a directive after a turn and in
# a turn directive, the role, a highlights section with :time:, :turn: and the text
# only), site lists, speaker pages, the feed and moments linked with {turn} and {t}.
project = "Grain Stories"
author = "Grain Stories crew"
copyright = "2025, Grain Stories crew"
version = release = "1.0"

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_baseurl = "https://grain.example.org/"
podcast_title = "Grain Stories"
podcast_description = "Stories about grain."
podcast_author = "Grain Stories crew"
podcast_email = "crew@example.org"
podcast_image = "https://grain.example.org/cover.png"
podcast_category = ["Technology"]
podcast_language = "en"

podcast_speakers = {
    "sam": {"name": "Sam Reed", "aliases": ["Sam"], "role": "host"},
    "ada": {"name": "Ada Miller", "aliases": ["Ada"]},
    "tove": {"name": "Tove Berg", "aliases": ["Tove"]},
}
