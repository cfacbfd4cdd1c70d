"""The words of the indicators (issue 24) wherever they are shown beyond the round's tables:
the page's section, the reminders, the feedback workbook and the annual report."""

from __future__ import annotations

from pipeline.words.entry import Entry

WORDS: dict[str, Entry] = {
    "number.decimal": (",", "."),  # the decimal mark a number is shown with
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
    "feedback.indicators_title": ("Sus indicadores: valor frente a la meta",
                                  "Your indicators: value against the target"),
    "feedback.indicators_note": (
        "Cada indicador que informó, con su avance hacia la meta y lo esperado a la fecha en "
        "línea recta desde la línea base; primero los atrasados y en riesgo. Un indicador sin "
        "ítem no corresponde a ninguna de sus actividades: corrija su ID (la hoja {problemas} "
        "dice dónde).",
        "Each indicator you reported, with its progress toward the target and what was "
        "expected by now on a straight line from the baseline; those behind and at risk "
        "first. An indicator with no item matches none of your activities: correct its ID "
        "(the {problemas} sheet says where)."),
    "feedback.indicators_no_item": ("Sin ítem", "No item"),
    "report.indicators": ("Indicadores: metas y valores", "Indicators: targets and values"),
    "report.indicators_none": ("Ninguna ronda del año informó indicadores con línea base y "
                               "meta.",
                               "No round of the year reported indicators with a baseline and "
                               "a target."),
    "report.indicators_text": (
        "{n} con su valor en la última ronda del año que lo informó. Con la meta alcanzada: "
        "{met}; en camino: {on_track}; en riesgo: {at_risk}; atrasados: {behind}.",
        "{n} with its value at the year's last round that reported it. Target met: {met}; "
        "on track: {on_track}; at risk: {at_risk}; behind: {behind}."),
    "report.n_indicators": (("1 indicador", "{n} indicadores"),
                            ("1 indicator", "{n} indicators")),
    "report.n_targets": (("1 meta", "{n} metas"), ("1 target", "{n} targets")),
    "report.targets": ("Metas y valores", "Targets and values"),
    "report.review": ("Revisión al fin del plan", "Review at the plan's end"),
    "report.review_text": (
        "El plan termina el {fin}: según el último valor informado de cada meta, se "
        "cumplieron {met} de {total}; {not_met} no se cumplieron y {no_value} no tienen valor "
        "con que juzgarlas. Es la base para redefinir el plan.",
        "The plan ends on {fin}: by each target's last reported value, {met} of {total} were "
        "met; {not_met} were not and {no_value} have no value to judge them by. It is the "
        "basis for redefining the plan."),
    "report.review_later": (
        "El plan termina el {fin}: la revisión de qué metas se cumplieron estará en el "
        "informe de ese año.",
        "The plan ends on {fin}: the review of which targets were met will be in that "
        "year's report."),
    "report.review_no_value": ("Sin valor", "No value"),
    "column.meta_cumplida": ("¿Meta cumplida?", "Target met?"),
}
