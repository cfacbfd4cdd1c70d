"""File names made from what people typed (a reporter's or a party's name), safe on
Windows, macOS and Linux and never the same for two different names (docs/contract.md §7).

A name keeps its own words where it can (`Honduras.xlsx`, `Costa Rica.xlsx`). Characters
no file system accepts become `_`; a name that starts like a command-line option or a
formula (`-`, `=`, `+`, `@`), one of Windows' reserved device names (CON, NUL, COM1...),
or ends in a dot or a space is mended; bidirectional controls are dropped (a right-to-left
override shows a name reversed); a long name is cut. Where mending or cutting makes
two names meet (also when they differ only in case, as on Windows and macOS), or a name
meets a file the command writes itself (`todos`), each gets a short digest of the name as
typed: `Hon_duras-3F2A1C`, always the same for the same name.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from pipeline.model.text import without_bidi

MAX_STEM = 60  # characters: short enough for any folder on any system
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
# Windows reads the part before the FIRST dot, spaces before that dot dropped, as the
# device name: `con .txt.xlsx` is the console, not a file.
_RESERVED = re.compile(r"^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]) *(?:\..*)?$", re.I)
_LEADING = re.compile(r"^[-=+@\s.]+")


def file_stems(names: Iterable[str], taken: Iterable[str] = ()) -> dict[str, str]:
    """A safe, distinct file stem for each distinct name; `taken` are stems the caller
    writes itself (compared regardless of case)."""
    distinct = sorted(set(names))
    bases = {name: _mend(name) for name in distinct}
    used = {t.casefold() for t in taken}
    groups: dict[str, list[str]] = {}
    for name, base in bases.items():
        groups.setdefault(base.casefold(), []).append(name)
    stems = {}
    for key, group in groups.items():
        # One name that needed no mending keeps its own word; the others are told apart.
        intact = [n for n in group if bases[n] == unicodedata.normalize("NFC", n)]
        for name in group:
            alone = len(group) == 1 or (len(intact) == 1 and name == intact[0])
            base = bases[name]
            stems[name] = base if alone and key not in used else (
                f"{base[:MAX_STEM - 7]}-{_digest(name)}")
    return stems


def _mend(name: str) -> str:
    text = without_bidi(unicodedata.normalize("NFC", name))  # never a reversed name
    text = _UNSAFE.sub("_", " ".join(text.split()))
    text = _LEADING.sub("", text)[:MAX_STEM].rstrip(" .")
    if _RESERVED.match(text):
        text = f"_{text}"[:MAX_STEM].rstrip(" .")
    return text or "_"


def _digest(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:6].upper()
