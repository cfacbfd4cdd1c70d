"""Figures that must be right (issue 13): what is counted, and for whom."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.jobs.consolidate import Options, RunResult, analyze
from tests.conftest import AS_OF, OFFICIAL_TITLES, MakeWorkbook

WITH_GROUP = ["Grupo de trabajo", *OFFICIAL_TITLES]


def run(folder: Path, **kwargs: object) -> RunResult:
    return analyze(Options(input_dir=folder, as_of=AS_OF, **kwargs))  # type: ignore[arg-type]


def limits(result: RunResult) -> list[dict[str, str]]:
    return [{"archivo": i.archivo, **dict(i.params), "en": i.message("en")}
            for i in result.issues if i.code == "demasiadas-actividades"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "recibidos"


def _rows(group: str, texts: list[str]) -> list[list[str]]:
    return [[group, "2", "Migración laboral", text, "Informe", "OIT", "T2 2027", "pendiente"]
            for text in texts]


def test_a_group_workbook_under_another_name_is_counted_for_its_group(
        make_workbook: MakeWorkbook, folder: Path) -> None:
    make_workbook("Informe final GT.xlsx",
                  _rows("Migración laboral", [f"Actividad {n}" for n in range(4)]),
                  titles=WITH_GROUP, folder=folder)
    [told] = limits(run(folder))
    assert told["cantidad"] == "4" and told["archivo"] == "Informe final GT.xlsx"
    assert told["en"].startswith("Labour migration has 4 activities due in 2027 (reported by:")


def test_a_sheet_named_after_the_group_counts_for_it(make_workbook: MakeWorkbook,
                                                     folder: Path) -> None:
    rows = [["2", "Migración laboral", f"Actividad {n}", "i", "OIT", "T2 2027", "pendiente"]
            for n in range(5)]
    make_workbook("Matrices 2027.xlsx", rows, sheet="GT Migración Laboral", folder=folder)
    [told] = limits(run(folder))
    assert told["cantidad"] == "5"
    assert told["en"].startswith("Labour migration has 5 activities")


def test_activities_of_one_group_reported_by_several_countries_add_up(
        make_workbook: MakeWorkbook, folder: Path) -> None:
    make_workbook("Guatemala.xlsx", _rows("Migración laboral", ["Taller A", "Taller B"]),
                  titles=WITH_GROUP, folder=folder)
    make_workbook("Honduras.xlsx", _rows("GT Migración Laboral", ["Taller C", "Taller D"]),
                  titles=WITH_GROUP, folder=folder)
    [told] = limits(run(folder))
    assert told["cantidad"] == "4"
    assert "(reported by: Guatemala, Honduras)" in told["en"]


def test_one_activity_reported_by_two_countries_is_one_activity(
        make_workbook: MakeWorkbook, folder: Path) -> None:
    make_workbook("Guatemala.xlsx", _rows("Migración laboral", ["Taller A", "Taller B"]),
                  titles=WITH_GROUP, folder=folder)
    make_workbook("Honduras.xlsx", _rows("Migración laboral", ["Taller  a", "Taller B."]),
                  titles=WITH_GROUP, folder=folder)
    assert limits(run(folder)) == []


def test_a_countrys_own_activities_are_not_counted_against_a_group(
        make_workbook: MakeWorkbook, folder: Path) -> None:
    make_workbook("Guatemala.xlsx", _rows("", [f"Actividad {n}" for n in range(6)]),
                  titles=WITH_GROUP, folder=folder)
    assert limits(run(folder)) == []


def test_the_network_is_counted_per_its_own_files(make_workbook: MakeWorkbook,
                                                  folder: Path) -> None:
    make_workbook("RROCM.xlsx", _rows("", [f"Acuerdo {n}" for n in range(4)]),
                  titles=WITH_GROUP, folder=folder)
    [told] = limits(run(folder))
    assert told["cantidad"] == "4" and "reported by" not in told["en"]  # no echo of itself


def _timeliness(out: Path) -> object:
    import openpyxl

    sheet = openpyxl.load_workbook(out / "consolidado.xlsx")["Resumen"]
    [value] = [row[1] for row in sheet.iter_rows(values_only=True)
               if row[0] == "Envíos a tiempo (%)"]
    return value


def test_without_a_closing_date_timeliness_is_not_applicable(tmp_path: Path) -> None:
    import datetime as dt

    from pipeline.jobs.consolidate import run_consolidation
    from pipeline.jobs.history import stored_rounds
    from tests.conftest import ROOT

    sample = ROOT / "input_workbooks"
    out = tmp_path / "sin-cierre"
    run_consolidation(Options(input_dir=sample, out_dir=out, as_of=AS_OF))
    assert _timeliness(out) == "n/a (sin fecha de cierre)"  # not "0 % on time"
    _, table = stored_rounds(out / "historial.sqlite")
    assert table["puntualidad"].isna().all()
    out = tmp_path / "con-cierre"
    run_consolidation(Options(input_dir=sample, out_dir=out, as_of=AS_OF,
                              closing_date=dt.date(2026, 11, 15)))
    value = _timeliness(out)
    assert isinstance(value, int | float) and 0 < value < 100
