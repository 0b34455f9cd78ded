"""Writing files for the command line so that nothing the user had is lost.

* atomically: into a temporary file in the same directory, then
  :func:`os.replace`, so a reader (or a crash, a full disk, ``kill -9``) sees the
  old file or the new one, never half of one;
* a temporary file left by a write that was killed is removed by the next write
  to the same file (its name holds the writer's process id: only those of
  processes that no longer run are removed);
* a backup (``.bak``) is the original's bytes, unchanged;
* a rewritten file keeps its own line endings (CRLF, CR) and byte order mark
  (:class:`TextStyle`).

No Sphinx here.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["TextStyle", "clean_stale_temporaries", "clean_stale_temporaries_in", "write_atomic"]

_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>[0-9]+)\.[^.]+\.tmp$")


@dataclass(frozen=True)
class TextStyle:
    """How a text file writes its lines: the line ending and whether it starts with a BOM."""

    newline: str = "\n"
    bom: bool = False

    @classmethod
    def of(cls, data: bytes) -> TextStyle:
        """The style of *data*: its first line ending (``\\n`` when it has none), its BOM."""
        bom = data.startswith(codecs.BOM_UTF8)
        match = re.search(rb"\r\n|\r|\n", data)
        newline = match.group(0).decode("ascii") if match else "\n"
        return cls(newline, bom)

    def encode(self, text: str) -> bytes:
        """*text* (lines ending in ``\\n``) as this style's bytes, in UTF-8."""
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        data = text.encode("utf-8")
        return codecs.BOM_UTF8 + data if self.bom else data


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but is not ours to signal
        return True
    return True


def clean_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files of earlier writes to *path* whose process is gone;
    the paths removed."""
    return _clean(path.parent, path.name)


def clean_stale_temporaries_in(directory: Path) -> list[Path]:
    """Remove the temporary files of earlier writes to any file of *directory* whose
    process is gone; the paths removed. A command that writes many files there does this
    once, and then writes each with ``write_atomic(..., clean=False)``: looking through
    the directory before each write made writing N files cost N² (2,000 pages: 20 s)."""
    return _clean(directory, None)


def _clean(directory: Path, name: str | None) -> list[Path]:
    removed = []
    with contextlib.suppress(OSError):
        for candidate in directory.iterdir():
            match = _TEMPORARY.match(candidate.name)
            if not match or name not in (None, match["name"]) or _running(int(match["pid"])):
                continue
            with contextlib.suppress(OSError):
                candidate.unlink()
                removed.append(candidate)
    return removed


def write_atomic(
    path: Path,
    text: str | bytes,
    *,
    backup: bool = False,
    style: TextStyle | None = None,
    clean: bool = True,
) -> None:
    """Write *text* (in *style*: line endings, BOM; ``\\n`` and no BOM by default) or
    *bytes* to *path*, atomically. With *backup*, the old file's bytes are kept first as
    ``PATH.bak``. *clean* first removes what killed writes to *path* left (see
    :func:`clean_stale_temporaries_in` for when not to)."""
    data = text if isinstance(text, bytes) else (style or TextStyle()).encode(text)
    if path.is_symlink():
        path = path.resolve()  # replace the file the link points to, keep the link
    if path.exists() and not path.is_file():
        if path.is_dir():
            raise IsADirectoryError(21, "is a directory", str(path))
        # a device or a pipe (/dev/null, /dev/stdout, a FIFO): write into it, never replace it
        with open(path, "wb") as stream:
            stream.write(data)
        return
    directory = path.parent
    directory.mkdir(parents=True, exist_ok=True)
    if clean:
        clean_stale_temporaries(path)
    if backup and path.exists():
        write_atomic(path.with_name(path.name + ".bak"), path.read_bytes())
    mode = None
    with contextlib.suppress(OSError):
        mode = path.stat().st_mode & 0o777
    handle, temporary = tempfile.mkstemp(
        dir=directory, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode if mode is not None else 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
