"""Generated speaker pages: a page for every speaker of conf.py who has no profile.

With ``podcast_speaker_pages`` (default ``True``), each speaker of
``podcast_speakers`` without a ``speaker`` directive on a page the author
wrote gets a page of its own, ``speakers/<key>``: a small source file that
holds a ``podcast:speaker-page`` directive, which renders the profile, the
episodes and the highlights. Because it is a real source file, Sphinx reads,
re-reads, writes and links it exactly like a written page, serially and with
``-j``, from scratch and incrementally; ``objects.inv``, the general index and
search list it.

Which speakers need a page is known only once every written page is read (a
``speaker`` directive anywhere takes the page's place), so the files are
written, and read, at ``env-updated``; a later build finds them as ordinary
source files. A file sphinx-podcast did not write is never touched: its first
line says who wrote it. A source directory that cannot be written (read-only) gets
one warning per build; the speakers whose page is missing then have none.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from pathlib import Path

from docutils.utils import column_width
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .config import get_config, warn_config
from .domain import get_podcast_domain
from .model import Speaker
from .warnings_ import Subtype, warn

MARKER = "sphinx-podcast: generated speaker page"
_PUNCTUATION = set("\\`*_{}[]()<>#+-.!|:~^=\"'$%&,;/?@")
#: The builds (applications) already warned that the folder cannot be written.
_WARNED: weakref.WeakSet[Sphinx] = weakref.WeakSet()


def page_docname(folder: str, key: str) -> str:
    """The page of speaker *key*: ``speakers/ada``; the key as it is when it makes a
    good file name, else a made-safe form of it."""
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in key).strip(".-") or "speaker"
    return f"{folder}/{safe}"


def _escaped(text: str) -> str:
    return "".join("\\" + c if c in _PUNCTUATION else c for c in text)


def page_source(speaker: Speaker, syntax: str) -> str:
    """The source of a generated page, in reStructuredText or MyST (*syntax*)."""
    title = _escaped(" ".join(speaker.name.split()) or speaker.key)
    note = "it is written again on every build; to change it, write a speaker directive"
    if syntax == "rst":
        return (
            f".. {MARKER} ({speaker.key!r}):\n   {note}.\n\n:orphan:\n\n"
            f"{title}\n{'=' * column_width(title)}\n\n"
            f".. podcast:speaker-page:: {speaker.key}\n"
        )
    return (
        f"---\norphan: true\n---\n% {MARKER} ({speaker.key!r}):\n% {note}.\n\n"
        f"# {title}\n\n```{{podcast:speaker-page}} {speaker.key}\n```\n"
    )


def _syntax(app: Sphinx) -> tuple[str, str] | None:
    """(suffix, "rst" or "md") of the source files to write: the first source suffix
    that reStructuredText or MyST reads; None if neither does."""
    for suffix, filetype in dict(app.config.source_suffix).items():
        if filetype in ("restructuredtext", "markdown"):
            return suffix, "rst" if filetype == "restructuredtext" else "md"
    return None


def _is_generated(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as file:
            head = file.read(400)
    except (OSError, UnicodeError):
        return False
    return MARKER in head


def _existing(app: Sphinx, docname: str) -> list[Path]:
    """The source files of *docname*, whatever their suffix."""
    return [
        Path(app.srcdir, docname + suffix)
        for suffix in app.config.source_suffix
        if Path(app.srcdir, docname + suffix).is_file()
    ]


def _generated_files(app: Sphinx, folder: str) -> list[Path]:
    """The files in *folder* that sphinx-podcast wrote."""
    directory = Path(app.srcdir, folder)
    if not folder or not directory.is_dir():
        return []
    return sorted(
        path
        for suffix in app.config.source_suffix
        for path in directory.glob("*" + suffix)
        if _is_generated(path)
    )


def _wanted(app: Sphinx, written: set[str]) -> dict[str, Speaker]:
    """docname -> speaker of the pages to generate: conf.py's speakers without a
    profile written by the author (*written*: their keys)."""
    settings = get_config(app.config)
    wanted: dict[str, Speaker] = {}
    if settings.speaker_pages:
        for key, speaker in settings.speakers.items():
            if key not in written:
                wanted.setdefault(page_docname(settings.speaker_pages, key), speaker)
    return wanted


def _write(app: Sphinx, docname: str, speaker: Speaker, *, report: bool) -> bool:
    """Write the page's file if it is missing or out of date; True if it was written.
    A file of that name that the author wrote is left alone (warned about if *report*)."""
    syntax = _syntax(app)
    files = _existing(app, docname)
    ours = [path for path in files if _is_generated(path)]
    if len(files) > len(ours):
        if report:
            _warn_taken(docname, speaker)
        return False
    if syntax is None:
        return False
    path = Path(app.srcdir, docname + syntax[0])
    text = page_source(speaker, syntax[1])
    for other in ours:
        if other != path:
            _change(app, other, other.unlink)
    if path in ours and path.read_text(encoding="utf-8") == text:
        return False

    def write() -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    return _change(app, path, write)


def _change(app: Sphinx, path: Path, change: Callable[[], object]) -> bool:
    """Make *change* to the file *path* (write, remove); False after a warning when the
    file system refuses it (a read-only source directory), once per build."""
    try:
        change()
    except OSError as error:
        if app not in _WARNED:
            _WARNED.add(app)
            warn_config(
                f"speaker pages cannot be written: {error.strerror or error} ({path}); "
                "speakers without a speaker directive have no page in this build (set "
                "podcast_speaker_pages = False not to generate them)",
                Path(app.confdir, "conf.py"),
                "podcast_speaker_pages",
                subtype=Subtype.speaker_page,
                overridden="podcast_speaker_pages" in app.config.overrides,
            )
        return False
    return True


def _on_builder_inited(app: Sphinx) -> None:
    """Before Sphinx looks for source files: remove the pages of speakers no longer in
    conf.py (or all, with the pages off), and write those the last build knew to be
    needed (all, from scratch), so toctrees and links can name them when pages are
    read; what the pages read then say is settled at ``env-updated``."""
    settings = get_config(app.config)
    domain = get_podcast_domain(app.env)
    folders = {settings.speaker_pages or "speakers"}
    # and the folders of the last build's pages (the setting may have changed)
    folders.update(d.rpartition("/")[0] for d in domain.data["generated"])
    wanted = _wanted(app, domain.written_profile_keys())
    for folder in folders:
        removed = False
        for path in _generated_files(app, folder):
            docname = f"{folder}/{path.name.rpartition('.')[0]}"
            if docname not in wanted:
                removed = _change(app, path, path.unlink) or removed
        directory = Path(app.srcdir, folder)
        if removed and not any(directory.iterdir()):
            _change(app, directory, directory.rmdir)  # the folder was ours too
    for docname, speaker in sorted(wanted.items()):
        _write(app, docname, speaker, report=False)


def sync_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: write and read the pages that are missing or changed, remove those
    no longer needed. Returns the pages read here (Sphinx writes them)."""
    settings = get_config(app.config)
    domain = get_podcast_domain(env)
    folder = settings.speaker_pages
    if not folder:
        return []
    wanted = _wanted(app, domain.written_profile_keys())
    to_read: list[str] = []
    for docname, speaker in sorted(wanted.items()):
        if _write(app, docname, speaker, report=True) or (
            docname not in env.all_docs and _existing(app, docname)
        ):
            to_read.append(docname)
    added = [docname for docname in to_read if docname not in env.all_docs]
    removed = sorted(set(domain.data["generated"]) - set(wanted))
    for docname in removed:
        _remove(app, env, docname)
        while docname in domain.read_list:
            domain.read_list.remove(docname)
    for path in _generated_files(app, folder):
        docname = f"{folder}/{path.name.rpartition('.')[0]}"
        if docname not in wanted:
            _change(app, path, path.unlink)
    if added or removed:  # as Sphinx does when files come and go: globs may match them
        to_read += sorted(env.glob_toctrees & env.found_docs - set(to_read))
    if to_read:
        syntax = _syntax(app)
        domain.begin_build({*domain.reading, *to_read})
        for docname in to_read:
            if docname not in env.found_docs:
                env.project.docnames.add(docname)
                _note_path(env, docname, syntax[0] if syntax else "")
            app.events.emit("env-purge-doc", env, docname)
            env.clear_doc(docname)
            app.builder.read_doc(docname)
    return to_read


def _note_path(env: BuildEnvironment, docname: str, suffix: str) -> None:
    """Tell Sphinx's project the file of a page added after it looked for files (it
    would otherwise guess the first source suffix)."""
    to_path = getattr(env.project, "_docname_to_path", None)
    to_doc = getattr(env.project, "_path_to_docname", None)
    if isinstance(to_path, dict) and isinstance(to_doc, dict):
        path = Path(docname + suffix)
        to_path[docname] = path
        to_doc[path] = docname


def _remove(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """Forget a generated page that is no longer needed, and delete its file."""
    app.events.emit("env-purge-doc", env, docname)
    env.clear_doc(docname)
    env.project.docnames.discard(docname)
    for path in _existing(app, docname):
        if _is_generated(path):
            _change(app, path, path.unlink)


def _warn_taken(docname: str, speaker: Speaker) -> None:
    warn(
        f"no page generated for speaker {speaker.key!r}: {docname} is a page you wrote; "
        f"put a speaker directive for {speaker.key!r} on it, or set podcast_speaker_pages "
        "to another folder",
        Subtype.speaker_page,
        docname,
    )


def _on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    return sync_pages(app, env)


def setup_speaker_pages(app: Sphinx) -> None:
    app.connect("builder-inited", _on_builder_inited)
    # before the domain's own handler, which re-writes the pages whose lists changed
    app.connect("env-updated", _on_env_updated, priority=400)
