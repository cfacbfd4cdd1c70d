"""CSV files a focal point may send (docs/contract.md §3.2): UTF-8 (with or without BOM) or
Windows-1252, separated by `,` or `;` (Excel in Spanish writes `;`) or a tab.

A file is decoded line by line: a file saved in Windows-1252 is read as such, and a
UTF-8 file with a few lines pasted in from a Windows-1252 one (a mix no editor shows) is
read whole, those lines decoded the other way and named, so that they can be checked.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.read.files import MAX_FILE_BYTES


@dataclass
class CsvText:
    rows: list[list[object]]
    delimiter: str
    mixed_lines: list[int] = field(default_factory=list)  # 1-based, read as Windows-1252


def read_csv_rows(path: Path) -> CsvText:
    raw = path.read_bytes()[:MAX_FILE_BYTES]
    if b"\0" in raw[:4096]:
        raise ValueError("binary data, not a text table")
    text, mixed = _decode(raw)
    sample = "\n".join(text.splitlines()[:30])
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    if "\t" in sample and sample.count("\t") > sample.count(delimiter):
        delimiter = "\t"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return CsvText([list(row) for row in reader], delimiter, mixed)


def _decode(raw: bytes) -> tuple[str, list[int]]:
    """The text, and the lines of a UTF-8 file that were not UTF-8."""
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    lines = raw.split(b"\n")
    utf8_seen = False  # a line with characters only UTF-8 gives: the file is UTF-8
    decoded: list[str] = []
    other: list[int] = []
    for number, line in enumerate(lines, start=1):
        try:
            decoded.append(line.decode("utf-8"))
            utf8_seen = utf8_seen or not line.isascii()
        except UnicodeDecodeError:
            decoded.append(line.decode("cp1252", errors="replace"))
            other.append(number)
    return "\n".join(decoded), other if utf8_seen else []
