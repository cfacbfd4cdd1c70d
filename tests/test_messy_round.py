"""Issue 3's mixed round: every kind of file a shared folder holds, consolidated in one
run (tests/corpus/files, made by tests/corpus/make_corpus.py, plus a zip bomb and an
oversized file made here)."""

import hashlib
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

CORPUS = Path(__file__).resolve().parent / "corpus" / "files"
READ = {"encoding": "utf-8-sig", "keep_default_na": False, "dtype": str}
# file -> (state, reporter, rows in the matrix)
EXPECTED = {
    "Belice filas con formato.xlsx": ("leído", "Belice", 2),
    "Costa Rica.xls": ("leído", "Costa Rica", 1),
    "El Salvador.csv": ("leído", "El Salvador", 1),
    "Estados Unidos.xlsm": ("leído", "Estados Unidos", 1),
    "Guatemala matriz oficial.xlsx": ("leído", "Guatemala", 3),
    "Honduras.ods": ("leído", "Honduras", 2),
    "México formulas sin valor.xlsx": ("leído", "México", 1),
    "Nicaragua por grupo de trabajo.xlsx": ("leído", "Nicaragua", 2),
    "Panamá recalculado.xlsx": ("leído", "Panamá", 1),
    "Panamá v1.xlsx": ("reemplazado", "Panamá", 0),
    "RROCM extra y hostil.xlsx": ("leído", "RROCM", 2),
    "República Dominicana.csv": ("leído", "República Dominicana", 2),
    "Canadá protegido.xlsx": ("recibido, ilegible", "", 0),
    "Migración laboral truncado.xlsx": ("recibido, ilegible", "", 0),
    "no es excel.xlsx": ("recibido, ilegible", "", 0),
    "bomba.xlsx": ("recibido, ilegible", "", 0),
    "enorme.xlsx": ("recibido, ilegible", "", 0),
    "~$Guatemala matriz oficial.xlsx": ("omitido", "", 0),
    "Thumbs.db": ("omitido", "", 0),
    ".DS_Store": ("omitido", "", 0),
    "acta de la reunión.pdf": ("omitido", "", 0),
    "informe.docx": ("omitido", "", 0),
}


def fingerprint(folder: Path) -> dict[str, tuple[int, str]]:
    return {p.name: (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in folder.iterdir()}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess,
                                                            dict, dict]:
    base = tmp_path_factory.mktemp("messy")
    inbox = base / "recibidos"
    shutil.copytree(CORPUS, inbox)
    with zipfile.ZipFile(inbox / "bomba.xlsx", "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
        for _ in range(600):
            member.write(b"\0" * (1 << 20))
    with (inbox / "enorme.xlsx").open("wb") as handle:
        handle.truncate(80 * (1 << 20))
    before = fingerprint(inbox)
    out = base / "salida"
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "consolidate", str(inbox), "--out", str(out),
         "--as-of", "2026-11-30", "--log-file", str(base / "log.txt")],
        capture_output=True, text=True, timeout=300, check=False)
    return out, done, before, fingerprint(inbox)


def test_one_run_exit_0_no_traceback(run) -> None:  # type: ignore[no-untyped-def]
    _, done, _, _ = run
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stdout.startswith("Consolidado 2026-T4:")


def test_inputs_untouched(run) -> None:  # type: ignore[no-untyped-def]
    _, _, before, after = run
    assert before == after


def test_every_file_listed_with_state_reporter_and_rows(run) -> None:  # type: ignore[no-untyped-def]
    out = run[0]
    subs = pd.read_csv(out / "envios.csv", **READ)
    files = subs[subs["archivo"] != ""].set_index("archivo")
    assert sorted(files.index) == sorted(EXPECTED)
    for name, (state, reporter, _) in EXPECTED.items():
        assert files.loc[name, "estado"] == state, name
        if reporter:
            assert files.loc[name, "informante"] == reporter, name
        if state != "leído":
            assert files.loc[name, "motivo"], name
    assert "contraseña" in files.loc["Canadá protegido.xlsx", "motivo"]
    assert "excesivo" in files.loc["bomba.xlsx", "motivo"]
    assert "MB" in files.loc["enorme.xlsx", "motivo"]


def test_every_readable_row_exactly_once(run) -> None:  # type: ignore[no-untyped-def]
    matrix = pd.read_csv(run[0] / "matriz.csv", **READ)
    counts = matrix.groupby("archivo").size().to_dict()
    assert counts == {name: rows for name, (_, _, rows) in EXPECTED.items() if rows}
    assert not matrix.duplicated(["archivo", "hoja", "fila"]).any()
    assert "No debe leerse" not in set(matrix["actividad"])  # hidden sheet


def test_values_from_every_format(run) -> None:  # type: ignore[no-untyped-def]
    matrix = pd.read_csv(run[0] / "matriz.csv", **READ).set_index("actividad")
    assert matrix.loc["Reintegración de retornados", "estado"] == "en_proceso"  # UTF-8 CSV
    assert matrix.loc["Uso productivo de remesas", "fecha_limite"] == "2026-12-31"  # cp1252 ;
    assert matrix.loc["Centros de atención al retornado", "fecha_limite"] == "2027-06-30"
    assert matrix.loc["Estrategia de integración", "responsable"] == "Costa Rica"  # .xls
    assert matrix.loc["Joint training on smuggling", "estado"] == "pendiente"  # .xlsm
    # merged pillar applies to every row of the merge; the unmerged blank stays blank
    assert matrix.loc["Encuentro con la diáspora", "pilar"] == "Gobernanza migratoria"
    assert matrix.loc["Estudio de remesas", "responsable"] == ""
    # the sheet name gives the working group
    assert matrix.loc["Lineamientos de niñez", "grupo_trabajo"] == "Protección"
    assert matrix.loc["Buenas prácticas fronterizas", "grupo_trabajo"] == "Gestión fronteriza"
    # formulas: LibreOffice stored the values; openpyxl did not
    assert sorted(matrix.loc[["Taller fronterizo"], "archivo"]) == [
        "México formulas sin valor.xlsx", "Panamá recalculado.xlsx"]
    recalculated = matrix[matrix["archivo"] == "Panamá recalculado.xlsx"].iloc[0]
    assert (recalculated["responsable"], recalculated["fecha_limite"]) == ("México",
                                                                         "2026-06-30")


def test_issues_of_the_round(run) -> None:  # type: ignore[no-untyped-def]
    problems = pd.read_csv(run[0] / "problemas.csv", **READ)
    found = {(r.codigo, r.archivo, r.celda) for r in problems.itertuples()}
    assert ("formula-sin-valor", "México formulas sin valor.xlsx", "E5") in found
    assert ("formula-sin-valor", "México formulas sin valor.xlsx", "F5") in found
    assert ("envio-duplicado", "Panamá v1.xlsx", "") in found
    assert ("hoja-sin-matriz", "Nicaragua por grupo de trabajo.xlsx", "") in found
    assert ("indicador-faltante", "República Dominicana.csv", "D3") in found
    codes = {r.codigo for r in problems.itertuples()}
    assert {"archivo-ilegible", "archivo-omitido", "envio-faltante"} <= codes


def test_extra_columns_are_kept(run) -> None:  # type: ignore[no-untyped-def]
    matrix = pd.read_csv(run[0] / "matriz.csv", **READ)
    assert {"extra_presupuesto", "extra_enlace"} <= set(matrix.columns)
    rrocm = matrix[matrix["archivo"] == "RROCM extra y hostil.xlsx"]
    assert sorted(rrocm["extra_presupuesto"]) == ["'-200", "1500"]
    sheet = openpyxl.load_workbook(run[0] / "consolidado.xlsx")["Matriz"]
    assert "Presupuesto (USD)" in [c.value for c in sheet[1]]


def test_hostile_text_never_becomes_a_formula_or_a_link(run) -> None:  # type: ignore[no-untyped-def]
    out = run[0]
    matrix = pd.read_csv(out / "matriz.csv", **READ)
    texts = set(matrix["actividad"]) | set(matrix["indicadores"])
    assert "'=HYPERLINK(\"http://example.org\",\"clic aquí\")" in texts
    assert "'+cmd|' /C calc'!A0" in texts and "'@SUM(A1:A2)" in texts
    for name in ("consolidado.xlsx",):
        with zipfile.ZipFile(out / name) as archive:
            for member in archive.namelist():
                if member.startswith("xl/worksheets/sheet"):
                    xml = archive.read(member).decode("utf-8")
                    assert "<f>" not in xml and "<hyperlink" not in xml, member
