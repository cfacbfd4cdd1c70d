"""The read stage on the official matrix (seed 003 §4.3) and its hand-made variants."""

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest

from pipeline.read.header import find_header
from pipeline.read.workbook import read_workbook
from tests.conftest import OFFICIAL_TITLES, MakeWorkbook


def test_titles_merged_over_two_rows_are_no_item(tmp_path: Path) -> None:
    """Each title merged with the blank cell under it (a header two rows tall): the row
    under the titles is part of them, not an item holding the titles as its values."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "Seguimiento de acuerdos"
    titles = ["Ítem", "Acuerdo tomado", "Parte responsable", "Plazo", "Estado"]
    for c, title in enumerate(titles, start=1):
        sheet.cell(3, c, title)
        sheet.merge_cells(start_row=3, start_column=c, end_row=4, end_column=c)
    for r, row in enumerate([["1", "Abrir el albergue", "Quito", "2027-03-31", "En proceso"],
                             ["2", "Mapear las rutas", "Bogotá", "2027-06-30", "Pendiente"]],
                            start=5):
        for c, value in enumerate(row, start=1):
            sheet.cell(r, c, value)
    workbook.save(tmp_path / "Quito.xlsx")
    [read] = read_workbook(tmp_path / "Quito.xlsx").sheets
    assert [r["actividad"] for r in read.records] == ["Abrir el albergue", "Mapear las rutas"]
    assert [r["_fila"] for r in read.records] == [5, 6]


def test_official_matrix_with_title_block_and_merged_pillars(make_workbook: MakeWorkbook) -> None:
    rows = [
        ["Gobernanza migratoria", "Retorno", "Actividad A", "Ind A", "Guatemala", "1er año",
         "finalizado"],
        [None, "Remesas", "Actividad B", "Ind B", None, "2027", "en proceso"],
        [None, "Diásporas", "Actividad C", None, "México", "permanente", "no alcanzado"],
        ["Preparación, protección, atención y migración irregular", "Apatridia",
         "Actividad D", "Ind D", "OIM", dt.date(2027, 3, 31), "en proceso"],
        [None, "Migración y salud", "Actividad E", "Ind E", None, None, None],
    ]
    path = make_workbook("Guatemala.xlsx", rows, merges=["A5:A7"])
    read = read_workbook(path)
    assert read.refused is None
    [sheet] = read.sheets
    assert sheet.header.row == 3  # row 4 in Excel, below the title block
    records = sheet.records
    assert [r["_fila"] for r in records] == [5, 6, 7, 8, 9]
    assert [r["actividad"] for r in records] == [f"Actividad {x}" for x in "ABCDE"]
    # the merged value applies to every row of the merge ...
    assert [r["pilar"] for r in records[:3]] == ["Gobernanza migratoria"] * 3
    # ... and a blank that is not merged stays blank
    assert records[4]["pilar"] is None
    assert records[1]["responsable"] is None and records[4]["responsable"] is None
    assert records[2]["indicadores"] is None
    assert sheet.cells()["plazo"] == ("F", "Plazo de cumplimiento (1er año, 2do año, 3er año)")


def test_blank_footnote_and_total_rows_are_not_items(make_workbook: MakeWorkbook) -> None:
    rows = [
        ["1", "Retorno", "Actividad A", "Ind", "PPT", "2027", "pendiente"],
        [None] * 7,
        ["Total", None, None, None, None, None, None],
        ["Nota: cifras preliminares"],
        ["* Incluye actividades del año anterior"],
    ]
    read = read_workbook(make_workbook("x.xlsx", rows))
    assert [r["actividad"] for r in read.sheets[0].records] == ["Actividad A"]


@pytest.mark.parametrize("total", [
    ["Total", None, 4, None, None, None, None],  # a count under the activity
    ["TOTAL:", None, "4", None, None, None, "75 %"],
    ["Total de actividades", None, 12, None, None, None, None],
    ["Subtotal", None, "1.234", None, None, None, None],
    ["Grand total", None, 4, None, None, None, None],
])
def test_a_total_row_with_counts_is_not_an_item(total: list[object],
                                                make_workbook: MakeWorkbook) -> None:
    rows = [["1", "Retorno", f"Actividad {n}", "Ind", "PPT", "2027", "pendiente"]
            for n in range(4)]
    read = read_workbook(make_workbook("x.xlsx", [*rows, total]))
    assert len(read.sheets[0].records) == 4


@pytest.mark.parametrize(("titles", "extra"), [
    # issue 21: the word in any column, the counts in any form
    (["No.", *OFFICIAL_TITLES], ["Total", None, None, None, None, None, None, 12]),
    (["No.", *OFFICIAL_TITLES], ["TOTAL GENERAL", None, None, 14, None, None, None, "3"]),
    (OFFICIAL_TITLES, [None, None, 14, None, "Total", None, None]),
    (OFFICIAL_TITLES, ["Total", None, "14 actividades", None, None, None, "3 finalizadas"]),
    (OFFICIAL_TITLES, ["Subtotal", None, "3 de 4", None, "—", "n/a", "75 % (3/4)"]),
    (OFFICIAL_TITLES, ["Nota:", "Los plazos son estimados"]),
    (OFFICIAL_TITLES, [None, None, None, "Fuente: elaboración propia", None, None, None]),
    (["No.", *OFFICIAL_TITLES], ["(1)", "Incluye las actividades del año anterior"]),
])
def test_a_totals_or_notes_row_is_not_an_item_wherever_its_word(
        titles: list[str], extra: list[object], make_workbook: MakeWorkbook) -> None:
    pad = [None] * (len(titles) - len(OFFICIAL_TITLES))
    rows = [[*pad, "1", "Retorno", f"Actividad {n}", "Ind", "PPT", "2027", "pendiente"]
            for n in range(4)]
    read = read_workbook(make_workbook("x.xlsx", [*rows, extra], titles=titles))
    assert [r["actividad"] for r in read.sheets[0].records] == [f"Actividad {n}"
                                                                 for n in range(4)]


@pytest.mark.parametrize("row", [
    ["1", "Retorno", "Capacitar a 40 funcionarios", "Total de personas capacitadas", "PPT",
     "2027", "pendiente"],
    ["1", "Retorno", "* Taller regional prioritario", "Ind", "PPT", "2027", "pendiente"],
    ["Nota", "Retorno", "Taller de notas consulares", "Ind", "PPT", "2027", "pendiente"],
    [None, None, "Total implementation of the protocol", None, "Guatemala", "2027", None],
])
def test_an_item_with_a_totals_or_notes_word_is_still_an_item(
        row: list[object], make_workbook: MakeWorkbook) -> None:
    read = read_workbook(make_workbook("x.xlsx", [row]))
    assert [r["actividad"] for r in read.sheets[0].records] == [row[2]]


def test_an_activity_whose_words_begin_with_total_is_an_item(
        make_workbook: MakeWorkbook) -> None:
    rows = [["1", "Retorno", "Total de retornos registrados", "Ind", "PPT", "2027",
             "pendiente"],
            ["Total", "Retorno", "Actividad", "Ind", "PPT", "2027", "pendiente"]]
    read = read_workbook(make_workbook("x.xlsx", rows))
    assert len(read.sheets[0].records) == 2


def test_hidden_sheets_are_not_data_and_other_sheets_are_reported(
    make_workbook: MakeWorkbook,
) -> None:
    matrix = [["Descripción de la actividad", "Estado"], ["Oculta", "pendiente"]]
    path = make_workbook(
        "x.xlsx", [["1", "Retorno", "Visible", "Ind", "PPT", "2027", "pendiente"]],
        extra={"Oculta": matrix, "Notas": [["Comentarios generales"]]}, hidden=["Oculta"],
    )
    read = read_workbook(path)
    assert [s.hoja for s in read.sheets] == ["Matriz"]
    assert list(read.no_matrix) == ["Notas"]


def test_working_group_matrix_titles(make_workbook: MakeWorkbook) -> None:
    titles = ["Actividades prioritarias", "Tema", "Pilar que se atiende",
              "Resultado (s) esperado (s)", "Indicadores de resultados"]
    path = make_workbook("GT.xlsx", [["Act 1", "Retorno", "Pilar 1", "R1", "I1"]],
                         titles=titles)
    [sheet] = read_workbook(path).sheets
    assert set(sheet.header.columns) == {"actividad", "tema", "pilar", "resultado_esperado",
                                         "indicadores"}


def test_header_titles_with_case_accents_and_breaks() -> None:
    rows = [["Informe"], [], ["DESCRIPCION DE LA\nACTIVIDAD", "parte  responsable",
                              "Plazo\u00a0de cumplimiento", "Status"]]
    header = find_header(rows)
    assert header is not None and header.row == 2
    assert header.columns == {"actividad": 0, "responsable": 1, "plazo": 2, "estado": 3}


def test_unreadable_files_are_refused_with_a_reason(tmp_path: Path) -> None:
    broken = tmp_path / "roto.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    read = read_workbook(broken)
    assert read.refused is not None and read.sheets == []
    es, en = read.refused
    assert "dañado" in es and "damaged" in en


def test_zip_bomb_is_refused_from_its_directory(tmp_path: Path) -> None:
    import zipfile

    bomb = tmp_path / "bomba.xlsx"
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive, archive.open(
        "xl/worksheets/sheet1.xml", "w", force_zip64=True
    ) as member:
        for _ in range(600):  # 600 MB of zeros, a few hundred KB on disk
            member.write(chunk)
    assert bomb.stat().st_size < 5 * (1 << 20)
    read = read_workbook(bomb)
    assert read.refused is not None and "excesivo" in read.refused[0]


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "enorme.xlsx"
    with big.open("wb") as handle:
        handle.truncate(60 * (1 << 20))  # sparse: no real disk use
    read = read_workbook(big)
    assert read.refused is not None and "MB" in read.refused[1]


def test_encrypted_workbook_asks_to_remove_the_password(tmp_path: Path) -> None:
    # An encrypted .xlsx is an OLE compound file, not a zip.
    encrypted = tmp_path / "protegido.xlsx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    read = read_workbook(encrypted)
    assert read.refused is not None and "contraseña" in read.refused[0]
    assert "password" in read.refused[1]


def test_formulas_without_value_across_read_chunks(tmp_path: Path) -> None:
    import openpyxl

    from pipeline.read.sheetscan import scan_workbook

    path = tmp_path / "f.xlsx"
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Matriz")
    for r in range(1, 40_001):
        sheet.append([f"texto largo de relleno {r} " * 3, "=1+1" if r % 10_000 == 0 else r])
    workbook.save(path)
    scans = scan_workbook(path)
    assert scans["Matriz"].no_value == {(r - 1, 1) for r in (10_000, 20_000, 30_000, 40_000)}
    assert set(scans) == {"Matriz"}
    assert (scans["Matriz"].rows, scans["Matriz"].columns, scans["Matriz"].cells) == (
        40_000, 2, 80_000)


@pytest.mark.parametrize("sheet", ["Matriz", "_seguimiento"])
def test_a_stray_cell_far_away_costs_what_its_cells_cost(tmp_path: Path, sheet: str) -> None:
    """A cell at XFD100000 made the reader ask for 52 GB and abort the whole run."""
    from pipeline.read.sheetscan import scan_workbook

    workbook = openpyxl.Workbook()
    matrix = workbook.active
    matrix.title = "Matriz"
    matrix.append(["Descripción de la actividad", "Parte responsable", "Plazo de cumplimiento",
                   "Estado"])
    matrix.append(["Taller", "OIM", "T1 2027", "pendiente"])
    meta = workbook.create_sheet("_seguimiento")
    meta.append(["informante", "Guatemala"])
    meta.sheet_state = "hidden"
    workbook[sheet]["XFD100000"] = "x"
    path = tmp_path / "Guatemala.xlsx"
    workbook.save(path)
    assert path.stat().st_size < 20_000
    assert scan_workbook(path)[sheet].sparse
    read = read_workbook(path)
    assert read.refused is None
    assert [r["actividad"] for r in read.sheets[0].records] == ["Taller"]
    assert read.metadata["informante"] == "Guatemala"


@pytest.mark.parametrize(("pattern", "replacement"), [
    (rb'<row r="(\d+)"><c r="(\w+)"', rb'<row\n r="\1"><c\tr="\2"'),  # pretty-printed
    # attributes run together (python-calamine opens such a sheet, and honours them)
    (rb'<c r="(\w+)" t="inlineStr"', rb'<c t="inlineStr"r="\1"'),
])
def test_a_stray_cell_is_found_whatever_its_producer_writes_between_attributes(
        tmp_path: Path, pattern: bytes, replacement: bytes) -> None:
    """Attributes separated by a line break, a tab or nothing at all are found as those
    separated by a space are: where the reader would build the sheet's rectangle, the
    scan sees it too."""
    import zipfile

    from python_calamine import CalamineWorkbook

    from pipeline.read.sheetscan import scan_workbook

    for far, shape in (("Z100", (100, 26)), ("XFD100000", (100_000, 16_384))):
        workbook = openpyxl.Workbook()
        workbook.active["A1"] = "Actividad"
        workbook.active[far] = "x"
        plain, odd = tmp_path / f"plain-{far}.xlsx", tmp_path / f"odd-{far}.xlsx"
        workbook.save(plain)
        with zipfile.ZipFile(plain) as source, zipfile.ZipFile(odd, "w") as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename.startswith("xl/worksheets/"):
                    data, changed = re.subn(pattern, replacement, data)
                    assert changed == 2
                target.writestr(info, data)
        found = {p: next(iter(scan_workbook(p).values())) for p in (plain, odd)}
        assert (found[odd].rows, found[odd].columns) == (
            found[plain].rows, found[plain].columns) == shape
        if far == "Z100":  # (the far one's rectangle is the 52 GB the scan prevents)
            rows = CalamineWorkbook.from_path(str(odd)).get_sheet_by_index(0).to_python()
            assert (len(rows), len(rows[-1])) == shape
        else:
            assert found[odd].sparse


def test_sheets_read_cell_by_cell_give_what_python_calamine_gives(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The cell-by-cell reader, forced on every sheet of the sample round (dates, numbers,
    merged cells, formulas, templates' metadata), reads the same rows."""
    import pipeline.read.sheetscan
    from pipeline.jobs.consolidate import Options, analyze
    from tests.conftest import AS_OF, ROOT

    def rows() -> list[tuple[object, ...]]:
        result = analyze(Options(input_dir=ROOT / "input_workbooks", as_of=AS_OF,
                                 out_dir=tmp_path / "out"))
        return [tuple(map(str, r)) for r in result.matrix.itertuples(index=False, name=None)]

    dense = rows()
    monkeypatch.setattr(pipeline.read.sheetscan, "SPARSE_FROM", 0)
    monkeypatch.setattr(pipeline.read.sheetscan, "SPARSE_RATIO", 0)
    assert rows() == dense and len(dense) > 20


def test_a_thousand_extra_columns_raise_no_library_warning(tmp_path: Path) -> None:
    import warnings

    from pipeline.jobs.consolidate import Options, analyze
    from tests.conftest import AS_OF

    inbox = tmp_path / "in"
    inbox.mkdir()
    titles = ["Descripción de la actividad", "Parte responsable", "Plazo de cumplimiento",
              "Estado", *(f"Columna {n}" for n in range(1000))]
    lines = [";".join(titles)] + [";".join(["Taller", "OIM", "2027", "pendiente",
                                            *(str(n) for n in range(1000))])] * 3
    (inbox / "Guatemala.csv").write_text("\n".join(lines), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = analyze(Options(input_dir=inbox, as_of=AS_OF, out_dir=tmp_path / "out"))
    assert not caught, [str(w.message)[:80] for w in caught]
    assert len([c for c in result.matrix.columns if c.startswith("extra_")]) == 1000


def test_a_row_of_formulas_without_values_is_not_silently_lost(
        make_workbook: MakeWorkbook, tmp_path: Path) -> None:
    """A row whose only content is a formula no program has computed reads as blank: it
    is no activity, but the issue says which cell to look at (it was dropped unseen)."""
    from pipeline.jobs.consolidate import Options, analyze
    from tests.conftest import AS_OF

    rows = [["1", "Retorno", "Protocolo", "i", "PPT", "2027", "pendiente"],
            [None, None, '=CONCATENATE("Plan ","regional")', None, None, None, None]]
    make_workbook("Honduras.xlsx", rows, folder=tmp_path / "round")
    result = analyze(Options(input_dir=tmp_path / "round", as_of=AS_OF))
    found = {(i.code, i.celda) for i in result.issues}
    assert ("formula-sin-valor", "C6") in found, found
    assert len(result.matrix) == 1


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_matrix_only_on_a_hidden_sheet_is_read_and_the_sheet_said_hidden(
    make_workbook: MakeWorkbook, state: str,
) -> None:
    """A cover sheet in view and the matrix on a hidden (or very hidden) sheet: the rows
    are read, with a warning that names the hidden sheet (the cover, a sheet in view with
    no matrix, is told as any such sheet is)."""
    import openpyxl

    path = make_workbook("Guatemala.xlsx", [["1", "Retorno", "Oculta", "Ind", "PPT", "2027",
                                             "pendiente"]], sheet="Datos")
    workbook = openpyxl.load_workbook(path)
    workbook["Datos"].sheet_state = state
    cover = workbook.create_sheet("Portada", 0)
    cover["A1"] = "Informe de seguimiento de Guatemala"
    workbook.active = 0
    workbook.save(path)
    read = read_workbook(path)
    assert [(s.hoja, len(s.records)) for s in read.sheets] == [("Datos", 1)]
    assert [(i.code, i.archivo, i.hoja) for i in read.issues] == [
        ("hoja-oculta", "Guatemala.xlsx", "Datos")]
    [issue] = read.issues
    assert "oculta" in issue.message("es") and "hidden" in issue.message("en")
    assert list(read.no_matrix) == ["Portada"]


def test_values_under_no_title_of_their_own_are_told_not_dropped_unseen(
        make_workbook: MakeWorkbook) -> None:
    """A title cell merged across two columns ("Estado" over Estado and Avance), or left
    blank above values: the column's values cannot be known, so they are not read, but the
    file says so at the title cell, with the first value's cell. A column with no title
    and no values says nothing; nor does a sheet whose every column is titled."""
    titles = [*OFFICIAL_TITLES[:6], "Estado", "", "", "Observaciones"]
    rows = [["Gobernanza", "Retorno", "Actividad A", "Ind", "Guatemala", "2027", "Finalizado",
             100, None, "nota"],
            ["Gobernanza", "Remesas", "Actividad B", "Ind", "México", "2027", "En proceso",
             None, None, "nota"]]
    path = make_workbook("Guatemala.xlsx", rows, titles, merges=["G4:H4"])
    read = read_workbook(path)
    told = [(i.code, i.celda, i.params) for i in read.issues if i.code == "columna-sin-titulo"]
    assert [(code, cell) for code, cell, _ in told] == [("columna-sin-titulo", "H4")]
    assert dict(told[0][2])["primera"] == "H5"
    assert [r["estado"] for r in read.sheets[0].records] == ["Finalizado", "En proceso"]
    titled = read_workbook(make_workbook("Honduras.xlsx", [r[:7] for r in rows]))
    assert not [i for i in titled.issues if i.code == "columna-sin-titulo"]


@pytest.mark.parametrize("ident", ["#", "Nº", "No.", "Ref."])
def test_a_hand_made_indicators_sheet_may_number_its_items_as_a_matrix_does(
        tmp_path: Path, ident: str) -> None:
    """The matrix reads "#" or "Nº" as its ID column: so does an indicators sheet beside
    it (it was taken for no side sheet, its indicators lost, the advice about a matrix)."""
    workbook = openpyxl.Workbook()
    matrix = workbook.active
    matrix.append([ident, "Action", "Owner", "Due date", "Status"])
    matrix.append(["1", "Open the shelter", "Quito", "2027-03-31", "Open"])
    sheet = workbook.create_sheet("Indicators")
    sheet["A1"] = "Indicators of the tracker"
    sheet.merge_cells("A1:H1")
    sheet.append([])
    sheet.append([ident, "Indicator", "Unit", "Baseline", "Baseline date", "Target",
                  "Target date", "Value"])
    sheet.append(["1", "Beds", "beds", 0, "2026-01-01", 100, "2028-01-01", 40])
    workbook.save(tmp_path / "Quito.xlsx")
    read = read_workbook(tmp_path / "Quito.xlsx")
    [(kind, side)] = read.sides
    assert kind == "indicadores" and side.header.columns["id"] == 0
    assert [(r["id"], r["indicador"], r["valor"]) for r in side.records] == [("1", "Beds", 40)]
    assert not read.no_matrix


def test_a_side_sheets_own_id_column_wins_over_a_row_number(tmp_path: Path) -> None:
    """(review: "Nº" beside "ID actividad" took the ID's place, the indicator on no item)"""
    workbook = openpyxl.Workbook()
    matrix = workbook.active
    matrix.append(["ID", "Actividad", "Responsable", "Plazo", "Estado"])
    matrix.append(["GTM-3", "Abrir el albergue", "Guatemala", "2027-03-31", "En proceso"])
    sheet = workbook.create_sheet("Indicadores")
    sheet.append(["Nº", "ID actividad", "Indicador", "Unidad", "Línea base", "Meta", "Valor"])
    sheet.append([1, "GTM-3", "Camas", "camas", 0, 100, 40])
    workbook.save(tmp_path / "Guatemala.xlsx")
    [(kind, side)] = read_workbook(tmp_path / "Guatemala.xlsx").sides
    assert kind == "indicadores" and side.header.columns["id"] == 1
    assert [r["id"] for r in side.records] == ["GTM-3"]


def test_a_tracker_with_summary_changes_and_issues_sheets_is_read(tmp_path: Path) -> None:
    """A project tracker's Summary, Changes and Issues sheets beside its tasks do not make
    it the product's own consolidated workbook (review: it was skipped whole)."""
    workbook = openpyxl.Workbook()
    workbook.active.title = "Summary"
    for name in ("Changes", "Issues"):
        workbook.create_sheet(name)
    tasks = workbook.create_sheet("Matrix")
    tasks.append(["Action", "Owner", "Due date", "Status"])
    tasks.append(["Open the shelter", "Quito", "2027-03-31", "Open"])
    workbook.save(tmp_path / "Tracker.xlsx")
    read = read_workbook(tmp_path / "Tracker.xlsx")
    assert read.skipped is None and [s.hoja for s in read.sheets] == ["Matrix"]
