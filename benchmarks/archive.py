"""Generate a synthetic Jekyll archive of a long-running show, for ``sphinx-podcast import``.

The shape of the big public archives people import: one Markdown post per episode
under ``_posts/``, YAML front matter (``title``, ``date``, ``permalink``), turns
written ``**Full Name:** text`` with the colon inside the bold, the same few hosts
in every episode and one or two guests each (most of them new, some returning),
``**Break:**``-style markers alone in their paragraph, and now and then a link to
an earlier episode's old address. The words are invented (a seeded generator), so
a given seed always gives the same archive, and an episode's text does not depend
on how many episodes are generated.

    python benchmarks/archive.py OUTDIR --episodes 2000 --turns 120
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SEED = 20260317
HOSTS = ("Marit Okonkwo-Lind", "Teodor Vashti", "Ilse Brannagan")
"""The hosts: the first speaks in every episode, the others in most."""

# syllables for invented first and last names (several thousand distinct full names)
_FIRST = ("Ar", "Bel", "Cas", "Dor", "El", "Fen", "Gil", "Hal", "Ish", "Jor", "Kai", "Lor")
_FIRST_END = ("a", "en", "is", "o", "wyn", "ia", "an", "et", "ric", "elle", "ius", "ey")
_LAST = ("Ash", "Brock", "Cald", "Dun", "Ever", "Fair", "Gold", "Hart", "Iron", "Kirk")
_LAST_END = ("ford", "well", "wood", "by", "ton", "mere", "stone", "field", "more", "ham")
_WORDS = (  # noqa: SIM905
    "tide lantern ferry quarry signal ledger orchard pylon beacon cistern glacier "
    "harvest kiln loom meridian nectar outpost parcel quill relay saddle timber "
    "valley wharf yarrow zenith the a of and to in is that it we you they was for "
    "on with as at by from this but not what all were when can there which"
).split()
MARKERS = ("**Break:**", "**Music:**", "**Ad:**", "**Break:**")
"""Markers alone in their paragraph: a moment of the recording, nobody's turn."""


def invented_name(index: int) -> str:
    """The *index*-th invented full name: distinct for the first 14,400 indexes."""
    spread = index * 7919 % 14400  # 7919 is prime to 14,400: a shuffle, no repeats
    first, last = divmod(spread, 100)
    given = _FIRST[first // 12] + _FIRST_END[first % 12]
    family = _LAST[last // 10] + _LAST_END[last % 10]
    return f"{given} {family}"


def sentence(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(7, 20))
    return words[0].capitalize() + " " + " ".join(words[1:]) + rng.choice("...?!")


@dataclass
class Post:
    number: int
    name: str  # file name under _posts/
    permalink: str
    text: str


def guests_for(number: int, seed: int, earlier: list[str]) -> list[str]:
    """One or two guests: usually new names, sometimes an earlier guest returning."""
    rng = random.Random(f"{seed}-guests-{number}")
    guests: list[str] = []
    for second in range(1 if rng.random() < 0.7 else 2):
        if earlier and rng.random() < 0.15:
            guests.append(rng.choice(earlier))
        else:
            guests.append(invented_name(2 * number + second))
    return list(dict.fromkeys(guests))


def make_post(number: int, turns: int, seed: int, guests: list[str]) -> Post:
    rng = random.Random(f"{seed}-{number}")
    date = dt.date(2012, 1, 2) + dt.timedelta(days=3 * (number - 1))
    slug = f"episode-{number}"
    topic = " ".join(w.capitalize() for w in rng.sample(_WORDS[:23], 2))
    hosts = [HOSTS[0]] + [h for h in HOSTS[1:] if rng.random() < 0.6]
    people = hosts + guests
    lines = [
        "---",
        "layout: post",
        f'title: "{" and ".join(guests)} on {topic}"',
        f"date: {date.isoformat()}",
        f"permalink: /episodes/{slug}/",
        "---",
        "",
        f"{guests[0]} joins {hosts[0]} to talk about {topic.lower()}. {sentence(rng)}",
        "",
    ]
    previous = ""
    for index in range(turns):
        if index and index % 40 == 0:
            lines += [f"## Part {index // 40 + 1}", ""]
        if index and rng.random() < 0.02:
            lines += [rng.choice(MARKERS), ""]
        speaker = rng.choice([p for p in people if p != previous])
        previous = speaker
        text = " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))
        if number > 1 and rng.random() < 0.01:
            earlier = rng.randint(1, number - 1)
            text += f" We covered that [in episode {earlier}](/episodes/episode-{earlier}/)."
        lines += [f"**{speaker}:** {text}", ""]
        if rng.random() < 0.08:
            lines += [" ".join(sentence(rng) for _ in range(rng.randint(1, 3))), ""]
    return Post(number, f"{date.isoformat()}-{slug}.md", f"/episodes/{slug}/", "\n".join(lines))


def generate(outdir: Path, episodes: int, turns: int, seed: int = DEFAULT_SEED) -> Path:
    """Write ``outdir/_posts/*.md`` (and ``_config.yml``); return the posts folder."""
    if outdir.exists():
        shutil.rmtree(outdir)
    posts = outdir / "_posts"
    posts.mkdir(parents=True)
    (outdir / "_config.yml").write_text("title: An Invented Show\npermalink: pretty\n")
    earlier: list[str] = []
    for number in range(1, episodes + 1):
        guests = guests_for(number, seed, earlier)
        earlier.extend(g for g in guests if g not in earlier)
        post = make_post(number, turns, seed, guests)
        (posts / post.name).write_text(post.text, encoding="utf-8")
    return posts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--episodes", type=int, default=200)
    parser.add_argument("--turns", type=int, default=120, help="turns per episode")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    posts = generate(args.outdir, args.episodes, args.turns, args.seed)
    print(f"wrote {args.episodes} posts x {args.turns} turns to {posts}")


if __name__ == "__main__":
    main()
