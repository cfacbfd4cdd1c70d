"""Text normalization shared by every stage (docs/contract.md §3.3).

Two forms exist: `normalize_text` is what we store and show (the user's words, cleaned of
invisible differences); `fold` is what we compare (no case, no accents, no punctuation).
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import PurePath

# Characters that Excel users paste in from Word or the web and that make two equal
# texts look different: zero-width spaces and joiners, the BOM, soft hyphens.
# Bidirectional controls (embeddings, overrides, isolates, marks): in a Spanish or
# English text they only ever turn what follows around ("\u202eamaletauG" shows as
# "Guatemala"); every text we show or compare is without them.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad" + BIDI_CONTROLS
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS))
# Non-breaking and other exotic spaces become plain spaces (then collapse).
_EXOTIC_SPACES = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"  # a regex class
_SPACES = re.compile(f"[ {_EXOTIC_SPACES}]+")
_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
PARENS = re.compile(r"\([^)]*\)?|\[[^\]]*\]?")
_CACHED_CHARS = 200  # a longer cell is a text, not a title: `fold_title` does not keep it
# Anything `normalize_text` would change, Unicode normalization aside: a text without
# any (most cells) is returned as it is, not split into lines and joined again.
_DIRTY = re.compile(f"[{_INVISIBLE_CHARS}{_EXOTIC_SPACES}]|{_BREAKS.pattern}"
                    r"|  |^\s|\s\Z|\s\n|\n\s")


def normalize_text(value: object) -> str:
    """Return the cleaned text of a cell: trimmed, NFC, inner runs of spaces collapsed.

    Line breaks inside long texts are kept (a focal point separates results that way);
    blank lines at the ends are dropped. Never raises; `None` becomes "".
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if not _DIRTY.search(text) and unicodedata.is_normalized("NFC", text):
        return text
    return _clean(text)


def file_name(path: PurePath) -> str:
    """A file's name as people read it, wherever it is shown or written: the bytes the
    system holds, read as UTF-8, a byte that is not (a name in Latin-1 from an old
    Windows share) shown as �. Under an ASCII locale Python holds an accented name as
    escaped bytes; they become the accents again."""
    return os.fsencode(path.name).decode("utf-8", "replace")


def file_stem(path: PurePath) -> str:
    """`file_name` without its extension."""
    return file_name(path.with_suffix("")) if path.suffix else file_name(path)


def distinct_texts(texts: Iterable[object]) -> int:
    """How many different texts, compared folded: the same activity reported by two
    reporters, or twice in one file, is one activity (as the activity limit counts it)."""
    return len({fold(t) for t in set(texts)})


def one_line(text: str) -> str:
    """`text` on one line: line breaks and other unprintable characters become spaces,
    runs of spaces one (a name in a mail header, a cell in a plain-text line)."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def without_bidi(text: str) -> str:
    """`text` without bidirectional controls (a file's name, shown or made into one; a
    page's every text and its data). By a regular expression: `str.translate` looks each
    character up in a table, 5.4 s on a million rows' page data (89 MB) against 0.3 s."""
    return _BIDI.sub("", text)


_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _BREAKS.sub("\n", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def strip_accents(text: str) -> str:
    """Letters without their accents. Characters with no ASCII form are dropped, which
    is what comparison keys want (they keep only letters and digits anyway)."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def fold(value: object) -> str:
    """Comparison key: lower case, no accents, punctuation and spaces collapsed to one space."""
    if type(value) is str and value.isascii():  # (most cells: the same key, made at once)
        return _ascii_fold(value)
    return fold_clean(normalize_text(value))


def _ascii_fold(text: str) -> str:
    """`fold` of an ASCII text. What `normalize_text` does to one (its breaks, spaces and
    blank lines made one, its ends trimmed) only changes or drops characters that are not
    letters or digits, never one between two of them without leaving another: the runs of
    letters and digits, which are all the key keeps, come through in order, each apart,
    and no accent is there to strip (`tests/test_textnorm.py` holds the two ways equal)."""
    return _NON_ALNUM.sub(" ", text.lower()).strip()


def name_key(value: object) -> str:
    """Comparison key for a name whose signs matter (an indicator, a unit): accents, case
    and spacing ignored, "%" and "#" kept ("% de mujeres" is not "# de mujeres", as `fold`
    would have them)."""
    return " ".join(strip_accents(normalize_text(value)).casefold().split())


def fold_clean(text: str) -> str:
    """`fold` of a text `normalize_text` has already cleaned (the normalized matrix's):
    the same key, without cleaning it twice."""
    return _NON_ALNUM.sub(" ", strip_accents(text).lower()).strip()


def fold_title(value: object) -> str:
    """Comparison key for a column title: parenthesized explanations and brackets removed.

    "Plazo de cumplimiento (1er año, 2do año, 3er año)" and "Resultado (s) esperado (s)"
    fold to "plazo de cumplimiento" and "resultado esperado".
    """
    if isinstance(value, str) and len(value) <= _CACHED_CHARS:
        return _fold_title_text(value)
    return _fold_title_of(value)


@functools.lru_cache(maxsize=1 << 14)
def _fold_title_text(text: str) -> str:
    """A sheet's first rows are looked at for a matrix, a side sheet and a signature
    block, and every file of a round repeats the same titles: each text folded once."""
    return _fold_title_of(text)


def _fold_title_of(value: object) -> str:
    if isinstance(value, str) and "(" not in value and "[" not in value:
        return fold(value)  # (nothing in brackets to take out: `fold` cleans it itself)
    return fold(PARENS.sub(" ", normalize_text(value)))
