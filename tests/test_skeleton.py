"""Side sheets assembled from a kept skeleton (pipeline.write.skeleton): a sheet of a
shape met before is, byte for byte, the sheet xlsxwriter assembles itself, whatever its
rows, its size and its page header; a sheet whose shape changed after it was set up, or
that holds more than its pieces, is assembled whole."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path

import openpyxl
import pytest

from pipeline.jobs.consolidate import Options, analyze
from pipeline.write import kept_formats, skeleton
from pipeline.write.feedback import write_feedback
from pipeline.write.printing import Paper, Printing
from pipeline.write.side_sheets import SideTable, add_side_sheet, column_styles
from pipeline.write.skeleton import SkeletonSheet
from pipeline.write.xlsx import Formats, new_workbook
from tests.conftest import AS_OF, ROOT

COLUMNS = {"id": 10, "actividad": 28, "observacion": 36, "fila": 7}
WRAPPED = {"actividad", "observacion"}
Extra = Callable[[SkeletonSheet], None]
LETTER = Paper("carta")


@pytest.fixture(autouse=True)
def _forgotten() -> Iterator[None]:
    skeleton.forget()
    yield
    skeleton.forget()


Keys = list[Hashable | None]  # the shapes of the sheets assembled whole


@pytest.fixture()
def whole_sheets(monkeypatch: pytest.MonkeyPatch) -> Keys:
    """The keys of the side sheets xlsxwriter assembled whole (not from kept pieces)."""
    made: Keys = []
    assemble = SkeletonSheet._assemble_whole

    def counted(sheet: SkeletonSheet, key: Hashable | None) -> None:
        made.append(key)
        assemble(sheet, key)

    monkeypatch.setattr(SkeletonSheet, "_assemble_whole", counted)
    return made


def _write(path: Path, who: str, rows: int, extra: Extra | None = None,
           paper: Paper = LETTER, lang: str = "es") -> dict[str, bytes]:
    """A workbook of a first sheet and a side sheet of `rows` rows for `who` (the page
    header names it; the footer's words are `lang`'s), then `extra` done to the side
    sheet by the rest of the workbook's code; its parts."""
    workbook = new_workbook(path, dt.date(2026, 11, 30), f"Retroalimentación: {who}")
    formats = Formats(workbook)
    printing = Printing(paper, f"Retroalimentación: {who} & ronda 2026-T4", lang)
    first = workbook.add_worksheet("Problemas")
    first.write(0, 0, f"Problemas de {who}", formats.title)
    first.activate()
    styles = column_styles(formats, COLUMNS, WRAPPED)
    table = SideTable("Observaciones", "Observaciones",
                      "Lo que observa la sociedad civil < y por qué", COLUMNS,
                      ["Id", "Actividad", "Observación", "Fila"], WRAPPED, right={"fila"})
    add_side_sheet(workbook, formats, printing, table, (
        (styles, [f"{who}-{n}", "Actividad " * (n % 5), f"Vista {n}\ncon dos líneas", n])
        for n in range(rows)))
    if extra:
        sheet = workbook.get_worksheet_by_name("Observaciones")
        assert isinstance(sheet, SkeletonSheet)
        extra(sheet)
    workbook.close()
    return _parts(path)


def _parts(path: Path) -> dict[str, bytes]:
    """Every part of a workbook's package, by name."""
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def _whole(tmp_path: Path, who: str, rows: int, extra: Extra | None = None,
           paper: Paper = LETTER, lang: str = "es") -> dict[str, bytes]:
    """The same workbook with nothing kept: every sheet assembled by xlsxwriter."""
    skeleton.forget()
    parts = _write(tmp_path / f"whole-{who}.xlsx", who, rows, extra, paper, lang)
    skeleton.forget()
    return parts


def test_a_sheet_of_a_kept_shape_is_the_one_xlsxwriter_assembles(
        tmp_path: Path, whole_sheets: Keys) -> None:
    _write(tmp_path / "first.xlsx", "Guatemala", 3)  # (its shape kept)
    assert skeleton._kept and len(whole_sheets) == 1
    again = _write(tmp_path / "again.xlsx", "Belice", 40)
    assert len(whole_sheets) == 1  # (made of the kept pieces)
    whole = _whole(tmp_path, "Belice", 40)
    assert again == whole
    sheet = again["xl/worksheets/sheet2.xml"].decode()
    assert '<dimension ref="A1:D44"/>' in sheet and "Belice &amp;&amp; ronda" in sheet


@pytest.mark.parametrize(("extra", "assembled_whole"), [
    pytest.param(lambda sheet: sheet.activate(), True, id="selected"),
    pytest.param(lambda sheet: sheet.freeze_panes(5, 1), True, id="frozen elsewhere"),
    # (a hidden sheet's XML is a shown one's: its state is the workbook's)
    pytest.param(lambda sheet: sheet.hide(), False, id="hidden"),
    pytest.param(lambda sheet: sheet.write_comment(5, 1, "nota"), True, id="commented"),
    pytest.param(lambda sheet: sheet.data_validation(
        5, 3, 9, 3, {"validate": "integer", "criteria": ">", "value": 0}), True,
        id="validated"),
    pytest.param(lambda sheet: sheet.conditional_format(
        5, 3, 9, 3, {"type": "cell", "criteria": ">", "value": 2}), True, id="formatted"),
    pytest.param(lambda sheet: sheet.set_row(70, 30), True, id="a row's height"),
])
def test_what_changes_after_the_setup_is_never_given_another_shape(
        tmp_path: Path, extra: Extra, assembled_whole: bool,
        whole_sheets: Keys) -> None:
    _write(tmp_path / "first.xlsx", "Guatemala", 3)  # (its shape kept)
    parts = _write(tmp_path / "changed.xlsx", "Belice", 5, extra)
    assert (len(whole_sheets) == 2) == assembled_whole
    # (assembled whole, both sides are xlsxwriter's own: the count above is the check)
    assert parts == _whole(tmp_path, "Belice", 5, extra)


def test_a_sheet_in_another_language_has_its_own_footer(
        tmp_path: Path, whole_sheets: Keys) -> None:
    _write(tmp_path / "first.xlsx", "Guatemala", 3)
    english = _write(tmp_path / "english.xlsx", "Belize", 3, lang="en")
    assert len(whole_sheets) == 1  # (the Spanish sheet's pieces, its own footer)
    assert english == _whole(tmp_path, "Belize", 3, lang="en")
    assert "Page &amp;P of &amp;N" in english["xl/worksheets/sheet2.xml"].decode()


def test_no_room_left_assembles_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      whole_sheets: Keys) -> None:
    monkeypatch.setattr(skeleton, "KEPT_SHAPES", 0)
    _write(tmp_path / "first.xlsx", "Guatemala", 3)
    _write(tmp_path / "second.xlsx", "Guatemala", 3)
    assert not skeleton._kept and len(whole_sheets) == 2
    # (as above: with no room, both sides are xlsxwriter's own)
    assert _write(tmp_path / "again.xlsx", "Belice", 4) == _whole(tmp_path, "Belice", 4)


def test_another_paper_is_another_shape(
        tmp_path: Path, whole_sheets: Keys) -> None:
    _write(tmp_path / "first.xlsx", "Guatemala", 3)
    a4 = _write(tmp_path / "a4.xlsx", "Belice", 3, paper=Paper("a4"))
    assert len(whole_sheets) == 2
    assert a4 == _whole(tmp_path, "Belice", 3, paper=Paper("a4"))


def test_the_heading_reads_back_merged_over_the_table(tmp_path: Path) -> None:
    _write(tmp_path / "first.xlsx", "Guatemala", 3)
    _write(tmp_path / "again.xlsx", "Belice", 2)
    sheet = openpyxl.load_workbook(tmp_path / "again.xlsx")["Observaciones"]
    assert sheet["A1"].value == "Observaciones" and sheet["A1"].font.b
    assert sheet["A2"].value == "Lo que observa la sociedad civil < y por qué"
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A2:D2"]
    assert [c.value for c in sheet[4]] == ["Id", "Actividad", "Observación", "Fila"]
    assert sheet["D4"].alignment.horizontal == "right"
    assert [c.value for c in sheet[6]] == ["Belice-1", "Actividad ", "Vista 1\ncon dos líneas", 1]
    assert sheet.freeze_panes == "A5"
    assert sheet.column_dimensions["C"].width == pytest.approx(36.71, abs=0.01)


def test_feedback_workbooks_from_kept_pieces_are_the_ones_xlsxwriter_assembles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, whole_sheets: Keys) -> None:
    """Every sheet of a round's feedback workbooks (the issue list, the rows with their
    comments, the observations), made from kept pieces, is the sheet xlsxwriter assembles
    itself: the sample round's workbooks, in Spanish and English, part for part; their
    styles too, kept once per set of formats (pipeline.write.kept_formats)."""
    monkeypatch.setattr(kept_formats, "_STYLES", {})
    result = analyze(Options(input_dir=ROOT / "input_workbooks", as_of=AS_OF))
    (tmp_path / "kept").mkdir()
    made = write_feedback(result, tmp_path / "kept")
    kept = {name: _parts(tmp_path / "kept" / name) for name in made}
    sheets = sum(name.startswith("xl/worksheets/sheet") for parts in kept.values()
                 for name in parts)
    assert len(whole_sheets) <= sheets / 3  # (most made of kept pieces)
    assert not [p for p in kept.values() if "xl/sharedStrings.xml" in p]  # (texts inline)
    languages = {parts["xl/worksheets/sheet2.xml"].count(b"Page &amp;P of") > 0
                 for parts in kept.values()}
    commented = {"xl/comments1.xml" in parts for parts in kept.values()}
    assert languages == {True, False} and commented == {True, False}
    assert kept_formats._STYLES
    skeleton.forget()
    monkeypatch.setattr(skeleton, "KEPT_SHAPES", 0)
    monkeypatch.setattr(kept_formats, "_STYLES", {})
    monkeypatch.setattr(kept_formats, "KEPT_STYLES", 0)
    (tmp_path / "whole").mkdir()
    assert write_feedback(result, tmp_path / "whole") == made
    for name in made:
        assert _parts(tmp_path / "whole" / name) == kept[name], name
