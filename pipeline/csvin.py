"""CSV files a focal point may send (SPEC §3.2): UTF-8 (with or without BOM) or
Windows-1252, separated by `,` or `;` (Excel in Spanish writes `;`)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pipeline.files import MAX_FILE_BYTES


def read_csv_rows(path: Path) -> list[list[object]]:
    raw = path.read_bytes()[:MAX_FILE_BYTES]
    if b"\0" in raw[:4096]:
        raise ValueError("binary data, not a text table")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    sample = "\n".join(text.splitlines()[:30])
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    if "\t" in sample and sample.count("\t") > sample.count(delimiter):
        delimiter = "\t"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [list(row) for row in reader]
