"""Which item an indicator row names, and what a row says that cannot be taken as it is
(pipeline.analyse.indicators.build_indicators): ids as people retype them, a hand-made
sheet that names its items by activity, a restricted item never published through a
mistyped row, the same indicator twice, periods for dates, units that disagree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from pipeline.analyse.indicator_lines import named_in_sheet, shown
from pipeline.analyse.indicators import build_indicators, judge, public_indicators
from validation import make_issue

AS_OF = dt.date(2027, 1, 1)
KEYS = ("id", "actividad", "indicador", "unidad", "linea_base", "fecha_linea_base", "meta",
        "fecha_meta", "valor", "fecha_valor", "fuente", "responsable_medicion")
LETTERS = {key: (chr(ord("A") + n), key) for n, key in enumerate(KEYS)}
CELLS = {("Guatemala.xlsx", "Indicadores"): LETTERS}
MATRIX = pd.DataFrame({
    "informante": ["Guatemala"] * 4,
    "id": ["GTM-9D9A0F", "GTM-881B95", "GTM-1CBCFF", "GTM-2A2A2A"],
    "actividad": ["Taller de gestión de fronteras", "Mapeo de programas de movilidad",
                  "Campaña informativa", "Campaña informativa"],
    "reservado": [False, True, False, False]})


def rows(*typed: dict[str, object]) -> pd.DataFrame:
    """Indicator rows as the reader gives them, from row 5 of Guatemala's sheet."""
    records = [{**dict.fromkeys(KEYS, ""), "linea_base": 0, "fecha_linea_base": "2026-01-01",
                "meta": 100, "fecha_meta": "2028-01-01", "unidad": "personas", **row,
                "_informante": "Guatemala", "_archivo": "Guatemala.xlsx",
                "_hoja": "Indicadores", "_fila": 5 + n} for n, row in enumerate(typed)]
    return pd.DataFrame.from_records(records)


def build(*typed: dict[str, object]) -> tuple[pd.DataFrame, list[tuple[str, str, str]]]:
    table, issues = build_indicators(rows(*typed), MATRIX, MATRIX.iloc[:0], pd.DataFrame(),
                                     AS_OF, CELLS)
    return table, [(i.code, i.celda, i.valor) for i in issues]


@pytest.mark.parametrize("typed", ["gtm-9d9a0f", " GTM-9D9A0F\u00a0", "GTM- 9D9A0F", "GTM-9D9A0F"])
def test_an_id_retyped_in_another_case_or_spacing_is_the_items(typed: str) -> None:
    table, issues = build({"id": typed, "indicador": "Personas", "valor": 40})
    assert issues == []
    assert table["id"].tolist() == ["GTM-9D9A0F"]  # (the item's id, as the matrix has it)
    assert table["_conocido"].tolist() == [True]
    assert table["actividad"].tolist() == ["Taller de gestión de fronteras"]


def test_a_hand_made_sheet_names_its_item_by_activity() -> None:
    table, issues = build({"actividad": "TALLER DE GESTION DE FRONTERAS", "indicador": "P",
                           "valor": 40},
                          {"actividad": "Campaña informativa", "indicador": "Q", "valor": 1})
    assert table.set_index("indicador")["id"].to_dict() == {"P": "GTM-9D9A0F", "Q": ""}
    # (two items share the second activity: which one cannot be known; told, by its text)
    assert issues == [("indicador-sin-item", "B6", "Campaña informativa")]  # (its cell)


def test_an_activity_typed_where_the_id_goes_names_its_item() -> None:
    """A hand-made sheet's "ID del ítem" holding the activity's words: the item, as when
    they are in the activity's column (and an activity two items share is still told)."""
    table, issues = build({"id": "Taller de gestión de fronteras", "indicador": "P",
                           "valor": 40},
                          {"id": "Campaña informativa", "indicador": "Q", "valor": 1})
    assert table.set_index("indicador")["id"].to_dict() == {"P": "GTM-9D9A0F",
                                                           "Q": "Campaña informativa"}
    assert [code for code, _, _ in issues] == ["indicador-sin-item"]


def test_a_restricted_item_is_never_published_through_a_mistyped_row() -> None:
    """Found by its retyped id or its activity, the row is the restricted item's; named
    by what matches no item, it may still be one: the public edition leaves out both."""
    table, issues = build(
        {"id": "gtm-881b95", "indicador": "Retyped", "valor": 1},
        {"actividad": "Mapeo de programas de movilidad", "indicador": "By text", "valor": 1},
        {"id": "GTM-881B9", "indicador": "Mistyped", "valor": 1},
        {"id": "GTM-9D9A0F", "indicador": "Public", "valor": 1})
    assert table.set_index("indicador")["_reservado"].to_dict() == {
        "Retyped": True, "By text": True, "Mistyped": False, "Public": False}
    kept, at = public_indicators({"indicadores": table}, MATRIX[MATRIX["reservado"]])
    assert kept["indicadores"]["indicador"].tolist() == ["Public"]
    assert at == {("Guatemala.xlsx", "Indicadores", n) for n in (5, 6, 7)}
    assert ("indicador-sin-item", "A7", "GTM-881B9") in issues


def test_the_same_indicator_twice_is_told_and_counted_once() -> None:
    table, issues = build({"id": "GTM-9D9A0F", "indicador": "Personas", "valor": 40},
                          {"id": "gtm-9d9a0f", "indicador": "personas ", "valor": 90},
                          {"id": "GTM-9D9A0F", "indicador": "Talleres", "valor": 3})
    assert table["indicador"].tolist() == ["Personas", "Talleres"]
    assert table["valor"].tolist() == [40.0, 3.0]
    assert issues == [("indicador-repetido", "C6", "personas")]


@pytest.mark.parametrize(("typed", "day"), [
    ("dic-2027", "2027-12-31"), ("T4 2027", "2027-12-31"), ("2027", "2027-12-31"),
    (2027, "2027-12-31"), ("January 2028", "2028-01-31"), ("31/12/2027", "2027-12-31"),
    (dt.datetime(2027, 12, 31), "2027-12-31"),
    (dt.datetime(1905, 7, 19), "2027-12-31")])  # (2027 typed in the template's date cell)
def test_a_period_where_a_day_is_asked_is_its_last_day(typed: object, day: str) -> None:
    table, issues = build({"id": "GTM-9D9A0F", "indicador": "P", "valor": 40,
                           "fecha_meta": typed, "fecha_valor": typed})
    assert issues == []
    assert table[["fecha_meta", "fecha_valor"]].iloc[0].tolist() == [day, day]
    assert table["situacion"].tolist() != ["sin_meta"]


def test_an_unreadable_date_is_told_and_not_written_as_a_date() -> None:
    table, issues = build({"id": "GTM-9D9A0F", "indicador": "P", "valor": 40,
                           "fecha_valor": "ayer", "fecha_meta": "pronto"})
    assert table[["fecha_meta", "fecha_valor"]].iloc[0].tolist() == ["", ""]
    assert sorted(issues) == [("indicador-fecha-ilegible", "H5", "pronto"),
                              ("indicador-fecha-ilegible", "J5", "ayer")]


def test_a_target_date_not_after_the_baselines_is_told_and_not_judged() -> None:
    table, issues = build({"id": "GTM-9D9A0F", "indicador": "P", "valor": 40,
                           "fecha_linea_base": "2027-06-30", "fecha_meta": "2026-12-31"})
    assert issues == [("indicador-fechas-invertidas", "H5", "2026-12-31")]
    assert table["situacion"].tolist() == ["sin_meta"]
    assert table["fecha_meta"].tolist() == ["2026-12-31"]  # shown as written, told
    # and judged so wherever it is judged again from what is stored (the annual report)
    assert judge(0, 100, 40, dt.date(2027, 6, 30), dt.date(2026, 12, 31),
                 dt.date(2027, 8, 1)).situacion == "sin_meta"
    assert table["esperado"].isna().all()


def test_a_value_typed_in_another_unit_than_its_columns_is_told() -> None:
    table, issues = build({"id": "GTM-9D9A0F", "indicador": "P", "unidad": "personas",
                           "valor": "45 %"},
                          {"id": "GTM-9D9A0F", "indicador": "Q", "unidad": "personas",
                           "valor": "45 Personas"})
    assert issues == [("indicador-unidad-distinta", "I5", "%")]
    assert table["valor"].tolist() == [45.0, 45.0]


def test_an_item_measured_only_in_the_sheet_has_indicators() -> None:
    """Its indicator column names them; it is no longer flagged or warned as without."""
    table, _ = build({"id": "GTM-9D9A0F", "indicador": "Personas", "valor": 40},
                     {"id": "GTM-9D9A0F", "indicador": "Talleres", "valor": 3},
                     {"id": "GTM-0000", "indicador": "Unknown", "valor": 3})
    frame = MATRIX.rename(columns={"informante": "_informante"}).assign(
        indicadores=["", "", "", "Ya escrito"], sin_indicador=[True, True, True, False],
        _archivo="Guatemala.xlsx", _hoja="Matriz", _fila=[5, 6, 7, 8])
    warned = [make_issue("indicador-faltante", archivo="Guatemala.xlsx", hoja="Matriz",
                         fila=fila, celda=f"H{fila}") for fila in (5, 6, 7)]
    frame, left = named_in_sheet(frame, table, warned)
    assert frame["indicadores"].tolist() == ["Personas; Talleres", "", "", "Ya escrito"]
    assert frame["sin_indicador"].tolist() == [False, True, True, False]
    assert [i.fila for i in left] == [6, 7]


def test_the_situation_is_judged_on_the_figures_as_shown() -> None:
    """632.8 of 1000, 535 days into 730: progress 63.3 and expected 73.3 as shown, exactly
    10 points below the line: at risk, as the reader counts it."""
    judged = judge(0.0, 1000.0, 632.8, dt.date(2026, 1, 1), dt.date(2028, 1, 1),
                   dt.date(2027, 6, 20))
    assert (round(judged.avance or 0, 1), round(judged.esperado or 0, 1)) == (63.3, 73.3)
    assert judged.situacion == "en_riesgo"


@pytest.mark.parametrize(("value", "text"), [(1234567.89, "1234567,89"), (0.45, "0,45"),
                                             (49.9, "49,9"), (100.0, "100"), (16.666, "16,67")])
def test_a_number_is_shown_as_people_write_it(value: float, text: str) -> None:
    assert shown(value, "es") == text


def test_the_template_shows_the_last_value_given_when_the_last_round_gave_none() -> None:
    from pipeline.template.sides import with_last_values

    stored = pd.DataFrame({"ronda": ["2027-T1", "2027-T1", "2027-T2", "2027-T2"],
                           "informante": ["Guatemala"] * 4, "id": ["GTM-1"] * 4,
                           "indicador": ["Personas", "Talleres", "personas", "Talleres"],
                           "valor": [45.0, 2.0, float("nan"), 3.0]})
    latest = stored[stored["ronda"] == "2027-T2"].reset_index(drop=True)
    shown = with_last_values(latest, stored, "2027-T3")
    assert shown["valor"].tolist() == [45.0, 3.0]  # (the same indicator, retyped in case)
    assert with_last_values(latest, stored, "2027-T1")["valor"].isna().tolist() == [True, False]


def test_a_number_too_large_to_mean_anything_is_told_as_such() -> None:
    table, issues = build({"id": "GTM-9D9A0F", "indicador": "P", "meta": 1e308,
                           "valor": "10.000.000.000.000.000"})
    assert sorted(issues) == [("indicador-valor-fuera-de-rango", "G5", "1e+308"),
                              ("indicador-valor-fuera-de-rango", "I5", "10.000.000.000.000.000")]
    assert table[["meta", "valor"]].isna().all(axis=None)
    assert table["situacion"].tolist() == ["sin_meta"]


def test_indicators_whose_names_differ_by_a_sign_are_two() -> None:
    """"% de mujeres" and "# de mujeres" are two indicators (folding had them one, the
    second dropped as repeated); accents, case and spacing alone do not make two."""
    table, issues = build({"id": "GTM-9D9A0F", "indicador": "% de mujeres capacitadas",
                           "unidad": "%", "valor": 40},
                          {"id": "GTM-9D9A0F", "indicador": "# de mujeres capacitadas",
                           "unidad": "mujeres", "valor": 12},
                          {"id": "GTM-9D9A0F", "indicador": "#  DE MUJERES capacitádas",
                           "unidad": "mujeres", "valor": 13})
    assert table["indicador"].tolist() == ["% de mujeres capacitadas",
                                           "# de mujeres capacitadas"]
    assert issues == [("indicador-repetido", "C7", "# DE MUJERES capacitádas")]



def test_a_sheets_own_numbering_is_no_id_its_activity_names_the_item() -> None:
    table, issues = build({"id": "1", "actividad": "Taller de gestión de fronteras",
                           "indicador": "P", "valor": 4},
                          {"id": "2", "actividad": "Otra cosa", "indicador": "P", "valor": 5},
                          {"id": "3", "actividad": "Otra más", "indicador": "P", "valor": 6})
    assert sorted(table["id"]) == ["2", "3", "GTM-9D9A0F"]
    # (two rows of unknown items are not one repeated indicator: both told, both kept)
    assert issues == [("indicador-sin-item", "A6", "2"), ("indicador-sin-item", "A7", "3")]


def test_a_repeat_names_the_earlier_rows_sheet_and_file_and_goes_with_it_from_public(
        ) -> None:
    from validation.issues import first_place

    first = rows({"id": "GTM-881B95", "indicador": "Secreto", "valor": 1})
    again = rows({"id": "GTM-881B95", "indicador": "secreto", "valor": 2}).assign(
        _archivo="Guatemala indicadores.xlsx", _fila=9)
    table, told = build_indicators(pd.concat([first, again], ignore_index=True), MATRIX,
                                   MATRIX.iloc[:0], pd.DataFrame(), AS_OF,
                                   {**CELLS, ("Guatemala indicadores.xlsx", "Indicadores"):
                                    LETTERS})
    assert len(table) == 1
    [repeat] = told
    assert "5 (Indicadores, Guatemala.xlsx)" in repeat.message("es")
    assert first_place(repeat) == ("Guatemala.xlsx", "Indicadores", 5)


def test_a_change_of_an_indicator_of_no_known_item_stays_out_of_the_public_edition() -> None:
    from pipeline.analyse.changes import indicator_changes

    def row(goal: float, known: bool) -> dict[str, object]:
        return {"informante": "Guatemala", "id": "GTM-881B9", "actividad": "", "estado": "",
                "indicador": "Secreto", "meta": goal, "fecha_meta": "2028-01-01",
                "linea_base": 0, "fecha_linea_base": "2026-01-01", "_reservado": False,
                "_conocido": known}

    for known, hidden in ((False, True), (True, False)):
        moved = indicator_changes(pd.DataFrame([row(100, known)]),
                                  pd.DataFrame([row(80, known)]))
        assert moved["_reservado"].tolist() == [hidden]


def test_a_value_sent_apart_from_the_templates_blank_row_is_counted() -> None:
    """The template prefills last round's indicators with an empty value; the values came
    in a file of their own: the row with a value is the one counted, nothing told. A
    second value for the same indicator is still a repeat."""
    blank = rows({"id": "GTM-9D9A0F", "indicador": "Personas", "valor": ""})
    apart = rows({"id": "GTM-9D9A0F", "indicador": "Personas", "valor": 40},
                 {"id": "GTM-9D9A0F", "indicador": "Personas", "valor": 41}).assign(
        _archivo="Guatemala indicadores.xlsx")
    table, told = build_indicators(pd.concat([blank, apart], ignore_index=True), MATRIX,
                                   MATRIX.iloc[:0], pd.DataFrame(), AS_OF,
                                   {**CELLS, ("Guatemala indicadores.xlsx", "Indicadores"):
                                    LETTERS})
    assert table[["valor", "_archivo"]].values.tolist() == [[40.0, "Guatemala indicadores.xlsx"]]
    assert [(i.code, i.archivo, i.celda) for i in told] == [
        ("indicador-repetido", "Guatemala indicadores.xlsx", "C6")]


def test_an_item_restricted_in_any_round_keeps_all_its_values_out_of_the_public_page() -> None:
    """GTM-3 was restricted in 2026-T4 and is not now: neither its old nor its new values
    are public (the public report already left the whole item out)."""
    now = pd.DataFrame({"informante": ["Guatemala"] * 2, "id": ["GTM-3", "GTM-4"],
                        "indicador": ["P", "P"], "_reservado": [False, False],
                        "_conocido": [True, True], "_archivo": ["G.xlsx"] * 2,
                        "_hoja": ["Indicadores"] * 2, "_fila": [5, 6]})
    series = pd.DataFrame({"ronda": ["2026-T4"] * 2, "informante": ["Guatemala"] * 2,
                           "id": ["GTM-3", "GTM-4"], "indicador": ["P", "P"],
                           "valor": [1.0, 2.0], "_reservado": [True, False],
                           "_conocido": [True, True]})
    kept, at = public_indicators({"indicadores": now, "indicadores_rondas": series},
                                 MATRIX.iloc[:0])
    assert kept["indicadores"]["id"].tolist() == ["GTM-4"]
    assert kept["indicadores_rondas"]["id"].tolist() == ["GTM-4"]
    assert at == {("G.xlsx", "Indicadores", 5)}


@pytest.mark.parametrize(("target", "read"), [("12/31/2027", "2027-03-01"),
                                              ("31/12/2027", "2027-01-03")])
def test_a_sheet_that_writes_its_dates_month_first_is_read_so(target: str, read: str) -> None:
    """A United States file: "12/31/2027" can only be month first, so its "3/1/2027" is
    the first of March; beside "31/12/2027" it is the third of January."""
    table, issues = build({"id": "GTM-9D9A0F", "indicador": "P", "valor": 4,
                           "fecha_meta": target, "fecha_valor": "3/1/2027"})
    assert issues == []
    assert table[["fecha_meta", "fecha_valor"]].iloc[0].tolist() == ["2027-12-31", read]


def test_the_latest_indicators_from_the_rounds_read_are_the_historys(tmp_path: Path) -> None:
    """consolidate and template take each reporter's latest indicators from every round's,
    read once: the same rows the history's own query gives, a reporter that skipped a
    round included."""
    from pipeline.store import history
    from pipeline.store.sides import (
        indicator_rounds,
        latest_indicators,
        latest_indicators_of,
    )

    path = tmp_path / "historial.sqlite"
    sent = {"2026-T4": ["Guatemala", "Honduras"], "2027-T1": ["Honduras"]}
    with history.open_history(path) as conn:
        assert conn is not None
        for n, (ronda, reporters) in enumerate(sent.items()):
            measured = pd.DataFrame([{**dict.fromkeys(history.INDICATOR_COLUMNS, ""),
                                      "informante": r, "id": f"{r[:3]}-1", "indicador": "P",
                                      "valor": 10 * n + k, "_reservado": False,
                                      "_conocido": True}
                                     for r in reporters for k in range(2)]).drop(
                columns=["reservado", "conocido"])
            matrix = pd.DataFrame({"informante": reporters, "id": [f"{r[:3]}-1"
                                                                   for r in reporters]})
            history.store_round(conn, ronda, dt.date(2026, 11 + n, 1), {}, matrix,
                                pd.DataFrame({"informante": reporters}), measured=measured)
        for before in ("2026-T4", "2027-T1", "2027-T2"):
            by_query = latest_indicators(conn, before)
            by_frame = latest_indicators_of(indicator_rounds(conn), before)
            key = ["informante", "valor"]
            assert list(by_frame.columns) == list(by_query.columns)
            if by_query.empty:  # (the query's empty frame has no types: none to compare)
                assert by_frame.empty, before
                continue
            assert by_frame.sort_values(key).reset_index(drop=True).equals(
                by_query.sort_values(key).reset_index(drop=True)), before
        assert sorted(latest_indicators_of(indicator_rounds(conn), "2027-T2")["valor"]) == [
            0, 1, 10, 11]


@pytest.mark.parametrize(("typed", "read"), [
    # "30 %", "60 %", "45 %" typed in cells Excel then holds as 0.3, 0.6, 0.45 (shown 45 %)
    ({"linea_base": 0.3, "meta": 0.6, "valor": 0.45}, (30.0, 60.0, 45.0)),
    ({"linea_base": 0, "meta": 1, "valor": 0.45}, (0.0, 100.0, 45.0)),  # (1: "100 %")
    # a plain figure beside a percentage cell (the next round's template shows 30 and 60)
    ({"linea_base": 30, "meta": 60, "valor": 0.5}, (30.0, 60.0, 50.0)),
    ({"linea_base": 30, "meta": 0.6, "valor": "45 %"}, (30.0, 60.0, 45.0)),
    ({"linea_base": 30, "meta": 60, "valor": 1}, (30.0, 60.0, 100.0)),  # "100 %" typed
    # (review: a value below 1 % beside small percentages is that value, not 80 %)
    ({"linea_base": 2, "meta": 1.5, "valor": 0.8}, (2.0, 1.5, 0.8)),
    ({"linea_base": 0, "meta": 5, "valor": -0.5}, (0.0, 5.0, -0.5)),
    # figures already in percent, and percentages typed as text, left as they are
    ({"linea_base": 30, "meta": 60, "valor": 45}, (30.0, 60.0, 45.0)),
    ({"linea_base": "0,3 %", "meta": "0,6 %", "valor": "0,45 %"}, (0.3, 0.6, 0.45)),
])
def test_percentage_cells_are_read_as_the_percentage_they_show(
        typed: dict[str, object], read: tuple[float, float, float]) -> None:
    table, issues = build({"id": "GTM-9D9A0F", "indicador": "Ocupación", "unidad": "%",
                           **typed})
    assert issues == []
    assert tuple(table.loc[0, ["linea_base", "meta", "valor"]]) == pytest.approx(read)


def test_percentage_points_are_not_percentages() -> None:
    table, issues = build({"id": "GTM-9D9A0F", "indicador": "Brecha", "unidad": "percentage points",
                           "linea_base": 2, "meta": 1, "valor": 0.5})
    assert tuple(table.loc[0, ["linea_base", "meta", "valor"]]) == (2.0, 1.0, 0.5)


def test_fractions_are_not_percentages_in_another_unit() -> None:
    table, _ = build({"id": "GTM-9D9A0F", "indicador": "Km", "unidad": "km",
                      "linea_base": 0.3, "meta": 0.6, "valor": 0.45})
    assert tuple(table.loc[0, ["linea_base", "meta", "valor"]]) == (0.3, 0.6, 0.45)


@pytest.mark.parametrize("column", ["Porcentaje", "porcentaje de ocupación", "Percent",
                                    "percentage", "%", "por ciento", "pct"])
def test_a_percent_sign_is_the_unit_a_percentage_column_names(column: str) -> None:
    table, issues = build({"id": "GTM-9D9A0F", "indicador": "Ocupación", "unidad": column,
                           "linea_base": "10 %", "meta": "50 %", "valor": "20 %"})
    assert issues == []
    assert tuple(table.loc[0, ["linea_base", "meta", "valor"]]) == (10.0, 50.0, 20.0)
