"""Keep sphinx-podcast's message catalogues in step with the code.

::

    .venv/bin/python tools/catalogues.py          # extract -> update every .po -> compile .mo
    .venv/bin/python tools/catalogues.py --check  # only report what is out of date (exit 1)
    .venv/bin/python tools/catalogues.py --add nl # start a catalogue for a new language

The first form is the one command to run after adding or changing a message
marked with ``_()`` or ``ngettext()`` in ``sphinx_podcast``: it

1. extracts the messages of the package (Babel) into ``sphinx_podcast.pot``;
2. updates every ``<language>/LC_MESSAGES/sphinx_podcast.po`` from it: new
   messages come in untranslated, changed ones marked fuzzy with the old
   translation as a suggestion, removed ones are dropped;
3. compiles every ``.po`` into its ``.mo`` (the file Sphinx reads; fuzzy and
   untranslated messages are left out, so they show in English).

Then it lists what still needs a translator. ``--check`` (what
``tests/test_i18n.py`` runs) changes nothing and fails while any ``.po`` lacks a
translation, keeps a fuzzy one, has a translation whose ``%`` placeholders differ
from the original's, or any ``.pot``/``.mo`` differs from what the code and the
``.po`` give.

The files carry no line numbers and fixed dates in their headers, so they
change only when messages change, and two branches that each add a message
conflict only where they really touch the same message. A conflict in a
``.mo`` is solved by resolving the ``.po`` and running this command again.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import gettext
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sphinx_podcast"
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "sphinx_podcast"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
KEYWORDS = {"_": None, "ngettext": (1, 2)}
COMMENT_TAGS = ("Translators:",)
# Fixed, so that a header never changes (git keeps the history).
DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
WIDTH = 100
TEAM = "sphinx-podcast developers"
VERSION = re.search(
    r'^__version__ = "([^"]+)"', (PACKAGE / "__init__.py").read_text(encoding="utf-8"), re.M
)[1]  # type: ignore[index]


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    """The languages that have a catalogue."""
    return sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


# -- extracting ------------------------------------------------------------------


def extract() -> Catalog:
    """The messages the package's code marks for translation, as a template."""
    template = _new_catalog()
    for filename, _lineno, message, comments, context in extract_from_dir(
        PACKAGE, keywords=KEYWORDS, comment_tags=COMMENT_TAGS, strip_comment_tags=True
    ):
        location = f"sphinx_podcast/{Path(filename).as_posix()}"
        template.add(message, None, [(location, None)], auto_comments=comments, context=context)
    return template


def unextractable_calls() -> Iterator[str]:
    """``_()``/``ngettext()`` calls no extractor can read: a message that is not a
    literal string, or a call inside an f-string (Babel sees those only on
    Python 3.12 and newer, so the catalogue would depend on the Python version)."""
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstrings = {
            id(call)
            for fstring in ast.walk(tree)
            if isinstance(fstring, ast.JoinedStr)
            for call in ast.walk(fstring)
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in KEYWORDS:
                continue
            where = f"{path.relative_to(ROOT).as_posix()}:{node.lineno}"
            texts = node.args[:2] if node.func.id == "ngettext" else node.args[:1]
            if id(node) in in_fstrings:
                yield f"{where}: {node.func.id}() inside an f-string: use % formatting"
            elif not texts or not all(
                isinstance(text, ast.Constant) and isinstance(text.value, str) for text in texts
            ):
                yield f"{where}: {node.func.id}() of something that is not a literal string"


# -- reading and writing ----------------------------------------------------------


def _new_catalog(language: str | None = None) -> Catalog:
    catalog = Catalog(
        locale=language,
        domain=DOMAIN,
        header_comment=(
            f"# {'Translations template' if language is None else language + ' translations'}"
            " for sphinx-podcast's labels.\n"
            "# This file is distributed under the same license as sphinx-podcast (MIT).\n"
            "# Update with: .venv/bin/python tools/catalogues.py\n#"
        ),
        creation_date=DATE,
        fuzzy=False,
    )
    _set_header(catalog)
    return catalog


def _set_header(catalog: Catalog) -> None:
    """The same header fields in every file, whoever wrote it first."""
    catalog.project = "sphinx-podcast"
    catalog.version = VERSION
    catalog.msgid_bugs_address = TEAM
    catalog.last_translator = TEAM
    catalog.language_team = TEAM
    catalog.copyright_holder = TEAM
    catalog.revision_date = DATE
    catalog.fuzzy = False  # the header's flag; messages keep their own


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, locale=language, domain=DOMAIN)


def po_bytes(catalog: Catalog) -> bytes:
    stream = io.BytesIO()
    write_po(
        stream,
        catalog,
        width=WIDTH,
        sort_output=True,
        ignore_obsolete=True,
        include_lineno=False,
    )
    return stream.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    stream = io.BytesIO()
    write_mo(stream, catalog, use_fuzzy=False)
    return stream.getvalue()


def _write(path: Path, data: bytes) -> bool:
    """Write *data* unless the file already holds it; whether it changed."""
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


# -- comparing ----------------------------------------------------------------------


def _shape(message: Message) -> tuple:
    """What the code decides about a message (not its translation)."""
    return (
        message.id,
        message.context,
        tuple(sorted(location for location, _line in message.locations)),
        tuple(sorted(flag for flag in message.flags if flag != "fuzzy")),
        tuple(message.auto_comments),
    )


def _shapes(catalog: Catalog) -> dict[object, tuple]:
    return {message.id: _shape(message) for message in catalog if message.id}


def untranslated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return not all(strings)


def problems() -> list[str]:
    """Everything that is out of date, one line each; empty when all is in step."""
    found = list(unextractable_calls())
    template = extract()
    expected = _shapes(template)
    if not TEMPLATE.exists():
        return [*found, f"{TEMPLATE.relative_to(ROOT)} is missing"]
    if _shapes(read(TEMPLATE)) != expected:
        found.append(f"{TEMPLATE.relative_to(ROOT)} differs from the messages in the code")
    for language in languages():
        path = po_path(language)
        name = path.relative_to(ROOT)
        catalog = read(path, language)
        shapes = _shapes(catalog)
        for msgid in sorted(set(expected) - set(shapes), key=str):
            found.append(f"{name}: missing {msgid!r}")
        for msgid in sorted(set(shapes) - set(expected), key=str):
            found.append(f"{name}: {msgid!r} is no longer in the code")
        for msgid in sorted(set(shapes) & set(expected), key=str):
            if shapes[msgid] != expected[msgid]:
                found.append(f"{name}: {msgid!r} has other locations or flags than in the code")
        for message in catalog:
            if not message.id:
                continue
            if message.fuzzy:
                found.append(f"{name}: fuzzy (check and unmark) {message.id!r}")
            elif untranslated(message):
                found.append(f"{name}: untranslated {message.id!r}")
        for message, errors in catalog.check():
            for error in errors:
                found.append(f"{name}: {message.id!r}: {error}")
        mo_path = path.with_suffix(".mo")
        if not mo_path.exists():
            found.append(f"{mo_path.relative_to(ROOT)} is missing")
        elif _mo_messages(mo_path.read_bytes()) != _mo_messages(mo_bytes(catalog)):
            found.append(f"{mo_path.relative_to(ROOT)} is not compiled from the current .po")
    return found


def _mo_messages(data: bytes) -> dict:
    """The messages of a compiled catalogue (bytes differ between Babel versions)."""
    return dict(gettext.GNUTranslations(io.BytesIO(data))._catalog)  # type: ignore[attr-defined]


# -- updating -------------------------------------------------------------------------


def update(new_languages: list[str]) -> list[str]:
    """Extract, update every .po (and start those of *new_languages*), compile; the
    files that changed."""
    bad = list(unextractable_calls())
    if bad:
        raise SystemExit("cannot extract these messages:\n" + "\n".join(bad))
    changed = []
    template = extract()
    if _write(TEMPLATE, po_bytes(template)):
        changed.append(TEMPLATE)
    for language in sorted({*languages(), *new_languages}):
        path = po_path(language)
        catalog = read(path, language) if path.exists() else _new_catalog(language)
        catalog.update(template, update_creation_date=False)
        catalog.obsolete.clear()
        _set_header(catalog)
        if _write(path, po_bytes(catalog)):
            changed.append(path)
        if _write(path.with_suffix(".mo"), mo_bytes(read(path, language))):
            changed.append(path.with_suffix(".mo"))
    return [str(path.relative_to(ROOT)) for path in changed]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    parser.add_argument(
        "--add", action="append", default=[], metavar="LANG", help="start a catalogue"
    )
    args = parser.parse_args(argv)
    if not args.check:
        for path in update(args.add):
            print(f"updated {path}")
    left = problems()
    for line in left:
        print(line)
    if left:
        print(f"{len(left)} problem(s): translate what is untranslated or fuzzy in the .po files,")
        print("then run .venv/bin/python tools/catalogues.py again.")
        return 1
    print("catalogues are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
