"""The template of SPEC §3.1, read back with openpyxl as Excel would see it."""

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from pipeline.jobs.template import generate_templates
from pipeline.model.columns import COLUMNS
from pipeline.reference.data import Reference
from pipeline.template.workbook import HEADER_ROW, write_template


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, ref: Reference) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "Guatemala.xlsx"
    party = ref.party("Guatemala")
    assert party is not None
    write_template(path, party, "2027-T1", "es", ref, dt.date(2026, 12, 1))
    return path


def test_sheets_and_their_visibility(template: Path) -> None:
    workbook = openpyxl.load_workbook(template)
    states = {ws.title: ws.sheet_state for ws in workbook.worksheets}
    assert states == {"Instrucciones": "visible", "Matriz": "visible", "Listas": "hidden",
                      "_seguimiento": "veryHidden"}


def test_metadata(template: Path) -> None:
    meta = openpyxl.load_workbook(template)["_seguimiento"]
    values = {row[0]: row[1] for row in meta.iter_rows(values_only=True)}
    assert values["informante"] == "Guatemala"
    assert values["ronda"] == "2027-T1"
    assert values["version"] == "1"
    assert values["hoja_matriz"] == "Matriz"


def test_matrix_columns_protection_and_formats(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)["Matriz"]
    header = HEADER_ROW + 1
    assert [sheet.cell(header, c + 1).value for c in range(len(COLUMNS))] == [
        c.title("es") for c in COLUMNS]
    assert sheet.protection.sheet
    assert sheet.cell(header, 5).protection.locked  # header locked
    assert sheet.cell(header + 1, 1).protection.locked  # ids locked
    assert not sheet.cell(header + 1, 5).protection.locked  # input cells unlocked
    assert not sheet["C3"].protection.locked  # submission block
    assert sheet["A3"].value == "Nombre de quien informa"
    plazo = [c.key for c in COLUMNS].index("plazo") + 1
    assert "yy" in sheet.cell(header + 1, plazo).number_format
    assert sheet.freeze_panes == f"C{header + 1}"


def test_dropdowns_come_from_the_reference_lists(template: Path, ref: Reference) -> None:
    workbook = openpyxl.load_workbook(template)
    sheet, lists = workbook["Matriz"], workbook["Listas"]
    by_column = {}
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            by_column[cell_range.min_col] = validation
    keys = [c.key for c in COLUMNS]
    status = by_column[keys.index("estado") + 1]
    assert status.type == "list" and status.errorStyle == "warning"  # others allowed
    source_col = status.formula1.split("!")[1].split(":")[0].replace("$", "")[0]
    values = [c.value for c in lists[source_col] if c.value is not None][1:]
    assert values == [s.es for s in ref.estados]
    assert by_column[keys.index("reservado") + 1].errorStyle in (None, "stop")
    assert by_column[keys.index("avance") + 1].type == "decimal"
    for key in ("grupo_trabajo", "pilar", "tema", "responsable"):
        assert by_column[keys.index(key) + 1].type == "list"


def test_english_templates_for_english_speaking_reporters(tmp_path: Path) -> None:
    [path] = generate_templates(("Canada",), False, "2027-T1", None, tmp_path, None,
                                history=tmp_path / "no-history.sqlite").written
    sheet = openpyxl.load_workbook(path)["Matrix"]
    assert sheet.cell(HEADER_ROW + 1, 5).value == "Activity description"
