"""The workspace (carpeta de seguimiento, docs/contract.md §8): the one folder that holds a
secretariat's follow-up, and where each thing lives in it.

    seguimiento.toml        the configuration: plan in force, reporters, calendar, closing dates
    historial.sqlite        the history of the rounds
    recibidos/<ronda>/      the files returned for a round
    resultados/<ronda>/     a round's outputs (consolidado.xlsx, CSV tables, feedback...)
    plantillas/<ronda>/     the templates sent out for a round
    recordatorios/<fecha>/  the overdue lists of a day
    informes/               the annual reports
    contactos.xlsx          who is written to: one row per person (party, name, e-mail...)
    correo/<fecha>/<tipo>/  the e-mails of a day: drafts (.eml) and their index
    registro/               the log

Every command finds it the same way from any current folder: --workspace DIR, else the
SEGUIMIENTO_WORKSPACE variable, else a seguimiento.toml in the current folder or a parent
(as git finds its repository).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

CONFIG_NAME = "seguimiento.toml"
HISTORY_NAME = "historial.sqlite"
CONTACTS_NAME = "contactos.xlsx"
VARIABLE = "SEGUIMIENTO_WORKSPACE"


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def config(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def history(self) -> Path:
        return self.root / HISTORY_NAME

    @property
    def results_root(self) -> Path:
        return self.root / "resultados"

    def received(self, ronda: str) -> Path:
        return self.root / "recibidos" / ronda

    def results(self, ronda: str) -> Path:
        return self.results_root / ronda

    def templates(self, ronda: str) -> Path:
        return self.root / "plantillas" / ronda

    def reminders(self, day: dt.date) -> Path:
        return self.root / "recordatorios" / day.isoformat()

    @property
    def contacts(self) -> Path:
        return self.root / CONTACTS_NAME

    def mail(self, day: dt.date, kind: str, ronda: str = "") -> Path:
        return self.root / "correo" / day.isoformat() / (f"{kind}-{ronda}" if ronda else kind)

    @property
    def reports(self) -> Path:
        return self.root / "informes"

    @property
    def log(self) -> Path:
        return self.root / "registro" / "seguimiento.log"


def find_workspace(given: Path | None, cwd: Path | None = None) -> Workspace | None:
    """The workspace named (--workspace, else the variable), else the nearest folder from
    `cwd` up that holds a seguimiento.toml; None when there is none. A folder named but
    holding no seguimiento.toml is not one (NotAWorkspace is the caller's to raise)."""
    named = given or (Path(os.environ[VARIABLE]) if os.environ.get(VARIABLE) else None)
    if named is not None:
        return Workspace(named.resolve()) if (named / CONFIG_NAME).is_file() else None
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return Workspace(folder)
    return None


def named_workspace(given: Path | None) -> Path | None:
    """The folder the user named as the workspace, if any (to say it is not one)."""
    return given or (Path(os.environ[VARIABLE]) if os.environ.get(VARIABLE) else None)
