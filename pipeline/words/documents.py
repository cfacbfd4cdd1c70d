"""The words of the documents people receive: feedback workbooks, reminder lists and their
messages, the annual report."""

from __future__ import annotations

from pipeline.words.entry import Entry

WORDS: dict[str, Entry] = {
    # Feedback workbooks
    "feedback.heading": ("Retroalimentación — {informante} — ronda {ronda}",
                         "Feedback — {informante} — round {ronda}"),
    "feedback.intro": ("Corrija las celdas señaladas en su archivo y envíelo de nuevo. En la "
                       "hoja «Matriz» cada celda con un problema está resaltada y tiene un "
                       "comentario.",
                       "Correct the cells listed in your file and send it again. On the "
                       "“Matrix” sheet every cell with a problem is highlighted and carries a "
                       "comment."),
    "feedback.none": ("No se encontraron problemas. ¡Gracias!",
                      "No problems were found. Thank you!"),
    "feedback.observed_sheet": ("Observaciones de sus ítems", "Observations of your items"),
    "feedback.observed_title": ("Observaciones sobre sus ítems", "Observations of your items"),
    "feedback.observed_note": ("{observadores} dio su propia valoración de estos ítems; las "
                               "que difieren del estado que usted informó van primero. No "
                               "cambian sus cifras: si desea aclarar algo, hágalo en la "
                               "columna «Observaciones» de su matriz.",
                               "{observadores} gave its own view of these items; the views "
                               "that differ from the status you reported come first. They do "
                               "not change your figures: if you wish to clarify something, "
                               "do so in the “Comments” column of your matrix."),
    "feedback.observed_pointer": (("{observadores} dio su valoración de {n} de sus ítems: vea "
                                   "la hoja «{hoja}».",
                                   "{observadores} dio su valoración de {n} de sus ítems: vea "
                                   "la hoja «{hoja}»."),
                                  ("{observadores} gave its view of {n} of your items: see the "
                                   "“{hoja}” sheet.",
                                   "{observadores} gave its view of {n} of your items: see the "
                                   "“{hoja}” sheet.")),
    "feedback.own_sheet": ("Sus observaciones", "Your observations"),
    "feedback.own_title": ("Sus observaciones de esta ronda", "Your observations this round"),
    "feedback.own_note": ("Cada observación que envió, con el estado oficial del ítem que "
                          "nombra. Las que no nombran ningún ítem conocido van primero y no "
                          "se cuentan: corrija su ID (la hoja «{problemas}» señala la celda).",
                          "Every observation you sent, with the official status of the item "
                          "it names. Those that name no known item come first and are not "
                          "counted: correct their ID (the “{problemas}” sheet points at the "
                          "cell)."),
    "feedback.restricted": ("Reservado", "Restricted"),
    "feedback.agreement_sin_item": ("Ítem no encontrado", "Item not found"),
    "feedback.agreement_difiere": ("Difiere", "Differs"),
    "feedback.agreement_coincide": ("Coincide", "Agrees"),
    "feedback.agreement_sin_comparar": ("Sin comparar", "Not compared"),
    # Reminder messages
    "reminder.greeting": ("Estimados puntos focales de {party}:",
                          "Dear {party} focal points,"),
    "reminder.intro": ("Según la matriz de seguimiento {de_red} al {as_of}, {overdue} y "
                       "{soon}:",
                       "According to the monitoring matrix {de_red} as of {as_of}, {overdue} "
                       "and {soon}:"),
    "reminder.overdue": (("{n} compromiso a su cargo tiene el plazo vencido",
                          "{n} compromisos a su cargo tienen el plazo vencido"),
                         ("{n} commitment in your charge is overdue",
                          "{n} commitments in your charge are overdue")),
    "reminder.distinct": ((" ({n} distinto, en varias líneas)",
                           " ({n} distintos: alguno figura en varias líneas)"),
                          (" ({n} distinct, on several lines)",
                           " ({n} distinct: some are on several lines)")),
    "reminder.soon": (("{n} vence en los próximos {window} días",
                       "{n} vencen en los próximos {window} días"),
                      ("{n} is due within the next {window} days",
                       "{n} are due within the next {window} days")),
    "reminder.days": (("{n} día de atraso", "{n} días de atraso"),
                      ("{n} day overdue", "{n} days overdue")),
    "reminder.item_overdue": ("- {actividad} (plazo {due}, {days}; informado por {informante})",
                              "- {actividad} (due {due}, {days}; reported by {informante})"),
    "reminder.item_soon": ("- {actividad} (plazo {due}; informado por {informante})",
                           "- {actividad} (due {due}; reported by {informante})"),
    "reminder.ask": ("Le agradeceremos actualizar su estado en la próxima matriz.",
                     "Please update their status in the next monitoring matrix."),
    "reminder.unidentified": (
        "Estas partes responsables no se reconocen, así que no recibieron una lista propia. "
        "Corrija el nombre en la matriz del informante (la columna «Sugerencia» dice el que "
        "probablemente quiso escribir) o, si es una parte nueva, añádala a la configuración "
        "(seguimiento.toml, [[responsables]]).",
        "These responsible parties are not recognized, so they got no list of their own. "
        "Correct the name in the reporter's matrix (the Suggestion column gives the one it "
        "probably meant) or, if it is a new party, add it to the configuration "
        "(seguimiento.toml, [[responsables]])."),
    "reminder.heading": ("Compromisos pendientes de {party} al {as_of}",
                         "Pending commitments of {party} as of {as_of}"),
    "reminder.everyone": ("todas las partes", "every party"),
    "reminder.nobody_known": ("partes no reconocidas", "parties not recognized"),
    # An observer's view under a reminded item (issue 20)
    "reminder.observed_status": ("{observer} observa: {status}",
                                 "{observer} observes: {status}"),
    "reminder.observed": ("{observer} observa", "{observer} observes"),
    "reminder.observed_text": ("— «{text}»", "— “{text}”"),
    "reminder.observed_evidence": ("(evidencia: {evidence})", "(evidence: {evidence})"),
    # The annual report
    # The annual report: its file names, one per language, so both editions can stand
    "report.file": ("informe_anual_{year}", "annual_report_{year}"),
    "report.file_public": ("informe_anual_{year}_publico", "annual_report_{year}_public"),
    "report.title": ("Informe anual {year} — {plan}", "Annual report {year} — {plan}"),
    "report.draft": ("BORRADOR para edición de {editores}. Generado por Seguimiento a "
                     "partir de las rondas {rounds}; revise y complete el texto antes de "
                     "circularlo.",
                     "DRAFT for {editores} to edit. Produced by Seguimiento from the rounds "
                     "{rounds}; review and complete the text before circulating it."),
    "report.s1": ("1. Compromisos logrados, en proceso y pendientes",
                  "1. Commitments achieved, in progress and pending"),
    "report.s1_text": ("Al cierre del año se da seguimiento a {actividades}: {finalizado}, "
                       "{en_proceso} y {pendiente} (tasa de finalización: {tasa} %).",
                       "At the end of the year, follow-up covers {actividades}: {finalizado}, "
                       "{en_proceso} and {pendiente} (completion rate: {tasa} %)."),
    "report.n_activities": (("{n} actividad", "{n} actividades"),
                            ("{n} activity", "{n} activities")),
    "report.n_achieved": (("{n} lograda", "{n} logradas"), ("{n} achieved", "{n} achieved")),
    "report.n_in_progress": (("{n} en proceso", "{n} en proceso"),
                             ("{n} in progress", "{n} in progress")),
    "report.n_pending": (("{n} pendiente o no alcanzada", "{n} pendientes o no alcanzadas"),
                         ("{n} pending or not achieved", "{n} pending or not achieved")),
    "report.s2": ("2. Balance del trabajo realizado", "2. Balance of the work done"),
    "report.s2_text": ("{vencidos}; {plazos}; {sin_responsable} y {sin_indicador}. La "
                       "completitud media de los envíos fue de {completitud} % en {rondas}.",
                       "{vencidos}; {plazos}; {sin_responsable} and {sin_indicador}. "
                       "Submissions were {completitud} % complete on average over {rondas}."),
    "report.n_overdue": (("{n} actividad tiene el plazo vencido",
                          "{n} actividades tienen el plazo vencido"),
                         ("{n} activity is overdue", "{n} activities are overdue")),
    "report.n_moved": (("{n} plazo se modificó durante el año",
                        "{n} plazos se modificaron durante el año"),
                       ("{n} deadline was moved during the year",
                        "{n} deadlines were moved during the year")),
    "report.n_unassigned": (("{n} actividad no tiene parte responsable",
                             "{n} actividades no tienen parte responsable"),
                            ("{n} activity has no responsible party",
                             "{n} activities have no responsible party")),
    "report.n_unmeasured": (("{n} no tiene indicador", "{n} no tienen indicador"),
                            ("{n} has no indicator", "{n} have no indicator")),
    "report.n_rounds": (("{n} ronda", "{n} rondas"), ("{n} round", "{n} rounds")),
    "report.s3": ("4. Recomendaciones y próximos pasos (borrador)",
                  "4. Recommendations and next steps (draft)"),
    "report.observed": ("3. Observaciones de {observadores}", "3. Observations by {observadores}"),
    "report.observed_text": ("{observadores} dio su propia valoración de ítems en {rondas} del "
                             "año. En la última ronda ({ronda}): {observados}; {coinciden} "
                             "con el estado oficial y {difieren}. Las observaciones no cuentan "
                             "como compromisos.",
                             "{observadores} gave its own view of items in {rondas} of the "
                             "year. In the last round ({ronda}): {observados}; {coinciden} "
                             "with the official status and {difieren}. Observations do not "
                             "count as commitments."),
    "report.observed_none": ("Ninguna ronda del año recibió observaciones.",
                             "No round of the year received observations."),
    "report.observed_others": ("los observadores", "the observers"),
    "report.n_observed": (("{n} ítem observado", "{n} ítems observados"),
                          ("{n} item observed", "{n} items observed")),
    "report.n_agree": (("{n} valoración coincide", "{n} valoraciones coinciden"),
                       ("{n} view agrees", "{n} views agree")),
    "report.n_differ": (("{n} difiere", "{n} difieren"), ("{n} differs", "{n} differ")),
    "report.observed_rounds": ("Observaciones por ronda", "Observations per round"),
    "report.differing": ("Valoraciones que difieren", "Differing views"),
    "report.differing_heading": ("Valoraciones que difieren del estado oficial ({ronda})",
                                 "Views that differ from the official status ({ronda})"),
    "report.differing_none": ("Ninguna valoración de la última ronda ({ronda}) difiere del "
                              "estado oficial.",
                              "No view of the last round ({ronda}) differs from the "
                              "official status."),
    "report.not_observed": ("—", "—"),
    "report.differing_line": ("{informante}, {id} «{actividad}»: estado oficial {oficial}; "
                              "según {observador}: {observado}. {observacion} {evidencia}",
                              "{informante}, {id} “{actividad}”: official status {oficial}; "
                              "according to {observador}: {observado}. {observacion} "
                              "{evidencia}"),
    "report.none": ("Sin recomendaciones derivadas de los datos.",
                    "No recommendations follow from the data."),
    "report.by_group": ("Estado por {grupo}", "Status by {grupo}"),
    "report.by_pillar": ("Estado por pilar", "Status by pillar"),
    "report.by_reporter": ("Estado por informante", "Status by reporter"),
    "report.overdue": ("Actividades vencidas", "Overdue activities"),
    "report.slipped": ("Plazos modificados", "Deadlines moved"),
    "report.submissions": ("Envíos por ronda", "Submissions per round"),
    "report.rounds": ("Cifras por ronda", "Figures per round"),
    "report.received": ("recibido", "received"),
    "report.missing": ("no recibido", "not received"),
    "report.unreadable": ("recibido, ilegible", "received, unreadable"),
    "report.sheet": ("Informe", "Report"),
    "print.page": ("Página {page} de {pages}", "Page {page} of {pages}"),
    "figure.not_applicable": ("n/a (sin fecha de cierre)", "n/a (no closing date)"),
    "figure.actividades": ("Actividades", "Activities"),
    "figure.finalizado": ("Logradas", "Achieved"),
    "figure.en_proceso": ("En proceso", "In progress"),
    "figure.pendiente": ("Pendientes o no alcanzadas", "Pending or not achieved"),
    "figure.tasa_finalizacion": ("Finalización (%)", "Completion (%)"),
    "figure.vencidos": ("Vencidas", "Overdue"),
    "figure.plazos_modificados": ("Plazos modificados", "Deadlines moved"),
    "figure.sin_responsable": ("Sin parte responsable", "No responsible party"),
    "figure.sin_indicador": ("Sin indicador", "No indicator"),
    "figure.rondas": ("Rondas", "Rounds"),
    "figure.completitud_media": ("Completitud media de envíos (%)",
                                 "Average submission completeness (%)"),
    "advice.follow_up": ("Dar seguimiento a «{actividad}» ({informante}; responsable: {who}): "
                         "plazo {due}, {days}.",
                         "Follow up “{actividad}” ({informante}; responsible: {who}): due "
                         "{due}, {days}."),
    "advice.nobody": ("sin responsable", "nobody named"),
    "advice.missed": ("{informante} no envió su matriz en {rounds} ({which}): acordar un punto "
                      "focal y una fecha.",
                      "{informante} did not submit in {rounds} ({which}): agree on a focal "
                      "point and a date."),
    "advice.unreadable": ("El archivo de {informante} llegó pero no se pudo leer ({which}): "
                          "pedirle que lo envíe de nuevo, guardado como .xlsx y sin "
                          "contraseña.",
                          "{informante}'s file arrived but could not be read ({which}): ask "
                          "for it again, saved as .xlsx and without a password."),
    "advice.of_rounds": (("{missed} de {n} ronda", "{missed} de {n} rondas"),
                         ("{missed} of {n} round", "{missed} of {n} rounds")),
    "list.or": (" o ", " or "),
    "numbers": ("uno dos tres cuatro cinco seis siete ocho nueve diez",
                "one two three four five six seven eight nine ten"),
    "advice.too_many": ("{group} tiene {count} actividades con plazo en {year}; el {plan_red} "
                        "prevé un máximo de {maximo}: priorizar.",
                        "{group} has {count} activities due in {year}; the {plan_red} "
                        "allows at most {maximo}: prioritize."),
    "advice.assign": (("Asignar parte responsable a la actividad que no la tiene.",
                       "Asignar parte responsable a las {n} actividades que no la tienen."),
                      ("Assign a responsible party to the one activity without one.",
                       "Assign a responsible party to the {n} activities without one.")),
    "advice.measure": (("Definir indicadores para la actividad que no los tiene.",
                        "Definir indicadores para las {n} actividades que no los tienen."),
                       ("Define indicators for the one activity without them.",
                        "Define indicators for the {n} activities without them.")),
}
