"""The workspace (docs/contract.md §8, issue 13): made by `init`, found the same way from any
folder, and never replaced by the current folder, a blank history or the bundled sample."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.reference.load import load_reference
from tests.conftest import ROOT

SAMPLE = ROOT / "input_workbooks"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def files_under(folder: Path) -> set[Path]:
    return {p.relative_to(folder) for p in folder.rglob("*")}


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A current folder that is no workspace and holds nothing."""
    here = tmp_path / "elsewhere"
    here.mkdir()
    monkeypatch.chdir(here)
    return here


def test_init_makes_the_layout_with_a_commented_configuration(tmp_path: Path) -> None:
    code, out, _ = run("init", str(tmp_path / "seg"))
    assert code == 0 and "seguimiento.toml" in out
    ws = tmp_path / "seg"
    for folder in ("recibidos", "resultados", "plantillas", "recordatorios", "informes",
                   "registro"):
        assert (ws / folder).is_dir(), folder
    text = (ws / "seguimiento.toml").read_text("utf-8")
    assert "El plan estratégico vigente" in text and "The strategic plan in force" in text
    assert "[[planes_anteriores]]" in text and "[[calendario]]" in text
    tomllib.loads(text)  # a valid file as written
    ref = load_reference(ws / "seguimiento.toml")
    assert ref.plan.nombre == "Plan Estratégico de la CRM 2019-2022"
    assert "recibidos/<ronda>/" in (ws / "LEEME.md").read_text("utf-8")
    assert not list(ws.glob(".*nuevo"))  # no half-written configuration left behind


def test_init_twice_keeps_the_configuration_and_the_history(tmp_path: Path) -> None:
    ws = tmp_path / "seg"
    assert run("init", str(ws))[0] == 0
    (ws / "seguimiento.toml").write_text("[ronda]\ndias_por_vencer = 30\n", encoding="utf-8")
    (ws / "historial.sqlite").write_bytes(b"stored rounds")
    (ws / "plantillas").rmdir()
    code, out, _ = run("init", str(ws), "--lang", "en")
    assert code == 0 and "was a follow-up workspace already" in out
    assert (ws / "seguimiento.toml").read_text("utf-8") == "[ronda]\ndias_por_vencer = 30\n"
    assert (ws / "historial.sqlite").read_bytes() == b"stored rounds"
    assert (ws / "plantillas").is_dir()


def test_init_on_a_file_says_it_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "notas.txt").write_text("x", encoding="utf-8")
    code, _, said = run("init", str(tmp_path / "notas.txt"))
    assert code == 2 and "'CARPETA'" in said and "es un archivo, no una carpeta" in said


@pytest.mark.parametrize("how", ["option", "variable", "inside", "subfolder"])
def test_every_way_of_finding_the_workspace(how: str, tmp_path: Path, elsewhere: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    ws = tmp_path / "seg"
    run("init", str(ws))
    args = ["consolidate", str(SAMPLE), "--as-of", "2026-11-30"]
    env = None
    if how == "option":
        args += ["--workspace", str(ws)]
    elif how == "variable":
        env = {"SEGUIMIENTO_WORKSPACE": str(ws)}
    else:
        monkeypatch.chdir(ws if how == "inside" else ws / "recibidos")
    code, out, _ = run(*args, env=env)
    assert code == 0, out
    assert (ws / "resultados" / "2026-T4" / "consolidado.xlsx").is_file()
    assert (ws / "historial.sqlite").is_file()
    assert "2026-T4" in (ws / "registro" / "seguimiento.log").read_text("utf-8")
    assert not any(elsewhere.iterdir())  # nothing written where the user happened to be


def test_a_folder_named_that_is_not_a_workspace_is_told(tmp_path: Path, elsewhere: Path) -> None:
    code, _, said = run("history", "--workspace", str(tmp_path))
    assert code == 3 and said.startswith("La carpeta indicada no es una carpeta de seguimiento")
    code, _, said = run("history", "--lang", "en", env={"SEGUIMIENTO_WORKSPACE": str(tmp_path)})
    assert code == 3 and said.startswith("The folder named is not a follow-up workspace")


@pytest.mark.parametrize("args", [
    ["consolidate"],
    ["consolidate", str(SAMPLE)],
    ["history"],
    ["template", "--all"],
    ["overdue", "--from-history"],
    ["report", "--year", "2026"],
])
def test_without_a_workspace_every_command_says_how_to_make_one(args: list[str],
                                                                elsewhere: Path) -> None:
    code, out, said = run(*args)
    assert code == 3, (out, said)
    assert said.startswith("No se encontró ninguna carpeta de seguimiento")
    assert "seguimiento init CARPETA" in said and str(elsewhere) in said
    assert not any(elsewhere.iterdir())  # no history, no output, no templates started here


def test_the_bundled_sample_is_never_consolidated_implicitly(monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)  # in the project, beside input_workbooks/
    before = files_under(ROOT / "output")
    code, _, said = run("consolidate")
    assert code == 3 and "seguimiento init" in said
    assert files_under(ROOT / "output") == before
    ws = tmp_path / "seg"
    run("init", str(ws))
    code, _, said = run("consolidate", "--workspace", str(ws), "--round", "2027-T1")
    assert code == 3 and said.startswith("No hay carpeta de archivos recibidos para la ronda")
    assert said.rstrip().endswith(str(ws.resolve() / "recibidos" / "2027-T1"))
    assert not (ws / "historial.sqlite").exists()


def test_the_round_folder_of_the_workspace_is_read_by_default(tmp_path: Path,
                                                              elsewhere: Path) -> None:
    ws = tmp_path / "seg"
    run("init", str(ws))
    inbox = ws / "recibidos" / "2026-T4"
    inbox.mkdir()
    for name in ("Guatemala - 2026-T4.xlsx", "Honduras - 2026-T4.xlsx"):
        (inbox / name).write_bytes((SAMPLE / name).read_bytes())
    code, out, _ = run("consolidate", "--workspace", str(ws), "--as-of", "2026-11-30")
    assert code == 0 and " de 2 de 16 informantes" in out
    assert str(ws.resolve() / "resultados" / "2026-T4") in out


@pytest.mark.parametrize(("typed", "suggested"), [("2027 T1", "2027-T1"),
                                                  ("T1 2027", "2027-T1"),
                                                  ("2027-t1", "2027-T1"),
                                                  ("2027_Q1", "2027-T1")])
def test_a_round_typed_loosely_is_told_with_the_name_it_meant(typed: str, suggested: str,
                                                              tmp_path: Path) -> None:
    code, _, said = run("consolidate", str(SAMPLE), "--out", str(tmp_path / "o"),
                        "--round", typed)
    assert code == 2 and said.startswith("La ronda no está escrita como año-trimestre")
    assert f"«{typed}» → {suggested}" in said
    assert not (tmp_path / "o").exists()
    code, _, said = run("template", "--reporter", "Honduras", "--out", str(tmp_path / "t"),
                        "--round", typed, "--lang", "en")
    assert code == 2 and f"→ {suggested}" in said and not (tmp_path / "t").exists()


def test_a_round_named_in_the_configuration_is_accepted(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[cierres]\n"2027-extraordinaria" = 2027-05-01\n', encoding="utf-8")
    code, out, said = run("consolidate", str(SAMPLE), "--out", str(tmp_path / "o"),
                          "--round", "2027-extraordinaria", "--config", str(config),
                          "--as-of", "2026-11-30")
    assert code == 0, said
    assert out.startswith("Consolidado 2027-extraordinaria:")


def test_overdue_from_the_history_works_from_another_folder(tmp_path: Path,
                                                            elsewhere: Path) -> None:
    ws = tmp_path / "seg"
    run("init", str(ws))
    assert run("consolidate", str(SAMPLE), "--workspace", str(ws), "--as-of",
               "2026-11-30")[0] == 0
    code, _, said = run("overdue", "--from-history", "--workspace", str(ws), "--as-of",
                        "2026-11-30")
    assert code == 1, said  # 1: something is overdue
    lists = list((ws / "recordatorios" / "2026-11-30").glob("*.xlsx"))
    assert len(lists) > 1
    code, out, _ = run("history", "--workspace", str(ws))
    assert code == 0 and "2026-T4" in out
    code, out, _ = run("report", "--year", "2026", "--workspace", str(ws))
    assert code == 0 and (ws / "informes").is_dir() and any((ws / "informes").iterdir())
    assert not any(elsewhere.iterdir())


def test_templates_without_a_history_say_they_are_blank(tmp_path: Path,
                                                        elsewhere: Path) -> None:
    code, out, said = run("template", "--reporter", "Honduras", "--out", str(tmp_path / "t"))
    assert code == 0 and len(list((tmp_path / "t").glob("*.xlsx"))) == 1
    assert "sin historial" in said or "no hay historial" in said.lower(), said
    ws = tmp_path / "seg"
    run("init", str(ws))
    run("consolidate", str(SAMPLE), "--workspace", str(ws), "--as-of", "2026-11-30")
    code, out, said = run("template", "--all", "--round", "2027-T1", "--workspace", str(ws),
                          "--lang", "en")
    assert code == 0
    written = list((ws / "plantillas" / "2027-T1").glob("*.xlsx"))
    assert len(written) == 16
    assert "1 template is blank" in said and "Nicaragua" in said  # the one the sample lacks


def test_a_mistyped_reporter_is_told_with_the_name_meant(tmp_path: Path) -> None:
    code, _, said = run("template", "--reporter", "Guatamala", "--out", str(tmp_path / "t"))
    assert code == 3 and said.startswith("Informante desconocido")
    assert "«Guatamala» → Guatemala" in said and not (tmp_path / "t").exists()


def test_a_workspace_is_not_made_inside_another(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import cli

    assert CliRunner().invoke(cli, ["init", str(tmp_path / "ws")]).exit_code == 0
    inner = CliRunner().invoke(cli, ["init", str(tmp_path / "ws" / "recibidos")])
    assert inner.exit_code == 2 and "dentro de una carpeta de seguimiento" in inner.output
    assert not (tmp_path / "ws" / "recibidos" / "seguimiento.toml").exists()
    again = CliRunner().invoke(cli, ["init", str(tmp_path / "ws")])  # itself: fine
    assert again.exit_code == 0
