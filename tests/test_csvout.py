"""The CSV tables: whole columns converted at once give exactly what converting each
value does (ISO dates, true/false, integers without .0, formula text neutralized)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import pipeline.write.csvfile
from pipeline.model.values import csv_text
from pipeline.write.csvfile import write_csv


def _one_by_one(table: pd.DataFrame, path: Path) -> None:
    converted = pd.DataFrame({c: [csv_text(v) for v in table[c].astype(object)]
                              for c in table.columns if not str(c).startswith("_")})
    converted.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")


@pytest.mark.parametrize("rows_per_slice", [20_000, 3])
def test_columns_converted_at_once_match_values_converted_one_by_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows_per_slice: int) -> None:
    monkeypatch.setattr(pipeline.write.csvfile, "ROWS_PER_SLICE", rows_per_slice)
    table = pd.DataFrame({
        "texto": pd.Series(["uno", "=HYPERLINK(\"x\")", "+1", "-", "@a", "\tt", "ñ"],
                           dtype="str"),
        "objeto": ["a", None, 3, dt.date(2027, 1, 2), True, 2.5, "=1"],
        "bandera": [True, False, True, True, False, False, True],
        "bandera_nula": pd.array([True, None, False, True, True, True, True], dtype="boolean"),
        "fecha": pd.to_datetime(["2027-03-31", None, "2026-01-01", "2026-01-02", "2026-01-03",
                                 "2026-01-04", "2026-01-05"], format="ISO8601"),
        "fecha_hora": pd.to_datetime(["2027-03-31 10:30", None, "2026-01-01", "2026-01-02",
                                      "2026-01-03", "2026-01-04", "2026-01-05"], format="ISO8601"),
        "entero": [1, 2, 3, -4, 5, 6, 7],
        "entero_nulo": pd.array([1, None, 3, 4, 5, 6, 7], dtype="Int64"),
        "real": [1.0, 2.5, float("nan"), 1e-12, 100.0, 3.0, 0.1],
        "_interno": range(7),
    })
    write_csv(table, tmp_path / "rapido.csv")
    _one_by_one(table, tmp_path / "uno_a_uno.csv")
    fast = (tmp_path / "rapido.csv").read_text("utf-8-sig")
    assert fast == (tmp_path / "uno_a_uno.csv").read_text("utf-8-sig")
    assert "'=HYPERLINK" in fast and "2027-03-31 10:30:00" in fast and "_interno" not in fast
    assert fast.splitlines()[1].startswith("uno,a,true,true,2027-03-31,")


def test_an_empty_table_is_its_header(tmp_path: Path) -> None:
    write_csv(pd.DataFrame(columns=["id", "estado", "_interno"]), tmp_path / "vacia.csv")
    assert (tmp_path / "vacia.csv").read_bytes() == "\ufeffid,estado\n".encode()


@pytest.mark.parametrize("text", ["＝HYPERLINK(\"http://x\")", "＋1", "－2+3", "＠SUM(A1)",
                                  "﹦1+1", "﹢1", "=1", "+1", "-1", "@a", "\t=1", "\r=1"])
def test_formula_signs_are_neutralized_in_every_form(text: str) -> None:
    """Spreadsheet programs may fold the fullwidth and small forms to the plain sign."""
    from pipeline.model.values import neutralize_text

    assert neutralize_text(text) == "'" + text


@pytest.mark.parametrize("text", ["texto", "Ñandú", "1-2", "a=b", "（nota）", "", "'ya"])
def test_other_texts_are_left_as_they_are(text: str) -> None:
    from pipeline.model.values import neutralize_text

    assert neutralize_text(text) == text


def test_a_column_of_texts_is_neutralized_as_each_text_is(tmp_path: Path) -> None:
    """The CSV judges a column's first characters once each: the same cells as text by
    text, whether every text is safe, or some start with a sign in any of its forms."""
    from pipeline.model.values import neutralize_text

    dangerous = ["＝HYPERLINK(\"http://x\")", "＋1", "﹦1+1", "=1", "-1", "@a", "\t=1"]
    safe = ["texto", "Ñandú", "1-2", "a=b", "（nota）", "", "'ya"]
    for column in (safe, safe + dangerous, dangerous[::-1] + safe * 3):
        write_csv(pd.DataFrame({"texto": column}), tmp_path / "t.csv")
        with open(tmp_path / "t.csv", encoding="utf-8-sig", newline="") as handle:
            written = [row[0] if row else "" for row in csv.reader(handle)][1:]
        assert written == [neutralize_text(t) for t in column]


def test_a_column_mapped_once_per_value_is_mapped_as_each_value_is() -> None:
    """`map_distinct` calls the conversion once per distinct value: the same column as
    `Series.map` gives, True not taken for 1 nor a missing value for another."""
    from pipeline.model.values import map_distinct

    calls: list[object] = []

    def said(value: object) -> str:
        calls.append(value)
        return f"{type(value).__name__}:{value}"

    column = pd.Series(["a", None, "a", True, 1, 1.0, True, float("nan"), "b", None] * 3,
                       dtype=object)
    assert map_distinct(column, said).tolist() == column.map(said).tolist()
    calls.clear()
    map_distinct(column, said)
    assert len(calls) < len(column) // 2
    texts = pd.Series(["en_proceso", "finalizado", "en_proceso"], dtype="str")
    assert map_distinct(texts, str.upper).equals(texts.map(str.upper))


def test_a_side_sheets_rows_read_a_column_at_a_time_as_each_cell() -> None:
    """`text_columns` (each distinct cell read once) gives what `read_text` gives cell by
    cell, a missing column blank; `row_dicts` the rows `to_dict("records")` gives."""
    import datetime as dt

    from pipeline.model.values import read_text, row_dicts, text_columns

    frame = pd.DataFrame({
        "valor": ["12 personas", 2021.0, 2021.0, True, 1, None, float("nan"), " a\u00a0b ",
                  dt.datetime(2027, 3, 1), dt.datetime(2027, 3, 1, 8, 30)],
        "fecha": pd.to_datetime(["2027-01-01", None, "2027-01-01", "2026-12-31", None,
                                 "2027-01-01", None, None, None, "2027-02-02"]),
        "n": range(10)})
    texts = text_columns(frame, ("valor", "fecha", "n", "ausente"))
    for key in ("valor", "fecha", "n"):
        assert texts[key] == [read_text(v) for v in frame[key].tolist()], key
    assert texts["ausente"] == [""] * len(frame)
    made, expected = row_dicts(frame), frame.to_dict("records")
    assert len(made) == len(expected)
    for got, want in zip(made, expected, strict=True):
        assert got.keys() == want.keys()
        for key in want:
            assert got[key] == want[key] or (pd.isna(got[key]) and pd.isna(want[key])), key
            assert type(got[key]) is type(want[key]), key
