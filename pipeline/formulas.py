"""Formula cells saved without their computed value (SPEC §3.2).

python-calamine returns a formula's stored value, and nothing when a program (a script,
some web exporters) saved the formula without computing it. To tell that apart from a
blank cell we look at the sheet's XML itself, only in .xlsx/.xlsm files and only when
the sheet holds formulas at all. The zip directory was checked for bombs before.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from pipeline.columns import column_index

_SHEET = re.compile(rb'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"', re.S)
_SHEET_ALT = re.compile(rb'<sheet\b[^>]*?\br:id="([^"]*)"[^>]*?\bname="([^"]*)"', re.S)
_REL = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"', re.S)
_REL_ALT = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"', re.S)
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_HAS_VALUE = re.compile(rb"<v>[^<]|<is>")


def formulas_without_value(path: Path, sheet_name: str) -> set[tuple[int, int]]:
    """(row, column), both 0-based, of the cells whose formula has no stored value."""
    if path.suffix.lower() not in {".xlsx", ".xlsm"}:
        return set()
    found: set[tuple[int, int]] = set()
    try:
        with zipfile.ZipFile(path) as archive:
            member = _sheet_member(archive, sheet_name)
            if member is None:
                return found
            # Read in chunks, cut before the last cell that may be incomplete: memory stays
            # small however large the sheet.
            pending = b""
            with archive.open(member) as handle:
                while chunk := handle.read(1 << 20):
                    pending += chunk
                    cut = pending.rfind(b"<c ")
                    if cut > 0:
                        _scan(pending[:cut], found)
                        pending = pending[cut:]
                    elif len(pending) > 8 << 20:  # no cell in 8 MB: not a normal sheet
                        _scan(pending, found)
                        pending = b""
            _scan(pending, found)
    except (KeyError, OSError, zipfile.BadZipFile):
        return found
    return found


def _scan(data: bytes, found: set[tuple[int, int]]) -> None:
    if b"<f" not in data:
        return
    for match in _CELL.finditer(data):
        body = match.group(2) or b""
        if b"<f" not in body or _HAS_VALUE.search(body):
            continue
        ref = _REF.search(match.group(1))
        if ref:
            found.add((int(ref.group(2)) - 1, column_index(ref.group(1).decode())))


def _sheet_member(archive: zipfile.ZipFile, sheet_name: str) -> str | None:
    workbook = archive.read("xl/workbook.xml")
    rels = archive.read("xl/_rels/workbook.xml.rels")
    ids = {_unescape(n): i for n, i in _SHEET.findall(workbook)}
    ids |= {_unescape(n): i for i, n in _SHEET_ALT.findall(workbook)}
    targets = dict(_REL.findall(rels)) | {i: t for t, i in _REL_ALT.findall(rels)}
    rel = ids.get(sheet_name)
    target = targets.get(rel) if rel is not None else None
    if target is None:
        return None
    text = target.decode()
    return text.lstrip("/") if text.startswith("/") else posixpath.normpath(f"xl/{text}")


def _unescape(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"),
                         ("&amp;", "&")):
        text = text.replace(entity, char)
    return text

