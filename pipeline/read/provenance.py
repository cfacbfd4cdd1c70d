"""Who sent a file, for which round, and when (docs/contract.md §3.2, §5).

Reporter: the template's metadata; else a known reporter named in the file name (full
names, accents optional, ISO alpha-3 codes, working-group names; never two-letter codes:
"GT" is both Guatemala and "Grupo de Trabajo"); else the file name, with a warning.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path

from pipeline.model.rounds import quarter_of
from pipeline.model.submission import Submission
from pipeline.model.text import file_name, file_stem, fold, normalize_text
from pipeline.model.values import read_text
from pipeline.normalize.deadlines import parse_day
from pipeline.read.files import document_modified, file_modified
from pipeline.read.workbook import WorkbookRead
from pipeline.reference.data import Reference


def reporter_from_filename(name: str, ref: Reference) -> str | None:
    """The reporter a file name mentions; the longest mention wins ("Migración laboral -
    México" names both: we cannot know, so the longer, more specific name is taken)."""
    pattern, owners = _reporter_pattern(ref)
    found = [m.group(1) for m in pattern.finditer(f" {fold(Path(name).stem)} ")]
    return owners[max(found, key=len)] if found else None


@functools.lru_cache(maxsize=8)
def _reporter_pattern(ref: Reference) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regular expression for every reporter name (longest first), built once."""
    owners: dict[str, str] = {}
    for party in ref.informantes:
        for alias in party.names:
            folded = fold(alias)
            if len(folded.replace(" ", "")) > 2:  # never two-letter codes
                owners.setdefault(folded, party.nombre)
    names = sorted(owners, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names) or "(?!)"
    # Overlapping mentions: a lookahead finds every name at every position.
    return re.compile(rf"(?<![0-9a-z])(?=({alternatives})(?![0-9a-z]))"), owners


# A round named in a file's name: "Nicaragua - 2026-T4.xlsx", "informe 2027_t1.xlsx".
_ROUND_IN_NAME = re.compile(r"(?<![0-9])(20[0-9]{2})[ _-]?[Tt]([1-4])(?![0-9])")


def round_in_filename(name: str) -> str:
    """The round a file's name says it belongs to ("2026-T4"), or ""."""
    found = _ROUND_IN_NAME.findall(Path(name).stem)
    return f"{found[-1][0]}-T{found[-1][1]}" if len(set(found)) == 1 else ""


def describe(workbook: WorkbookRead, ref: Reference, round_option: str | None,
             as_of: dt.date, hojas: tuple[str, ...], filas: int) -> Submission:
    """The submission of a file that was read: who sent it, for which round, when, and the
    contact in its template's submission block."""
    path = workbook.path
    meta = workbook.metadata
    reporter = normalize_text(meta.get("informante", "")).replace("\n", " ")
    named = ref.reporter_named(reporter)  # "Honduras " is Honduras: one reporter, one file
    found = named or reporter_from_filename(file_name(path), ref)
    contact = workbook.contact
    stated = parse_day(contact.get("fecha_envio"))  # typed as text too: day first
    return Submission(
        archivo=file_name(path),
        informante=found or reporter or file_stem(path),
        informante_conocido=found is not None,
        ronda=meta.get("ronda") or round_option or quarter_of(as_of),
        ronda_declarada=meta.get("ronda") or round_in_filename(path.name),
        plan=meta.get("plan", ""),
        fecha_envio=dt.datetime.combine(stated, dt.time()) if stated is not None else (
            document_modified(path) or file_modified(path)),
        contacto_nombre=_text(contact.get("contacto_nombre")),
        contacto_institucion=_text(contact.get("contacto_institucion")),
        contacto_correo=_text(contact.get("contacto_correo")),
        contacto_telefono=_text(contact.get("contacto_telefono")),
        hojas=hojas, filas=filas)


def _text(value: object) -> str:
    """A submission-block value on one line."""
    return " ".join(read_text(value).split())
