"""Output file names made from input text: safe on every system, one per distinct reporter
or party, never a file of the command's own (docs/contract.md §7, issue 11)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.model.text import BIDI_CONTROLS
from pipeline.write.filenames import file_stems
from tests.conftest import AS_OF, MakeWorkbook

ROW = ["1", "Retorno", "Actividad {n}", "i", "{party}", dt.date(2026, 6, 30), "en proceso"]


def claimed(make_workbook: MakeWorkbook, folder: Path, file: str, reporter: str,
            activity: str, party: str = "Honduras") -> Path:
    """A workbook whose template metadata claims `reporter`."""
    row = [activity if v == "Actividad {n}" else party if v == "{party}" else v for v in ROW]
    return make_workbook(file, [row], folder=folder,
                         extra={"_seguimiento": [["informante", reporter],
                                                 ["ronda", "2026-T4"]]},
                         hidden=["_seguimiento"])


def consolidate(inbox: Path, out: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["consolidate", str(inbox), "--out", str(out),
                                      "--as-of", AS_OF.isoformat(), *args])
    assert result.exit_code == 0, result.output
    return result.output


def feedback_rows(path: Path) -> list[str]:
    sheet = openpyxl.load_workbook(path)["Matriz"]
    return [row[4] for row in sheet.iter_rows(min_row=2, values_only=True) if row[4]]


def test_a_name_that_normalizes_to_a_known_reporter_is_that_reporter(
        make_workbook: MakeWorkbook, tmp_path: Path) -> None:
    """Once a file claiming "Honduras " overwrote Honduras' feedback with its own rows."""
    inbox = tmp_path / "in"
    real = claimed(make_workbook, inbox, "Honduras.xlsx", "Honduras", "De Honduras")
    claimed(make_workbook, inbox, "otro.xlsx", "Honduras ", "Del impostor")
    import os
    os.utime(real, (1, 1))  # the older file
    out = tmp_path / "out"
    consolidate(inbox, out)
    names = sorted(p.name for p in (out / "retroalimentacion").iterdir())
    assert names == ["Honduras.xlsx"]
    subs = (out / "envios.csv").read_text("utf-8-sig")
    assert "reemplazado" in subs  # the later submission replaces the earlier one whole
    issues = (out / "problemas.csv").read_text("utf-8-sig")
    assert "envio-duplicado" in issues and "informante-desconocido" not in issues


def test_names_that_become_one_file_name_stay_apart(make_workbook: MakeWorkbook,
                                                     tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    for n, reporter in enumerate(["Hon/duras", "Hon:duras", "Hon?duras", "CON", "a" * 300]):
        claimed(make_workbook, inbox, f"f{n}.xlsx", reporter, f"Actividad de {n}")
    long_name = "b" * 250 + ".xlsx"  # 255 characters: legal on every system
    claimed(make_workbook, inbox, long_name, "", "Actividad larga")
    out = tmp_path / "out"
    consolidate(inbox, out)
    files = sorted((out / "retroalimentacion").iterdir())
    assert len(files) == 6  # one per reporter, none lost
    rows = sorted(tuple(feedback_rows(f)) for f in files)
    assert rows == sorted([(f"Actividad de {n}",) for n in range(5)] + [("Actividad larga",)])
    for path in files:
        assert len(path.name) <= 70 and path.name[0] not in "-=+@."
        assert path.stem.upper() not in {"CON", "PRN", "AUX", "NUL"}


def test_a_party_named_todos_gets_its_own_list(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    # (a CSV: openpyxl would store "=1+1" as a formula)
    (inbox / "Honduras.csv").write_text(
        "Descripción de la actividad;Parte responsable;Plazo de cumplimiento;Estado\n"
        "Vencida de todos;todos;30/06/2026;pendiente\n"
        "Vencida de OIM;OIM;30/06/2026;pendiente\n"
        "Fórmula;=1+1;30/06/2026;pendiente\n"
        "Opción;-2+3;30/06/2026;pendiente\n", encoding="utf-8")
    config = tmp_path / "partes.toml"  # parties named like the combined list, or formulas
    config.write_text("".join(f"[[responsables]]\nnombre = {name!r}\n"
                              for name in ("todos", "=1+1", "-2+3")), encoding="utf-8")
    out = tmp_path / "listas"
    result = CliRunner().invoke(cli, ["overdue", str(inbox), "--as-of", AS_OF.isoformat(),
                                      "--out", str(out), "--format", "csv", "--config",
                                      str(config)])
    assert result.exit_code == 1, result.output
    names = sorted(p.name for p in out.glob("*.csv"))
    assert "todos.csv" in names and len(names) == 5 and "sin_identificar.csv" not in names
    combined = (out / "todos.csv").read_text("utf-8-sig")
    assert all(a in combined for a in ("Vencida de todos", "Vencida de OIM", "Fórmula"))
    party = [n for n in names if n.startswith("todos-")]
    assert len(party) == 1
    own = (out / party[0]).read_text("utf-8-sig")
    assert "Vencida de todos" in own and "Vencida de OIM" not in own
    assert not any(n[0] in "-=+@" for n in names)


def windows_reserved(name: str) -> bool:
    """What Windows refuses: a device name as the part before the FIRST dot (spaces
    before that dot do not count), or a name ending in a space or a dot."""
    device = name.split(".")[0].rstrip(" ").casefold()
    devices = {"con", "prn", "aux", "nul"} | {f"{p}{d}" for p in ("com", "lpt")
                                               for d in "123456789¹²³"}
    return device in devices or name.endswith((" ", "."))


def test_a_reserved_name_before_the_first_dot_is_mended() -> None:
    """`con .txt.xlsx` was written: Windows reads its device part as `con`."""
    stems = file_stems(["con .txt", "Nul .hoja", "Costa Rica"])
    assert not windows_reserved(f"{stems['con .txt']}.xlsx")
    assert not windows_reserved(f"{stems['Nul .hoja']}.xlsx")
    assert stems["Costa Rica"] == "Costa Rica"


@pytest.mark.parametrize("names, taken", [
    (["Honduras", "Costa Rica", "Estados Unidos"], []),
    (["Hon/duras", "Hon:duras", "Hon?duras", "Hon*duras"], []),
    (["ACNUR", "acnur", "Acnur."], []),
    (["todos", "Todos", "OIM"], ["todos"]),
    (["CON", "con.txt", "nul", "COM1", "LPT9", "aux "], []),
    (["x" * 300, "x" * 301, " .-=x"], []),
    (["con .txt", "NUL .tar.gz", "com1 .x", "Aux\t.doc", "lpt1  ", "prn. .", "con.."], []),
])
def test_file_stems_are_safe_and_distinct(names: list[str], taken: list[str]) -> None:
    stems = file_stems(names, taken)
    assert set(stems) == set(names)
    folded = [s.casefold() for s in stems.values()]
    assert len(set(folded)) == len(folded)  # distinct, also where case does not count
    assert not set(folded) & {t.casefold() for t in taken}
    for stem in stems.values():
        assert 0 < len(stem) <= 60
        assert stem == stem.strip(" .") and stem[0] not in "-=+@"
        assert not any(c in stem for c in '\\/:*?"<>|')
        assert not windows_reserved(stem) and not windows_reserved(f"{stem}.xlsx")
    assert file_stems(names, taken) == stems  # the same names give the same stems
    assert file_stems(["Honduras"])["Honduras"] == "Honduras"


def test_a_name_written_right_to_left_gives_a_stem_without_its_controls() -> None:
    """A reporter's name holding bidirectional controls (a right-to-left override shows a
    name, and a file name after it, reversed) gets a stem with every control taken out,
    distinct from the plain name's (docs/contract.md §7: safe names)."""
    names = ["Guatemala", "\u202eGuatemala", *(f"Hon{c}duras" for c in BIDI_CONTROLS)]
    stems = file_stems(names)
    assert not [s for s in stems.values() if set(s) & set(BIDI_CONTROLS)]
    assert stems["Guatemala"] == "Guatemala"
    assert stems["\u202eGuatemala"].startswith("Guatemala-")
    assert all(stems[n].startswith("Honduras") for n in names[2:])
