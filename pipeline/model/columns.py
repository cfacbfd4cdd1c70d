"""The matrix columns (docs/contract.md §3.1): their keys, titles, widths and the other titles they
are known by (which pipeline.read.header recognizes), and Excel's column letters."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.words import lang_of, word


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    width: int
    aliases: tuple[str, ...] = ()  # other titles it is known by (besides its two titles)
    titles: tuple[tuple[str, str], ...] = ()  # (lang, title): a network's own (its groups')

    def title(self, lang: str) -> str:
        own = dict(self.titles).get(lang_of(lang))
        return own or word(f"column.{self.key}", lang)


COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("id", 12, ("código", "codigo", "code", "identificador", "id actividad")),
    ColumnSpec("grupo_trabajo", 22,
               ("grupo", "working group", "grupo de trabajo responsable", "mesa",
                "mesa de trabajo", "round table")),
    ColumnSpec("pilar", 24,
               ("pilar", "pilar que se atiende", "pillar", "pilar estratégico")),
    ColumnSpec("tema", 26, ("theme", "topic", "tema prioritario")),
    ColumnSpec("actividad", 48,
               ("actividad", "actividades", "actividades prioritarias", "activity",
                "activities", "priority activities", "acuerdo", "acuerdos", "agreement",
                "descripción", "description", "compromiso", "compromisos")),
    ColumnSpec("resultado_esperado", 36,
               ("resultado esperado", "resultados esperados", "resultado", "resultados",
                "expected result", "expected results")),
    ColumnSpec("indicadores", 36,
               ("indicadores de resultados", "indicadores de resultado", "indicadores",
                "indicador", "indicadores de impacto", "indicators", "indicator",
                "result indicators", "impact indicators")),
    ColumnSpec("responsable_medicion", 24,
               ("responsables de su medición", "responsable de medición",
                "responsible for measurement", "measured by")),
    ColumnSpec("responsable", 26,
               ("responsable", "responsables", "partes responsables", "responsible party",
                "responsible parties", "responsible", "a cargo de")),
    ColumnSpec("plazo", 18,
               ("plazo", "plazos", "fecha límite", "fecha limite", "deadline", "due date",
                "plazo para monitorear los indicadores objetivos y resultados",
                "fecha de cumplimiento")),
    ColumnSpec("estado", 16, ("status", "estatus", "situación")),
    ColumnSpec("avance", 12,
               ("avance", "porcentaje de avance", "% de avance", "progress", "progreso")),
    ColumnSpec("supuestos_riesgos", 30,
               ("supuestos", "riesgos", "supuestos y riesgos", "assumptions", "risks",
                "assumptions and risks")),
    ColumnSpec("observaciones", 36,
               ("comentarios", "comments", "observations", "notas", "notes")),
    ColumnSpec("reservado", 14,
               ("reservado", "restricted", "confidencial", "confidential")),
)
KEYS: tuple[str, ...] = tuple(c.key for c in COLUMNS)
BY_KEY: dict[str, ColumnSpec] = {c.key: c for c in COLUMNS}
# Without these the sheet can hardly be followed up: said once per sheet.
EXPECTED_KEYS = ("pilar", "indicadores", "responsable", "plazo", "estado")

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
