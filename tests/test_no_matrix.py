"""Nothing silently empty (issue 22, docs/contract.md §7): a file in which no matrix is
found is `sin matriz` in every output that lists files, an error whose message lists the
titles it has and the `[columnas]` lines that would map them, and `validate` exits 1;
`[columnas]` in the configuration then makes it read; `validate` says which title it took
for each column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import MakeWorkbook

READ = {"encoding": "utf-8-sig", "keep_default_na": False, "dtype": str}
# A tracker whose activity and deadline are titled in words no tracker vocabulary holds.
TITLES = ["Punto", "Quién", "ETA", "Situación actual"]
ROWS = [["Reparar el pozo comunal", "Guatemala", dt.datetime(2026, 3, 1), "Pendiente"],
        ["Capacitar al personal de recepción", "Honduras", dt.datetime(2027, 3, 1),
         "En proceso"]]
COLUMNAS = '[columnas]\nactividad = ["Punto"]\nplazo = "ETA"\n'


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_validate_says_no_matrix_with_the_titles_found_and_the_lines_to_write(
        make_workbook: MakeWorkbook) -> None:
    path = make_workbook("Guatemala.xlsx", ROWS, titles=TITLES, sheet="Tracker")
    code, said = run("validate", str(path), "--as-of", "2026-11-30", "--lang", "es")
    assert code == 1, said
    line = next(x for x in said.splitlines() if "[archivo-sin-matriz]" in x)
    assert line.startswith("error")
    assert "«Punto», «Quién», «ETA», «Situación actual»" in line
    assert 'actividad = ["Punto"]' in line and 'plazo = ["ETA"]' in line
    code, said = run("validate", str(path), "--as-of", "2026-11-30", "--lang", "en")
    assert code == 1 and "No matrix was found" in said and "“Punto”" in said


def test_a_file_without_a_matrix_is_sin_matriz_in_every_output(make_workbook: MakeWorkbook,
                                                                tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    make_workbook("Guatemala.xlsx", ROWS, titles=TITLES, sheet="Tracker", folder=inbox)
    make_workbook("Honduras.xlsx", [["3", "Trata", "Campaña", "Informe", "OIM",
                                     dt.date(2027, 9, 30), "en proceso"]], folder=inbox)
    config = tmp_path / "seguimiento.toml"
    config.write_text('[ronda]\ninformantes_esperados = ["Guatemala", "Honduras"]\n',
                      encoding="utf-8")
    out = tmp_path / "out"
    code, said = run("consolidate", str(inbox), "--out", str(out), "--round", "2026-T4",
                     "--as-of", "2026-11-30", "--config", str(config), "--lang", "es")
    assert code in (0, 1), said
    assert "1 archivo sin matriz" in said.splitlines()[-1]
    subs = pd.read_csv(out / "envios.csv", **READ).set_index("archivo")
    assert subs.loc["Guatemala.xlsx", "estado"] == "sin matriz"
    assert subs.loc["Honduras.xlsx", "estado"] == "leído"
    assert "no recibido" not in set(subs["estado"])  # Guatemala sent, unreadably
    issues = pd.read_csv(out / "problemas.csv", **READ)
    mine = issues[issues["archivo"] == "Guatemala.xlsx"]
    assert list(mine["codigo"]) == ["archivo-sin-matriz"] or set(mine["codigo"]) == {
        "archivo-sin-matriz", "informante-desconocido"}
    assert set(mine.loc[mine["codigo"] == "archivo-sin-matriz", "severidad"]) == {"error"}
    page = (out / "tablero.html").read_text(encoding="utf-8")
    assert "sin matriz" in page and "Guatemala.xlsx" in page
    feedback = openpyxl.load_workbook(out / "retroalimentacion" / "Guatemala.xlsx")
    told = " ".join(str(c) for ws in feedback.worksheets
                    for row in ws.iter_rows(values_only=True) for c in row if c)
    assert "No se encontró ninguna matriz" in told
    matrix = pd.read_csv(out / "matriz.csv", **READ)
    assert set(matrix["informante"]) == {"Honduras"}


def test_columnas_makes_it_read_and_validate_says_which_title_it_took(
        make_workbook: MakeWorkbook, tmp_path: Path) -> None:
    path = make_workbook("Guatemala.xlsx", ROWS, titles=TITLES, sheet="Tracker")
    config = tmp_path / "seguimiento.toml"
    config.write_text(COLUMNAS, encoding="utf-8")
    code, said = run("validate", str(path), "--as-of", "2026-11-30", "--config", str(config),
                     "--lang", "es")
    assert "[archivo-sin-matriz]" not in said, said
    assert "2 actividades" in said.splitlines()[-1]
    [line] = [x for x in said.splitlines() if x.startswith("Guatemala.xlsx › Tracker:")]
    assert "actividad ← «Punto»" in line and "responsable ← «Quién»" in line
    assert "plazo ← «ETA»" in line and "estado ← «Situación actual»" in line
    code, said = run("validate", str(path), "--as-of", "2026-11-30", "--config", str(config),
                     "--lang", "en")
    assert "Guatemala.xlsx › Tracker: columns actividad ← “Punto”" in said


def test_validate_says_a_template_file_is_read_under_its_own_titles(
        make_workbook: MakeWorkbook) -> None:
    path = make_workbook("Honduras.xlsx", [["3", "Trata", "Campaña", "Informe", "OIM",
                                            dt.date(2027, 9, 30), "en proceso"]])
    code, said = run("validate", str(path), "--as-of", "2026-11-30", "--lang", "es")
    assert "Honduras.xlsx › Matriz: columnas" in said, said
    # the template's titles with their explanations in parentheses are its own titles
    assert "«Estado (finalizado" not in said and "«Pilar programático»" not in said


def test_an_empty_workbook_is_sin_matriz_too(tmp_path: Path) -> None:
    path = tmp_path / "Guatemala.xlsx"
    openpyxl.Workbook().save(path)
    code, said = run("validate", str(path), "--as-of", "2026-11-30", "--lang", "en")
    assert code == 1, said
    assert "[archivo-sin-matriz]" in said and 'actividad = ["…"]' in said
