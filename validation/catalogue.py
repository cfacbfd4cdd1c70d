"""Every issue code, its severity and its message in Spanish and English (docs/contract.md §4).

A message says what is wrong and what to do. Placeholders are filled from the issue's
fields ({valor}, {columna}, {archivo}, ...) and its extra parameters; a meta-test checks
that both languages use the same placeholders.
"""

from __future__ import annotations

from validation.catalogue_contacts import CONTACT_ENTRIES
from validation.catalogue_sides import SIDE_ENTRIES
from validation.catalogue_trackers import TRACKER_ENTRIES
from validation.entry import (
    ERROR,
    INFO,
    SEVERITY_LABELS,
    WARNING,
    Entry,
)

__all__ = ["CATALOGUE", "ERROR", "INFO", "SEVERITY_LABELS", "SUGGESTION", "WARNING", "Entry"]


CATALOGUE: dict[str, Entry] = {
    "archivo-ilegible": Entry(
        ERROR,
        "No se pudo leer el archivo: {motivo}. Ábralo en Excel o LibreOffice, guárdelo como "
        "libro de Excel (.xlsx) y envíelo de nuevo.",
        "The file could not be read: {motivo}. Open it in Excel or LibreOffice, save it as an "
        "Excel workbook (.xlsx) and send it again.",
    ),
    "archivo-omitido": Entry(
        INFO,
        "Se omitió este archivo: {motivo}.",
        "This file was skipped: {motivo}.",
    ),
    "hoja-sin-matriz": Entry(
        WARNING,
        "No se encontró la fila de títulos de la matriz (por ejemplo «Descripción de la "
        "actividad», «Parte responsable», «Plazo de cumplimiento»).{encontrado} Si la hoja "
        "tiene actividades, copie los títulos de la plantilla en la fila de encabezado.",
        "The matrix's title row was not found (e.g. “Activity description”, “Responsible "
        "party”, “Deadline”).{encontrado} If the sheet holds activities, copy the template's "
        "titles into its header row.",
    ),
    "hoja-oculta": Entry(
        WARNING,
        "La matriz se leyó de la hoja «{hoja}», que está oculta: ninguna hoja visible tiene "
        "la matriz. Si es la matriz de este envío, muestre la hoja (clic derecho en una "
        "pestaña › Mostrar) para que se vea lo que se envía; si no lo es, bórrela y envíe "
        "el archivo de nuevo.",
        "The matrix was read from the sheet “{hoja}”, which is hidden: no sheet in view "
        "holds the matrix. If it is this submission's matrix, unhide the sheet (right-click "
        "a tab › Unhide) so that what is sent can be seen; if it is not, delete it and send "
        "the file again.",
    ),
    "csv-codificacion-mixta": Entry(
        WARNING,
        "La línea {fila} no está escrita en UTF-8 como el resto del archivo (parece pegada "
        "de un archivo de Windows); se leyó como Windows-1252. Revise sus acentos en la "
        "matriz consolidada y, si están mal, corríjalos y guarde el archivo como «CSV UTF-8».",
        "Line {fila} is not written in UTF-8 like the rest of the file (it seems pasted from "
        "a Windows file); it was read as Windows-1252. Check its accents in the consolidated "
        "matrix and, if they are wrong, correct them and save the file as “CSV UTF-8”.",
    ),
    "fila-desalineada": Entry(
        ERROR,
        "La fila tiene {campos} valores separados por «{separador}» pero la fila de títulos "
        "tiene {titulos}: un valor contiene «{separador}» sin comillas y los valores caerían "
        "en columnas equivocadas, así que la fila no se leyó. Ponga ese valor entre comillas "
        "(o quite el «{separador}») y envíe el archivo de nuevo.",
        "The row has {campos} values separated by “{separador}” but the title row has "
        "{titulos}: a value holds “{separador}” without quotes and the values would land in "
        "the wrong columns, so the row was not read. Put that value in quotes (or remove the "
        "“{separador}”) and send the file again.",
    ),
    "columna-faltante": Entry(
        WARNING,
        "Falta la columna «{titulo}». Agréguela con ese título para que se pueda dar "
        "seguimiento a cada actividad.",
        "The column “{titulo}” is missing. Add it with that title so that every activity "
        "can be followed up.",
    ),
    "actividad-faltante": Entry(
        ERROR,
        "La fila tiene datos pero no describe la actividad. Escriba la descripción de la "
        "actividad, o borre la fila si sobra.",
        "The row has data but no activity description. Write the activity, or delete the "
        "row if it is not needed.",
    ),
    "estado-faltante": Entry(
        WARNING,
        "Falta el estado de la actividad. Elija uno: {estados}.",
        "The activity's status is missing. Choose one: {estados}.",
    ),
    "estado-desconocido": Entry(
        WARNING,
        "No se reconoce el estado «{valor}»; se conservó como está. Use {estados}.",
        "The status “{valor}” is not recognized; it was kept as written. Use {estados}.",
    ),
    "pilar-faltante": Entry(
        WARNING,
        "Falta el pilar programático. Escriba 1, 2 o 3 o el nombre del pilar.",
        "The programmatic pillar is missing. Write 1, 2 or 3 or the pillar's name.",
    ),
    "pilar-desconocido": Entry(
        WARNING,
        "No se reconoce el pilar «{valor}»; se conservó como está. Escriba 1, 2 o 3 o el "
        "nombre del pilar.",
        "The pillar “{valor}” is not recognized; it was kept as written. Write 1, 2 or 3 or "
        "the pillar's name.",
    ),
    "tema-fuera-de-lista": Entry(
        WARNING,
        "El tema «{valor}» no está en la lista del pilar; se aceptó (la lista no es "
        "taxativa). Si es un tema de la lista escrito de otra forma, use el nombre de la lista.",
        "The theme “{valor}” is not in the pillar's list; it was accepted (the list is not "
        "exhaustive). If it is a listed theme written differently, use the listed name.",
    ),
    "grupo-desconocido": Entry(
        WARNING,
        "No se reconoce el {grupo} «{valor}»; se conservó como está. Use {lista_grupos}.",
        "The {grupo} “{valor}” is not recognized; it was kept as written. Use "
        "{lista_grupos}.",
    ),
    "grupo-ad-hoc": Entry(
        INFO,
        "«{valor}» no es uno de los {grupos} {de_red} (un grupo ad hoc, por ejemplo); se "
        "aceptó. Verifique que sea correcto.",
        "“{valor}” is not one of the {grupos} {de_red} (an ad-hoc group, say); it was "
        "accepted. Check that it is right.",
    ),
    "responsable-faltante": Entry(
        WARNING,
        "No se indicó la parte responsable. Escriba quién debe cumplir la actividad "
        "({responsables}...).",
        "No responsible party is named. Write who must carry out the activity "
        "({responsables}...).",
    ),
    "responsable-desconocido": Entry(
        WARNING,
        "No se reconoce la parte responsable «{valor}»; se conservó como está. Escriba el "
        "nombre de una parte responsable {de_red} ({responsables}); separe varios con «;».",
        "The responsible party “{valor}” is not recognized; it was kept as written. Write the "
        "name of a responsible party {de_red} ({responsables}); separate several with “;”.",
    ),
    "plazo-impreciso": Entry(
        WARNING,
        "El plazo «{valor}» no indica una fecha, así que no se puede saber si está vencido. "
        "Escriba una fecha o un periodo: 31/03/2027, marzo 2027, T1 2027{ejemplos_plazo}.",
        "The deadline “{valor}” names no date, so nobody can tell whether it is overdue. "
        "Write a date or a period: 31/03/2027, March 2027, Q1 2027{ejemplos_plazo}.",
    ),
    "plazo-invalido": Entry(
        ERROR,
        "No se entiende el plazo «{valor}». Escriba una fecha (31/03/2027), un mes (marzo "
        "2027), un trimestre (T1 2027), un semestre (S1 2027){formas_plazo}.",
        "The deadline “{valor}” cannot be read. Write a date (31/03/2027), a month (March "
        "2027), a quarter (Q1 2027), a semester (H1 2027){formas_plazo}.",
    ),
    "plazo-plan-terminado": Entry(
        WARNING,
        "El plazo «{valor}» es un año de un plan estratégico que ya terminó, así que no se "
        "cuenta como vencido. Escriba la fecha a la que se compromete ahora (31/03/2027, T1 "
        "2027, 2027...).",
        "The deadline “{valor}” is a year of a strategic plan that has ended, so it is not "
        "counted as overdue. Write the date now committed to (31/03/2027, Q1 2027, 2027...).",
    ),
    "plazo-fuera-de-rango": Entry(
        WARNING,
        "La fecha «{valor}» no puede ser el plazo: es anterior a 1970 o posterior a 2262 "
        "(suele ser un número que Excel tomó por fecha, o 31/12/9999 por «sin fecha»), así "
        "que no se cuenta como vencida ni por vencer. Escriba la fecha del plazo (31/03/2027) "
        "o, si no la tiene, «por definir».",
        "The date “{valor}” cannot be the deadline: it is before 1970 or after 2262 (often a "
        "number Excel took for a date, or 31/12/9999 for “no date”), so it is counted neither "
        "as overdue nor as due soon. Write the deadline's date (31/03/2027) or, if it has "
        "none, “to be defined”.",
    ),
    "plazo-sin-anio": Entry(
        WARNING,
        "El plazo «{valor}» no dice el año; se tomó el año de la ronda. Si es otro, escriba "
        "el año (p. ej. «T2 2027»).",
        "The deadline “{valor}” gives no year; the round's year was taken. If it is another, "
        "write the year (e.g. “Q2 2027”).",
    ),
    "fecha-envio-ilegible": Entry(
        WARNING,
        "La fecha de envío «{valor}» no se puede leer como un día; se tomó la fecha en que "
        "se guardó el archivo. Escríbala como 12/02/2027 (día, mes, año).",
        "The submission date “{valor}” cannot be read as a day; the date the file was "
        "saved was taken instead. Write it as 12/02/2027 (day, month, year).",
    ),
    "plan-terminado": Entry(
        WARNING,
        "El plan vigente según la configuración, «{plan}», terminó el {fin}: los plazos "
        "escritos como años del plan («1er año») no se cuentan como vencidos. Indique el "
        "plan estratégico vigente en seguimiento.toml (sección [plan]).",
        "The plan in force in the configuration, “{plan}”, ended on {fin}: deadlines "
        "written as years of the plan (“year 1”) are not counted as overdue. Name the "
        "strategic plan in force in seguimiento.toml (section [plan]).",
    ),
    "avance-invalido": Entry(
        WARNING,
        "El avance «{valor}» no es un porcentaje entre 0 y 100; se dejó en blanco. Escriba "
        "un número de 0 a 100.",
        "The progress “{valor}” is not a percentage between 0 and 100; it was left blank. "
        "Write a number from 0 to 100.",
    ),
    "reservado-invalido": Entry(
        WARNING,
        "«{valor}» no es Sí ni No; por precaución la fila se trata como reservada (solo "
        "gobiernos). Escriba Sí o No.",
        "“{valor}” is neither Yes nor No; to be safe the row is treated as restricted "
        "(governments only). Write Yes or No.",
    ),
    "indicador-faltante": Entry(
        WARNING,
        "Falta el indicador de resultados / impacto. Escriba cómo se medirá el resultado.",
        "The result / impact indicator is missing. Write how the result will be measured.",
    ),
    "id-duplicado": Entry(
        WARNING,
        "El ID «{valor}» se repite en este archivo (también en la fila {otra_fila}). Se "
        "conservaron ambas filas; dé a cada actividad un ID distinto.",
        "The ID “{valor}” appears more than once in this file (also on row {otra_fila}). "
        "Both rows were kept; give each activity its own ID.",
    ),
    "id-conflicto": Entry(
        WARNING,
        "El ID «{valor}» también lo usa {otro_informante} para otra actividad. Verifique "
        "que se trate de actividades distintas o use el mismo texto.",
        "The ID “{valor}” is also used by {otro_informante} for another activity. Check "
        "that they are different activities, or use the same text.",
    ),
    "envio-duplicado": Entry(
        WARNING,
        "{informante} envió varios archivos en esta ronda. Se usó «{archivo_usado}» (el más "
        "reciente) y se descartó este. Si no es el correcto, retire el otro archivo de la "
        "carpeta y vuelva a consolidar.",
        "{informante} sent several files this round. “{archivo_usado}” (the latest) was used "
        "and this one was set aside. If that is wrong, remove the other file from the folder "
        "and consolidate again.",
    ),
    "formula-sin-valor": Entry(
        WARNING,
        "La celda tiene una fórmula sin valor calculado. Abra el archivo en Excel o "
        "LibreOffice, guárdelo y envíelo de nuevo, o escriba el valor.",
        "The cell holds a formula with no computed value. Open the file in Excel or "
        "LibreOffice, save it and send it again, or type the value.",
    ),
    "informante-desconocido": Entry(
        WARNING,
        "No se sabe quién envió este archivo: no es la plantilla y su nombre no menciona "
        "{informantes}. Se usó el nombre del archivo como informante; renómbrelo (p. ej. "
        "«{ejemplo}.xlsx») y vuelva a consolidar.",
        "Who sent this file is unknown: it is not the template and its name names no "
        "reporter ({informantes}). The file name was used as the reporter; rename it (e.g. "
        "“{ejemplo}.xlsx”) and consolidate again.",
    ),
    "demasiadas-actividades": Entry(
        WARNING,
        "{grupo} tiene {cantidad} actividades con plazo en {anio}{informadas}; el {plan_red} "
        "prevé un máximo de {maximo} por grupo y año. Prioricen las actividades.",
        "{grupo} has {cantidad} activities due in {anio}{informadas}; the {plan_red} "
        "allows at most {maximo} per group and year. Prioritize the activities.",
    ),
    "ronda-distinta": Entry(
        WARNING,
        "Este archivo es de la ronda {ronda_archivo} (lo dice {donde}), no de {ronda}: no se "
        "contó como envío de esta ronda. Envíe la matriz de {ronda} o, si es la correcta, "
        "corrija {donde}.",
        "This file is round {ronda_archivo}'s (its {donde} says so), not {ronda}'s: it was "
        "not counted as this round's submission. Send the {ronda} matrix or, if this is the "
        "right one, correct its {donde}.",
    ),
    "sin-actualizar": Entry(
        WARNING,
        "El contenido de este archivo es igual a lo que {informante} envió en {anterior}: se "
        "contó, pero nada se actualizó. Revise el estado, el avance y los plazos de cada "
        "actividad y envíelo de nuevo.",
        "This file's content is the same as what {informante} sent in {anterior}: it was "
        "counted, but nothing was updated. Review each activity's status, progress and "
        "deadline and send it again.",
    ),
    "envio-faltante": Entry(
        WARNING,
        "{informante} no envió su matriz en esta ronda. Recuérdele enviarla.",
        "{informante} sent no matrix this round. Remind them to send it.",
    ),
    "matriz-vacia": Entry(
        INFO,
        "La matriz no tiene actividades. Si no hay nada que informar, no hace falta hacer "
        "nada; si no, llene la matriz y envíela de nuevo.",
        "The matrix has no activities. If there is nothing to report, nothing needs doing; "
        "otherwise fill the matrix and send it again.",
    ),
}

CATALOGUE |= CONTACT_ENTRIES
CATALOGUE |= SIDE_ENTRIES
CATALOGUE |= TRACKER_ENTRIES

SUGGESTION = {"es": " ¿Quiso decir «{sugerencia}»?", "en": " Did you mean “{sugerencia}”?"}
