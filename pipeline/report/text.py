"""The words of the annual report, in Spanish and English."""

from __future__ import annotations

WORDS = {
    "es": {
        "title": "Informe anual {year} — {plan}",
        "draft": "BORRADOR para edición de la Presidencia Pro-Tempore y la Secretaría "
                 "Ejecutiva. Generado por Seguimiento a partir de las rondas {rounds}; "
                 "revise y complete el texto antes de circularlo.",
        "s1": "1. Compromisos logrados, en proceso y pendientes",
        "s1_text": "Al cierre del año se da seguimiento a {actividades} actividades: "
                   "{finalizado} logradas, {en_proceso} en proceso y {pendiente} pendientes "
                   "o no alcanzadas (tasa de finalización: {tasa_finalizacion} %).",
        "s2": "2. Balance del trabajo realizado",
        "s2_text": "{vencidos} actividades tienen el plazo vencido; {plazos_modificados} "
                   "plazos se modificaron durante el año; {sin_responsable} actividades no "
                   "tienen parte responsable y {sin_indicador} no tienen indicador. La "
                   "completitud media de los envíos fue de {completitud_media} % en "
                   "{rondas} rondas.",
        "s3": "3. Recomendaciones y próximos pasos (borrador)",
        "none": "Sin recomendaciones derivadas de los datos.",
        "by_group": "Estado por grupo de trabajo", "by_pillar": "Estado por pilar",
        "by_reporter": "Estado por informante", "overdue": "Actividades vencidas",
        "slipped": "Plazos modificados", "submissions": "Envíos por ronda",
        "rounds": "Cifras por ronda", "received": "recibido", "missing": "no recibido",
        "report": "Informe", "figure": "Cifra", "value": "Valor",
    },
    "en": {
        "title": "Annual report {year} — {plan}",
        "draft": "DRAFT for the Pro-Tempore Presidency and the Executive Secretariat to edit. "
                 "Produced by Seguimiento from the rounds {rounds}; review and complete the "
                 "text before circulating it.",
        "s1": "1. Commitments achieved, in progress and pending",
        "s1_text": "At the end of the year {actividades} activities are followed up: "
                   "{finalizado} achieved, {en_proceso} in progress and {pendiente} pending "
                   "or not achieved (completion rate: {tasa_finalizacion} %).",
        "s2": "2. Balance of the work done",
        "s2_text": "{vencidos} activities are overdue; {plazos_modificados} deadlines were "
                   "moved during the year; {sin_responsable} activities have no responsible "
                   "party and {sin_indicador} have no indicator. Submissions were "
                   "{completitud_media} % complete on average over {rondas} rounds.",
        "s3": "3. Recommendations and next steps (draft)",
        "none": "No recommendations follow from the data.",
        "by_group": "Status by working group", "by_pillar": "Status by pillar",
        "by_reporter": "Status by reporter", "overdue": "Overdue activities",
        "slipped": "Deadlines moved", "submissions": "Submissions per round",
        "rounds": "Figures per round", "received": "received", "missing": "not received",
        "report": "Report", "figure": "Figure", "value": "Value",
    },
}
FIGURE_LABELS = {
    "es": {"actividades": "Actividades", "finalizado": "Logradas", "en_proceso": "En proceso",
           "pendiente": "Pendientes o no alcanzadas", "tasa_finalizacion": "Finalización (%)",
           "vencidos": "Vencidas", "plazos_modificados": "Plazos modificados",
           "sin_responsable": "Sin parte responsable", "sin_indicador": "Sin indicador",
           "rondas": "Rondas", "completitud_media": "Completitud media de envíos (%)"},
    "en": {"actividades": "Activities", "finalizado": "Achieved", "en_proceso": "In progress",
           "pendiente": "Pending or not achieved", "tasa_finalizacion": "Completion (%)",
           "vencidos": "Overdue", "plazos_modificados": "Deadlines moved",
           "sin_responsable": "No responsible party", "sin_indicador": "No indicator",
           "rounds": "Rounds", "rondas": "Rounds",
           "completitud_media": "Average submission completeness (%)"},
}
