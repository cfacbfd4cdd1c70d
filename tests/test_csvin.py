"""What focal points send as CSV: read whole or pointed at, never silently lost or read
into the wrong columns (issue 11)."""

from __future__ import annotations

from pathlib import Path

from pipeline.jobs.consolidate import Options, analyze
from tests.conftest import AS_OF

HEADER = "Descripción de la actividad;Parte responsable;Plazo de cumplimiento;Estado\n"


def consolidate(folder: Path):  # type: ignore[no-untyped-def]
    return analyze(Options(input_dir=folder, as_of=AS_OF, out_dir=folder.parent / "out"))


def test_a_windows_line_among_utf8_ones_is_read_and_named(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    utf8 = (HEADER + "Taller de protección;Guatemala;30/06/2026;pendiente\n").encode()
    windows = "Reunión de migración laboral;Honduras;T1 2027;en proceso\n".encode("cp1252")
    (inbox / "Guatemala.csv").write_bytes(utf8 + windows + "Guía;OIM;2027;pendiente\n".encode())
    result = consolidate(inbox)
    assert list(result.matrix["actividad"]) == [
        "Taller de protección", "Reunión de migración laboral", "Guía"]
    assert list(result.matrix["estado"]) == ["pendiente", "en_proceso", "pendiente"]
    found = [(i.code, i.fila) for i in result.issues if i.code == "csv-codificacion-mixta"]
    assert found == [("csv-codificacion-mixta", 3)]
    message = next(i for i in result.issues if i.code == "csv-codificacion-mixta").message("en")
    assert "Line 3" in message and "UTF-8" in message


def test_a_windows_file_is_read_without_a_warning(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    text = HEADER + "Reunión;Panamá;T1 2027;en proceso\nTaller;OIM;2027;pendiente\n"
    (inbox / "Panamá.csv").write_bytes(text.encode("cp1252"))
    result = consolidate(inbox)
    assert list(result.matrix["actividad"]) == ["Reunión", "Taller"]
    assert not [i for i in result.issues if i.code == "csv-codificacion-mixta"]


def test_a_row_with_a_separator_inside_a_value_is_pointed_at_not_shifted(
        tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "Honduras.csv").write_text(
        HEADER + "Taller;Honduras;30/06/2026;pendiente\n"
        "Estudio; con OIM;Honduras;31/12/2026;en proceso\n"
        "Foro;OIM;T1 2027;finalizado\n", encoding="utf-8")
    result = consolidate(inbox)
    assert list(result.matrix["actividad"]) == ["Taller", "Foro"]
    assert set(result.matrix["estado"]) == {"pendiente", "finalizado"}  # nothing shifted
    [issue] = [i for i in result.issues if i.code == "fila-desalineada"]
    assert (issue.archivo, issue.fila, issue.severity) == ("Honduras.csv", 3, "error")
    assert "Estudio; con OIM" in issue.valor
    assert "5" in issue.message("es") and "4" in issue.message("es") and "«;»" in issue.message(
        "es")


def test_unrelated_tables_are_not_taken_for_matrices(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    rows = "\n".join(f"{n},persona {n},descripción {n},https://x.example/{n},c{n}@x.example"
                     for n in range(1, 30))
    (inbox / "contactos.csv").write_text("id,name,description,url,contact\n" + rows,
                                         encoding="utf-8")
    (inbox / "estado.csv").write_text("Description,status\n" + "\n".join(
        f"cosa {n},done" for n in range(19)), encoding="utf-8")
    result = consolidate(inbox)
    assert result.matrix.empty
    # issue 22: a file in which no matrix is found is an error that lists its titles
    sheets = {i.archivo: i for i in result.issues if i.code == "archivo-sin-matriz"}
    assert set(sheets) == {"contactos.csv", "estado.csv"}
    assert {i.severity for i in sheets.values()} == {"error"}
    assert "«id», «name», «description», «url», «contact»" in sheets["contactos.csv"].message(
        "es")
    assert "“Description”, “status”" in sheets["estado.csv"].message("en")
    assert {s.estado for s in result.submissions if s.archivo} == {"sin_matriz"}
    assert not [i for i in result.issues if i.code == "actividad-faltante"]
