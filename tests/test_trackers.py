"""A round of action and commitment trackers as other organisations title them (issue 22,
docs/contract.md §3.2–3.3), in twelve title styles modelled on public ones: a quality
team's improvement actions, a project's action-item tracker and action log, a project
action plan with planned and actual finish dates, a mining company's commitments to
herders (in English and in Spanish), a municipality's indicators (readable only through
`[columnas]`), a city's public commitments, a company's action plan, meeting minutes with
abbreviated titles, audit recommendations, and a who-what-when plan in CSV.

Each tracker is made here from its items; what a person reading it counts — each item's
due date, the overdue ones, those without a responsible party — is counted from the same
items, never from what the product says."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pipeline.jobs.consolidate import Options, analyze
from pipeline.model.run import RunResult
from tests.conftest import AS_OF

D = dt.date
T = dt.datetime


@dataclass(frozen=True)
class Item:
    activity: str
    party: str | None  # as written (None: blank)
    deadline: object  # as written
    due: dt.date | None  # the day a person reads in it (None: no day)
    status: object  # as written
    done: bool  # whether a person reads it as finished
    progress: object = None
    more: str | None = None  # a party written on the next row, alone
    parties: str = ""  # the responsible party the matrix should say ("" -> party)


@dataclass(frozen=True)
class Tracker:
    name: str
    titles: list[str]
    roles: list[str | None]  # per title: actividad, responsable, plazo, estado, avance, id
    items: list[Item]
    above: tuple[str, ...] = ()  # the title block
    filler: Callable[[int, str], object] = lambda n, title: f"{title} {n}"


TRACKERS = [
    Tracker("improvement-actions.xlsx",
            ["Reference Number", "Action", "Champion", "Target Date", "Effectiveness",
             "Current Status"], ["id", "actividad", "responsable", "plazo", None, "estado"],
            [Item("Standardize the intake form", "OIM", T(2026, 3, 31), D(2026, 3, 31),
                  "Complete", True),
             Item("Train reception staff", "Guatemala", T(2026, 6, 30), D(2026, 6, 30),
                  "In progress", False),
             Item("Audit the waiting times", None, T(2027, 2, 28), D(2027, 2, 28),
                  "Not started", False)]),
    Tracker("action-item-tracker.xlsx",
            ["ID", "Date Opened", "Action Item", "Owner", "Priority", "Due Date", "Status",
             "Comments"],
            ["id", None, "actividad", "responsable", None, "plazo", "estado", None],
            [Item("Obtain approval of the billing agreement", "Honduras", T(2026, 1, 15),
                  D(2026, 1, 15), "Closed", True),
             Item("Send the minutes to all attendees", "ACNUR", T(2026, 10, 1),
                  D(2026, 10, 1), "Open", False),
             Item("Book the venue for the workshop", None, T(2027, 1, 20), D(2027, 1, 20),
                  "In Progress", False)],
            above=("Action Item Tracker", "Project: border services"),
            filler=lambda n, title: T(2025, 12, n + 1) if title == "Date Opened" else "High"),
    Tracker("action-log.xlsx",
            ["Action ID", "Description", "Owner", "Due date", "Status", "Date raised",
             "Notes", "Date closed"],
            ["id", "actividad", "responsable", "plazo", "estado", None, None, None],
            [Item("Update the project plan", "México", "2026-09-30", D(2026, 9, 30),
                  "On Hold", False),
             Item("Confirm the server environment", "Panamá", "2026-05-31",
                  D(2026, 5, 31), "Complete", True),
             Item("Review the risk register", "Belice", "2027-03-31", D(2027, 3, 31),
                  "Cancelled", False)],
            filler=lambda n, title: T(2025, 11, n + 1) if "Date" in title else "—"),
    Tracker("project-action-plan.xlsx",
            ["No", "Action", "Responsible", "Priority", "Status", "Planned Finish Date",
             "Actual Finish Date", "Notes"],
            ["id", "actividad", "responsable", None, "estado", "plazo", None, None],
            [Item("Write the technical specification", "OIM", "12/15/2025", D(2025, 12, 15),
                  "Complete", True),
             Item("Edit the first draft", "OIM", "03/04/2026", D(2026, 3, 4),
                  "Started", False),
             Item("Obtain the sponsor's approval", "Costa Rica", "11/05/2026",
                  D(2026, 11, 5), "Not Started", False)],
            filler=lambda n, title: "12/01/2025" if "Actual" in title else "H"),
    Tracker("herder-commitments.xlsx",
            ["#", "Commitment", "Responsible department", "Original Timeline", "2019 Status"],
            ["id", "actividad", "responsable", "plazo", "estado"],
            [Item("Re-establish a grazing system to adjust for lost pasture", "ACNUR",
                  "by Q4 2017", D(2017, 12, 31), "DELAYED", False),
             Item("Sign water user contracts with herders", "OIM",
                  "Complete by October 2019", D(2019, 10, 31), "COMPLETE", True),
             Item("Build new wells in the pastures", None, "Q2-Q3 2017", D(2017, 9, 30),
                  "IN PROGRESS", False),
             Item("Monitor the quality of the wells", "OIM", "Quarterly", None,
                  "IN PROGRESS", False),
             Item("Move the herds away from the road", "OIM", "During rainy season", None,
                  "NOT STARTED", False),
             Item("Publish the final report", "ACNUR", "end of 2027", D(2027, 12, 31),
                  "NOT STARTED", False)]),
    Tracker("indicadores-municipales.xlsx",
            ["Indicador", "Fecha vencimiento", "Color", "Valor", "Evidencias"],
            ["actividad", "plazo", None, "avance", None],
            [Item("Sistema de evaluación del desempeño del personal", None, "31/03/2025",
                  D(2025, 3, 31), None, False, "40.00%"),
             Item("Transmisión de datos de recursos humanos", None, "05/01/2025",
                  D(2025, 1, 5), None, True, "100.00%"),
             Item("Plan de desarrollo municipal", None, "24/10/2028", D(2028, 10, 24), None,
                  False, "10.00%")],
            filler=lambda n, title: "NARANJA" if title == "Color" else "informe.pdf"),
    Tracker("compromisos-ciudad.xlsx",
            ["N°", "Compromiso", "Dependencia responsable", "Fecha de cumplimiento", "Estado",
             "% avance", "Observaciones"],
            ["id", "actividad", "responsable", "plazo", "estado", "avance", None],
            [Item("Pavimentar la calle principal", "Sec. Infraestructura y Obra Pública",
                  "13/02/2027", D(2027, 2, 13), "En proceso", False, 40,
                  more="Dirección de Agua Potable",
                  parties="Sec. Infraestructura y Obra Pública; Dirección de Agua Potable"),
             Item("Abrir la ventanilla de atención al migrante", "Guatemala", "05/03/2026",
                  D(2026, 3, 5), "Cumplido", True, 100),
             Item("Publicar el presupuesto participativo", None, "30/06/2026",
                  D(2026, 6, 30), "Pendiente", False, 0)],
            above=("Municipalidad", "Compromisos públicos del alcalde")),
    Tracker("plan-de-accion-empresa.xlsx",
            ["Task", "Lead", "Start date", "End date", "% complete", "Status"],
            ["actividad", "responsable", None, "plazo", "avance", "estado"],
            [Item("Install the new ventilation", "OIT", T(2026, 8, 31), D(2026, 8, 31),
                  None, True, 1.0),
             Item("Replace the signage", "OIT", T(2026, 9, 30), D(2026, 9, 30), "Delayed",
                  False, 0.5),
             Item("Certify the installation", None, T(2027, 4, 30), D(2027, 4, 30),
                  "Planning", False, 0)],
            filler=lambda n, title: T(2026, 1, n + 1)),
    Tracker("acta-acuerdos.xlsx",
            ["Nº", "Acción", "Resp.", "F. límite", "Estatus", "Obs."],
            ["id", "actividad", "responsable", "plazo", "estado", None],
            [Item("Enviar el acta a los participantes", "SE-CRM", "15 de enero de 2026",
                  D(2026, 1, 15), "Realizado", True),
             Item("Convocar la próxima reunión técnica", "Honduras", "T1 2027",
                  D(2027, 3, 31), "En curso", False),
             Item("Circular la propuesta de protocolo", "El Salvador", "octubre 2026",
                  D(2026, 10, 31), "Atrasado", False)]),
    Tracker("audit-recommendations.xlsx",
            ["Rec. No.", "Recommendation", "Accountable", "Target completion date",
             "Implementation status", "Management comments"],
            ["id", "actividad", "responsable", "plazo", "estado", None],
            [Item("Reconcile the petty cash monthly", "Nicaragua", "Q1 2026",
                  D(2026, 3, 31), "Implemented", True),
             Item("Document the procurement thresholds", "Panamá", "Q3 2026",
                  D(2026, 9, 30), "Partially implemented", False),
             Item("Segregate the payment approvals", None, "H1 2027", D(2027, 6, 30),
                  "Not implemented", False)]),
    Tracker("compromisos-mineros.xlsx",
            ["Compromiso", "Área responsable", "Plazo", "Situación", "Avance"],
            ["actividad", "responsable", "plazo", "estado", "avance"],
            [Item("Rehabilitar los pozos de agua de los pastores", "OIM", "Trimestral",
                  None, "En ejecución", False, "50%"),
             Item("Reubicar la ruta del ganado", "México", "T2 2026", D(2026, 6, 30),
                  "Pendiente", False, "0%"),
             Item("Publicar el informe de monitoreo", None, "fin de 2027", D(2027, 12, 31),
                  "No iniciado", False, None)]),
]
CSV_TRACKER = Tracker(
    "5w-plan.csv", ["What", "Who", "When", "Status"],
    ["actividad", "responsable", "plazo", "estado"],
    [Item("Map the shelters of the route", "OIM", "2026-02-28", D(2026, 2, 28), "Done", True),
     Item("Agree on referral pathways", "", "2026-07-31", D(2026, 7, 31), "Ongoing", False),
     Item("Train the border officers", "Guatemala", "2027-05-31", D(2027, 5, 31),
          "Pending", False)])
ALL = [*TRACKERS, CSV_TRACKER]
COLUMNAS = '[columnas]\nactividad = ["Indicador"]\navance = ["Valor"]\n'


def _row(tracker: Tracker, n: int, item: Item) -> list[object]:
    values: dict[str | None, object] = {"actividad": item.activity, "responsable": item.party,
                                        "plazo": item.deadline, "estado": item.status,
                                        "avance": item.progress, "id": n}
    return [values[role] if role else tracker.filler(n, title)
            for role, title in zip(tracker.roles, tracker.titles, strict=True)]


def write(tracker: Tracker, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if tracker.name.endswith(".csv"):
        lines = [";".join(tracker.titles)] + [
            ";".join("" if v is None else str(v) for v in _row(tracker, n, item))
            for n, item in enumerate(tracker.items, start=1)]
        (folder / tracker.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for text in tracker.above:
        sheet.append([text])
    sheet.append(tracker.titles)
    for n, item in enumerate(tracker.items, start=1):
        sheet.append(_row(tracker, n, item))
        if item.more:
            at = tracker.roles.index("responsable")
            sheet.append([item.more if c == at else None for c in range(len(tracker.roles))])
    workbook.save(folder / tracker.name)


@pytest.fixture(scope="module")
def round_(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    base = tmp_path_factory.mktemp("trackers")
    for tracker in ALL:
        write(tracker, base / "in")
    config = base / "seguimiento.toml"
    config.write_text(COLUMNAS, encoding="utf-8")
    return analyze(Options(input_dir=base / "in", as_of=AS_OF, out_dir=base / "out",
                           config=config))


def overdue(items: list[Item]) -> int:
    return sum(1 for i in items if i.due is not None and i.due < AS_OF and not i.done)


def test_every_tracker_is_read_none_without_a_matrix(round_: RunResult) -> None:
    states = {s.archivo: s.estado for s in round_.submissions if s.archivo}
    assert states == {t.name: "leido" for t in ALL}
    assert not [i for i in round_.issues if i.code in ("archivo-sin-matriz",
                                                       "actividad-faltante")]


@pytest.mark.parametrize("tracker", ALL, ids=[t.name for t in ALL])
def test_a_tracker_is_read_with_its_rows_columns_and_figures(round_: RunResult,
                                                             tracker: Tracker) -> None:
    rows = round_.matrix[round_.matrix["archivo"] == tracker.name]
    assert list(rows["actividad"]) == [i.activity for i in tracker.items]
    assert list(rows["responsable"]) == [i.parties or i.party or "" for i in tracker.items]
    due = [None if pd.isna(d) else d.date() for d in pd.to_datetime(rows["fecha_limite"])]
    assert due == [i.due for i in tracker.items]
    assert [e == "finalizado" for e in rows["estado"]] == [i.done for i in tracker.items]
    assert int(rows["vencido"].sum()) == overdue(tracker.items)
    assert int(rows["sin_responsable"].sum()) == sum(not i.party for i in tracker.items)
    assert not [i for i in round_.issues if i.archivo == tracker.name
                and i.code in ("plazo-invalido", "avance-invalido")]


def test_the_rounds_figures_are_what_a_person_counts(round_: RunResult) -> None:
    items = [i for t in ALL for i in t.items]
    figures = round_.figures()
    assert figures["actividades"] == len(items)
    assert figures["vencidos"] == overdue(items)
    assert figures["sin_responsable"] == sum(not i.party for i in items)


def test_the_municipal_tracker_needs_columnas(tmp_path: Path) -> None:
    [municipal] = [t for t in TRACKERS if t.name == "indicadores-municipales.xlsx"]
    write(municipal, tmp_path / "in")
    result = analyze(Options(input_dir=tmp_path / "in", as_of=AS_OF, out_dir=tmp_path / "out"))
    [sub] = [s for s in result.submissions if s.archivo]
    assert sub.estado == "sin_matriz" and result.matrix.empty
    [told] = [i for i in result.issues if i.code == "archivo-sin-matriz"]
    assert "«Indicador», «Fecha vencimiento», «Color», «Valor», «Evidencias»" in told.message(
        "es")
    assert 'actividad = ["Indicador"]; avance = ["Valor"]' in told.message("es")
