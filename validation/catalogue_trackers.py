"""The issues of what is sent instead of the template (issue 22): a file in which no matrix
is found, and a tracker's progress that says finished when its status does not."""

from __future__ import annotations

from validation.entry import ERROR, WARNING, Entry

TRACKER_ENTRIES: dict[str, Entry] = {
    "archivo-sin-matriz": Entry(
        ERROR,
        "No se encontró ninguna matriz en este archivo: no se leyó nada de él.{encontrado} "
        "Si tiene actividades, dé a sus columnas los títulos de la plantilla («Descripción "
        "de la actividad», «Parte responsable», «Plazo de cumplimiento», «Estado»), o "
        "indique sus títulos en seguimiento.toml, por ejemplo: {columnas}",
        "No matrix was found in this file: nothing was read from it.{encontrado} If it holds "
        "activities, give its columns the template's titles (“Activity description”, "
        "“Responsible party”, “Deadline”, “Status”), or name its titles in "
        "seguimiento.toml, for example: {columnas}",
    ),
    "columna-sin-titulo": Entry(
        WARNING,
        "Esta columna tiene valores (desde {primera}) pero no tiene título propio (su celda "
        "de título está vacía o combinada con la de al lado), así que no se leyeron. Separe "
        "las celdas combinadas y escriba su título (el de la plantilla, p. ej. «Avance "
        "(%)»), y envíe el archivo de nuevo.",
        "This column has values (from {primera} on) but no title of its own (its title cell "
        "is blank or merged with the one beside it), so they were not read. Unmerge the "
        "cells and write its title (the template's, e.g. “Progress (%)”), and send the file "
        "again.",
    ),
    "avance-sin-finalizar": Entry(
        WARNING,
        "El avance es 100 % pero el estado es «{valor}»: si la actividad terminó, escriba "
        "Finalizado en el estado; si no, corrija el avance.",
        "The progress is 100 % but the status is “{valor}”: if the activity is done, write "
        "Completed as its status; if not, correct the progress.",
    ),
}
