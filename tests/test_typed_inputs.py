"""What a person types where a date or a name is expected (issue 13, "Inputs a person
types"): read as they meant it, or told, never silently replaced."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.jobs.consolidate import Options, run_consolidation
from pipeline.jobs.template import generate_templates
from pipeline.normalize.deadlines import parse_day
from pipeline.template.workbook import CONTACT_CELLS
from tests.conftest import read_table
from tests.test_roundtrip import fill

ROW = [{"actividad": "Taller", "pilar": "1", "indicadores": "Actas", "responsable": "PPT",
        "plazo": "2027", "estado": "En proceso"}]


@pytest.mark.parametrize(("typed", "day"), [
    ("12/02/2027", dt.date(2027, 2, 12)),  # day first, as written in the region
    ("12-02-2027", dt.date(2027, 2, 12)),
    ("12.02.2027", dt.date(2027, 2, 12)),
    ("2027-02-12", dt.date(2027, 2, 12)),
    ("12 de febrero de 2027", dt.date(2027, 2, 12)),
    ("February 12, 2027", dt.date(2027, 2, 12)),
    ("13/02/27", dt.date(2027, 2, 13)),
    ("02/13/2027", dt.date(2027, 2, 13)),  # only month-first is possible
    (dt.datetime(2027, 2, 12, 9, 30), dt.date(2027, 2, 12)),
    ("febrero 2027", None),  # a month is not a day
    ("1er año", None),
    ("31/02/2027", None),
    ("la semana pasada", None),
    ("", None),
    (45000, None),
])
def test_a_day_typed_in_a_date_cell(typed: object, day: dt.date | None) -> None:
    assert parse_day(typed) == day


def _round(tmp_path: Path, submitted: object) -> Path:
    inbox = tmp_path / "recibidos"
    [path] = generate_templates(("Honduras",), False, "2027-T1", None, inbox, None,
                                history=tmp_path / "none.sqlite").written
    fill(path, ROW, dt.date(2027, 1, 1))
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    workbook.worksheets[1][CONTACT_CELLS["fecha_envio"]] = submitted  # typed as text
    workbook.save(path)
    out = tmp_path / "out"
    run_consolidation(Options(input_dir=inbox, out_dir=out, as_of=dt.date(2027, 3, 1)))
    return out


def test_a_submission_date_typed_as_text_is_read_day_first(tmp_path: Path) -> None:
    out = _round(tmp_path, "12/02/2027")
    subs = read_table(out, "envios").set_index("informante")
    assert subs.loc["Honduras", "fecha_envio"] == "2027-02-12"
    assert "fecha-envio-ilegible" not in set(read_table(out, "problemas")["codigo"])


def test_a_submission_date_that_is_no_day_is_told_at_its_cell(tmp_path: Path) -> None:
    out = _round(tmp_path, "la semana pasada")
    problems = read_table(out, "problemas")
    [told] = problems[problems["codigo"] == "fecha-envio-ilegible"].to_dict("records")
    assert told["celda"] == CONTACT_CELLS["fecha_envio"] and told["hoja"] == "Matriz"
    assert "«la semana pasada»" in told["mensaje"] and "12/02/2027" in told["mensaje"]
    subs = read_table(out, "envios").set_index("informante")
    assert subs.loc["Honduras", "fecha_envio"] != ""  # the save date, said to be so
