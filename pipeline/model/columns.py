"""The matrix columns (SPEC §3.1), their titles and the aliases we recognize (SPEC §3.2).

A title matches when, folded (no case, accents, punctuation) and stripped of its
parenthesized explanation, it equals one of the aliases of a column: "Plazo de
cumplimiento (1er año, 2do año, 3er año)" is the deadline, "Resultado (s) esperado (s)"
the expected result.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.normalize.text import fold_title


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    es: str
    en: str
    width: int
    aliases: tuple[str, ...] = ()

    def title(self, lang: str) -> str:
        return self.en if lang == "en" else self.es


COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("id", "ID", "ID", 12, ("código", "codigo", "code", "identificador", "id actividad")),
    ColumnSpec("grupo_trabajo", "Grupo de trabajo", "Working group", 22,
               ("grupo", "working group", "grupo de trabajo responsable")),
    ColumnSpec("pilar", "Pilar programático", "Programmatic pillar", 24,
               ("pilar", "pilar que se atiende", "pillar", "pilar estratégico")),
    ColumnSpec("tema", "Tema", "Theme", 26, ("theme", "topic", "tema prioritario")),
    ColumnSpec("actividad", "Descripción de la actividad", "Activity description", 48,
               ("actividad", "actividades", "actividades prioritarias", "activity",
                "activities", "priority activities", "acuerdo", "acuerdos", "agreement",
                "descripción", "description", "compromiso", "compromisos")),
    ColumnSpec("resultado_esperado", "Resultado(s) esperado(s)", "Expected result(s)", 36,
               ("resultado esperado", "resultados esperados", "resultado", "resultados",
                "expected result", "expected results")),
    ColumnSpec("indicadores", "Indicadores de resultados / impacto",
               "Result / impact indicators", 36,
               ("indicadores de resultados", "indicadores de resultado", "indicadores",
                "indicador", "indicadores de impacto", "indicators", "indicator",
                "result indicators", "impact indicators")),
    ColumnSpec("responsable_medicion", "Responsable de la medición",
               "Responsible for measurement", 24,
               ("responsables de su medición", "responsable de medición",
                "responsible for measurement", "measured by")),
    ColumnSpec("responsable", "Parte responsable", "Responsible party", 26,
               ("responsable", "responsables", "partes responsables", "responsible party",
                "responsible parties", "responsible", "a cargo de")),
    ColumnSpec("plazo", "Plazo de cumplimiento", "Deadline", 18,
               ("plazo", "plazos", "fecha límite", "fecha limite", "deadline", "due date",
                "plazo para monitorear los indicadores objetivos y resultados",
                "fecha de cumplimiento")),
    ColumnSpec("estado", "Estado", "Status", 16, ("status", "estatus", "situación")),
    ColumnSpec("avance", "Avance (%)", "Progress (%)", 12,
               ("avance", "porcentaje de avance", "% de avance", "progress", "progreso")),
    ColumnSpec("supuestos_riesgos", "Supuestos o riesgos", "Assumptions or risks", 30,
               ("supuestos", "riesgos", "supuestos y riesgos", "assumptions", "risks",
                "assumptions and risks")),
    ColumnSpec("observaciones", "Observaciones", "Comments", 36,
               ("comentarios", "comments", "observations", "notas", "notes")),
    ColumnSpec("reservado", "Reservado (solo gobiernos)", "Restricted (governments only)", 14,
               ("reservado", "restricted", "confidencial", "confidential")),
)
KEYS: tuple[str, ...] = tuple(c.key for c in COLUMNS)
BY_KEY: dict[str, ColumnSpec] = {c.key: c for c in COLUMNS}
# Without these the sheet can hardly be followed up: said once per sheet.
EXPECTED_KEYS = ("pilar", "indicadores", "responsable", "plazo", "estado")

_ALIAS_INDEX: dict[str, str] = {}
for _spec in COLUMNS:
    for _name in (_spec.es, _spec.en, *_spec.aliases):
        _ALIAS_INDEX.setdefault(fold_title(_name), _spec.key)

HEADER_SCAN_ROWS = 30

def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters

def column_index(letters: str) -> int:
    """0-based index of a column letter: "A" -> 0, "AB" -> 27 (inverse of column_letter)."""
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


def column_key(title: object) -> str | None:
    """The matrix column a header cell names, or None."""
    if not isinstance(title, str):
        return None
    return _key_of(title)


@functools.lru_cache(maxsize=4096)
def _key_of(title: str) -> str | None:
    """Every file of a round repeats the same titles: each is folded once."""
    return _ALIAS_INDEX.get(fold_title(title))


@dataclass(frozen=True)
class Header:
    """Where a matrix starts in a sheet: its header row and which column is which key."""

    row: int  # 0-based index into the sheet's rows
    columns: dict[str, int]  # key -> 0-based column index
    titles: dict[str, str]  # key -> the title as written
    extras: dict[str, int]  # other titled columns (kept, not lost): title -> column index


# Besides the activity, a header must name this many other matrix columns (not counting
# the id) to be taken for a matrix: "id, name, description" or "Description, status" are
# other tables.
MIN_OTHER_COLUMNS = 2


def find_header(rows: Sequence[Sequence[object]]) -> Header | None:
    """The first row among the first rows of a sheet that names the activity column and at
    least two other matrix columns; title blocks and blank rows above it are skipped."""
    best: Header | None = None
    for r, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        header = _header_at(r, row)
        others = len(set(header.columns) - {"actividad", "id"})
        if "actividad" in header.columns and others >= MIN_OTHER_COLUMNS and (
            best is None or len(header.columns) > len(best.columns)
        ):
            best = header
            if len(header.columns) >= 5:
                break
    return best


def titles_found(rows: Sequence[Sequence[object]]) -> list[str]:
    """The matrix titles of the row naming the most of them, as written (for a sheet that
    is not taken for a matrix: what was found there)."""
    headers = [_header_at(r, row) for r, row in enumerate(rows[:HEADER_SCAN_ROWS])]
    best = max(headers, key=lambda h: len(h.columns), default=None)
    return list(best.titles.values()) if best is not None else []


def _header_at(r: int, row: Sequence[object]) -> Header:
    columns: dict[str, int] = {}
    titles: dict[str, str] = {}
    extras: dict[str, int] = {}
    for c, cell in enumerate(row):
        key = column_key(cell)
        title = " ".join(str(cell).split()) if cell not in (None, "") else ""
        if key and key not in columns:
            columns[key] = c
            titles[key] = title
        elif title and title not in extras:
            extras[title] = c
    return Header(r, columns, titles, extras)
