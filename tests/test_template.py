"""The template of docs/contract.md §3.1, read back with openpyxl as Excel would see it."""

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
                      "Indicadores": "visible", "_seguimiento": "veryHidden"}


def test_metadata(template: Path) -> None:
    meta = openpyxl.load_workbook(template)["_seguimiento"]
    values = {row[0]: row[1] for row in meta.iter_rows(values_only=True)}
    assert values["informante"] == "Guatemala"
    assert values["ronda"] == "2027-T1"
    assert values["version"] == "1"
    assert values["hoja_matriz"] == "Matriz"


def test_matrix_columns_protection_and_formats(template: Path, ref: Reference) -> None:
    sheet = openpyxl.load_workbook(template)["Matriz"]
    header = HEADER_ROW + 1
    assert [sheet.cell(header, c + 1).value for c in range(len(COLUMNS))] == [
        c.title("es") for c in ref.columns]  # (the network's own titles: its groups...)
    assert sheet.cell(header, len(COLUMNS)).value == "Reservado (solo gobiernos)"
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


def _dropdown_values(workbook: openpyxl.Workbook, sheet_name: str) -> dict[int, set[str]]:
    """Each list-validated column of the matrix sheet and the values its dropdown offers."""
    sheet = workbook[sheet_name]
    offered: dict[int, set[str]] = {}
    for validation in sheet.data_validations.dataValidation:
        if validation.type != "list":
            continue
        source, cells = validation.formula1.lstrip("=").split("!")
        first, last = cells.replace("$", "").split(":")
        lists = workbook[source.strip("'")]
        values = {str(c[0].value) for c in lists[f"{first}:{last}"] if c[0].value is not None}
        for cell_range in validation.sqref.ranges:
            offered[cell_range.min_col] = values
    return offered


@pytest.mark.parametrize("lang", ["es", "en"])
def test_prefilled_values_are_exactly_what_the_dropdowns_offer(
        lang: str, tmp_path: Path, ref: Reference) -> None:
    """Every prefilled pillar, status, group and theme the reference knows is one of its
    dropdown's values, character for character (Excel's list validation compares exactly)."""
    from pipeline.jobs.consolidate import Options, run_consolidation
    from pipeline.store.history import latest_items_per_reporter, open_history
    from tests.conftest import AS_OF, ROOT

    history = tmp_path / "historial.sqlite"
    run_consolidation(Options(input_dir=ROOT / "input_workbooks", out_dir=tmp_path / "out",
                              as_of=AS_OF, history=history))
    with open_history(history, create=False) as conn:
        stored = latest_items_per_reporter(conn, "2027-T1")
    canonical = {"pilar": {p.nombre for p in ref.pilares},
                 "estado": {s.clave for s in ref.estados},
                 "grupo_trabajo": {g.nombre for g in ref.grupos},
                 "tema": {t for p in ref.pilares for t in p.temas}}
    known = {(r["informante"], r["id"], key) for r in stored.to_dict("records")
             for key, names in canonical.items() if r[key] in names}
    made = generate_templates((), True, "2027-T1", lang, tmp_path / "t", None, history=history)
    keys = [c.key for c in COLUMNS]
    checked = 0
    for path in made.written:
        workbook = openpyxl.load_workbook(path)
        reporter = workbook["_seguimiento"]["B1"].value
        matrix = workbook.worksheets[1].title
        offered = _dropdown_values(workbook, matrix)
        sheet = workbook[matrix]
        for row in range(HEADER_ROW + 2, sheet.max_row + 1):
            item = sheet.cell(row, keys.index("id") + 1).value
            for key in canonical:
                if (reporter, item, key) in known:
                    value = sheet.cell(row, keys.index(key) + 1).value
                    assert value in offered[keys.index(key) + 1], (path.name, row, key, value)
                    checked += 1
    assert checked > 40


@pytest.mark.parametrize("moved", [False, True])
def test_an_unreadable_submission_date_is_told_where_it_is(
        template: Path, tmp_path: Path, moved: bool) -> None:
    """The date typed in the signature block, at the template's cell, or with rows
    inserted above it and the sheet renamed (the block then found by its titles): the
    message points at the cell the focal point sees."""
    from pipeline.normalize.matching import Matcher
    from pipeline.read.files import list_input_files
    from pipeline.read.gather import gather
    from pipeline.reference.load import load_reference

    book = openpyxl.load_workbook(template)
    meta = {r[0]: r[1] for r in book["_seguimiento"].iter_rows(values_only=True)}
    cell = str(meta["celda_fecha_envio"])
    sheet = book["Matriz"]
    sheet[cell] = "31/02/2027"
    if moved:
        sheet.insert_rows(1, 3)
        sheet.title = "Hoja1"
    folder = tmp_path / "in"
    folder.mkdir()
    book.save(folder / "Guatemala.xlsx")
    ref = load_reference()
    found = gather(list_input_files(folder), ref, Matcher(ref), "2027-T1",
                   dt.date(2027, 2, 20), "es")
    [told] = [i for i in found.issues if i.code == "fecha-envio-ilegible"]
    column, row = cell.rstrip("0123456789"), int(cell[len(cell.rstrip("0123456789")):])
    expected = ("Hoja1", f"{column}{row + 3}") if moved else ("Matriz", cell)
    assert (told.hoja, told.celda) == expected
