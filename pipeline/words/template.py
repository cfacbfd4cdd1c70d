"""The words of the template a focal point fills: its sheets, its submission block, its
instructions, its dropdown messages."""

from __future__ import annotations

from pipeline.words.entry import Entry

WORDS: dict[str, Entry] = {
    "template.sheet.instrucciones": ("Instrucciones", "Instructions"),
    "template.sheet.matriz": ("Matriz", "Matrix"),
    "template.sheet.listas": ("Listas", "Lists"),
    "template.contacto_nombre": ("Nombre de quien informa", "Name of the person reporting"),
    "template.contacto_institucion": ("Institución", "Institution"),
    "template.contacto_correo": ("Correo electrónico", "E-mail"),
    "template.contacto_telefono": ("Teléfono", "Phone"),
    "template.fecha_envio": ("Fecha de envío (dd/mm/aaaa)", "Date of submission (dd/mm/yyyy)"),
    "template.instruction.0": (
        "Esta es la matriz de seguimiento de los acuerdos y actividades {de_red_nombre}. "
        "Llénela en Excel o LibreOffice y devuélvala por correo a la {secretaria} antes de la "
        "reunión trimestral.",
        "This is the monitoring matrix of the agreements and activities {de_red_nombre}. "
        "Fill it in Excel or LibreOffice and e-mail it back to the {secretaria} before the "
        "quarterly meeting."),
    "template.instruction.1": (
        "1. En la hoja «Matriz», escriba su nombre, institución, correo, teléfono y la fecha "
        "de envío en las casillas de arriba (no se publican: la edición pública los omite).",
        "1. On the “Matrix” sheet, write your name, institution, e-mail, phone and the date of "
        "submission in the boxes at the top (never published: the public edition omits them)."),
    "template.instruction.2": (
        "2. Escriba una actividad por fila, desde la fila 10. No cambie los títulos de las "
        "columnas ni el orden de las columnas; la columna ID la llena la Secretaría.",
        "2. Write one activity per row, from row 10 down. Do not change the column titles or "
        "their order; the Secretariat fills the ID column."),
    "template.instruction.3": (
        "3. Descripción de la actividad: obligatoria. Indicadores: cómo se medirá el resultado.",
        "3. Activity description: required. Indicators: how the result will be measured."),
    "template.instruction.4": (
        "4. Parte responsable: quién debe cumplir ({responsables}). Si son varios, "
        "sepárelos con «;».",
        "4. Responsible party: who must carry it out ({responsables}). Separate several "
        "with “;”."),
    "template.instruction.5": (
        "5. Plazo de cumplimiento: una fecha (31/03/2027), un mes (marzo 2027), un trimestre "
        "(T1 2027), un semestre (S1 2027){formas_plazo}. «Permanente» o «por definir» no "
        "permiten saber si una actividad está vencida.",
        "5. Deadline: a date (31/03/2027), a month (March 2027), a quarter (Q1 2027), a "
        "semester (H1 2027){formas_plazo}. “Ongoing” or “to be defined” make it impossible "
        "to tell whether an activity is overdue."),
    "template.instruction.6": (
        "6. Estado: {estados}. Avance: un número de 0 a 100.",
        "6. Status: {estados}. Progress: a number from 0 to 100."),
    "template.instruction.7": (
        "7. {reservado}: escriba «Sí» si la actividad no debe publicarse {reservado_de}.",
        "7. {reservado}: write “Yes” if the activity must not be published {reservado_de}."),
    "network.reservado_de": ("fuera de la red", "outside the network"),
    "template.instruction.8": (
        "Las listas desplegables ayudan, pero puede escribir otro valor: la Secretaría le "
        "avisará si no lo reconoce. No proteja el archivo con contraseña.",
        "The dropdown lists help, but you may type another value: the Secretariat will tell "
        "you if it is not recognized. Do not protect the file with a password."),
    "template.heading": (
        "Matriz de seguimiento — {reporter} — ronda {ronda}",
        "Monitoring matrix — {reporter} — round {ronda}"),
    "template.choose": ("Elija un valor de la lista.", "Choose a value from the list."),
    "template.keep_anyway": (
        "Este valor no está en la lista. ¿Conservarlo de todos modos?",
        "This value is not in the list. Keep it anyway?"),
    "template.progress": ("Escriba un número de 0 a 100.", "Write a number from 0 to 100."),
    "template.deadline_title": ("Plazo", "Deadline"),
    "template.deadline_hint": (
        "Una fecha (31/03/2027), un mes (marzo 2027), un trimestre (T1 2027){formas_plazo}.",
        "A date (31/03/2027), a month (March 2027), a quarter (Q1 2027){formas_plazo}."),
    # The observer's sheet (pipeline.model.sides.OBSERVATIONS): its titles, then its words.
    "observaciones.column.id": ("ID", "ID"),
    "observaciones.column.informante": ("Informante", "Reporter"),
    "observaciones.column.actividad": ("Descripción de la actividad", "Activity description"),
    "observaciones.column.responsable": ("Parte responsable", "Responsible party"),
    "observaciones.column.plazo": ("Plazo de cumplimiento", "Deadline"),
    "observaciones.column.estado_oficial": ("Estado oficial", "Official status"),
    "observaciones.column.avance_oficial": ("Avance oficial (%)", "Official progress (%)"),
    "observaciones.column.estado_observado": ("Estado observado", "Observed status"),
    "observaciones.column.evidencia": ("Evidencia", "Evidence"),
    "observaciones.column.observacion": ("Observación", "Observation"),
    "observaciones.column.ambito": ("Ámbito", "Level"),
    "observaciones.column.fecha_observacion": ("Fecha de la observación", "Date observed"),
    "observaciones.heading": (
        "Observaciones de {reporter} — ronda {ronda}",
        "Observations by {reporter} — round {ronda}"),
    "observaciones.note": (
        "Una fila por ítem de la ronda anterior. Las columnas grises son el informe oficial: "
        "no las cambie. Si observó el ítem, elija el estado que usted observó (o Sin "
        "información), anote la evidencia (un enlace, un documento o un lugar), su "
        "observación, el ámbito y la fecha. Deje en blanco lo que no observó.",
        "One row per item of the previous round. The grey columns are the official report: "
        "do not change them. If you observed the item, choose the status you observed (or No "
        "information), note the evidence (a link, a document or a place), your observation, "
        "the level and the date. Leave blank what you did not observe."),
    "observaciones.instruction": (
        "Observaciones: en la hoja «{sheet}» usted da su propia valoración de cada "
        "compromiso de los demás, con su evidencia. No es un compromiso nuevo: se muestra "
        "junto al estado oficial en el consolidado, el tablero, los recordatorios y el "
        "informe anual, y la reunión ve primero dónde las dos miradas difieren.",
        "Observations: in the “{sheet}” sheet you give your own view of each of the others' "
        "commitments, with its evidence. It is not a new commitment: it stands beside the "
        "official status in the consolidated workbook, the page, the reminders and the annual "
        "report, and the meeting sees first where the two views differ."),
    "observaciones.choose_status": (
        "Elija el estado que observó, o Sin información.",
        "Choose the status you observed, or No information."),
    "observaciones.choose_level": ("Local, nacional o regional.", "Local, national or regional."),
    # The indicators sheet (pipeline.model.sides.INDICATORS).
    "indicadores.column.id": ("ID del ítem", "Item ID"),
    "indicadores.column.actividad": ("Descripción de la actividad", "Activity description"),
    "indicadores.column.indicador": ("Indicador", "Indicator"),
    "indicadores.column.unidad": ("Unidad", "Unit"),
    "indicadores.column.linea_base": ("Línea base", "Baseline"),
    "indicadores.column.fecha_linea_base": ("Fecha de línea base", "Baseline date"),
    "indicadores.column.meta": ("Meta", "Target"),
    "indicadores.column.fecha_meta": ("Fecha de la meta", "Target date"),
    "indicadores.column.valor_anterior": ("Valor anterior", "Previous value"),
    "indicadores.column.valor": ("Valor de esta ronda", "This round's value"),
    "indicadores.column.fecha_valor": ("Fecha del valor", "Date of value"),
    "indicadores.column.fuente": ("Fuente o evidencia", "Source or evidence"),
    "indicadores.column.responsable_medicion": ("Responsable de la medición",
                                                "Responsible for measurement"),
    "indicadores.heading": (
        "Indicadores de {reporter} — ronda {ronda}",
        "Indicators of {reporter} — round {ronda}"),
    "indicadores.note": (
        "Una fila por indicador de sus ítems. Escriba la línea base y la meta (valor y fecha) "
        "una vez; en cada ronda, el valor de esta ronda y su fecha. El valor anterior se "
        "muestra al lado. Escriba números (1234,5 o 45 %) y la unidad en su columna. Un ítem "
        "puede tener varios indicadores: una fila cada uno.",
        "One row per indicator of your items. Write the baseline and the target (value and "
        "date) once; each round, this round's value and its date. The previous value is shown "
        "beside it. Write numbers (1234.5 or 45 %) and the unit in its column. An item may "
        "have several indicators: one row each."),
    "indicadores.instruction": (
        "Indicadores: en la hoja «{sheet}» cada indicador de sus ítems tiene su línea base, su "
        "meta y el valor de esta ronda; Seguimiento calcula si va en camino a la meta.",
        "Indicators: in the “{sheet}” sheet each indicator of your items has its baseline, its "
        "target and this round's value; Seguimiento computes whether it is on track."),
    "indicadores.choose_item": ("Elija uno de sus ítems.", "Choose one of your items."),
}
INSTRUCTIONS = 9  # template.instruction.0 ... in order
