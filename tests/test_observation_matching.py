"""Which item an observation names, and who may observe (issue 20, after an attack pass):
an id typed in another case or spacing is the item's; an unknown id with another reporter's
prefix is an observation told at its cell, never a commitment of the observer; only the
configured observers observe; one view per item and observer is counted; an observer never
reads a restricted item's activity, status or id. Rounds are built here from hand-made
files; every expected figure is counted from the rows the test wrote."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pipeline.analyse.changes import observation_changes
from pipeline.analyse.observations import ItemIndex
from tests.conftest import MakeWorkbook, headline, read_table
from tests.test_observations import (
    AS_OF,
    GUATEMALA,
    HONDURAS,
    OBSERVATION_TITLES,
    TITLES,
    matrix_rows,
    overdue_figures,
    round_folder,
    run,
)

MATRIX_TITLES = ["ID", "Descripción de la actividad", "Parte responsable", "Plazo", "Estado",
                 "Observaciones"]


def consolidate(inbox: Path, out: Path, *args: str) -> Path:
    run("consolidate", str(inbox), "--out", str(out), "--as-of", AS_OF, "--round", "2027-T1",
        *args)
    return out


def observe(tmp_path: Path, make_workbook: MakeWorkbook, views: list[tuple[str, ...]],
            titles: list[str] = OBSERVATION_TITLES) -> Path:
    """The round of Guatemala and Honduras with RROCM's observations sheet of `views`
    (under `titles`), consolidated: its outputs."""
    inbox = round_folder(tmp_path, make_workbook)
    make_workbook("RROCM - 2027-T1.xlsx", views, titles, title_rows=(),
                  sheet="Observaciones", folder=inbox)
    return consolidate(inbox, tmp_path / "out")


def totals(out: Path) -> tuple[int, int, int]:
    overdue, soon, _ = overdue_figures(out)
    return overdue, soon, len(read_table(out, "matriz"))


def told(out: Path, code: str) -> list[tuple[str, str, str, str]]:
    problems = read_table(out, "problemas")
    mine = problems[problems["codigo"] == code]
    return list(zip(mine["archivo"], mine["hoja"], mine["celda"], mine["valor"], strict=True))


def test_an_observers_matrix_row_with_an_id_in_another_case_or_unknown_is_no_commitment(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """D1: "gtm-002" is Guatemala's GTM-002 (an observation of it, not RROCM's item);
    "GTM-XXXXXX" carries Guatemala's prefix but names nothing: told at its cell with the
    id meant, never RROCM's commitment. The totals are the same with and without the
    observer's file."""
    inbox = round_folder(tmp_path, make_workbook)
    without = consolidate(inbox, tmp_path / "sin")
    rows = [[" gtm-002 ", "Mapeo de movilidad laboral", "Guatemala; OIT", "2026-12-31",
             "No alcanzado", "Sin avances"],
            ["GTM-XXXXXX", "Taller inventado", "Guatemala", "2026-12-31", "No alcanzado",
             "id desconocido"],
            ["RROCM-1", "Informe regional de monitoreo", "RROCM", "2027-12-31", "En proceso",
             ""]]
    make_workbook("RROCM acuerdos.xlsx", rows, MATRIX_TITLES, title_rows=(), folder=inbox)
    out = consolidate(inbox, tmp_path / "con")

    assert totals(out) == (totals(without)[0], totals(without)[1], totals(without)[2] + 1)
    matrix = read_table(out, "matriz")
    assert sorted(matrix.loc[matrix["informante"] == "RROCM", "id"]) == ["RROCM-1"]
    table = read_table(out, "observaciones")
    assert sorted(zip(table["id"], table["informante"], table["estado_oficial"],
                      table["coincide"], strict=True)) == [
        ("GTM-002", "Guatemala", "en_proceso", "false"),
        ("GTM-XXXXXX", "", "", "")]
    assert told(out, "observacion-sin-item") == [
        ("RROCM acuerdos.xlsx", "Matriz", "A3", "GTM-XXXXXX")]


def test_an_observations_sheets_id_in_another_case_or_spacing_is_the_items(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """M3."""
    views = [(" gtm-002 ", "Guatemala", "No alcanzado", "", "Sin avances", ""),
             ("hnd -001", "", "En proceso", "", "Avanza", "")]
    out = observe(tmp_path, make_workbook, views)
    table = read_table(out, "observaciones")
    assert sorted(zip(table["id"], table["informante"], table["coincide"], strict=True)) == [
        ("GTM-002", "Guatemala", "false"), ("HND-001", "Honduras", "true")]
    assert not told(out, "observacion-sin-item")


def test_an_observation_of_the_observers_own_item_or_of_another_reporters_id_says_so(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """M2: RROCM's own item is reported in its matrix, not observed; an id given with
    another reporter is that reporter's (no "did you mean" naming the same id)."""
    inbox = round_folder(tmp_path, make_workbook)
    own = [["RROCM-1", "Informe regional de monitoreo", "RROCM", "2027-12-31", "En proceso",
            ""]]
    views = [("RROCM-1", "RROCM", "Finalizado", "", "Terminado", ""),
             ("HND-001", "Guatemala", "Pendiente", "", "No empezó", "")]
    make_workbook("RROCM - 2027-T1.xlsx", own, MATRIX_TITLES, title_rows=(),
                  extra={"Observaciones": [OBSERVATION_TITLES, *views]}, folder=inbox)
    out = consolidate(inbox, tmp_path / "out")
    assert told(out, "observacion-item-propio") == [
        ("RROCM - 2027-T1.xlsx", "Observaciones", "A2", "RROCM-1")]
    assert told(out, "observacion-otro-informante") == [
        ("RROCM - 2027-T1.xlsx", "Observaciones", "A3", "HND-001")]
    assert not told(out, "observacion-sin-item")
    problems = read_table(out, "problemas")
    message = problems.loc[problems["codigo"] == "observacion-otro-informante", "mensaje"]
    assert "Honduras" in message.iloc[0] and "Guatemala" in message.iloc[0]


def test_only_an_observer_observes(tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """D7: Guatemala's file with an observations sheet of its own is not civil society's
    view: the sheet is left out, with a warning at it saying what to do."""
    inbox = tmp_path / "ronda"
    sheet = [OBSERVATION_TITLES, ("HND-001", "Honduras", "No alcanzado", "", "Opinión", "")]
    make_workbook("Guatemala - 2027-T1.xlsx", matrix_rows(GUATEMALA), TITLES, folder=inbox,
                  extra={"Observaciones": sheet})
    make_workbook("Honduras - 2027-T1.xlsx", matrix_rows(HONDURAS), TITLES, folder=inbox)
    out = consolidate(inbox, tmp_path / "out")
    assert read_table(out, "observaciones").empty
    problems = read_table(out, "problemas")
    ignored = problems[problems["codigo"] == "observaciones-sin-observador"]
    assert list(zip(ignored["archivo"], ignored["hoja"], ignored["celda"], strict=True)) == [
        ("Guatemala - 2027-T1.xlsx", "Observaciones", "")]
    assert "observadores" in ignored["mensaje"].iloc[0]
    summary = openpyxl.load_workbook(out / "consolidado.xlsx")["Resumen"]
    assert not any(str(r[0]).startswith("Ítems observados")
                   for r in summary.iter_rows(values_only=True))


def test_one_view_per_item_and_observer_is_counted(tmp_path: Path,
                                                   make_workbook: MakeWorkbook) -> None:
    """D5: three rows of GTM-002 by RROCM: the first is its view; the later ones are told
    at their cells and not counted (the item neither agrees and differs at once)."""
    views = [("GTM-002", "Guatemala", "No alcanzado", "", "primera", ""),
             ("GTM-002", "Guatemala", "No alcanzado", "", "primera", ""),
             ("GTM-002", "Guatemala", "En proceso", "", "contradictoria", "")]
    out = observe(tmp_path, make_workbook, views)
    table = read_table(out, "observaciones")
    assert list(zip(table["id"], table["observacion"], table["coincide"], strict=True)) == [
        ("GTM-002", "primera", "false")]
    assert told(out, "observacion-repetida") == [
        ("RROCM - 2027-T1.xlsx", "Observaciones", "A3", "GTM-002"),
        ("RROCM - 2027-T1.xlsx", "Observaciones", "A4", "GTM-002")]
    figures = headline(out / "consolidado.xlsx")
    assert (figures["Ítems observados"], figures["Coinciden con lo oficial"],
            figures["Difieren de lo oficial"]) == (1, 0, 1)


def test_a_stored_repeated_view_changes_as_the_counted_one() -> None:
    """D5: a round stored with two views of one item by one observer (before they were
    told) is compared by its first, the one counted."""
    def views(*statuses: str) -> pd.DataFrame:
        return pd.DataFrame([{"informante": "Guatemala", "id": "GTM-002", "observador": "RROCM",
                              "actividad": "Mapeo", "estado_observado": s,
                              "estado_oficial": "en_proceso", "coincide": s == "en_proceso"}
                             for s in statuses])
    moved = observation_changes(views("no_alcanzado", "en_proceso"), views("no_alcanzado"))
    assert moved.empty
    moved = observation_changes(views("en_proceso", "no_alcanzado"), views("no_alcanzado"))
    assert list(zip(moved["id"], moved["antes"], moved["despues"], strict=True)) == [
        ("GTM-002", "en_proceso", "no_alcanzado")]


def test_an_unknown_official_status_is_compared_with_nothing(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """D10: as an observed status the product does not know."""
    inbox = tmp_path / "ronda"
    odd = [(*GUATEMALA[0][:4], "Casi listo", "No"), *GUATEMALA[1:]]
    make_workbook("Guatemala - 2027-T1.xlsx", matrix_rows(odd), TITLES, folder=inbox)
    views = [("GTM-001", "Guatemala", "Finalizado", "", "Terminado", "")]
    make_workbook("RROCM - 2027-T1.xlsx", views, OBSERVATION_TITLES, title_rows=(),
                  sheet="Observaciones", folder=inbox)
    out = consolidate(inbox, tmp_path / "out")
    table = read_table(out, "observaciones")
    assert list(zip(table["id"], table["coincide"], strict=True)) == [("GTM-001", "")]


def test_an_observer_never_reads_a_restricted_items_activity_nor_its_id(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """D3: RROCM observed the restricted GTM-003 by its id, and typed "GTM-0O3" (a letter
    O): its feedback shows its own words only, and no suggestion names GTM-003."""
    views = [("GTM-003", "Guatemala", "Finalizado", "", "Sabemos de él", ""),
             ("GTM-0O3", "Guatemala", "Finalizado", "", "Con una O", "")]
    out = observe(tmp_path, make_workbook, views)
    secret, official = GUATEMALA[2][1], GUATEMALA[2][4]
    feedback = openpyxl.load_workbook(out / "retroalimentacion" / "RROCM.xlsx")
    for sheet in feedback.worksheets:
        for row in sheet.iter_rows(values_only=True):
            shown = " ".join(str(v) for v in row if v is not None)
            assert secret not in shown, (sheet.title, shown)
            assert official not in shown, (sheet.title, shown)  # (nor its official status)
    problems = read_table(out, "problemas")
    assert "GTM-003" not in " ".join(problems["sugerencia"])
    assert "GTM-003" not in " ".join(problems["mensaje"])


@pytest.mark.parametrize("of_all", [50_000, 0])
def test_the_id_meant_is_one_edit_away_and_never_restricted(
        monkeypatch: pytest.MonkeyPatch, of_all: int) -> None:
    """D9's index: the id meant is found among the ids one edit away (or looking alike),
    the closest first; a restricted id is never suggested. The same with the forms of the
    id's prefix only (a round of more than `DELETIONS_OF_ALL` ids)."""
    import pipeline.analyse.item_index as item_index

    monkeypatch.setattr(item_index, "DELETIONS_OF_ALL", of_all)
    ids = [f"GTM-B{n:05d}" for n in range(3000)]
    items = pd.DataFrame({"id": [*ids, "USA-57B135", "USA-57C999"],
                          "reservado": [False] * len(ids) + [True, False]})
    index = ItemIndex(items)
    assert index.nearest("GTM-B0O012") == "GTM-B00012"  # looks alike
    meant = index.nearest("GTM-B0012")  # one left out: an id with one more character
    assert any(meant[:n] + meant[n + 1:] == "GTM-B0012" for n in range(len(meant)))
    assert index.nearest("GTM-B00012X") == "GTM-B00012"  # one too many
    # (the restricted USA-57B135 is one edit away but never told; the public USA-57C999,
    # four edits away, is its prefix's only public id and passes difflib's 0.6 likeness)
    assert index.nearest("USA-57B13") == "USA-57C999"
    assert index.nearest("usa-57b135") == ""
    assert index.nearest("ZZZ-999999") == ""


def dated_views(tmp_path: Path, make_workbook: MakeWorkbook, guatemala: tuple[str, str],
                honduras: tuple[str, str]) -> tuple[Path, pd.DataFrame]:
    """RROCM's views of GTM-002 and HND-001 (each an observed status and a date), the
    round's outputs and its observations by id."""
    titles = [*OBSERVATION_TITLES, "Fecha de la observación"]
    views = [("GTM-002", "Guatemala", guatemala[0], "", "Sin avances", "", guatemala[1]),
             ("HND-001", "Honduras", honduras[0], "", "Avanza", "", honduras[1])]
    out = observe(tmp_path, make_workbook, views, titles)
    return out, read_table(out, "observaciones").set_index("id")


def test_an_observations_date_is_read_as_dates_are_and_a_bare_yes_is_no_status(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """M1: "febrero 2027" is the month's last day; "2027-13-45" is told and not written as
    if a date. A bare "Sí" typed as the observed status is not "No information" (S/I): it
    is told, as an unknown status is."""
    out, table = dated_views(tmp_path, make_workbook, ("No alcanzado", "febrero 2027"),
                             ("Sí", "2027-13-45"))
    assert table.loc["GTM-002", "fecha_observacion"] == "2027-02-28"
    assert table.loc["HND-001", "fecha_observacion"] == ""
    assert told(out, "observacion-fecha-ilegible") == [
        ("RROCM - 2027-T1.xlsx", "Observaciones", "G3", "2027-13-45")]
    assert told(out, "estado-observado-desconocido") == [
        ("RROCM - 2027-T1.xlsx", "Observaciones", "C3", "Sí")]
    assert table.loc["HND-001", "coincide"] == ""


def test_ids_that_differ_only_by_case_are_found_as_written_or_not_at_all() -> None:
    items = pd.DataFrame({"id": ["HND-AB1", "hnd-ab1", "GTM-1"], "informante": ["Honduras",
                          "Honduras", "Guatemala"], "actividad": ["Uno", "Dos", "Tres"]})
    index = ItemIndex(items)

    def found(ident: str) -> int | None:
        return index.find({"id": ident, "actividad": ""}, None)

    assert (found("HND-AB1"), found("hnd-ab1"), found("Hnd-Ab1"), found(" gtm-1 ")) == (
        0, 1, None, 2)


def test_an_observers_sheet_that_writes_its_dates_month_first_is_read_so(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    _, table = dated_views(tmp_path, make_workbook, ("No alcanzado", "02/15/2027"),
                           ("En proceso", "03/01/2027"))
    assert table["fecha_observacion"].to_dict() == {"GTM-002": "2027-02-15",
                                                    "HND-001": "2027-03-01"}
