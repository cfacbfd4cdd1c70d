"""Why a file could not be read, in words a secretary can act on (docs/contract.md §4
`archivo-ilegible`). The reader's own text (`Cfb error: Codepage D7CC not found`) means
nothing to a focal point: it is kept as the technical detail, for the log and the
submissions' detail column, and the reason says what the file is and what to do.
"""

from __future__ import annotations

import re
from pathlib import Path

import python_calamine as calamine

from pipeline.model.text import fold
from pipeline.words import LANGS, both, word

Reason = tuple[str, str]  # (Spanish, English)

PASSWORD = both("refuse.password")
NOT_A_WORKBOOK = both("refuse.not_a_workbook")
OLD_EXCEL = both("refuse.old_excel")
CODEPAGE = both("refuse.codepage")
DAMAGED_ODS = both("refuse.damaged_ods")
TRUNCATED = both("refuse.truncated")
TOO_MANY_CELLS = both("refuse.too_many_cells")
MACRO_SHEET = both("refuse.macro_sheet")
DAMAGED = both("refuse.damaged")

_BIFF_2_TO_4 = (b"\x09\x00", b"\x09\x02", b"\x09\x04")  # BOF records of Excel 2, 3 and 4
_BIFF5_BOF = re.compile(rb"\x09\x08[\x08\x10]\x00\x00\x05")  # Excel 5/95 in an OLE file
_BIFF_BOF = re.compile(rb"\x09\x08([\x08\x10])\x00\x00[\x05\x06]")
_FILEPASS = b"\x2f\x00"


def reason_for(exc: BaseException, path: Path) -> Reason:
    """The reason a file that raised `exc` while being read is refused."""
    if isinstance(exc, calamine.PasswordError):
        return PASSWORD
    text = str(exc)
    head = _head(path)
    if "detect file format" in text:
        return NOT_A_WORKBOOK
    if head.startswith(_BIFF_2_TO_4) or _BIFF5_BOF.search(head[:16384]):
        return OLD_EXCEL
    if "Codepage" in text:
        return CODEPAGE
    if "Cell limit exceeded" in text:
        return TOO_MANY_CELLS
    if "macrosheets" in text:
        return MACRO_SHEET
    if path.suffix.lower() == ".ods" and ("Expecting" in text or "Xml" in type(exc).__name__):
        return DAMAGED_ODS
    if any(word in text for word in ("past end of file", "declared uncompressed size",
                                     "Zip error", "unexpected end", "EOF", "truncated")):
        return TRUNCATED
    if "Invalid OLE" in text:
        return NOT_A_WORKBOOK
    return DAMAGED


def obfuscated(path: Path) -> bool:
    """Whether an .xls file is password-protected or XOR-obfuscated: its first record after
    the workbook's BOF is FILEPASS. python-calamine refuses some of these and reads the
    others as if they were plain, giving garbage."""
    if path.suffix.lower() != ".xls":
        return False
    head = _head(path, 1 << 16)
    match = _BIFF_BOF.search(head)
    if match is None:
        return False
    after = match.start() + 4 + head[match.start() + 2]  # the record after the BOF
    return head[after:after + 2] == _FILEPASS


def _head(path: Path, size: int = 16384) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


OWN_OUTPUT = both("skip.own_output")
# A consolidated workbook's sheets (its public edition's too), in either language: no
# returned matrix or other tracker has them all (a project's "Summary", "Changes" and
# "Issues" beside its tasks are not enough).
_OWN_SHEETS = [frozenset(fold(word(f"sheet.{key}", lang)) for key in (
    "resumen", "matriz", "cambios", "vencidos", "por_vencer", "sin_responsable",
    "problemas")) for lang in LANGS]


def own_output(sheets: list[str]) -> Reason | None:
    """Why a workbook the product wrote itself is skipped (its consolidated workbook,
    copied among the returned files), or None."""
    names = {fold(name) for name in sheets}
    return OWN_OUTPUT if any(own <= names for own in _OWN_SHEETS) else None
