"""The annual report judges each indicator on its last reported value (issue 24): a value
left blank in a later round (no new measure) does not turn a measured indicator into "Sin
valor"; the year's table takes the last round of the year with a value, the plan-end review
the last round of the plan with one, each saying which round that was, against the latest
baseline and target given. An indicator renamed only by accents or case is one indicator.
Three rounds of one reporter, written as focal points send them (tests/measured.py's items)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from pipeline.report.indicators import measure_year
from tests.conftest import read_table
from tests.measured import BY, HEAD, ITEMS, SINCE, TITLES, consolidate_rounds
from tests.observed import write_workbook
from tests.test_report_indicators import report, section, with_plan

D = dt.date
PEOPLE, CENTRES = "Personas capacitadas", "Centros abiertos"
ONLINE, ONLINE_RENAMED = "Jornadas de formación en línea", "Jornadas de formacion en Linea"
# (round, as-of date): each indicator's (name, unit, baseline, target, value) that round;
# None: the cell left blank.
ROUNDS: dict[tuple[str, dt.date], list[tuple[str, str, str, int, int, int | None]]] = {
    ("2026-T4", D(2026, 11, 30)): [
        ("GT-1", PEOPLE, "personas", 10, 1010, 300),
        ("GT-2", CENTRES, "centros", 0, 4, 4),  # met, then never measured again
    ],
    ("2027-T1", D(2027, 3, 31)): [
        ("GT-1", PEOPLE, "personas", 10, 1010, 1010),  # met
        ("GT-2", CENTRES, "centros", 0, 4, None),
        ("GT-1", ONLINE, "jornadas", 0, 100, 60),
    ],
    ("2027-T2", D(2027, 6, 30)): [
        ("GT-1", PEOPLE, "personas", 10, 1010, None),  # no new measure
        ("GT-2", CENTRES, "centros", 0, 4, None),
        ("GT-1", ONLINE_RENAMED, "jornadas", 0, 150, None),  # the target moved, renamed
    ],
}
YEAR = 2027


def write_round(folder: Path, rows: list[tuple[str, str, str, int, int, int | None]]) -> None:
    table = [HEAD, *([ident, name, unit, base, SINCE, goal, BY, value, "Registro oficial",
                      "Unidad de estadística"] for ident, name, unit, base, goal, value in rows)]
    write_workbook(folder / "Guatemala.xlsx", TITLES, ITEMS, extra={"Indicadores": table})


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return consolidate_rounds(tmp_path_factory.mktemp("ultimo"), rounds=ROUNDS,
                              write=write_round)


def table_rows(part: str, title: str) -> list[list[str]]:
    """The cells of each row of the table under `title` in a report's section."""
    lines = part[part.index(title):].splitlines()
    head = next(n for n, li in enumerate(lines) if li.startswith("|"))
    rows = []
    for line in lines[head:]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return [rows[0], *rows[2:]]  # (the header, then the rows below its rule)


def row_of(rows: list[list[str]], name: str) -> dict[str, str]:
    found = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]
             if any(name.casefold() in c.casefold() for c in r)]
    assert len(found) == 1, (name, rows)
    return found[0]


def test_the_year_table_uses_each_indicators_last_value(ws: Path, tmp_path: Path) -> None:
    with_plan(ws, "2026-01-01")  # ends 2028-12-31: no review yet
    part = section(report(ws, tmp_path / "a"), "## Indicadores")
    rows = table_rows(part, "Metas y valores")
    people = row_of(rows, PEOPLE)  # 1010 in 2027-T1, blank in 2027-T2
    assert people["Valor"] == "1010" and people["Ronda"] == "2027-T1", people
    assert people["Situación"] == "Meta alcanzada", people
    centres = row_of(rows, CENTRES)  # no value in any round of the year
    assert centres["Valor"] == "" and centres["Situación"] == "Sin valor", centres
    # The year's text counts the met one as met, not as one without a value.
    assert "Con la meta alcanzada: 1;" in part, part


def test_a_moved_target_judges_the_last_value_against_the_latest_target(
        ws: Path, tmp_path: Path) -> None:
    with_plan(ws, "2026-01-01")
    part = section(report(ws, tmp_path / "b"), "## Indicadores")
    rows = table_rows(part, "Metas y valores")
    online = row_of(rows, "Jornadas de formaci")  # once, though renamed by accents and case
    assert online["Valor"] == "60" and online["Ronda"] == "2027-T1", online
    assert online["Meta"] == "150" and online["Indicador"] == ONLINE_RENAMED, online
    # 60 of 150 at 2027-T1's date: judged there against the latest target.
    assert online["Avance hacia la meta (%)"] == "40", online
    assert online["Situación"] == "Atrasado", online
    assert len(rows) == 1 + 3, rows


def test_the_plan_end_review_uses_the_last_value_in_the_plan(ws: Path, tmp_path: Path) -> None:
    with_plan(ws, "2025-01-01")  # ends 2027-12-31: the review is in this year's report
    part = section(report(ws, tmp_path / "c"), "## Indicadores")
    rows = table_rows(part, "Revisión al fin del plan")
    assert len(rows) == 1 + 3, rows
    people, centres = row_of(rows, PEOPLE), row_of(rows, CENTRES)
    online = row_of(rows, "Jornadas de formaci")
    assert people["¿Meta cumplida?"] == "Sí" and people["Ronda"] == "2027-T1", people
    # Met in 2026-T4, within the plan, and blank in every round of 2027.
    assert centres["¿Meta cumplida?"] == "Sí" and centres["Valor"] == "4", centres
    assert centres["Ronda"] == "2026-T4", centres
    assert online["¿Meta cumplida?"] == "No" and online["Meta"] == "150", online
    assert "se cumplieron 2 de 3 metas; 1 no se cumplieron y 0 no tienen valor" in part, part


def test_the_english_report_says_the_round_too(ws: Path, tmp_path: Path) -> None:
    with_plan(ws, "2025-01-01")
    part = section(report(ws, tmp_path / "d", "--lang", "en"), "## Indicators")
    rows = table_rows(part, "Review at the plan")
    assert row_of(rows, CENTRES)["Round"] == "2026-T4", rows


def test_the_round_that_renamed_it_lists_the_moved_target(ws: Path) -> None:
    table = read_table(ws / "resultados" / "2027-T2", "cambios")
    moved = table[table["tipo"] == "meta_modificada"]
    assert set(zip(moved["id"], moved["antes"], moved["despues"], strict=True)) == {
        ("GT-1", "100 (2028-01-01)", "150 (2028-01-01)")}, table


def stored_row(ronda: str, as_of: str, value: float | None, goal: float | None = 100.0,
               restricted: bool = False) -> dict[str, object]:
    """One stored indicator row as pipeline.store.sides.indicator_rounds reads it back."""
    return {"ronda": ronda, "fecha_corte": as_of, "id": "GT-1", "informante": "Guatemala",
            "actividad": ITEMS[0][1], "indicador": PEOPLE, "unidad": "personas",
            "linea_base": 0.0, "fecha_linea_base": SINCE.isoformat(), "meta": goal,
            "fecha_meta": BY.isoformat(), "valor": value, "fecha_valor": "",
            "avance_meta": None, "esperado": None, "situacion": "", "fuente": "",
            "responsable_medicion": "", "_reservado": restricted, "_conocido": True}


def test_a_target_left_blank_later_keeps_the_last_one_given() -> None:
    stored = pd.DataFrame([stored_row("2027-T1", "2027-03-31", 60),
                           stored_row("2027-T2", "2027-06-30", None, goal=None)])
    found = measure_year(stored, ["2027-T1", "2027-T2"], False, (SINCE, BY), YEAR).targets
    assert found[["meta", "valor", "ronda", "situacion"]].values.tolist() == [
        [100.0, 60.0, "2027-T1", "en_riesgo"]]


def test_an_item_restricted_in_a_later_round_stays_out_of_the_public_edition() -> None:
    stored = pd.DataFrame([stored_row("2027-T1", "2027-03-31", 60),
                           stored_row("2027-T2", "2027-06-30", None, restricted=True)])
    names = ["2027-T1", "2027-T2"]
    assert len(measure_year(stored, names, False, (SINCE, BY), YEAR).targets) == 1
    assert measure_year(stored, names, True, (SINCE, BY), YEAR).targets.empty
