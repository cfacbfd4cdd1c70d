"""Who sent a file, for which round, and when (SPEC §3.2, §5).

Reporter: the template's metadata; else a known reporter named in the file name (full
names, accents optional, ISO alpha-3 codes, working-group names; never two-letter codes:
"GT" is both Guatemala and "Grupo de Trabajo"); else the file name, with a warning.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.normalize.text import fold, normalize_text
from pipeline.read.files import document_modified, file_modified
from pipeline.read.workbook import WorkbookRead, as_date
from pipeline.reference.load import Reference


@dataclass
class Submission:
    """One file of the input folder and what became of it (the submissions sheet)."""

    archivo: str
    informante: str = ""
    informante_conocido: bool = False
    ronda: str = ""
    fecha_envio: dt.datetime | None = None
    contacto_nombre: str = ""
    contacto_institucion: str = ""
    contacto_correo: str = ""
    contacto_telefono: str = ""
    estado: str = "leido"  # leido | rechazado | omitido | reemplazado | no_recibido
    motivo: tuple[str, str] | None = None
    detalle: str = ""  # the technical words behind a refusal (the reader's, an exit code)
    hojas: list[str] = field(default_factory=list)
    filas: int = 0
    errores: int = 0
    advertencias: int = 0
    a_tiempo: bool | None = None  # against the round's closing date, when one is set


def quarter_of(date: dt.date) -> str:
    return f"{date.year}-T{(date.month - 1) // 3 + 1}"


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


def describe(
    workbook: WorkbookRead, ref: Reference, round_option: str | None, as_of: dt.date
) -> Submission:
    path = workbook.path
    meta = workbook.metadata
    sub = Submission(archivo=path.name)
    reporter = normalize_text(meta.get("informante", "")).replace("\n", " ")
    named = ref.reporter_named(reporter)  # "Honduras " is Honduras: one reporter, one file
    if named is not None:
        sub.informante, sub.informante_conocido = named, True
    else:
        found = reporter_from_filename(path.name, ref)
        sub.informante = found or reporter or path.stem
        sub.informante_conocido = found is not None
    sub.ronda = meta.get("ronda") or round_option or quarter_of(as_of)
    contact = workbook.contact
    sub.contacto_nombre = _text(contact.get("contacto_nombre"))
    sub.contacto_institucion = _text(contact.get("contacto_institucion"))
    sub.contacto_correo = _text(contact.get("contacto_correo"))
    sub.contacto_telefono = _text(contact.get("contacto_telefono"))
    stated = as_date(contact.get("fecha_envio"))
    if stated is not None:
        sub.fecha_envio = dt.datetime.combine(stated, dt.time())
    else:
        sub.fecha_envio = document_modified(path) or file_modified(path)
    return sub


def _text(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())
