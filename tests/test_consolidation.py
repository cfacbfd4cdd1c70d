"""Consolidation scenarios (docs/contract.md §4, §5): input files -> issues as tuples, flags as
sets."""

import datetime as dt
import os
from pathlib import Path

import pytest

from pipeline.analyse.tables import round_table
from pipeline.jobs.consolidate import Options, RunResult, analyze
from tests.conftest import AS_OF, MakeWorkbook

D = dt.date


def run(folder: Path, **kwargs: object) -> RunResult:
    return analyze(Options(input_dir=folder, as_of=AS_OF, **kwargs))  # type: ignore[arg-type]


def issues(result: RunResult, code: str) -> set[tuple[str, str, str]]:
    return {(i.archivo, i.hoja, i.celda) for i in result.issues if i.code == code}


def ids_where(result: RunResult, flag: str) -> set[str]:
    m = result.matrix
    return set(m.loc[m[flag], "actividad"])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "ronda"
    path.mkdir()
    return path


def test_flags_at_the_as_of_date(make_workbook: MakeWorkbook, folder: Path) -> None:
    rows = [
        ["1", "Retorno", "Vencida", "i", "PPT", D(2026, 6, 30), "en proceso"],
        ["1", "Retorno", "Vencida pero finalizada", "i", "PPT", D(2026, 6, 30), "finalizado"],
        ["1", "Retorno", "Vence hoy", "i", "PPT", AS_OF, "pendiente"],
        ["1", "Retorno", "Por vencer", "i", "PPT", "enero 2027", "pendiente"],
        ["1", "Retorno", "Lejana", "i", "PPT", "2028", "pendiente"],
        ["1", "Retorno", "Sin responsable", "i", None, "2028", "pendiente"],
        ["1", "Retorno", "Imprecisa", "i", "PPT", "permanente", "en proceso"],
        ["1", "Retorno", "Sin plazo", "i", "PPT", None, "en proceso"],
        ["1", "Retorno", "Sin indicador", None, "PPT", "2028", "en proceso"],
    ]
    make_workbook("Honduras.xlsx", rows, folder=folder)
    result = run(folder)
    assert ids_where(result, "vencido") == {"Vencida"}
    assert ids_where(result, "por_vencer") == {"Vence hoy", "Por vencer"}
    assert ids_where(result, "sin_responsable") == {"Sin responsable"}
    assert ids_where(result, "plazo_impreciso") == {"Imprecisa", "Sin plazo"}
    assert ids_where(result, "sin_indicador") == {"Sin indicador"}
    overdue = round_table(result.tables, "vencidos")
    assert overdue["dias_vencido"].tolist() == [(AS_OF - D(2026, 6, 30)).days]


def test_row_issues_point_at_the_cell(make_workbook: MakeWorkbook, folder: Path) -> None:
    rows = [
        ["Pilar 9", "Tema inventado", "Act 1", "i", "Guatamala", "cuando haya fondos", "zzz"],
        ["1", "Retorno", None, "i", "PPT", "2027", None],
    ]
    make_workbook("Honduras.xlsx", rows, folder=folder)
    result = run(folder)
    found = {(i.code, i.hoja, i.celda) for i in result.issues if i.fila}
    assert found == {
        ("pilar-desconocido", "Matriz", "A5"),
        ("tema-fuera-de-lista", "Matriz", "B5"),
        ("responsable-desconocido", "Matriz", "E5"),
        ("plazo-invalido", "Matriz", "F5"),
        ("estado-desconocido", "Matriz", "G5"),
        ("actividad-faltante", "Matriz", "C6"),
        ("estado-faltante", "Matriz", "G6"),
    }
    suggestion = next(i for i in result.issues if i.code == "responsable-desconocido")
    assert (suggestion.valor, suggestion.suggestion("es")) == ("Guatamala", "Guatemala")
    # no problem loses data: both rows are in the matrix, with their codes
    matrix = result.matrix.set_index("fila")
    assert matrix.loc[5, "responsable"] == "Guatamala" and matrix.loc[5, "estado"] == "zzz"
    assert "plazo-invalido" in matrix.loc[5, "problemas"]


def test_missing_columns_are_said_once_per_sheet(make_workbook: MakeWorkbook,
                                                 folder: Path) -> None:
    make_workbook("Protección.xlsx", [["Act 1", "Retorno", "nota"]],
                  titles=["Actividad", "Tema", "Observaciones"],
                  folder=folder)
    result = run(folder)
    missing = [i.columna for i in result.issues if i.code == "columna-faltante"]
    assert sorted(missing) == sorted(["Pilar programático", "Indicadores de resultados / impacto",
                                      "Parte responsable", "Plazo de cumplimiento", "Estado"])
    assert not issues(result, "responsable-faltante")
    assert ids_where(result, "sin_responsable") == {"Act 1"}


def test_a_missing_column_is_told_at_the_header_cell_where_it_may_be_added(
        make_workbook: MakeWorkbook, folder: Path) -> None:
    # The titles end at C4: each missing column is told at the next free title cell, in
    # the order the template has them, where the user can type its title.
    make_workbook("Protección.xlsx", [["Act 1", "Retorno", "nota"]],
                  titles=["Actividad", "Tema", "Observaciones"], folder=folder)
    told = [(i.columna, i.celda) for i in run(folder).issues if i.code == "columna-faltante"]
    assert [cell for _, cell in told] == ["D4", "E4", "F4", "G4", "H4"], told


def test_generated_ids_are_stable_and_duplicates_are_reported(make_workbook: MakeWorkbook,
                                                              folder: Path) -> None:
    row = ["1", "Retorno", "Taller regional", "i", "PPT", "2027", "pendiente"]
    make_workbook("Honduras.xlsx", [row, row], folder=folder)
    first = run(folder)
    ids = first.matrix["id"].tolist()
    assert ids[0] == ids[1] and ids[0].startswith("HND-")
    assert issues(first, "id-duplicado") == {("Honduras.xlsx", "Matriz", "C6")}
    assert len(first.matrix) == 2  # both rows kept
    # the same activity, reworded only in case and spaces, keeps its id next round
    again = [["1", "Retorno", "  TALLER   regional ", "i", "PPT", "2027", "en proceso"]]
    make_workbook("Honduras.xlsx", again, folder=folder)
    assert run(folder).matrix["id"].tolist() == [ids[0]]


def test_id_conflict_across_reporters(make_workbook: MakeWorkbook, folder: Path) -> None:
    titles = ["ID", "Descripción de la actividad", "Parte responsable", "Estado"]
    make_workbook("Honduras.xlsx", [["A-1", "Taller", "PPT", "pendiente"]], titles=titles,
                  folder=folder)
    make_workbook("Panamá.xlsx", [["A-1", "Estudio", "PPT", "pendiente"]], titles=titles,
                  folder=folder)
    result = run(folder)
    assert issues(result, "id-conflicto") == {("Honduras.xlsx", "Matriz", "A5"),
                                              ("Panamá.xlsx", "Matriz", "A5")}


def test_latest_submission_replaces_earlier_ones(make_workbook: MakeWorkbook,
                                                 folder: Path) -> None:
    old = make_workbook("Panamá v1.xlsx", [["1", "Retorno", "Vieja", "i", "PPT", "2027",
                                            "pendiente"]], folder=folder)
    new = make_workbook("Panamá v2 FINAL.xlsx", [["1", "Retorno", "Nueva", "i", "PPT", "2027",
                                                  "pendiente"]], folder=folder)
    os.utime(old, (1_700_000_000, 1_700_000_000))
    os.utime(new, (1_700_100_000, 1_700_100_000))
    result = run(folder)
    assert result.matrix["actividad"].tolist() == ["Nueva"]
    assert issues(result, "envio-duplicado") == {("Panamá v1.xlsx", "", "")}
    states = dict(zip(result.tables["envios"]["archivo"], result.tables["envios"]["estado"],
                      strict=True))
    assert states["Panamá v1.xlsx"] == "reemplazado" and states["Panamá v2 FINAL.xlsx"] == "leído"


def test_reporters_from_file_names(make_workbook: MakeWorkbook, folder: Path) -> None:
    row = [["1", "Retorno", "Act", "i", "PPT", "2027", "pendiente"]]
    for name in ["informe GTM 2026.xlsx", "Mexico final.xlsx", "GT matriz.xlsx",
                 "Grupo de Trabajo sobre Migración Laboral.xlsx", "EEUU.xlsx"]:
        make_workbook(name, row, folder=folder)
    result = run(folder)
    reporters = dict(zip(result.tables["envios"]["archivo"],
                         result.tables["envios"]["informante"], strict=True))
    assert reporters["informe GTM 2026.xlsx"] == "Guatemala"
    assert reporters["Mexico final.xlsx"] == "México"
    assert reporters["Grupo de Trabajo sobre Migración Laboral.xlsx"] == "Migración laboral"
    assert reporters["EEUU.xlsx"] == "Estados Unidos"
    assert reporters["GT matriz.xlsx"] == "GT matriz"  # never a two-letter code
    assert issues(result, "informante-desconocido") == {("GT matriz.xlsx", "", "")}


def test_missing_reporters_and_activity_limits(make_workbook: MakeWorkbook,
                                               folder: Path) -> None:
    rows = [["1", "Retorno", f"Acuerdo {n}", "i", "RROCM", "T2 2027", "pendiente"]
            for n in range(4)]
    make_workbook("RROCM.xlsx", rows, folder=folder)
    result = run(folder)
    missing = [i for i in result.issues if i.code == "envio-faltante"]
    assert len(missing) == 15 and "Belice" in missing[0].message("es")
    limits = [i for i in result.issues if i.code == "demasiadas-actividades"]
    assert [(i.archivo, dict(i.params)["cantidad"]) for i in limits] == [("RROCM.xlsx", "4")]
    not_received = result.tables["envios"].query("estado == 'no recibido'")
    assert "Belice" in set(not_received["informante"])


def test_the_round_comes_from_the_option_or_the_as_of_quarter(make_workbook: MakeWorkbook,
                                                              folder: Path) -> None:
    make_workbook("Honduras.xlsx", [["1", "Retorno", "Act", "i", "PPT", "2027", "pendiente"]],
                  folder=folder)
    assert run(folder).ronda == "2026-T4"
    assert run(folder, round="2027-T1").ronda == "2027-T1"


def test_ids_and_flags_leave_the_frame_they_are_given_as_it_was(ref) -> None:  # type: ignore[no-untyped-def]
    import pandas as pd

    from pipeline.analyse.flags import flag_rows
    from pipeline.analyse.keys import assign_ids

    given = pd.DataFrame({
        "id": ["", "GTM-1"], "actividad": ["Taller regional", "Campaña"],
        "_informante": ["Guatemala", "Guatemala"], "_archivo": ["g.xlsx"] * 2,
        "_hoja": ["Matriz"] * 2, "_fila": [5, 6],
        "fecha_limite": pd.to_datetime(["2026-01-31", None]), "estado": ["pendiente"] * 2,
        "responsable": ["", "OIM"], "_plazo_tipo": ["fecha", "vacio"], "indicadores": ["", "x"],
    })
    before = given.copy()
    with_ids = assign_ids(given, ref)
    flagged = flag_rows(with_ids, AS_OF, 30)
    assert with_ids["id"].iloc[0].startswith("G") and with_ids["id"].iloc[1] == "GTM-1"
    assert bool(flagged["vencido"].iloc[0]) and bool(flagged["sin_responsable"].iloc[0])
    pd.testing.assert_frame_equal(given, before)
    assert "vencido" not in with_ids and "_id_generado" not in given


def test_generated_ids_never_collide_within_a_reporter(ref) -> None:  # type: ignore[no-untyped-def]
    """With 100,000 distinct activities six hex digits collide (314 pairs once, blamed on
    the focal point as id-duplicado): those take more digits, the others keep six."""
    import pandas as pd

    from pipeline.analyse.keys import assign_ids

    count = 100_000
    frame = pd.DataFrame({"id": [""] * count, "_informante": ["Guatemala"] * count,
                          "actividad": [f"Actividad número {n}" for n in range(count)],
                          "_archivo": "g.xlsx", "_hoja": "Matriz", "_fila": range(count)})
    ids = assign_ids(frame, ref)["id"]
    assert ids.is_unique
    lengths = ids.str.len().value_counts()
    assert lengths.index.min() == len("GTM-") + 6 and lengths.max() > 99_000
    assert (lengths.index > len("GTM-") + 6).any()  # some did collide at six digits
    again = assign_ids(frame.iloc[::-1].reset_index(drop=True), ref)["id"]
    assert set(again) == set(ids)  # the same ids whatever the order of the rows


@pytest.mark.parametrize("edition", ["consolidado.xlsx", "consolidado_publico.xlsx"])
def test_a_consolidated_workbook_dropped_among_the_returned_files_is_skipped(
        tmp_path: Path, edition: str) -> None:
    """The product's own consolidated workbook, copied (and renamed) into the folder of
    returned files, is skipped and said so (second attack pass: its 51 rows were counted
    as a reporter's, 91 activities instead of 40, and stored in the history)."""
    import shutil

    from click.testing import CliRunner

    from pipeline.cli import cli
    from tests.conftest import ROOT

    out = tmp_path / "first"
    done = CliRunner().invoke(cli, ["consolidate", str(ROOT / "input_workbooks"), "--out",
                                    str(out), "--as-of", "2026-11-30", "--public"])
    assert done.exit_code in (0, 1), done.output
    folder = tmp_path / "in"
    shutil.copytree(ROOT / "input_workbooks", folder)
    shutil.copy(out / edition, folder / "copia de la ronda.xlsx")
    first = run(ROOT / "input_workbooks")
    again = run(folder)
    assert len(again.matrix) == len(first.matrix)
    [skipped] = [s for s in again.submissions if s.archivo == "copia de la ronda.xlsx"]
    assert skipped.estado == "omitido" and "Seguimiento" in skipped.motivo[0]
    assert [i.code for i in again.issues if i.archivo == "copia de la ronda.xlsx"] == [
        "archivo-omitido"]
