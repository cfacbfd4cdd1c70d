"""Two rounds of one reporter with indicators (issue 24), written as a hand-made workbook
with an `Indicadores` sheet beside its matrix, consolidated into a workspace with the
public edition: what the page, the reminders, the feedback, the report and the public
edition are checked against. The figures the tests expect are counted from ROUNDS here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from pipeline.cli import cli
from tests.observed import write_workbook

D = dt.date
TITLES = ["ID", "Descripción de la actividad", "Parte responsable", "Plazo de cumplimiento",
          "Estado", "Reservado (solo gobiernos)", "Indicadores de resultados / impacto"]
# GT-1 due soon, GT-2 overdue (at the second round's as-of date), GT-3 restricted.
ITEMS = [
    ["GT-1", "Capacitar funcionarios de frontera", "Guatemala", D(2027, 2, 28), "En proceso",
     "No", "Personas capacitadas"],
    ["GT-2", "Abrir centros de atención al retorno", "Guatemala", D(2026, 12, 15),
     "En proceso", "No", "Centros abiertos"],
    ["GT-3", "Acuerdo fronterizo confidencial", "Guatemala", D(2027, 6, 30), "Pendiente", "Sí",
     "Casos reservados atendidos"],
]
HEAD = ["ID", "Indicador", "Unidad", "Línea base", "Fecha de línea base", "Meta",
        "Fecha de la meta", "Valor de esta ronda", "Fuente", "Responsable de la medición"]
SINCE, BY = D(2026, 1, 1), D(2028, 1, 1)
Round = tuple[str, dt.date]  # (round, as-of date)
# (round, as-of date): each indicator's (baseline, target, value) that round.
ROUNDS = {
    ("2026-T4", D(2026, 11, 30)): {
        ("GT-1", "Personas capacitadas"): (10, 1010, 300),
        ("GT-2", "Centros abiertos"): (0, 4, 1),
        ("GT-3", "Casos reservados atendidos"): (0, 10, 2),
    },
    ("2027-T1", D(2027, 1, 1)): {
        ("GT-1", "Personas capacitadas"): (10, 1010, 600),
        ("GT-2", "Centros abiertos"): (0, 6, 1),  # the target moved: a finding
        ("GT-3", "Casos reservados atendidos"): (0, 10, 10),  # the target met
    },
}
UNITS = {"Personas capacitadas": "personas", "Centros abiertos": "centros",
         "Casos reservados atendidos": "casos"}
RESTRICTED = "Casos reservados atendidos"


def write_round(folder: Path, values: dict[tuple[str, str], tuple[int, int, int]]) -> None:
    rows = [HEAD, *([ident, name, UNITS[name], base, SINCE, goal, BY, value,
                     "Registro oficial", "Unidad de estadística"]
                    for (ident, name), (base, goal, value) in values.items())]
    write_workbook(folder / "Guatemala.xlsx", TITLES, ITEMS, extra={"Indicadores": rows})


def consolidate_rounds(base: Path, lang: str = "es", rounds: Mapping[Round, Any] = ROUNDS,
                       write: Callable[[Path, Any], None] = write_round) -> Path:
    """The workspace with the `rounds` (ROUNDS: both) consolidated, the public edition
    too, each round's file made by `write` from its values."""
    ws = base / "ws"
    runner = CliRunner()
    done = runner.invoke(cli, ["init", str(ws)])
    assert done.exit_code == 0, done.output
    for (ronda, as_of), values in rounds.items():
        inbox = ws / "recibidos" / ronda
        write(inbox, values)
        done = runner.invoke(cli, ["consolidate", "--workspace", str(ws), "--round", ronda,
                                   "--as-of", as_of.isoformat(), "--lang", lang, "--public"])
        assert done.exit_code in (0, 1), done.output
    return ws


def progress(base: float, goal: float, value: float) -> float:
    return 100 * (value - base) / (goal - base)


def expected_by(as_of: dt.date) -> float:
    return 100 * (as_of - SINCE).days / (BY - SINCE).days
