# Test root "firstscreen": an episode page as full as the demo's (audio, YouTube and
# Spotify, automatic highlights, subscribe links, transcript downloads, previous and next
# episode, the guest's other episode, an outline) for measuring where its transcript starts.
project = "Field Recordings"
author = "Field Recordings"
copyright = "2025, Field Recordings"

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

podcast_speakers = {
    "mara": {"name": "Mara Lindqvist", "aliases": ["Mara"], "role": "host",
             "avatar": "_static/host.png"},
    "jonas": {"name": "Jonas Okafor", "aliases": ["Jonas"]},
    "ines": {"name": "Inês Carvalho", "aliases": ["Inês"]},
}

html_baseurl = "https://field.example.org/"
podcast_title = "Field Recordings"
podcast_description = "Conversations with people who record the sounds of places."
podcast_author = "Mara Lindqvist"
podcast_email = "mara@example.org"
podcast_category = ["Arts"]
podcast_language = "en"
suppress_warnings = ["podcast.feed"]  # no cover image: not what this root is about
podcast_subscribe = {
    "apple": "https://podcasts.apple.com/podcast/id1000000003",
    "spotify": "https://open.spotify.com/show/5xQ7p2LmN9rT1vW3yZ5bC9",
    "pocketcasts": "https://pca.st/fieldrecordings",
    "overcast": "https://overcast.fm/itunes1000000003",
}
