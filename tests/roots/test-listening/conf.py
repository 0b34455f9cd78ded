# Test root "listening": the player, its sources and the transcript in a browser.
# An episode with audio, YouTube, Vimeo and Spotify and a long transcript whose first
# turns have no time; an episode with videos only; one without any player.
# The tests write media/tone.wav (150 s of silence) into a copy before building.
project = "Harbour Notes"
author = "Harbour Notes"
copyright = "2025, Harbour Notes"

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_static_path = ["_static"]

podcast_speakers = {
    "noor": {"name": "Noor Haddad", "aliases": ["Noor"], "role": "host",
             "avatar": "_static/noor.png"},
    "ilse": {"name": "Ilse Brandt", "aliases": ["Ilse"]},
    "tom": {"name": "Tom Ó Briain", "aliases": ["Tom"]},
}

html_baseurl = "https://harbour.example.org/"
podcast_title = "Harbour Notes"
podcast_description = "Short conversations about small harbours."
podcast_author = "Noor Haddad"
podcast_email = "noor@example.org"
podcast_category = ["Leisure"]
podcast_language = "en"
# two episodes have no audio file and the cover is left out: not what these tests are about
suppress_warnings = ["podcast.no_audio", "podcast.feed"]

podcast_subscribe = {
    "apple": "https://podcasts.apple.com/podcast/id1000000002",
    "Mastodon": "https://social.example/@harbour",
}
