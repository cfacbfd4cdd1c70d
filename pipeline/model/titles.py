"""The words trackers title their columns with (docs/contract.md §3.2), per matrix column:
what pipeline.read.titles recognizes a title by when it is none of the column's own
titles and aliases (pipeline.model.columns).

A title names a column when it holds every word of one of the column's phrases, in any
order ("Target completion date" holds "completion date"; "Responsible department" holds
"responsible"). The phrase with the most words wins ("Responsible for measurement" is
the measurement's, not the responsible party's); a weak phrase counts half a word (in
"Action owner" the owner decides, in "Commitment status" the status). A title holding one
of a column's vetoes never names it: a "Start date" or an "Actual completion date" is no
deadline. Words are folded (no case, no accents); linking words are not words here.
"""

from __future__ import annotations

# Linking words, dropped before matching ("Fecha de término" is "fecha termino").
STOPWORDS = frozenset({
    "de", "del", "la", "las", "el", "los", "lo", "of", "the", "for", "para", "a", "al", "en",
    "in", "y", "and", "e", "o", "or", "por", "con", "with", "se", "su", "sus", "its", "to",
    "an", "un", "una",
})
# Words that make a title an item's number: "No.", "Nº", "#", "Ref.", "Item No.".
NUMBER_WORDS = frozenset({
    "no", "n", "nro", "num", "numero", "number", "ref", "referencia", "reference", "id",
    "codigo", "code", "identificador", "identifier", "folio", "sn",
})
# Words that may stand beside a number word in an id's title ("Action ID", "No. de acuerdo").
NUMBERED_THINGS = frozenset({
    "item", "accion", "action", "acuerdo", "compromiso", "commitment", "actividad",
    "activity", "task", "tarea", "medida", "recomendacion", "recommendation", "orden",
    "linea", "fila", "row", "consecutivo",
})

# key -> phrases (each a space-separated set of words)
PHRASES: dict[str, tuple[str, ...]] = {
    "responsable_medicion": (
        "responsable medicion", "responsible measurement", "measured by",
        "responsable medir", "responsible measuring", "responsable seguimiento indicador",
    ),
    "responsable": (
        "responsable", "responsible", "responsibility", "responsabilidad", "owner", "lead",
        "leader", "lider", "person charge", "persona cargo", "pic", "accountable",
        "accountability", "cargo", "encargado", "encargada", "assigned", "asignado",
        "asignada", "assignee", "champion", "ejecutor", "executor", "implementer",
        "implementing", "who", "quien", "ejecuta", "doer",
    ),
    "plazo": (
        "plazo", "deadline", "due", "due date", "target date", "end date", "completion date",
        "finish date", "finish", "fecha limite", "fecha cumplimiento", "fecha fin",
        "fecha final", "fecha termino", "fecha terminacion", "fecha vencimiento",
        "fecha finalizacion", "fecha conclusion", "fecha entrega", "fecha compromiso",
        "fecha meta", "fecha prevista", "fecha programada", "vencimiento", "timeline",
        "timeframe", "time frame", "cronograma", "when", "cuando", "target completion",
        "expected completion", "date completion", "fecha esperada", "periodo ejecucion",
        "tiempo ejecucion",
    ),
    "estado": (
        "estado", "status", "estatus", "situacion", "estado avance", "estado actual",
    ),
    "avance": (
        "avance", "progress", "progreso", "percent", "porcentaje", "percentage",
        "percent complete", "percent completado", "percent avance", "percent done",
        "grado avance", "nivel avance", "percent ejecucion", "ejecucion percent",
        "percent cumplimiento",
    ),
    "observaciones": (
        "observaciones", "observacion", "comentarios", "comentario", "comments", "comment",
        "notes", "note", "notas", "nota", "remarks", "remark", "action taken",
        "acciones realizadas", "acciones tomadas", "progress update", "progress notes",
        "progress comments", "progress made", "status update",
        "status comments", "status notes", "status description", "updates", "update",
        "actualizacion", "novedades", "follow up", "seguimiento",
    ),
    "indicadores": ("indicadores", "indicador", "indicator", "indicators", "kpi", "kpis"),
    "resultado_esperado": (
        "resultado esperado", "expected result", "expected outcome", "resultados esperados",
        "expected results", "producto esperado", "expected output", "meta esperada",
    ),
    "supuestos_riesgos": ("supuestos", "riesgos", "assumptions", "risks", "risk", "riesgo"),
    "reservado": ("reservado", "restricted", "confidencial", "confidential"),
    "grupo_trabajo": (
        "grupo trabajo", "working group", "mesa trabajo", "mesa", "workstream",
        "work stream",
    ),
    "pilar": ("pilar", "pillar"),
    "tema": ("tema", "theme", "topic", "area tematica", "thematic area", "eje tematico"),
    "actividad": (
        "actividad", "actividades", "activity", "activities", "descripcion", "description",
        "acuerdo", "acuerdos", "agreement", "agreements",
    ),
}
# Weak phrases: they name the column only when nothing stronger is in the title.
WEAK: dict[str, tuple[str, ...]] = {
    "actividad": (
        "action", "actions", "accion", "acciones", "action item", "task", "tasks", "tarea",
        "tareas", "commitment", "commitments", "compromiso", "compromisos",
        "recommendation", "recommendations", "recomendacion", "recomendaciones", "medida",
        "medidas", "deliverable", "entregable", "initiative", "iniciativa", "milestone",
        "hito", "what", "que", "subject", "asunto", "linea accion", "measure", "measures",
    ),
    "resultado_esperado": ("resultado", "resultados", "result", "results", "outcome"),
    "responsable": ("unidad", "area", "organismo", "dependencia", "department", "agency"),
}
# A title with one of these words never names the column.
VETOES: dict[str, frozenset[str]] = {
    "plazo": frozenset({
        "start", "started", "inicio", "begin", "beginning", "comienzo", "creation", "created",
        "creacion", "submission", "envio", "report", "reporting", "reporte", "informe",
        "update", "updated", "actualizacion", "last", "ultima", "ultimo", "raised",
        "opened", "apertura", "registro", "actual", "real", "closed", "cierre", "revision",
        "reviewed", "nacimiento", "birth", "lead", "days", "dias",
    }),
    "responsable": frozenset({"time", "tiempo", "medicion", "measurement", "measured"}),
    "estado": frozenset({"update", "comments", "notes", "description", "descripcion"}),
    "avance": frozenset({"update", "notes", "comments", "made", "comentarios", "notas",
                         "date", "fecha"}),
    "observaciones": frozenset({"date", "fecha", "by", "por"}),
    "actividad": frozenset({"taken", "realizadas", "tomadas", "next", "siguiente", "date",
                            "fecha", "status", "owner"}),
}
# The order ties are broken in (the more particular column first).
PRIORITY = ("id", "responsable_medicion", "responsable", "plazo", "estado", "avance",
            "observaciones", "indicadores", "resultado_esperado", "supuestos_riesgos",
            "reservado", "grupo_trabajo", "pilar", "tema", "actividad")
# A cell with more words than this is a sentence (a title block, an instruction), not a title.
MAX_TITLE_WORDS = 7
