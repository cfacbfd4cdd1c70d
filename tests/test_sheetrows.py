"""The streamed rows of a large sheet read back exactly as xlsxwriter's own cells do: the
same values, written once by xlsxwriter cell by cell and once a column at a time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.write.xmlrows import (
    EXCEL_MAX_TEXT,
    StreamedSheet,
    column_cells,
    text_cell,
    write_columns,
    write_rows,
)

TRICKY = ["plain", "", " leading space", "trailing tab\t", "a & b < c > d", 'quote "x"',
          "line\nbreak", "bell\x07 and nul\x00", "_x0041_ literal", "non-char \ufffe",
          "ñandú — «acción»", "=1+1", "x" * (EXCEL_MAX_TEXT + 10), "😀" * 20_000]


def _both(tmp_path: Path, frame: pd.DataFrame) -> tuple[list[tuple], list[tuple]]:
    """The frame written by xlsxwriter cell by cell and by the streamed rows; both read
    back with openpyxl."""
    import openpyxl

    books = []
    for how in ("xlsxwriter", "streamed"):
        path = tmp_path / f"{how}.xlsx"
        workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True,
                                                   "strings_to_formulas": False,
                                                   "strings_to_numbers": False,
                                                   "strings_to_urls": False})
        sheet = workbook.add_worksheet("Datos")
        date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        text = workbook.add_format({"text_wrap": True})
        sheet.write_row(0, 0, list(frame.columns))
        styles = [date if pd.api.types.is_datetime64_any_dtype(frame[c]) else text
                  for c in frame.columns]
        if how == "xlsxwriter":
            for r, row in enumerate(frame.itertuples(index=False, name=None), start=1):
                for c, value in enumerate(row):
                    if isinstance(value, pd.Timestamp):
                        value = value.to_pydatetime()
                    if value is None or value is pd.NaT or value is pd.NA or value == "" or (
                            isinstance(value, float) and value != value):
                        continue
                    style = date if isinstance(value, dt.date) else styles[c]
                    sheet.write(r, c, value, style)
        else:
            write_columns(sheet, 1, [column_cells(frame[c], i, 1, styles[i], date)
                                     for i, c in enumerate(frame.columns)])
        sheet.write(len(frame) + 2, 0, "after")  # xlsxwriter carries on below
        workbook.close()
        book = openpyxl.load_workbook(path)
        books.append([tuple(row) for row in book["Datos"].iter_rows(values_only=True)])
    return books[0], books[1]


def test_texts_numbers_dates_and_blanks_read_back_as_xlsxwriter_writes_them(
        tmp_path: Path) -> None:
    n = len(TRICKY)
    frame = pd.DataFrame({
        "texto": TRICKY,
        "numero": [1.5, float("nan"), 3, -7.25, 1e20, 0, 2, 3, 4, 5, 6, 7, 8, 9][:n],
        "fecha": pd.to_datetime(["2027-03-31", None, "2026-01-01 13:45", "1900-02-28",
                                 "1900-03-01", *["2030-12-31"] * (n - 5)], format="ISO8601"),
        "mezcla": ["texto", 4, dt.date(2027, 6, 30), None, True, 2.5, "",
                   dt.datetime(2026, 1, 1, 13, 45), pd.Timestamp("1900-02-01"),
                   *["x"] * (n - 9)],
        "entero": pd.array([1, None, *range(n - 2)], dtype="Int64"),
        "booleano": [True, False] * (n // 2),
    })
    expected, streamed = _both(tmp_path, frame)
    assert streamed == expected
    assert streamed[1][0] == "plain" and streamed[3][0] == " leading space"


def test_a_column_of_only_long_plain_texts_is_cut_to_what_a_cell_holds(
        tmp_path: Path) -> None:
    long = "a" * (EXCEL_MAX_TEXT + 100)
    expected, streamed = _both(tmp_path, pd.DataFrame({"t": [long, "b" * 20_000]}))
    assert streamed == expected
    assert len(streamed[1][0]) == EXCEL_MAX_TEXT and len(streamed[2][0]) == 20_000


def test_the_sheet_opens_in_calamine_too(tmp_path: Path) -> None:
    import python_calamine

    frame = pd.DataFrame({"a": ["uno", "dos & tres", ""], "b": [1, 2, 3]})
    _both(tmp_path, frame)
    rows = python_calamine.CalamineWorkbook.from_path(
        str(tmp_path / "streamed.xlsx")).get_sheet_by_name("Datos").to_python()
    assert rows[:4] == [["a", "b"], ["uno", 1.0], ["dos & tres", 2.0], ["", 3.0]]
    assert rows[-1][0] == "after"


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(max_size=30), min_size=1, max_size=20))
def test_any_text_reads_back_as_xlsxwriter_writes_it(tmp_path: Path, texts: list[str]) -> None:
    expected, streamed = _both(tmp_path, pd.DataFrame({"t": texts}))
    assert streamed == expected


def test_sparse_rows_and_the_guards(tmp_path: Path) -> None:
    import openpyxl

    workbook = xlsxwriter.Workbook(str(tmp_path / "s.xlsx"), {"constant_memory": True})
    sheet = workbook.add_worksheet()
    sheet.write(0, 0, "head")
    rows = ["".join([text_cell(0, 1, None, "a"), text_cell(5, 1, None, "f")]), "",
            text_cell(2, 3, None, "c")]
    assert write_rows(sheet, 1, rows, 5) == 3
    with pytest.raises(ValueError, match="above"):
        write_rows(sheet, 2, [""], 5)
    workbook.close()
    values = list(openpyxl.load_workbook(tmp_path / "s.xlsx").active.iter_rows(values_only=True))
    assert values == [("head", None, None, None, None, None), ("a", None, None, None, None, "f"),
                      (None,) * 6, (None, None, "c", None, None, None)]

    assert text_cell(1, 1, None, "") == ""


def test_a_workbook_in_memory_takes_streamed_rows_in_a_streamed_sheet(tmp_path: Path) -> None:
    import openpyxl

    memory = xlsxwriter.Workbook(str(tmp_path / "m.xlsx"), {"in_memory": True})
    with pytest.raises(ValueError, match="StreamedSheet"):
        write_rows(memory.add_worksheet(), 0, [], 0)
    sheet = memory.add_worksheet("Datos", worksheet_class=StreamedSheet)
    sheet.write(0, 0, "título")
    sheet.write(2, 1, "encabezado")
    write_rows(sheet, 3, [text_cell(0, 3, None, "uno"), text_cell(2, 4, None, "dos")], 2,
               heights=[30, 15])
    with pytest.raises(ValueError, match="does not follow"):
        write_rows(sheet, 6, [""], 0)
    write_rows(sheet, 5, [text_cell(1, 5, None, "tres")], 1)
    memory.close()
    book = openpyxl.load_workbook(tmp_path / "m.xlsx")
    assert list(book["Datos"].iter_rows(values_only=True)) == [
        ("título", None, None), (None, None, None), (None, "encabezado", None),
        ("uno", None, None), (None, None, "dos"), (None, "tres", None)]
    assert book["Datos"].row_dimensions[4].height == 30

    broken = xlsxwriter.Workbook(str(tmp_path / "b.xlsx"), {"in_memory": True})
    sheet = broken.add_worksheet("Datos", worksheet_class=StreamedSheet)
    write_rows(sheet, 1, [text_cell(0, 1, None, "uno")], 0)
    sheet.write(5, 0, "below the streamed rows")
    with pytest.raises(ValueError, match="among the streamed rows"):
        broken.close()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=12), st.sampled_from(TRICKY[:12]),
                          st.integers(), st.none(), st.just("   ")),
                min_size=1, max_size=40))
def test_a_chunk_of_plain_texts_is_written_as_each_value_would_be(values: list[object]) -> None:
    """A column's texts that need no escaping are written by a faster path (`_plain`
    judges a whole chunk at once): the same bytes as each value's own `body`, whatever
    the chunk holds (a number, a blank, an edge space, a reserved character...)."""
    from pipeline.write.xmlrows import body, column_bodies

    column = pd.Series(values, dtype=object)
    made = column_bodies(column, None)
    assert made == [body(v, "") for v in column.fillna("").tolist()]
    texts = pd.Series([v for v in values if isinstance(v, str)] or [""], dtype=object)
    assert column_bodies(texts, None) == [body(v, "") for v in texts.tolist()]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.text(max_size=12), st.sampled_from(TRICKY[:12]),
                                    st.integers(), st.floats(), st.none(), st.booleans(),
                                    st.dates()),
                          st.sampled_from(["", ' s="3"', ' s="12"'])),
                min_size=0, max_size=40),
       st.integers(min_value=1, max_value=700))
def test_a_side_sheets_column_is_written_as_each_value_would_be(
        cells: list[tuple[object, str]], repeat: int) -> None:
    """A side sheet's column, each cell with its own style (a row to act on is marked),
    is made a chunk at a time (`styled_bodies`): the same bytes as each value's own
    `body`, a chunk of plain texts or not, across chunks."""
    from pipeline.write.xmlrows import body, styled_bodies

    values, styles = [v for v, _ in cells], [s for _, s in cells]
    assert styled_bodies(values, styles) == [body(v, s) for v, s in cells]
    plain = [(f"texto {i}" if i % 7 else "", s) for i, (_, s) in
             enumerate(cells * (repeat // max(1, len(cells)) + 1))]
    assert styled_bodies([v for v, _ in plain], [s for _, s in plain]) == [
        body(v, s) for v, s in plain]
