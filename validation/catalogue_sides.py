"""The issues of the per-item side sheets (observations, indicators): each says what is
wrong with the row and what to do, at its cell."""

from __future__ import annotations

from validation.entry import WARNING, Entry

SIDE_ENTRIES: dict[str, Entry] = {
    "observacion-sin-item": Entry(
        WARNING,
        "La observación nombra «{valor}», que no es ningún ítem de esta ronda ni del último "
        "informe guardado de ningún informante; se conservó en observaciones.csv sin "
        "contarla. Escriba el ID del ítem tal como aparece en la hoja de observaciones de la "
        "plantilla.",
        "The observation names “{valor}”, which is no item of this round or of any "
        "reporter's last stored report; it was kept in observaciones.csv but not counted. "
        "Write the item's ID as it appears in the template's observations sheet.",
    ),
    "estado-observado-desconocido": Entry(
        WARNING,
        "No se reconoce el estado observado «{valor}»; se conservó como está. Use "
        "{estados}, o Sin información.",
        "The observed status “{valor}” is not recognized; it was kept as written. Use "
        "{estados}, or No information.",
    ),
    "ambito-desconocido": Entry(
        WARNING,
        "No se reconoce el ámbito «{valor}»; se conservó como está. Use Local, Nacional o "
        "Regional.",
        "The level “{valor}” is not recognized; it was kept as written. Use Local, National "
        "or Regional.",
    ),
    "observacion-repetida": Entry(
        WARNING,
        "El ítem «{valor}» ya tiene una observación suya en la fila {primera}; esta fila no se "
        "contó. Deje una sola observación por ítem (la que valga ahora).",
        "The item “{valor}” already has an observation of yours in row {primera}; this row "
        "was not counted. Keep one observation per item (the one that holds now).",
    ),
    "observacion-item-propio": Entry(
        WARNING,
        "«{valor}» es un ítem suyo: un observador no observa sus propios ítems. Informe su "
        "estado en su matriz, como los demás informantes.",
        "“{valor}” is one of your own items: an observer does not observe its own items. "
        "Report its status in your matrix, as the other reporters do.",
    ),
    "observacion-otro-informante": Entry(
        WARNING,
        "El ID «{valor}» es de un ítem de {dueno}, no de {informante}; la observación no se "
        "contó. Corrija el informante, o el ID si quiso nombrar un ítem de {informante}.",
        "The ID “{valor}” is an item of {dueno}'s, not {informante}'s; the observation was "
        "not counted. Correct the reporter, or the ID if you meant an item of "
        "{informante}'s.",
    ),
    "observaciones-sin-observador": Entry(
        WARNING,
        "Esta hoja tiene observaciones de otros ítems, pero {informante} no es observador "
        "(observan: {observadores}); no se leyó. Si {informante} debe observar, agréguelo a "
        "«observadores» en la configuración; si no, quite la hoja o informe sus propias "
        "actividades en la matriz.",
        "This sheet holds observations of other items, but {informante} is no observer "
        "(observers: {observadores}); it was not read. If {informante} is to observe, add it "
        "to “observadores” in the configuration; otherwise remove the sheet, or report its "
        "own activities in the matrix.",
    ),
    "observacion-fecha-ilegible": Entry(
        WARNING,
        "No se pudo leer «{valor}» como la fecha de la observación; se dejó sin fecha. "
        "Escriba un día (31/12/2027) o un periodo (T4 2027, dic-2027).",
        "“{valor}” could not be read as the observation's date; it was left without one. "
        "Write a day (31/12/2027) or a period (Q4 2027, Dec 2027).",
    ),
    "indicador-sin-item": Entry(
        WARNING,
        "El indicador nombra el ítem «{valor}», que no es ninguno de este informante; se "
        "conservó en indicadores.csv sin publicarlo. Elija el ID del ítem en la lista "
        "desplegable de la hoja de indicadores, o escríbalo como aparece en su matriz.",
        "The indicator names the item “{valor}”, which is none of this reporter's; it was "
        "kept in indicadores.csv, not published. Choose the item's ID from the dropdown "
        "list of the indicators sheet, or write it as it appears in your matrix.",
    ),
    "indicador-repetido": Entry(
        WARNING,
        "El indicador «{valor}» ya está en la fila {primera} para el mismo ítem; esta fila no "
        "se contó. Deje una sola fila por indicador, o dele otro nombre si mide otra cosa.",
        "The indicator “{valor}” is already in row {primera} for the same item; this row was "
        "not counted. Keep one row per indicator, or name it otherwise if it measures "
        "something else.",
    ),
    "indicador-unidad-distinta": Entry(
        WARNING,
        "«{valor}» no es la unidad del indicador («{unidad}»); el número se tomó en "
        "«{unidad}». Escriba el número en la unidad de su columna, o corrija la unidad.",
        "“{valor}” is not the indicator's unit (“{unidad}”); the number was taken in "
        "“{unidad}”. Write the number in its column's unit, or correct the unit.",
    ),
    "indicador-fechas-invertidas": Entry(
        WARNING,
        "La fecha de la meta ({valor}) no es posterior a la de la línea base ({anterior}): no "
        "se puede saber cuánto se esperaba a esta fecha, y el indicador queda sin juzgar. "
        "Corrija una de las dos fechas.",
        "The target's date ({valor}) is not after the baseline's ({anterior}): what was "
        "expected by now cannot be known, and the indicator is left unjudged. Correct one "
        "of the two dates.",
    ),
    "indicador-valor-ilegible": Entry(
        WARNING,
        "No se pudo leer «{valor}» como un número. Escriba solo el número (por ejemplo 1234,5 "
        "o 45 %) y la unidad en su columna.",
        "“{valor}” could not be read as a number. Write the number alone (for example 1234.5 "
        "or 45 %) and the unit in its column.",
    ),
    "indicador-fecha-ilegible": Entry(
        WARNING,
        "No se pudo leer «{valor}» como una fecha; sin ella no se puede saber cuánto se "
        "esperaba a esta fecha. Escriba un día (31/12/2027) o un periodo (T4 2027, dic-2027).",
        "“{valor}” could not be read as a date; without it, what was expected by now cannot "
        "be known. Write a day (31/12/2027) or a period (Q4 2027, Dec 2027).",
    ),
    "indicador-sin-unidad": Entry(
        WARNING,
        "El valor {valor} no dice en qué unidad está (personas, talleres, %). Escriba la "
        "unidad en su columna.",
        "The value {valor} does not say its unit (people, workshops, %). Write the unit in "
        "its column.",
    ),
    "indicador-cambio-unidad": Entry(
        WARNING,
        "La unidad cambió de «{anterior}» a «{valor}» desde la ronda anterior: los valores "
        "ya no se pueden comparar. Use la misma unidad o explique el cambio en la fuente.",
        "The unit changed from “{anterior}” to “{valor}” since the previous round: the "
        "values can no longer be compared. Use the same unit, or explain the change in the "
        "source.",
    ),
    "indicador-se-aleja": Entry(
        WARNING,
        "El valor {valor} se aleja de la meta (la ronda anterior era {anterior}). Verifique "
        "el dato o explique qué pasó en la fuente.",
        "The value {valor} moves away from the target (it was {anterior} last round). Check "
        "the figure or explain what happened in the source.",
    ),
    "indicador-valor-fuera-de-rango": Entry(
        WARNING,
        "«{valor}» es demasiado grande para el valor de un indicador (más de mil billones, "
        "10^15); no se usó. Revise la cifra: quizá sobran dígitos o se pegó otro dato.",
        "“{valor}” is too large for an indicator's value (over a thousand million million, "
        "10^15); it was not used. Check the figure: perhaps it has extra digits or another "
        "piece of data was pasted in.",
    ),
}
