"""Everything a careless user or a hostile file does, in one round (issue 11): it is
consolidated with exit 0 in bounded time and memory, every file is listed, nothing
leaks into the public edition, and nothing outside the output folders changes."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import resource
import subprocess
import sys
from pathlib import Path

import openpyxl

from tests.conftest import AS_OF, OFFICIAL_TITLES

TITLES = [*OFFICIAL_TITLES, "Observaciones", "Reservado (solo gobiernos)"]


def workbook(path: Path, rows: list[list[object]], reporter: str | None = None,
             stray: str | None = None) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Matriz"
    sheet.append(TITLES)
    for row in rows:
        sheet.append(row)
    if reporter is not None:
        meta = book.create_sheet("_seguimiento")
        meta.append(["informante", reporter])
        meta.append(["ronda", "2026-T4"])
        meta.sheet_state = "hidden"
    if stray:
        sheet[stray] = "x"
    book.save(path)


def row(activity: str, party: str = "OIM", notes: str = "", restricted: str = "No"
        ) -> list[object]:
    return ["1", "Retorno", activity, "ind", party, dt.date(2026, 6, 30), "en proceso", notes,
            restricted]


def checksums(root: Path, skip: set[Path]) -> dict[str, str]:
    found = {}
    for path in sorted(root.rglob("*")):
        if any(path == s or s in path.parents for s in skip):
            continue
        if path.is_symlink() or not path.is_file():
            found[str(path.relative_to(root))] = "link or special" if path.exists() or (
                path.is_symlink()) else "other"
            continue
        found[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def run(*args: str) -> subprocess.CompletedProcess[str]:
    def bounded() -> None:  # memory the whole run may take, its readers included
        resource.setrlimit(resource.RLIMIT_AS, (8 << 30, 8 << 30))

    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True,
                          text=True, timeout=300, preexec_fn=bounded,
                          env={**os.environ, "SEGUIMIENTO_LANG": "es"})


def test_a_round_of_every_abuse_at_once(tmp_path: Path) -> None:
    inbox = tmp_path / "recibidos"
    inbox.mkdir()
    workbook(inbox / "Guatemala.xlsx", [row("Actividad de Guatemala")], stray="XFD100000")
    (inbox / "Panamá enlace.xlsx").symlink_to(tmp_path / "ya no existe.xlsx")
    os.mkfifo(inbox / "x.csv")
    workbook(inbox / ("b" * 250 + ".xlsx"), [row("Actividad del nombre largo")])
    workbook(inbox / "Honduras.xlsx", [row("Actividad de Honduras")], reporter="Honduras")
    workbook(inbox / "copia.xlsx", [row("Actividad del impostor")], reporter="Honduras ")
    os.utime(inbox / "Honduras.xlsx", (1, 1))
    workbook(inbox / "México.xlsx", [
        row("Actividad de todos", party="todos"),
        row("Pública con datos", notes="Escribir a tercero@ejemplo.org o llamar al "
                                       "+502 2345-6789"),
        row("Reservada con datos", notes="privado@ejemplo.org, 2222 3333", restricted="Sí"),
    ])
    header = "Descripción de la actividad;Parte responsable;Plazo de cumplimiento;Estado\n"
    (inbox / "Costa Rica.csv").write_bytes(
        (header + "Taller de protección;OIM;30/06/2026;pendiente\n").encode()
        + "Reunión técnica;OIM;30/06/2026;pendiente\n".encode("cp1252"))
    (inbox / "Nicaragua.csv").write_text(
        header + "Foro; con OIM;OIM;30/06/2026;pendiente\nEstudio;OIM;30/06/2026;pendiente\n",
        encoding="utf-8")
    outside = tmp_path / "ajeno.txt"
    outside.write_text("de otra persona")
    config = tmp_path / "partes.toml"  # a party whose name is that of the combined list
    config.write_text('[[responsables]]\nnombre = "todos"\n', encoding="utf-8")
    out, lists = tmp_path / "salida", tmp_path / "listas"
    before = checksums(tmp_path, {out, lists})

    done = run("consolidate", str(inbox), "--out", str(out), "--as-of", AS_OF.isoformat(),
               "--public", "--config", str(config))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "panicked" not in done.stderr
    overdue = run("overdue", str(inbox), "--out", str(lists), "--as-of", AS_OF.isoformat(),
                  "--format", "md", "--config", str(config))
    assert overdue.returncode == 1, overdue.stderr  # something is overdue

    assert checksums(tmp_path, {out, lists}) == before  # nothing outside the outputs changed
    with (out / "envios.csv").open(encoding="utf-8-sig") as handle:
        listed = {r["archivo"]: r["estado"] for r in csv.DictReader(handle) if r["archivo"]}
    assert set(listed) == {p.name for p in inbox.iterdir()}  # every file listed
    assert listed["x.csv"] == listed["Panamá enlace.xlsx"] == "omitido"
    assert listed["Guatemala.xlsx"] == "leído" and listed["b" * 250 + ".xlsx"] == "leído"
    assert sorted([listed["Honduras.xlsx"], listed["copia.xlsx"]]) == ["leído", "reemplazado"]
    matrix = (out / "matriz.csv").read_text("utf-8-sig")
    for activity in ("Actividad de Guatemala", "Actividad del nombre largo", "Reunión técnica",
                     "Estudio", "Actividad de todos"):
        assert activity in matrix
    assert "Foro" not in matrix  # the shifted row: pointed at, not read into wrong columns
    issues = (out / "problemas.csv").read_text("utf-8-sig")
    assert "fila-desalineada" in issues and "csv-codificacion-mixta" in issues
    public = "".join(p.read_text("utf-8-sig") for p in (out / "publico").glob("*.csv"))
    for secret in ("tercero@ejemplo.org", "2345-6789", "privado@ejemplo.org", "2222 3333",
                   "Reservada con datos"):
        assert secret not in public
    assert (lists / "todos.md").exists() and len(list(lists.glob("todos-*.md"))) == 1
