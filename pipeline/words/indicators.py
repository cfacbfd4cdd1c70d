"""The words of the indicators (issue 24) wherever they are shown beyond the round's tables:
the page's section, the reminders, the feedback workbook and the annual report."""

from __future__ import annotations

from pipeline.words.entry import Entry

WORDS: dict[str, Entry] = {
    "web.indicators_nav": ("Indicadores", "Indicators"),
    "web.indicators_heading": ("Indicadores: valores frente a la meta",
                               "Indicators: values against the target"),
    "web.indicators_intro": (
        "Cada indicador con su valor en cada ronda guardada, su meta (línea verde "
        "discontinua) y su línea base (línea gris punteada); primero los atrasados y en "
        "riesgo. Los valores de cada gráfico están en la tabla que lo acompaña.",
        "Each indicator with its value in each stored round, its target (dashed green line) "
        "and its baseline (dotted grey line); those behind and at risk first. Each chart's "
        "values are in the table beside it."),
    "web.indicators_more": ("… y {n} indicadores más en indicadores.csv.",
                            "… and {n} more indicators in indicadores.csv."),
    "web.indicators_value": ("Valor", "Value"),
    "web.indicators_target": ("Meta", "Target"),
    "web.indicators_baseline": ("Línea base", "Baseline"),
    "web.indicators_round": ("Ronda", "Round"),
    "web.indicators_progress": ("Avance", "Progress"),
    "web.indicators_expected": ("Esperado", "Expected"),
    "web.indicators_unit": ("Unidad", "Unit"),
    "web.indicators_reporter": ("Informante", "Reporter"),
    "web.indicators_progress_pct": ("avance {n} %", "progress {n} %"),
    "web.indicators_expected_pct": ("esperado a la fecha {n} %", "expected by now {n} %"),
    "web.indicators_summary": (
        "{indicador}: {valor} en {ronda}; meta {meta} para {fecha}; línea base {base}; "
        "{situacion}.",
        "{indicador}: {valor} in {ronda}; target {meta} by {fecha}; baseline {base}; "
        "{situacion}."),
    "measured.line": ("Indicador «{indicador}»: {valor} {meta} — {situacion}",
                      "Indicator “{indicador}”: {valor} {meta} — {situacion}"),
    "measured.value": ("{valor}{unidad}", "{valor}{unidad}"),
    "measured.no_value": ("sin valor en esta ronda", "no value this round"),
    "measured.target": ("de una meta de {meta} para {fecha}", "of a target of {meta} by {fecha}"),
    "measured.no_target": ("(sin meta)", "(no target)"),
    "measured.progress": (", avance {avance} %", ", progress {avance} %"),
    "column.indicadores_medidos": ("Indicadores: valor frente a la meta",
                                   "Indicators: value against the target"),
}
