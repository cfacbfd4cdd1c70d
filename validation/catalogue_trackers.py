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
    "avance-sin-finalizar": Entry(
        WARNING,
        "El avance es 100 % pero el estado es «{valor}»: si la actividad terminó, escriba "
        "Finalizado en el estado; si no, corrija el avance.",
        "The progress is 100 % but the status is “{valor}”: if the activity is done, write "
        "Completed as its status; if not, correct the progress.",
    ),
}
