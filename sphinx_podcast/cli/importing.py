"""``sphinx-podcast import``: transcripts and posts → MyST episode pages and ``speakers.md``."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from .. import formats
from ..importers import (
    Imported,
    InputError,
    Options,
    SiteMap,
    SpeakerFile,
    convert,
    read_text,
    scan_site,
)
from ..importers.textfile import decode, read_bytes
from ..writing import TextStyle, clean_stale_temporaries_in
from .layout import index_pages
from .report import UNFORESEEN, Reporter, UsageError, limit, reason, where, write_or_show

SOURCE_SUFFIXES = (".md", ".markdown", ".vtt", ".srt", ".sbv", ".json")
CONF_PY = """\
# A minimal Sphinx configuration for the pages sphinx-podcast imported.
import json
from pathlib import Path

project = "Podcast"
extensions = ["myst_parser", "sphinx_podcast"]
myst_heading_anchors = 6  # links to headings (page.md#section-title), as in the old posts
exclude_patterns = ["_build"]

# The old addresses of the posts (permalink, redirect_from) lead to their new pages:
# sphinx-reredirects writes a redirect page for each (pip install sphinx-reredirects).
_redirects = Path(__file__).with_name("redirects.json")
if _redirects.is_file():
    redirects = json.loads(_redirects.read_text(encoding="utf-8"))
    try:
        import sphinx_reredirects  # noqa: F401
    except ImportError:
        print("redirects.json: install sphinx-reredirects to keep the old addresses working")
    else:
        extensions.append("sphinx_reredirects")
"""


def _speaker_option(values: Sequence[str]) -> tuple[dict[str, str], str]:
    """``LABEL=NAME`` renames; a bare ``NAME`` is the speaker of cues that name nobody."""
    renames: dict[str, str] = {}
    default = ""
    for value in values:
        label, sep, name = value.partition("=")
        if sep:
            label, name = label.strip(), name.strip().strip("\"'")
            if not label or not name:
                raise UsageError(f"--speaker {value!r}: expected LABEL=NAME")
            renames[label] = name
        elif value.strip():
            if default:
                raise UsageError("--speaker NAME (without LABEL=) can be given once")
            default = value.strip().strip("\"'")
    return renames, default


def _sources(paths: Sequence[str], reporter: Reporter, out_dir: Path) -> Iterator[Path]:
    output = out_dir.resolve()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SOURCE_SUFFIXES
                and not p.name.lower().endswith(".chapters.json")
                and not p.name.startswith(".")
                and not p.resolve().is_relative_to(output)  # pages written earlier
            )
            if not found:
                reporter.error(f"{raw}: no transcripts in this directory")
            yield from found
        else:
            yield path


def _output_name(source: Path) -> str:
    name = source.name
    for suffix in (".chapters.json",):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    for extra in (".transcript", ".captions", ".subtitles"):
        if stem.lower().endswith(extra):
            stem = stem[: -len(extra)]
    return f"{stem}.md"


def _chapters_for(source: Path, reporter: Reporter, limit: int) -> list[formats.Chapter]:
    stem = source.name.rsplit(".", 1)[0]
    candidate = source.with_name(f"{stem}.chapters.json")
    if not candidate.is_file():
        return []
    try:
        chapters = formats.read_chapters(
            read_text(candidate, str(candidate), limit=limit), filename=str(candidate)
        )
    except InputError as error:
        reporter.warning(f"{error}; chapters not used")
        return []
    except formats.FormatError as error:
        reporter.warning(f"{error.located(str(candidate))}; chapters not used")
        return []
    reporter.info(f"{source}: chapters from {candidate}")
    return chapters


def _show_notes(reporter: Reporter, source: str, page: Imported) -> None:
    for note in page.notes:
        message = f"{where(source, note.line)}: {note.message}"
        if note.level == "warning":
            reporter.warning(message)
        else:
            reporter.info(message)


def run_import(args: argparse.Namespace, reporter: Reporter) -> int:
    renames, default_speaker = _speaker_option(args.speaker)
    options = Options(
        speakers=renames,
        default_speaker=default_speaker,
        hosts=tuple(args.host),
        title=args.title or "",
        whole_seconds=args.whole_seconds,
    )
    out_dir = Path(args.output)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"-o {args.output}: not a directory")
    if not args.dry_run:
        try:  # before converting anything: an output that cannot be made is one error
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            reporter.error(f"-o {args.output}: cannot create the directory: {reason(error)}")
            return 1
    sources = list(_sources(args.sources, reporter, out_dir))
    if args.title and len(sources) > 1:
        raise UsageError("--title is for one source at a time")
    # the old addresses of every post, so that links between them become links between pages
    site = scan_site(sources, args.site_url or "", lambda p: _output_name(p)[: -len(".md")])

    rst_speakers = out_dir / "speakers.rst"
    speakers_path = rst_speakers if rst_speakers.is_file() else out_dir / "speakers.md"
    existing = ""
    speakers_style = TextStyle()
    if speakers_path.is_file():
        try:
            data = read_bytes(speakers_path, limit=limit(args))
            existing = decode(data, str(speakers_path))
        except InputError as error:
            reporter.error(f"{error} (the speakers file is left as it is)")
            return 1
        speakers_style = TextStyle.of(data)  # its line endings and BOM are kept
    speaker_file = SpeakerFile(existing, rst=speakers_path.suffix == ".rst")

    if not args.dry_run:  # once here, not before each page (see clean_stale_temporaries_in)
        clean_stale_temporaries_in(out_dir)
    written: dict[Path, Path] = {}
    dates: dict[str, str] = {}  # page name → date, for the index pages of --init
    converted = 0
    total = len(sources)
    for number, source in enumerate(sources, start=1):
        shown = str(source)
        target = out_dir / _output_name(source)
        if target in written:
            reporter.error(
                f"{shown}: its page {target} would replace the one from {written[target]}; "
                "rename one of them"
            )
            continue
        if target.name in ("speakers.md", "index.md", "conf.md") or target.resolve() == (
            source.resolve()
        ):
            reporter.error(f"{shown}: cannot write its page to {target}; rename the source")
            continue
        if target.is_file() and not args.force:
            reporter.error(f"{target} already exists (left untouched); use --force to replace it")
            continue
        try:
            text = read_text(source, shown, limit=limit(args))
            page = convert(
                text,
                shown,
                fmt=args.from_format,
                options=options,
                speakers=speaker_file,
                chapters=_chapters_for(source, reporter, limit(args)),
                site=site,
            )
        except InputError as error:
            reporter.input_error(error)
            continue
        except UNFORESEEN as error:
            reporter.error(f"{shown}: cannot convert ({type(error).__name__}: {error})")
            continue
        _show_notes(reporter, shown, page)
        try:
            write_or_show(target, page.text, args, reporter, clean=False)
        except OSError as error:
            reporter.error(f"{target}: cannot write: {reason(error)}")
            continue
        written[target] = source
        dates[target.stem] = page.date
        converted += 1
        verb = "would write" if args.dry_run else "wrote"
        reporter.progress(
            f"[{number}/{total}] {shown} ({page.fmt}) → {verb} {target}: " + _summary(page)
        )

    if speaker_file.new or (not speakers_path.exists() and converted):
        try:
            write_or_show(
                speakers_path, speaker_file.render(), args, reporter, style=speakers_style
            )
        except OSError as error:
            reporter.error(f"{speakers_path}: cannot write: {reason(error)}")
        else:
            if speaker_file.new:
                names = ", ".join(s.name for s in speaker_file.new)
                verb = "would add" if args.dry_run else "added"
                count = len(speaker_file.new)
                reporter.progress(f"{speakers_path}: {verb} {count} speakers ({names})")
    _write_redirects(site, {t.stem for t in written}, out_dir, args, reporter)
    if args.init:
        _write_init(out_dir, dates, args, reporter)
    failed = total - converted
    summary = f"{converted} of {total} sources converted"
    if failed:
        summary += f", {failed} failed"
    reporter.progress(summary)
    if args.strict and reporter.warnings:
        reporter.progress(f"--strict: {reporter.warnings} warnings")
        return 1
    return 1 if reporter.errors else 0


def _write_init(
    out_dir: Path, dates: dict[str, str], args: argparse.Namespace, reporter: Reporter
) -> None:
    """``--init``: ``conf.py`` and the index pages (:mod:`.layout`), where they are missing."""
    layout = index_pages(out_dir, dates)
    for message in layout.notes:
        reporter.progress(message)
    for message in layout.warnings:
        reporter.warning(message)
    for name, content in {"conf.py": CONF_PY, **layout.pages}.items():
        path = out_dir / name
        if path.exists():
            reporter.info(f"{path} exists; left as it is")
            continue
        try:
            write_or_show(path, content, args, reporter)
        except OSError as error:
            reporter.error(f"{path}: cannot write: {reason(error)}")
            continue
        reporter.progress(f"{'would write' if args.dry_run else 'wrote'} {path}")


def _summary(page: Imported) -> str:
    """What one source became: turns, speakers, chapters, what was kept as written."""
    names = f" ({', '.join(page.speakers)})" if page.speakers else ""
    parts = [f"{page.turns} turns ({page.timed} timed), {len(page.speakers)} speakers{names}"]
    on_sections, own = page.chapters
    if on_sections or own:
        parts.append(f"chapters: {on_sections} on sections, {own} of their own")
    if page.kept:
        parts.append("kept as written: " + ", ".join(page.kept))
    return "; ".join(parts)


def _write_redirects(
    site: SiteMap, written: set[str], out_dir: Path, args: argparse.Namespace, reporter: Reporter
) -> None:
    """DIR/redirects.json: each old address of a written page → the page (merged with the
    file's own entries, which win)."""
    new = {old: page for old, page in site.redirects().items() if _page_of(page) in written}
    if not new:
        return
    path = out_dir / "redirects.json"
    known: dict[str, str] = {}
    if path.is_file():
        try:
            loaded = json.loads(read_text(path, limit=limit(args)))
        except (InputError, ValueError) as error:
            reporter.error(f"{path}: cannot read it ({error}); left as it is")
            return
        if isinstance(loaded, dict):
            known = {str(k): str(v) for k, v in loaded.items()}
    merged = {**new, **known}
    if merged == known:
        return
    try:
        write_or_show(path, json.dumps(merged, indent=2, ensure_ascii=False) + "\n", args, reporter)
    except OSError as error:
        reporter.error(f"{path}: cannot write: {reason(error)}")
        return
    count = len(merged) - len(known)
    reporter.progress(
        f"{path}: {count} old addresses lead to their new pages (for sphinx-reredirects)"
    )


def _page_of(target: str) -> str:
    """``../../ada.html`` → ``ada``: the page a redirect leads to."""
    return target.rsplit("/", 1)[-1].removesuffix(".html")
