"""One file of the input folder, or one expected reporter that sent none, and what became
of it: a row of the submissions sheet. Built whole by the stage that learns it; a later
stage that learns more makes a new one (`dataclasses.replace`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

# leido (read) | rechazado (refused) | omitido (skipped) | reemplazado (replaced by a later
# file of the same reporter) | no_recibido (an expected reporter that sent nothing) |
# otra_ronda (a file that says it is another round's: warned, not this round's submission) |
# sin_matriz (a file in which no matrix was found: never "read", an error)
STATES = ("leido", "rechazado", "omitido", "reemplazado", "no_recibido", "otra_ronda",
          "sin_matriz")
# The states of a file that came and gave nothing (its reporter sent, unreadably)
UNREADABLE = ("rechazado", "sin_matriz")


@dataclass(frozen=True)
class Submission:
    archivo: str
    informante: str = ""
    informante_conocido: bool = False
    ronda: str = ""
    ronda_declarada: str = ""  # the round the file says it is (template key, else its name)
    plan: str = ""  # the plan its template was made for (its years are that plan's)
    fecha_envio: dt.datetime | None = None
    contacto_nombre: str = ""
    contacto_institucion: str = ""
    contacto_correo: str = ""
    contacto_telefono: str = ""
    estado: str = "leido"
    motivo: tuple[str, str] | None = None  # why (Spanish, English), when not read
    detalle: str = ""  # the technical words behind a refusal (the reader's, an exit code)
    hojas: tuple[str, ...] = ()
    filas: int = 0
    errores: int = 0
    advertencias: int = 0
    a_tiempo: bool | None = None  # against the round's closing date, when one is set
    sin_actualizar: str = ""  # the stored round whose content the file repeats, unchanged
    # The kinds of per-item side sheets (observaciones, indicadores) of a file that holds
    # no matrix, only them: read beside its reporter's matrix file, never in place of it.
    laterales: tuple[str, ...] = ()



@dataclass(frozen=True)
class Sent:
    """What a reporter sent in its latest stored round (pipeline.store.latest): its items,
    its indicators, and the observations it made (an observer's)."""

    ronda: str
    items: pd.DataFrame
    indicators: pd.DataFrame
    observations: pd.DataFrame
