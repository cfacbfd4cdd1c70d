"""Why a file could not be read, in words a secretary can act on (SPEC §4
`archivo-ilegible`). The reader's own text (`Cfb error: Codepage D7CC not found`) means
nothing to a focal point: it is kept as the technical detail, for the log and the
submissions' detail column, and the reason says what the file is and what to do.
"""

from __future__ import annotations

import re
from pathlib import Path

import python_calamine as calamine

Reason = tuple[str, str]  # (Spanish, English)

_SAVE_ES = "; ábralo en Excel o LibreOffice, guárdelo como libro de Excel (.xlsx) y envíelo"
_SAVE_EN = "; open it in Excel or LibreOffice, save it as an Excel workbook (.xlsx) and send it"
PASSWORD: Reason = ("está protegido con contraseña; quite la contraseña y envíelo de nuevo",
                    "it is password-protected; remove the password and send it again")
NOT_A_WORKBOOK: Reason = ("no es un libro de Excel ni de LibreOffice",
                          "it is not an Excel or LibreOffice workbook")
OLD_EXCEL: Reason = ("está guardado en un formato de Excel muy antiguo (Excel 2, 3, 4 o 95)"
                     + _SAVE_ES, "it is saved in a very old Excel format (Excel 2, 3, 4 or 95)"
                     + _SAVE_EN)
CODEPAGE: Reason = ("usa una codificación de caracteres antigua que no se puede leer" + _SAVE_ES,
                    "it uses an old character encoding that cannot be read" + _SAVE_EN)
DAMAGED_ODS: Reason = ("el archivo de LibreOffice (.ods) está dañado" + _SAVE_ES,
                       "the LibreOffice file (.ods) is damaged" + _SAVE_EN)
TRUNCATED: Reason = ("está dañado o incompleto (quizás se cortó al copiarlo o enviarlo); pida "
                     "que lo envíen de nuevo",
                     "it is damaged or incomplete (perhaps cut off when copied or sent); ask for "
                     "it to be sent again")
TOO_MANY_CELLS: Reason = ("declara muchas más celdas de las que tiene (dañado o malicioso)"
                          + _SAVE_ES,
                          "it declares far more cells than it holds (damaged or malicious)"
                          + _SAVE_EN)
MACRO_SHEET: Reason = ("tiene una hoja de macros de Excel 4 y sus demás hojas tampoco se "
                       "pudieron leer" + _SAVE_ES,
                       "it has an Excel 4 macro sheet and its other sheets could not be read "
                       "either" + _SAVE_EN)
DAMAGED: Reason = ("está dañado o no se puede leer" + _SAVE_ES,
                   "it is damaged or cannot be read" + _SAVE_EN)

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
