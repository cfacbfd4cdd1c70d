"""Indicators with baselines and targets (issue 24): each rule on its boundaries, numbers as
people type them, and a round trip through the template, the consolidation and the next
round's changes. Expected figures are counted here from the values the test wrote."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.analyse.indicators import judge
from pipeline.cli import cli
from tests.conftest import MakeWorkbook, headline, read_table

D = dt.date
SINCE, BY = D(2026, 1, 1), D(2028, 1, 1)  # 730 days
HALF = D(2027, 1, 1)  # 365 days in: half the way


@pytest.mark.parametrize(("value", "situation"), [
    (50.0, "en_camino"),  # exactly on the line
    (60.0, "en_camino"),
    (40.0, "en_riesgo"),  # exactly 10 points below: still within
    (39.9, "atrasado"),
    (100.0, "meta_alcanzada"),
    (120.0, "meta_alcanzada"),
])
def test_an_increasing_target_on_each_boundary(value: float, situation: str) -> None:
    judged = judge(0.0, 100.0, value, SINCE, BY, HALF)
    assert judged.esperado == pytest.approx(50.0)
    assert judged.avance == pytest.approx(value)
    assert judged.situacion == situation


@pytest.mark.parametrize(("value", "situation"), [
    (60.0, "en_camino"),  # 100 -> 20: half the way is 60
    (68.0, "en_riesgo"),  # 40 % of the way: 10 points below
    (68.8, "atrasado"),
    (20.0, "meta_alcanzada"),
    (15.0, "meta_alcanzada"),
    (110.0, "atrasado"),  # moved the wrong way
])
def test_a_decreasing_target_works_the_same_way(value: float, situation: str) -> None:
    judged = judge(100.0, 20.0, value, SINCE, BY, HALF)
    assert judged.avance == pytest.approx(100 * (value - 100) / (20 - 100))
    assert judged.situacion == situation


def test_what_cannot_be_judged_says_why() -> None:
    assert judge(None, 10.0, 5.0, SINCE, BY, HALF).situacion == "sin_linea_base"
    assert judge(0.0, None, 5.0, SINCE, BY, HALF).situacion == "sin_meta"
    assert judge(0.0, 10.0, 5.0, SINCE, None, HALF).situacion == "sin_meta"  # no date
    assert judge(0.0, 10.0, None, SINCE, BY, HALF).situacion == "sin_valor"
    # a baseline equal to the target: a level to keep
    assert judge(5.0, 5.0, 5.0, SINCE, BY, HALF).situacion == "meta_alcanzada"
    assert judge(5.0, 5.0, 4.0, SINCE, BY, HALF).situacion == "atrasado"
    # before the baseline's date nothing is expected yet; after the target's, all of it
    assert judge(0.0, 10.0, 0.0, SINCE, BY, D(2025, 6, 1)).esperado == 0.0
    assert judge(0.0, 10.0, 9.0, SINCE, BY, D(2029, 1, 1)).esperado == 100.0


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == code, (args, result.output)
    return result.output


TITLES = ["ID", "Descripción de la actividad", "Pilar programático",
          "Indicadores de resultados / impacto", "Parte responsable", "Plazo de cumplimiento",
          "Estado"]
ITEMS = [["GTM-1", "Protocolo de niñez", "1", "Protocolo aprobado", "Guatemala",
          "2027-12-31", "En proceso"],
         ["GTM-2", "Capacitar funcionarios", "1", "Personas capacitadas\nTalleres",
          "Guatemala", "2027-12-31", "En proceso"]]


def fill(path: Path, target: Path, values: dict[tuple[str, str], dict[str, object]]) -> None:
    """Type into the template's indicators sheet, row by (item id, indicator)."""
    book = openpyxl.load_workbook(path)
    sheet = book["Indicadores"]
    header = [c.value for c in sheet[4]]
    col = {t: header.index(t) + 1 for t in header if t}
    rows = {(sheet.cell(r, 1).value, sheet.cell(r, 3).value): r
            for r in range(5, sheet.max_row + 1) if sheet.cell(r, 3).value}
    free = max(rows.values(), default=4) + 1
    for (ident, name), typed in values.items():
        r = rows.get((ident, name))
        if r is None:
            r, free = free, free + 1
            sheet.cell(r, 1).value, sheet.cell(r, 3).value = ident, name
        for title, value in typed.items():
            sheet.cell(r, col[title]).value = value
    book.save(target)


def test_indicators_from_template_to_next_round(tmp_path: Path,
                                                make_workbook: MakeWorkbook) -> None:
    ws = tmp_path / "ws"
    run("init", str(ws))
    make_workbook("Guatemala.xlsx", ITEMS, TITLES, folder=tmp_path / "r0")
    run("consolidate", str(tmp_path / "r0"), "--workspace", str(ws), "--as-of", "2026-11-30",
        "--round", "2026-T4")
    run("template", "--reporter", "Guatemala", "--round", "2027-T1", "--workspace", str(ws))
    template = ws / "plantillas" / "2027-T1" / "Guatemala - 2027-T1.xlsx"
    sheet = openpyxl.load_workbook(template)["Indicadores"]
    listed = [(sheet.cell(r, 1).value, sheet.cell(r, 3).value) for r in range(5, 9)]
    # the Matrix's indicator column, one row per indicator written there
    assert listed == [("GTM-1", "Protocolo aprobado"), ("GTM-2", "Personas capacitadas"),
                      ("GTM-2", "Talleres"), (None, None)]

    typed = {
        ("GTM-1", "Protocolo aprobado"): {
            "Unidad": "documento", "Línea base": 0, "Fecha de línea base": dt.datetime(2026, 1, 1),
            "Meta": 1, "Fecha de la meta": dt.datetime(2028, 1, 1), "Valor de esta ronda": 0},
        ("GTM-2", "Personas capacitadas"): {
            "Línea base": "10 personas", "Fecha de línea base": "01/01/2026",
            "Meta": "1.010", "Fecha de la meta": "01/01/2028", "Valor de esta ronda": "600"},
        ("GTM-2", "Talleres"): {"Valor de esta ronda": "3"},  # no unit, no target
        ("GTM-9", "Inventado"): {"Unidad": "x", "Valor de esta ronda": 1},
    }
    inbox = ws / "recibidos" / "2027-T1"
    inbox.mkdir(parents=True)
    fill(template, inbox / template.name, typed)
    run("consolidate", "--workspace", str(ws), "--as-of", "2027-01-01", "--round", "2027-T1")
    out = ws / "resultados" / "2027-T1"
    table = read_table(out, "indicadores").set_index("indicador")
    assert list(read_table(out, "indicadores").columns) == [
        "id", "informante", "actividad", "indicador", "unidad", "linea_base",
        "fecha_linea_base", "meta", "fecha_meta", "valor", "fecha_valor", "avance_meta",
        "esperado", "situacion", "fuente", "responsable_medicion"]
    expected = 100 * (D(2027, 1, 1) - D(2026, 1, 1)).days / (D(2028, 1, 1) - D(2026, 1, 1)).days
    people = table.loc["Personas capacitadas"]
    progress = 100 * (600 - 10) / (1010 - 10)
    assert (people["unidad"], float(people["linea_base"]), float(people["meta"])) == (
        "personas", 10.0, 1010.0)
    assert float(people["avance_meta"]) == round(progress, 1)
    assert float(people["esperado"]) == round(expected, 1)
    assert people["situacion"] == "en_camino"
    assert table.loc["Protocolo aprobado", "situacion"] == "atrasado"  # 0 of 1, half the time
    assert table.loc["Talleres", "situacion"] == "sin_meta"
    problems = read_table(out, "problemas")
    told = set(zip(problems["codigo"], problems["celda"], strict=True))
    assert ("indicador-sin-unidad", "J7") in told  # Talleres' value, at its cell
    assert ("indicador-sin-item", "A8") in told  # GTM-9 is none of Guatemala's items
    figures = headline(out / "consolidado.xlsx")
    # GTM-9's is kept in indicadores.csv and told, not counted (as the annual report
    # leaves it out): the round's figures and the report's agree
    assert len(table) == len(typed)
    assert figures["Indicadores"] == len(typed) - 1
    assert figures["Indicadores en camino"] == 1
    per_reporter = read_table(out, "indicadores_por_informante").set_index("informante")
    assert int(per_reporter.loc["Guatemala", "total"]) == len(typed) - 1
    page = (out / "tablero.html").read_text("utf-8")
    assert "Protocolo aprobado" in page and "Inventado" not in page

    # A history written by hand or by an older version holds a missing text as NULL,
    # not '': Talleres' unit is no unit, not the text "nan" (pandas 3 reads such a
    # column as strings with NaN for the NULL).
    with sqlite3.connect(ws / "historial.sqlite") as conn:
        conn.execute("UPDATE indicadores SET unidad = NULL WHERE indicador = 'Talleres'")
    conn.close()

    # Round 2: the target moved (a finding), the unit changed, a value moved away.
    run("template", "--reporter", "Guatemala", "--round", "2027-T2", "--workspace", str(ws))
    template = ws / "plantillas" / "2027-T2" / "Guatemala - 2027-T2.xlsx"
    sheet = openpyxl.load_workbook(template)["Indicadores"]
    header = [c.value for c in sheet[4]]
    prefilled = {sheet.cell(r, 3).value: r for r in range(5, 12) if sheet.cell(r, 3).value}
    row = prefilled["Personas capacitadas"]
    assert sheet.cell(row, header.index("Meta") + 1).value == 1010  # kept
    assert sheet.cell(row, header.index("Valor anterior") + 1).value == 600  # shown beside
    for column in ("Línea base", "Meta", "Valor anterior"):  # 0.45 shown as 0.45, not 0
        assert sheet.cell(row, header.index(column) + 1).number_format == "General"
    assert sheet.cell(row, header.index("Valor de esta ronda") + 1).value is None
    inbox = ws / "recibidos" / "2027-T2"
    inbox.mkdir(parents=True)
    fill(template, inbox / template.name, {
        ("GTM-2", "Personas capacitadas"): {"Meta": 800, "Valor de esta ronda": "500 personas"},
        ("GTM-1", "Protocolo aprobado"): {"Unidad": "protocolo", "Valor de esta ronda": 1},
        # a unit given where there was none: no change of unit
        ("GTM-2", "Talleres"): {"Unidad": "talleres", "Valor de esta ronda": 4},
    })
    run("consolidate", "--workspace", str(ws), "--as-of", "2027-05-20", "--round", "2027-T2",
        "--public")
    out = ws / "resultados" / "2027-T2"
    for folder in (out, out / "publico"):  # (the public edition's: no date read as a phone)
        changes = read_table(folder, "cambios")
        moved = changes[changes["tipo"] == "meta_modificada"]
        assert list(zip(moved["id"], moved["antes"], moved["despues"], moved["detalle"],
                        strict=True)) == [("GTM-2", "1010 (2028-01-01)", "800 (2028-01-01)",
                                           "Personas capacitadas")]
    problems = read_table(out, "problemas")
    codes = set(problems["codigo"])
    assert {"indicador-cambio-unidad", "indicador-se-aleja"} <= codes
    assert list(problems.loc[problems["codigo"] == "indicador-cambio-unidad", "valor"]) == [
        "protocolo"]
    table = read_table(out, "indicadores").set_index("indicador")
    assert table.loc["Protocolo aprobado", "situacion"] == "meta_alcanzada"
    assert table.loc["Talleres", "situacion"] == "sin_meta"  # no target, kept or given
