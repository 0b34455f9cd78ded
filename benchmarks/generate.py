"""Generate a synthetic podcast transcript site, twice: with sphinx-podcast and in plain MyST.

The same episodes (same titles, sections, speaker turns and words) are written into

``podcast/``
    ``extensions = ["myst_parser", "sphinx_podcast"]``: an ``episode`` directive, an
    ``outline`` directive and timed speaker turns ``**Ada** [00:12:34]: ...`` that the
    extension turns into structured data.

``plain/``
    ``extensions = ["myst_parser"]``: what people write by hand today -- a bullet list
    of metadata, a hand-written outline of anchor links and a ``[⬆](#outline)`` back
    link at the end of every section.

The text is made from a small invented word list with a seeded random generator, so a
given ``--seed`` always gives byte-identical sites, and an episode's content does not
depend on how many episodes are generated.

    python benchmarks/generate.py OUTDIR --episodes 200 --turns 300 --timed all
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_EPISODES = 200
DEFAULT_TURNS = 300
DEFAULT_SEED = 20260101
# which turns carry a time: "all" (how speech-to-text imports and aligned transcripts
# look) or "third" (every third turn and the first of every section)
TIMED_CHOICES = ("all", "third")
DEFAULT_TIMED = "all"

SITE_URL = "https://podcast.example.org/"
MEDIA_URL = "https://media.example.org/"

# key -> (display name, alias used in bold turns, role)
SPEAKERS: dict[str, tuple[str, str, str]] = {
    "sam": ("Sam Quill", "Sam", "host"),
    "noor": ("Noor Vatanen", "Noor", "host"),
    "ada": ("Ada Brightwater", "Ada", "guest"),
    "lin": ("Lin Okafor", "Lin", "guest"),
}

WORDS = (  # noqa: SIM905
    "about above after again also always answer around asked before began being better "
    "between bring build built called came change choose clear close code could count "
    "data dataset decide deep design did different doing done early easy else enough "
    "every example fast few field find first follow found free friend gave given good "
    "great group grow half hand happen hard help here high hold idea include keep kind "
    "know large last later learn left less light little long look made make many maybe "
    "mean method might model more most move much must near need never next often open "
    "order other paper part people place plan point problem project question quite "
    "rather read real reason result right round same saw second seem show side simple "
    "small some something soon start still story such support sure system take team "
    "tell than that then there these thing think those thought time today together took "
    "tool toward tried true turn under until used useful very want week well went what "
    "when where which while whole why with work world would write wrote year yes young"
).split()

TITLE_WORDS = (  # noqa: SIM905
    "archive signal harbor lantern orbit meadow circuit compass garden ledger river "
    "beacon canvas thread summit window engine bridge kernel pattern forest mirror "
    "puzzle anchor voyage season craft method origin future tooling funding licence "
    "community review scale benchmark release roadmap volunteers mentors standards"
).split()


@dataclass
class Turn:
    speaker: str  # key
    text: str
    time: int | None  # seconds from the start, or None when untimed
    continuation: str | None = None  # an unprefixed paragraph that continues the turn


@dataclass
class Section:
    title: str
    level: int  # 2 for ``##``, 3 for ``###``
    turns: list[Turn] = field(default_factory=list)


@dataclass
class Episode:
    number: int
    title: str
    date: dt.date
    duration: int  # seconds
    hosts: list[str]
    guests: list[str]
    summary: str
    sections: list[Section]


def slugify(title: str) -> str:
    """The anchor MyST gives a heading (``myst_heading_anchors``) for our plain titles."""
    return re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")


def hms(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def duration_str(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    if hours:
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return f"{rest // 60:02d}:{rest % 60:02d}"


def sentence(rng: random.Random, low: int = 6, high: int = 18) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice(".....?!")


def paragraph(rng: random.Random, low: int = 1, high: int = 4) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(low, high)))


def title(rng: random.Random, used: set[str]) -> str:
    while True:
        words = rng.sample(TITLE_WORDS, rng.randint(2, 3)) + rng.sample(WORDS, rng.randint(1, 3))
        rng.shuffle(words)
        text = " ".join(w.capitalize() for w in words)
        if slugify(text) not in used and slugify(text) != "outline":
            used.add(slugify(text))
            return text


def make_episode(number: int, turns: int, seed: int, timed: str = DEFAULT_TIMED) -> Episode:
    """One episode; its content depends only on (number, turns, seed, timed).

    ``timed`` decides only which turns show their time: the words, speakers and times
    are the same either way."""
    rng = random.Random(f"{seed}-{number}")
    hosts = ["sam", "noor"] if rng.random() < 0.4 else ["sam"]
    guests = [rng.choice(["ada", "lin"])]
    people = hosts + guests
    used: set[str] = set()

    # split the turns into sections of about 25 turns, some with subsections
    sections: list[Section] = []
    left = turns
    while left > 0:
        size = min(left, rng.randint(20, 30))
        if left - size < 8:  # no tiny last section
            size = left
        left -= size
        if size >= 16 and rng.random() < 0.4:
            intro = rng.randint(3, 8)
            parts = [intro, (size - intro) // 2, size - intro - (size - intro) // 2]
            sections.append(Section(title(rng, used), 2, [Turn("", "", None)] * parts[0]))
            for part in parts[1:]:
                sections.append(Section(title(rng, used), 3, [Turn("", "", None)] * part))
        else:
            sections.append(Section(title(rng, used), 2, [Turn("", "", None)] * size))

    # fill in the turns: alternating speakers, times increasing; every turn timed, or
    # every 3rd turn and the first turn of every section
    clock = rng.randint(3, 20)
    previous = ""
    index = 0
    for section in sections:
        filled = []
        for position in range(len(section.turns)):
            speaker = rng.choice([p for p in people if p != previous])
            previous = speaker
            text = paragraph(rng)
            continuation = paragraph(rng, 1, 2) if rng.random() < 0.12 else None
            shown = timed == "all" or position == 0 or index % 3 == 0
            filled.append(Turn(speaker, text, clock if shown else None, continuation))
            words = len(text.split()) + (len(continuation.split()) if continuation else 0)
            clock += max(2, int(words * 0.4) + rng.randint(0, 6))
            index += 1
        section.turns = filled

    return Episode(
        number=number,
        title=f"{SPEAKERS[guests[0]][0]} on {title(rng, used)}",
        date=dt.date(2020, 1, 6) + dt.timedelta(weeks=number - 1),
        duration=clock + rng.randint(20, 90),
        hosts=hosts,
        guests=guests,
        summary=paragraph(rng, 2, 3),
        sections=sections,
    )


def turn_lines(turn: Turn) -> list[str]:
    """A turn as its paragraphs; identical in both sites."""
    alias = SPEAKERS[turn.speaker][1]
    time = f" [{hms(turn.time)}]" if turn.time is not None else ""
    lines = [f"**{alias}**{time}: {turn.text}", ""]
    if turn.continuation:
        lines += [turn.continuation, ""]
    return lines


def audio_url(episode: Episode) -> str:
    return f"{MEDIA_URL}ep{episode.number:04d}.mp3"


def audio_bytes(episode: Episode) -> int:
    return episode.duration * 16_000  # 128 kbit/s


def podcast_page(episode: Episode) -> str:
    lines = [
        f"# {episode.title}",
        "",
        ":::{episode}",
        f":number: {episode.number}",
        f":date: {episode.date.isoformat()}",
        f":duration: {duration_str(episode.duration)}",
        f":hosts: {', '.join(episode.hosts)}",
        f":guests: {', '.join(episode.guests)}",
        f":audio: {audio_url(episode)}",
        f":audio-length: {audio_bytes(episode)}",
        "",
        episode.summary,
        ":::",
        "",
        ":::{outline}",
        ":::",
        "",
    ]
    for section in episode.sections:
        lines += ["#" * section.level + " " + section.title, ""]
        for turn in section.turns:
            lines += turn_lines(turn)
    return "\n".join(lines)


def plain_page(episode: Episode) -> str:
    def names(keys: list[str]) -> str:
        return ", ".join(SPEAKERS[key][0] for key in keys)

    lines = [
        f"# {episode.title}",
        "",
        f"- **Episode:** {episode.number}",
        f"- **Date:** {episode.date.isoformat()}",
        f"- **Duration:** {duration_str(episode.duration)}",
        f"- **Hosts:** {names(episode.hosts)}",
        f"- **Guests:** {names(episode.guests)}",
        f"- **Audio:** <{audio_url(episode)}>",
        "",
        episode.summary,
        "",
        "(outline)=",
        "**Outline**",
        "",
    ]
    for section in episode.sections:
        indent = "  " * (section.level - 2)
        lines.append(f"{indent}- [{section.title}](#{slugify(section.title)})")
    lines.append("")
    for section in episode.sections:
        lines += ["#" * section.level + " " + section.title, ""]
        for turn in section.turns:
            lines += turn_lines(turn)
        lines += ["[⬆](#outline)", ""]
    return "\n".join(lines)


def index_page(episodes: list[Episode]) -> str:
    lines = [
        "# Synthetic Podcast",
        "",
        "A generated site for benchmarking sphinx-podcast.",
        "",
        "```{toctree}",
        ":maxdepth: 1",
        "",
    ]
    lines += [f"episodes/ep{episode.number:04d}" for episode in episodes]
    lines += ["```", ""]
    return "\n".join(lines)


def podcast_conf() -> str:
    lines = [
        '"""Benchmark site: with sphinx-podcast (generated by benchmarks/generate.py)."""',
        "",
        'project = "Synthetic Podcast"',
        'extensions = ["myst_parser", "sphinx_podcast"]',
        'myst_enable_extensions = ["colon_fence"]',
        'exclude_patterns = ["_build"]',
        # the feed: every episode has its audio (an https URL and its size)
        f"podcast_base_url = {SITE_URL!r}",
        'podcast_description = "A generated show for benchmarking sphinx-podcast."',
        'podcast_author = "Sam Quill"',
        'podcast_category = ["Technology"]',
        'podcast_image = "https://media.example.org/cover.png"',
        "podcast_speakers = {",
    ]
    for key, (name, alias, role) in SPEAKERS.items():
        entry = {"name": name, "aliases": [alias], "role": role}
        lines.append(f"    {key!r}: {entry!r},")
    lines += ["}", ""]
    return "\n".join(lines)


def plain_conf() -> str:
    return "\n".join(
        [
            '"""Benchmark site: plain MyST (generated by benchmarks/generate.py)."""',
            "",
            'project = "Synthetic Podcast"',
            'extensions = ["myst_parser"]',
            'myst_enable_extensions = ["colon_fence"]',
            'exclude_patterns = ["_build"]',
            "myst_heading_anchors = 3",
            "",
        ]
    )


def write_site(root: Path, conf: str, index: str, pages: dict[str, str]) -> None:
    if root.exists():
        shutil.rmtree(root)
    (root / "episodes").mkdir(parents=True)
    (root / "conf.py").write_text(conf, encoding="utf-8")
    (root / "index.md").write_text(index, encoding="utf-8")
    for name, text in pages.items():
        (root / "episodes" / f"{name}.md").write_text(text, encoding="utf-8")


def generate(
    outdir: Path,
    episodes: int = DEFAULT_EPISODES,
    turns: int = DEFAULT_TURNS,
    seed: int = DEFAULT_SEED,
    timed: str = DEFAULT_TIMED,
) -> tuple[Path, Path]:
    """Write ``outdir/podcast`` and ``outdir/plain``; return both paths."""
    if timed not in TIMED_CHOICES:
        raise ValueError(f"timed must be one of {TIMED_CHOICES}, not {timed!r}")
    eps = [make_episode(number, turns, seed, timed) for number in range(1, episodes + 1)]
    index = index_page(eps)
    podcast, plain = outdir / "podcast", outdir / "plain"
    write_site(podcast, podcast_conf(), index, {f"ep{e.number:04d}": podcast_page(e) for e in eps})
    write_site(plain, plain_conf(), index, {f"ep{e.number:04d}": plain_page(e) for e in eps})
    return podcast, plain


def add_timed_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timed",
        choices=TIMED_CHOICES,
        default=DEFAULT_TIMED,
        help="which turns carry a time: 'all' (default) or 'third' (every third turn "
        "and the first of every section)",
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path, help="writes OUTDIR/podcast and OUTDIR/plain")
    parser.add_argument("--episodes", type=int, default=DEFAULT_EPISODES)
    parser.add_argument("--turns", type=int, default=DEFAULT_TURNS, help="turns per episode")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    add_timed_argument(parser)
    args = parser.parse_args(argv)
    podcast, plain = generate(args.outdir, args.episodes, args.turns, args.seed, args.timed)
    print(
        f"wrote {podcast} and {plain}: {args.episodes} episodes x {args.turns} turns, "
        f"{args.timed} timed"
    )


if __name__ == "__main__":
    main()
