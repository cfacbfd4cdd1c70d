"""Which files of the input folder are read, which are skipped, and the facts about a file
that come from outside its cells (size, zip directory, document dates).

Nothing here modifies an input: files are opened read-only and never moved or renamed.
"""

from __future__ import annotations

import datetime as dt
import errno
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.words import both, word

READABLE = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv"}
ZIP_FORMATS = {".xlsx", ".xlsm", ".xlsb", ".ods"}
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_RATIO = 200  # a member inflating more than this (and past 10 MB) is a zip bomb

_SKIP_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
_KNOWN_OTHER = {".pdf": "skip.pdf", ".doc": "skip.word", ".docx": "skip.word",
                ".odt": "skip.text_document", ".txt": "skip.text", ".tsv": "skip.text",
                ".png": "skip.image", ".jpg": "skip.image", ".jpeg": "skip.image",
                ".zip": "skip.zip"}
_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>([^<]+)</dcterms:modified>")


@dataclass(frozen=True)
class Candidate:
    """A file of the input folder and what to do with it."""

    path: Path
    skip_reason: tuple[str, str] | None = None  # (es, en) when the file is skipped


def list_input_files(folder: Path) -> list[Candidate]:
    """Every file of the folder, sorted by name so runs are reproducible. Entries that are
    not regular files (a link to nothing, a pipe, a device) are listed as skipped and never
    opened; so are its folders (their files are not read: a folder of last year's files,
    or of attachments saved there by mistake, is said, with what it holds), but for hidden
    ones."""
    out: list[Candidate] = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        kind = _entry_kind(path)
        if kind == "folder":
            if not path.name.startswith("."):
                out.append(Candidate(path, _folder_reason(path)))
            continue
        out.append(Candidate(path, _NOT_REGULAR.get(kind) or _name_reason(path)))
    return out


def _folder_reason(path: Path) -> tuple[str, str]:
    """Why a folder is skipped, and how many spreadsheets it holds (not looked into)."""
    try:
        held = sum(1 for p in path.iterdir()
                   if p.suffix.lower() in READABLE and _name_reason(p) is None)
    except OSError:
        return both("skip.folder_unreadable")
    return both("skip.folder_with", n=held) if held else both("skip.folder")


def _entry_kind(path: Path) -> str:
    """folder, file, or why the entry is not a file that can be read."""
    try:
        mode = path.stat().st_mode  # a link is judged by what it leads to
    except FileNotFoundError:
        return "dangling"
    except OSError as exc:
        return "loop" if exc.errno == errno.ELOOP else "unreadable"
    if stat.S_ISDIR(mode):
        return "folder"
    return "file" if stat.S_ISREG(mode) else "special"


_NOT_REGULAR = {kind: both(f"skip.{kind}")
                for kind in ("dangling", "loop", "unreadable", "special")}


def skip_reason(path: Path) -> tuple[str, str] | None:
    """Why a file is not read (by its name, or because it is not a regular file)."""
    kind = _entry_kind(path)
    if kind in _NOT_REGULAR:
        return _NOT_REGULAR[kind]
    return _name_reason(path)


def _name_reason(path: Path) -> tuple[str, str] | None:
    """Why a file is skipped by its name: lock files, system files, other documents."""
    name = path.name
    suffix = path.suffix.lower()
    if name.startswith("~$") or name.startswith(".~lock"):
        return both("skip.lock")
    if name.startswith(".") or name.lower() in _SKIP_NAMES:
        return both("skip.hidden")
    if suffix in READABLE:
        return None
    if suffix in _KNOWN_OTHER:
        return both(_KNOWN_OTHER[suffix])
    return (word("skip.other", "es", kind=suffix or word("skip.no_extension", "es")),
            word("skip.other", "en", kind=suffix or word("skip.no_extension", "en")))


def refuse_reason(path: Path) -> tuple[str, str] | None:
    """Why a file must not be opened at all (too big, a zip bomb, not a zip), from its size
    and its zip directory only: nothing is decompressed."""
    try:
        status = path.stat()
    except OSError as exc:
        return both("refuse.cannot_open", why=exc.strerror)
    if not stat.S_ISREG(status.st_mode):  # (it changed since the folder was listed)
        return _NOT_REGULAR["special"]
    size = status.st_size
    if size > MAX_FILE_BYTES:
        return both("refuse.too_large", mb=MAX_FILE_BYTES // (1024 * 1024))
    if path.suffix.lower() not in ZIP_FORMATS:
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile:
        return both("refuse.password" if _is_ole(path) else "refuse.damaged_zip")
    except OSError as exc:
        return both("refuse.cannot_open", why=exc.strerror)
    total = sum(info.file_size for info in infos)
    worst = max((info.file_size / max(info.compress_size, 1) for info in infos), default=0)
    big = any(info.file_size > 10 * 1024 * 1024 for info in infos)
    if total > MAX_UNPACKED_BYTES or (big and worst > MAX_RATIO):
        return both("refuse.bomb")
    return None


def _is_ole(path: Path) -> bool:
    """An encrypted .xlsx is an OLE container, not a zip."""
    with path.open("rb") as handle:
        return handle.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def document_modified(path: Path) -> dt.datetime | None:
    """The last-saved time the workbook records about itself (docProps/core.xml)."""
    if path.suffix.lower() not in {".xlsx", ".xlsm"}:
        return None
    try:
        with zipfile.ZipFile(path) as archive, archive.open("docProps/core.xml") as core:
            head = core.read(64 * 1024)
    except (KeyError, OSError, zipfile.BadZipFile):
        return None
    match = _MODIFIED.search(head)
    if not match:
        return None
    try:
        stamp = dt.datetime.fromisoformat(match.group(1).decode().strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp.replace(tzinfo=None)


def file_modified(path: Path) -> dt.datetime:
    return dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
