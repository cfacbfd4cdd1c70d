"""An observer's files as they arrive (issue 20): a file of observations alone beside the
observer's own matrix, a template whose hidden key was tampered with, formulas without a
value in a side sheet. Every file is built here; every figure is counted from its rows."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import MakeWorkbook, read_table
from tests.test_observation_matching import consolidate  # (as of AS_OF, 2027-02-20)

TITLES = ["ID", "Descripción de la actividad", "Pilar programático",
          "Indicadores de resultados / impacto", "Parte responsable", "Plazo de cumplimiento",
          "Estado"]
# id, activity, party, deadline, status
GUATEMALA = [("GTM-001", "Actualizar el protocolo regional de niñez", "Guatemala",
              "2026-10-21", "Finalizado"),
             ("GTM-002", "Mapeo de movilidad laboral", "Guatemala; OIT", "2027-03-31",
              "En proceso"),
             ("GTM-003", "Acuerdo bilateral de retorno", "Guatemala", "2026-11-30",
              "Pendiente")]
# RROCM's own activities: two overdue, two due soon as of 2027-02-20
RROCM = [("RROCM-1", "Informe regional de monitoreo", "RROCM", "2026-12-31", "En proceso"),
         ("RROCM-2", "Foro de la sociedad civil", "RROCM", "2027-01-31", "Pendiente"),
         ("RROCM-3", "Diagnóstico de albergues", "RROCM", "2027-03-31", "En proceso"),
         ("RROCM-4", "Guía de derechos en tránsito", "RROCM; OIM", "2027-04-30", "Pendiente")]
OBSERVATION_TITLES = ["ID", "Informante", "Estado observado", "Evidencia", "Observación"]
OBSERVED = [["GTM-001", "Guatemala", "En proceso", "https://example.org/acta",
             "No se aplica aún"],
            ["GTM-002", "Guatemala", "En proceso", "", "Avanza"]]


def matrix_rows(items: list[tuple[str, ...]]) -> list[list[object]]:
    return [[i, a, "1", "Indicador", p, d, s] for i, a, p, d, s in items]


def dated(path: Path, when: dt.datetime) -> Path:
    """The workbook saved again with `when` as the last-saved time it records about itself
    (what tells a later file from an earlier one)."""
    with zipfile.ZipFile(path) as archive:
        parts = {info: archive.read(info) for info in archive.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts.items():
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]+", rb"\g<1>"
                              + when.strftime("%Y-%m-%dT%H:%M:%SZ").encode(), data)
            archive.writestr(info, data)
    return path


def figures(out: Path) -> dict[str, object]:
    matrix = read_table(out, "matriz")
    return {"overdue": sorted(read_table(out, "vencidos")["id"]),
            "soon": sorted(read_table(out, "por_vencer")["id"]),
            "rrocm": sorted(matrix.loc[matrix["informante"] == "RROCM", "id"])}


def envios(out: Path) -> dict[str, dict[str, str]]:
    return {r["archivo"]: r for r in read_table(out, "envios").to_dict("records")}


@pytest.mark.parametrize("newer", ["observations", "matrix"])
def test_an_observations_file_is_read_beside_the_observers_matrix(
        tmp_path: Path, make_workbook: MakeWorkbook, newer: str) -> None:
    """RROCM sends its matrix of its own activities and, apart, a hand-made file holding
    only its observations: neither replaces the other, whichever is newer."""
    inbox = tmp_path / "ronda"
    make_workbook("Guatemala - 2027-T1.xlsx", matrix_rows(GUATEMALA), TITLES, folder=inbox)
    own = make_workbook("RROCM - 2027-T1.xlsx", matrix_rows(RROCM), TITLES, folder=inbox)
    without = tmp_path / "sin"
    consolidate(inbox, without)
    views = make_workbook("RROCM observaciones.xlsx", OBSERVED, OBSERVATION_TITLES,
                          title_rows=(), sheet="Observaciones", folder=inbox)
    early, late = dt.datetime(2027, 2, 1, 9), dt.datetime(2027, 2, 3, 9)
    dated(views, late if newer == "observations" else early)
    dated(own, early if newer == "observations" else late)
    out = tmp_path / "con"
    consolidate(inbox, out)

    assert figures(out) == figures(without)
    assert figures(out)["rrocm"] == [r[0] for r in RROCM]
    table = read_table(out, "observaciones")
    assert sorted(table["id"]) == sorted(o[0] for o in OBSERVED)
    assert set(table["archivo"]) == {"RROCM observaciones.xlsx"}
    problems = read_table(out, "problemas")
    assert "envio-duplicado" not in set(problems["codigo"])
    sent = envios(out)
    assert sent["RROCM - 2027-T1.xlsx"]["estado"] == "leído"
    assert sent["RROCM - 2027-T1.xlsx"]["filas"] == str(len(RROCM))
    beside = sent["RROCM observaciones.xlsx"]
    assert beside["estado"] == "leído"
    # said so: no matrix in it, what it holds and whose matrix it was read beside
    assert beside["hojas"] == "Observaciones" and beside["filas"] == str(len(OBSERVED))
    assert "RROCM - 2027-T1.xlsx" in beside["motivo"] and "matriz" in beside["motivo"]


def test_two_files_of_observations_alone_the_later_is_used(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """Two files of the same kind of sheets alone (a first and a corrected version) are as
    two matrices: the later is used, the earlier set aside and warned."""
    inbox = tmp_path / "ronda"
    make_workbook("Guatemala - 2027-T1.xlsx", matrix_rows(GUATEMALA), TITLES, folder=inbox)
    make_workbook("RROCM - 2027-T1.xlsx", matrix_rows(RROCM), TITLES, folder=inbox)
    first = make_workbook("RROCM observaciones v1.xlsx", OBSERVED[:1], OBSERVATION_TITLES,
                          title_rows=(), sheet="Observaciones", folder=inbox)
    second = make_workbook("RROCM observaciones v2.xlsx", OBSERVED, OBSERVATION_TITLES,
                           title_rows=(), sheet="Observaciones", folder=inbox)
    dated(first, dt.datetime(2027, 2, 3, 9))
    dated(second, dt.datetime(2027, 2, 4, 9))
    out = tmp_path / "out"
    consolidate(inbox, out)
    table = read_table(out, "observaciones")
    assert sorted(zip(table["id"], table["archivo"], strict=True)) == [
        ("GTM-001", "RROCM observaciones v2.xlsx"), ("GTM-002", "RROCM observaciones v2.xlsx")]
    problems = read_table(out, "problemas")
    told = problems[problems["codigo"] == "envio-duplicado"]
    assert list(told["archivo"]) == ["RROCM observaciones v1.xlsx"]
    sent = envios(out)
    assert sent["RROCM observaciones v1.xlsx"]["estado"] == "reemplazado"
    assert sent["RROCM - 2027-T1.xlsx"]["estado"] == "leído"
    assert figures(out)["rrocm"] == [r[0] for r in RROCM]


def test_two_matrices_of_one_reporter_stay_duplicates(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    inbox = tmp_path / "ronda"
    old = make_workbook("RROCM v1.xlsx", matrix_rows(RROCM[:1]), TITLES, folder=inbox)
    new = make_workbook("RROCM v2.xlsx", matrix_rows(RROCM), TITLES, folder=inbox)
    dated(old, dt.datetime(2027, 2, 1, 9))
    dated(new, dt.datetime(2027, 2, 2, 9))
    out = tmp_path / "out"
    consolidate(inbox, out)
    assert envios(out)["RROCM v1.xlsx"]["estado"] == "reemplazado"
    assert figures(out)["rrocm"] == [r[0] for r in RROCM]


def guatemala_template(inbox: Path, make_workbook: MakeWorkbook,
                       *keys: tuple[str, str]) -> Path:
    """Guatemala's matrix with a template's hidden key (`keys` added to it)."""
    meta = [["informante", "Guatemala"], ["ronda", "2027-T1"], ["hoja_matriz", "Matriz"],
            ["hoja_instrucciones", "Instrucciones"], *map(list, keys)]
    return make_workbook("Guatemala - 2027-T1.xlsx", matrix_rows(GUATEMALA), TITLES,
                         folder=inbox, extra={"Instrucciones": [["Llene la matriz."]],
                                              "_seguimiento": meta},
                         hidden=["_seguimiento"])


@pytest.mark.parametrize("keys", [
    [("hoja_observaciones", "Matriz")],
    [("hoja_indicadores", "Matriz")],
    [("hoja_observaciones", "Matriz"), ("hoja_matriz", "Hoja que no existe")],
    [("hoja_observaciones", "Matriz"), ("hoja_matriz", "")],
    [("hoja_observaciones", "Matriz"), ("hoja_matriz", "Instrucciones")],
], ids=["observations", "indicators", "matrix-elsewhere", "matrix-unnamed",
        "matrix-another-sheet"])
def test_the_hidden_key_never_makes_the_matrix_a_side_sheet(
        tmp_path: Path, make_workbook: MakeWorkbook, keys: list[tuple[str, str]]) -> None:
    inbox = tmp_path / "ronda"
    guatemala_template(inbox, make_workbook, *keys)
    out = tmp_path / "out"
    consolidate(inbox, out)
    matrix = read_table(out, "matriz")
    assert sorted(matrix["id"]) == [g[0] for g in GUATEMALA]
    assert read_table(out, "observaciones").empty
    assert read_table(out, "indicadores").empty
    sent = envios(out)["Guatemala - 2027-T1.xlsx"]
    assert (sent["estado"], sent["hojas"], sent["filas"]) == ("leído", "Matriz",
                                                             str(len(GUATEMALA)))


def test_the_hidden_key_names_a_side_sheet_beside_the_matrix(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """The key still names the template's own observations sheet, whatever its titles
    (the sheet exists and is not the matrix)."""
    inbox = tmp_path / "ronda"
    make_workbook("Guatemala - 2027-T1.xlsx", matrix_rows(GUATEMALA), TITLES, folder=inbox)
    meta = [["informante", "RROCM"], ["ronda", "2027-T1"], ["hoja_matriz", "Matriz"],
            ["hoja_observaciones", "Vistas"]]
    # titles a matrix would have: only the key says these are observations
    views = [["ID", "Descripción de la actividad", "Parte responsable", "Plazo de cumplimiento",
              "Estado", "Valoración de la RROCM", "Observación"],
             ["GTM-001", GUATEMALA[0][1], "Guatemala", "2026-10-21", "Finalizado",
              "En proceso", "No se aplica aún"]]
    make_workbook("RROCM - 2027-T1.xlsx", matrix_rows(RROCM), TITLES, folder=inbox,
                  extra={"Vistas": views, "_seguimiento": meta}, hidden=["_seguimiento"])
    out = tmp_path / "out"
    consolidate(inbox, out)
    assert figures(out)["rrocm"] == [r[0] for r in RROCM]
    assert list(read_table(out, "observaciones")["id"]) == ["GTM-001"]


def with_formulas(path: Path, sheet: str, cells: dict[str, str]) -> Path:
    """Formulas written by openpyxl: saved without any computed value."""
    workbook = openpyxl.load_workbook(path)
    for ref, formula in cells.items():
        workbook[sheet][ref] = formula
    workbook.save(path)
    return path


def test_a_formula_without_value_in_a_side_sheet_is_told_at_its_cell(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    inbox = tmp_path / "ronda"
    make_workbook("Guatemala - 2027-T1.xlsx", matrix_rows(GUATEMALA), TITLES, folder=inbox)
    views = make_workbook("RROCM observaciones.xlsx", OBSERVED, OBSERVATION_TITLES,
                          title_rows=(), sheet="Observaciones", folder=inbox)
    with_formulas(views, "Observaciones", {
        "D2": '=HYPERLINK("http://evil.example/x","clic aquí")',
        "C3": '="No alcan"&"zado"',
        "A4": "GTM-003", "E4": "=1000*2"})  # a row whose view is all formula
    out = tmp_path / "out"
    consolidate(inbox, out)
    problems = read_table(out, "problemas")
    told = problems[problems["codigo"] == "formula-sin-valor"]
    assert sorted(zip(told["archivo"], told["hoja"], told["celda"], told["columna"],
                      strict=True)) == [
        ("RROCM observaciones.xlsx", "Observaciones", "C3", "Estado observado"),
        ("RROCM observaciones.xlsx", "Observaciones", "D2", "Evidencia"),
        ("RROCM observaciones.xlsx", "Observaciones", "E4", "Observación")]


INDICATOR_TITLES = ["ID", "Indicador", "Unidad", "Línea base", "Fecha de línea base", "Meta",
                    "Fecha de la meta", "Valor de esta ronda"]


def test_an_indicators_file_is_read_beside_the_reporters_matrix(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """Guatemala's indicators sent apart, in a later file of their own: its matrix stays,
    the indicators are read; a formula in them without a value is told at its cell."""
    inbox = tmp_path / "ronda"
    own = make_workbook("Guatemala - 2027-T1.xlsx", matrix_rows(GUATEMALA), TITLES,
                        folder=inbox)
    without = tmp_path / "sin"
    consolidate(inbox, without)
    measures = make_workbook("Guatemala indicadores.xlsx", [
        ["GTM-002", "Personas capacitadas", "personas", 0, "01/01/2026", 800, "31/12/2027",
         300]], INDICATOR_TITLES, title_rows=(), sheet="Indicadores", folder=inbox)
    with_formulas(measures, "Indicadores", {"H2": "=1000*2"})
    dated(own, dt.datetime(2027, 2, 1, 9))
    dated(measures, dt.datetime(2027, 2, 3, 9))
    out = tmp_path / "con"
    consolidate(inbox, out)
    assert figures(out) == figures(without)
    assert sorted(read_table(out, "matriz")["id"]) == [g[0] for g in GUATEMALA]
    assert list(read_table(out, "indicadores")["indicador"]) == ["Personas capacitadas"]
    sent = envios(out)
    assert sent["Guatemala - 2027-T1.xlsx"]["estado"] == "leído"
    assert (sent["Guatemala indicadores.xlsx"]["hojas"],
            sent["Guatemala indicadores.xlsx"]["filas"]) == ("Indicadores", "1")
    problems = read_table(out, "problemas")
    assert "envio-duplicado" not in set(problems["codigo"])
    told = problems[problems["codigo"] == "formula-sin-valor"]
    assert list(zip(told["hoja"], told["celda"], strict=True)) == [("Indicadores", "H2")]


def test_side_sheets_alone_are_no_matrix_sent(tmp_path: Path,
                                               make_workbook: MakeWorkbook) -> None:
    """Guatemala's indicators arrive without its matrix: they are read, and Guatemala is
    told its matrix is missing (it counted as having sent)."""
    inbox = tmp_path / "ronda"
    make_workbook("Honduras.xlsx", matrix_rows([("HND-001", "Centros de retorno", "Honduras",
                                                 "2027-06-30", "En proceso")]), TITLES,
                  folder=inbox)
    make_workbook("Guatemala indicadores.xlsx", [
        ["GTM-002", "Personas capacitadas", "personas", 0, "01/01/2026", 800, "31/12/2027",
         300]], INDICATOR_TITLES, title_rows=(), sheet="Indicadores", folder=inbox)
    out = tmp_path / "out"
    consolidate(inbox, out)
    problems = read_table(out, "problemas")
    missing = set(problems.loc[problems["codigo"] == "envio-faltante", "mensaje"])
    assert any("Guatemala" in m for m in missing), missing
    assert not any("Honduras" in m for m in missing)
    assert envios(out)["Guatemala indicadores.xlsx"]["estado"] == "leído"
