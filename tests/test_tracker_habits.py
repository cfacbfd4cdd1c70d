"""Tracker habits (issue 22, docs/contract.md §3.2–3.3): how action and commitment trackers
write their deadlines, parties, statuses and progress, and rows that run on into the next."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.jobs.consolidate import Options, analyze
from pipeline.model.text import fold
from pipeline.normalize.deadlines import Context, parse_deadline
from pipeline.normalize.matching import Matcher
from pipeline.reference.data import Reference
from pipeline.reference.plan import Plan
from tests.conftest import AS_OF, MakeWorkbook

D = dt.date
CONTEXT = Context(Plan(D(2026, 1, 1), 4), frozenset(fold(v) for v in ["permanente", "TBD"]),
                  year=2026)


@pytest.mark.parametrize(("text", "due"), [
    ("by Q4 2017", D(2017, 12, 31)),
    ("Complete by October 2019", D(2019, 10, 31)),
    ("end of 2027", D(2027, 12, 31)),
    ("Q2-Q3 2017", D(2017, 9, 30)),
    ("Q3/Q4 2017", D(2017, 12, 31)),
    ("Q1 & Q2 2018", D(2018, 6, 30)),
    ("Target: March 2020", D(2020, 3, 31)),
    ("Plan developed by Q4 2017", None),  # words that are no date: not read as one
])
def test_a_tracker_deadline_reads_as_its_date(text: str, due: dt.date | None) -> None:
    found = parse_deadline(text, CONTEXT)
    if due is None:
        assert found.kind == "invalido"
    else:
        assert (found.kind, found.due, found.assumed_year) == ("fecha", due, False)


def test_a_quarter_without_any_year_takes_the_rounds_and_says_so() -> None:
    found = parse_deadline("Q2", CONTEXT)
    assert (found.due, found.assumed_year) == (D(2026, 6, 30), True)


@pytest.mark.parametrize("text", ["Quarterly", "Annually", "Monthly", "Weekly",
                                  "During rainy season", "Every year", "Trimestral",
                                  "Cada mes", "Durante la temporada de lluvias",
                                  "As needed", "Immediately"])
def test_a_recurring_deadline_is_vague_never_invalid(text: str) -> None:
    assert parse_deadline(text, CONTEXT).kind == "impreciso"


def run(folder: Path, config: Path | None = None):  # type: ignore[no-untyped-def]
    return analyze(Options(input_dir=folder, as_of=AS_OF, out_dir=folder.parent / "out",
                           config=config))


TITLES = ["Action", "Owner", "Due date", "Status", "% Complete"]


def test_a_files_date_order_is_told_by_its_unambiguous_dates(
        make_workbook: MakeWorkbook, tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    make_workbook("Guatemala.xlsx", [["A", "OIM", "02/13/2027", "Pending", None],
                                     ["B", "OIM", "03/04/2027", "Pending", None]],
                  titles=TITLES, folder=inbox)
    make_workbook("Honduras.xlsx", [["C", "OIM", "13/02/2027", "Pending", None],
                                    ["D", "OIM", "03/04/2027", "Pending", None]],
                  titles=TITLES, folder=inbox)
    matrix = run(inbox).matrix.set_index("actividad")
    due = {k: matrix.loc[k, "fecha_limite"].date() for k in "ABCD"}
    assert due == {"A": D(2027, 2, 13), "B": D(2027, 3, 4),  # month first: March 4
                   "C": D(2027, 2, 13), "D": D(2027, 4, 3)}  # day first: 3 April


def test_parties_split_only_where_every_part_is_known(ref: Reference) -> None:
    matcher = Matcher(ref)

    def names(text: str) -> list[tuple[str, str | None]]:
        return [(piece, m.value) for piece, m in matcher.parties(text)]

    assert names("Guatemala y Honduras") == [("Guatemala", "Guatemala"),
                                             ("Honduras", "Honduras")]
    assert names("Guatemala, OIM and ACNUR") == [("Guatemala", "Guatemala"), ("OIM", "OIM"),
                                                 ("ACNUR", "ACNUR")]
    assert names("Sec. Infraestructura y Obra Pública") == [
        ("Sec. Infraestructura y Obra Pública", None)]
    assert names("Dirección de Agua, Saneamiento y Drenaje") == [
        ("Dirección de Agua, Saneamiento y Drenaje", None)]
    assert names("Sec. Infraestructura y Obra Pública; Guatemala\nOIM") == [
        ("Sec. Infraestructura y Obra Pública", None), ("Guatemala", "Guatemala"),
        ("OIM", "OIM")]


def test_tracker_statuses_map_to_the_four(ref: Reference) -> None:
    matcher = Matcher(ref)
    said = {text: matcher.status(text).value for text in [
        "Delayed", "Behind schedule", "On hold", "Planning", "Cancelled", "Closed",
        "Dropped", "Atrasado", "En pausa"]}
    assert said == {"Delayed": "en_proceso", "Behind schedule": "en_proceso",
                    "On hold": "pendiente", "Planning": "pendiente",
                    "Cancelled": "no_alcanzado", "Closed": "finalizado",
                    "Dropped": "no_alcanzado", "Atrasado": "en_proceso",
                    "En pausa": "pendiente"}


def test_progress_status_and_na(make_workbook: MakeWorkbook, tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    make_workbook("Guatemala.xlsx", [
        ["Done without a status", "OIM", "2027-01-31", None, 1.0],
        ["Full but said in progress", "OIM", "2027-01-31", "In progress", "100%"],
        ["Not applicable", "OIM", "2027-01-31", "N/A", None],
        ["Half", "OIM", "2027-01-31", "Delayed", 0.5],
    ], titles=TITLES, folder=inbox)
    result = run(inbox)
    status = dict(zip(result.matrix["actividad"], result.matrix["estado"], strict=True))
    assert status == {"Done without a status": "finalizado",
                      "Full but said in progress": "en_proceso", "Not applicable": "",
                      "Half": "en_proceso"}
    found = {(i.code, i.celda) for i in result.issues if i.archivo == "Guatemala.xlsx"
             and i.code.startswith(("avance", "estado"))}
    assert found == {("avance-sin-finalizar", "E6"), ("estado-faltante", "D7")}


def test_a_row_that_continues_the_item_above_belongs_to_it(make_workbook: MakeWorkbook,
                                                            tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    make_workbook("Guatemala.xlsx", [
        ["Rehabilitar el pozo de la comunidad", "OIM", "2027-01-31", "Pending", None],
        [None, "ACNUR", None, None, None],  # a second party, on the next row
        ["Capacitar al personal", "Guatemala", "2027-06-30", "Pending", None],
        [None, None, "2027-09-30", "Pending", None],  # its own deadline: an item, flagged
    ], titles=TITLES, folder=inbox)
    result = run(inbox)
    matrix = result.matrix
    assert len(matrix) == 3
    first = matrix.iloc[0]
    assert first["responsable"] == "OIM; ACNUR" and int(first["fila"]) == 5
    missing = [i.celda for i in result.issues if i.code == "actividad-faltante"]
    assert missing == ["A8"]
