"""The command line: exit codes, summary lines, languages, and a fast --help."""

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import pipeline.jobs.consolidate
from pipeline.cli import cli
from tests.conftest import ROOT, MakeWorkbook

SAMPLE = ROOT / "input_workbooks"


def invoke(*args: str) -> tuple[int, str]:
    """The exit code and everything printed (the summary and the messages)."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def run(*args: str) -> tuple[int, str, str]:
    """The exit code, what went to stdout (the summary line) and to stderr (messages)."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_consolidate_prints_one_summary_line(tmp_path: Path) -> None:
    code, out, said = run("consolidate", str(SAMPLE), "--out", str(tmp_path), "--as-of",
                          "2026-11-30")
    assert code == 0
    assert out.startswith("Consolidado 2026-T4: 34 actividades de 15 de 16 informantes; ")
    assert out.count("\n") == 1  # quiet when not on a terminal: no progress bars
    # the sample's plan (2019-2022) has ended by then: said once, in plain words, on stderr
    assert said.count("\n") == 1 and said.startswith("El plan vigente según la configuración")
    assert (tmp_path / "consolidado.xlsx").is_file()


def test_summary_line_counts_files_from_reporters_not_on_the_list(
        make_workbook: MakeWorkbook, tmp_path: Path) -> None:
    folder = tmp_path / "round"
    row = [["1", "Retorno", "Act", "i", "PPT", "2027", "pendiente"]]
    make_workbook("Guatemala.xlsx", row, folder=folder)
    make_workbook("Municipio de Mixco.xlsx", row, folder=folder)
    make_workbook("Municipio de Villa Nueva.xlsx", row, folder=folder)
    code, out, _ = run("consolidate", str(folder), "--out", str(tmp_path / "es"), "--as-of",
                       "2026-11-30")
    assert code == 0
    assert out.startswith("Consolidado 2026-T4: 3 actividades de 1 de 16 informantes (y 2 "
                          "archivos de informantes que no están en la lista de la ronda: "
                          "véase problemas.csv); ")
    problems = (tmp_path / "es" / "problemas.csv").read_text("utf-8-sig")
    assert problems.count("informante-desconocido") == 2
    code, out = invoke("consolidate", str(folder), "--out", str(tmp_path / "en"), "--as-of",
                       "2026-11-30", "--lang", "en")
    assert "from 1 of 16 reporters (and 2 files from reporters not on the round's list" in out


def test_a_national_mechanism_names_its_own_reporters(make_workbook: MakeWorkbook,
                                                      tmp_path: Path) -> None:
    folder = tmp_path / "round"
    row = [["1", "Retorno", "Act", "i", "PPT", "2027", "pendiente"]]
    make_workbook("Informe Mixco 2026.xlsx", row, folder=folder)
    make_workbook("Municipio de Villa Nueva.xlsx", row, folder=folder)
    config = tmp_path / "municipios.toml"
    config.write_text(
        'reemplazar = ["paises", "grupos"]\n'
        '[ronda]\ninformantes_esperados = ["Municipio de Mixco", "Municipio de Villa Nueva"]\n'
        '[[paises]]\nnombre = "Municipio de Mixco"\nalias = ["Mixco"]\n'
        '[[paises]]\nnombre = "Municipio de Villa Nueva"\n', encoding="utf-8")
    code, out, _ = run("consolidate", str(folder), "--out", str(tmp_path / "out"), "--as-of",
                       "2026-11-30", "--config", str(config))
    assert code == 0
    assert out.startswith("Consolidado 2026-T4: 2 actividades de 2 de 2 informantes; ")
    assert "informante-desconocido" not in (tmp_path / "out" / "problemas.csv").read_text(
        "utf-8-sig")


def test_consolidate_in_english(tmp_path: Path) -> None:
    code, out, said = run("consolidate", str(SAMPLE), "--out", str(tmp_path), "--as-of",
                          "2026-11-30", "--lang", "en")
    assert code == 0 and out.startswith("Consolidated 2026-T4: 34 activities")
    assert said.startswith("The plan in force in the configuration, “CRM Strategic Plan")
    problems = (tmp_path / "problemas.csv").read_text("utf-8-sig")
    assert "The deadline “cuando haya fondos” cannot be read" in problems


def test_without_out_the_outputs_go_to_the_workspace(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = invoke("consolidate", str(SAMPLE), "--as-of", "2026-11-30")
    assert code == 3 and "seguimiento init" in out and not any(tmp_path.iterdir())
    assert invoke("init", "ws")[0] == 0
    monkeypatch.chdir(tmp_path / "ws" / "recibidos")  # anywhere inside it
    code, _ = invoke("consolidate", str(SAMPLE), "--as-of", "2026-11-30")
    assert code == 0 and (tmp_path / "ws" / "resultados" / "2026-T4" / "matriz.csv").is_file()
    assert (tmp_path / "ws" / "historial.sqlite").is_file()


def test_missing_input_folder_exits_3_in_the_users_language(tmp_path: Path) -> None:
    code, out = invoke("consolidate", str(tmp_path / "nope"))
    assert code == 3
    assert out.startswith("La carpeta de entrada no existe o no es una carpeta; revise su "
                          "nombre") and out.rstrip().endswith(str(tmp_path / "nope"))
    assert "does not exist" not in out
    code, out = invoke("consolidate", str(tmp_path / "nope"), "--lang", "en")
    assert code == 3 and out.startswith("The input folder does not exist or is not a folder; "
                                        "check its name") and "no existe" not in out


def test_an_empty_folder_is_consolidated_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "vacia").mkdir()
    (tmp_path / "vacia" / "Notas de la reunión.pdf").write_bytes(b"%PDF-1.4\n")
    code, out = invoke("consolidate", str(tmp_path / "vacia"), "--out", str(tmp_path / "o"),
                       "--as-of", "2026-11-30")
    assert code == 0
    assert f"No hay ningún libro de cálculo en la carpeta {tmp_path / 'vacia'}" in out
    envios = (tmp_path / "o" / "envios.csv").read_text("utf-8-sig")
    assert envios.count("no recibido") == 16
    (tmp_path / "vacia" / "Guatemala.xlsx").write_bytes((SAMPLE / "Guatemala - 2026-T4.xlsx")
                                                         .read_bytes())
    code, out = invoke("consolidate", str(tmp_path / "vacia"), "--out", str(tmp_path / "o"),
                       "--as-of", "2026-11-30")
    assert code == 0 and "No hay ningún libro" not in out


def test_every_fatal_message_is_written_in_both_languages() -> None:
    from pipeline.model.errors import SeguimientoError

    for kind in SeguimientoError.__subclasses__():
        english, spanish = kind("X").message("en"), kind("X").message("es")
        assert english != spanish and english.endswith(": X") and spanish.endswith(": X")
        assert ";" in english and ";" in spanish, kind  # what is wrong; what to do
        both = kind("X").message()  # the log's form
        assert both.startswith(english.removesuffix(": X") + " / ") and both.endswith(spanish)


def test_validate_exits_1_on_errors_and_points_at_cells(make_workbook: MakeWorkbook) -> None:
    bad = make_workbook("Honduras.xlsx", [["1", "Retorno", "Act", "i", "PPT", "algún día",
                                           "pendiente"]])
    code, out = invoke("validate", str(bad))
    assert code == 1
    assert "Honduras.xlsx › Matriz › F5" in out and "[plazo-invalido]" in out
    good = make_workbook("Panamá.xlsx", [["1", "Retorno", "Act", "i", "PPT", "2027",
                                          "pendiente"]])
    code, out = invoke("validate", str(good), "--lang", "en")
    assert code == 0 and "0 errors" in out


def test_internal_defect_prints_where_the_log_is(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def defect(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(pipeline.jobs.consolidate, "analyze", defect)
    log = tmp_path / "s.log"
    code, out = invoke("consolidate", str(SAMPLE), "--out", str(tmp_path / "o"),
                       "--log-file", str(log))
    assert code == 4 and str(log) in out and "Traceback" not in out
    assert "ZeroDivisionError" in log.read_text()


def test_template_requires_a_reporter(tmp_path: Path) -> None:
    code, out = invoke("template", "--out", str(tmp_path))
    assert code == 2 and "--reporter" in out
    code, out = invoke("template", "--reporter", "Narnia", "--out", str(tmp_path))
    assert code == 3 and "Narnia" in out


def test_template_all_writes_one_per_expected_reporter(tmp_path: Path) -> None:
    code, out = invoke("template", "--all", "--round", "2027-T1", "--out", str(tmp_path))
    assert code == 0
    assert len(list(tmp_path.glob("*.xlsx"))) == 16
    assert (tmp_path / "Belice - 2027-T1.xlsx").is_file()


def test_help_does_not_import_pandas() -> None:
    probe = ("import sys; from pipeline.cli import main\n"
             "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
             "assert 'pandas' not in sys.modules and 'pandera' not in sys.modules, 'heavy'")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "consolidate" in done.stdout


@pytest.mark.parametrize("args, env, expected, not_expected", [
    ([], {}, "Muestra esta ayuda", "Show this message"),
    (["--lang", "en"], {}, "Show this message", "Muestra esta ayuda"),
    ([], {"SEGUIMIENTO_LANG": "en"}, "Show this message", "Muestra esta ayuda"),
    ([], {"LANG": "en_US.UTF-8"}, "Show this message", "Muestra esta ayuda"),
    ([], {"LANG": "es_GT.UTF-8"}, "Muestra esta ayuda", "Show this message"),
    (["--lang", "es"], {"LANG": "en_US.UTF-8"}, "Muestra esta ayuda", "Show this message"),
])
def test_help_is_in_the_users_language(monkeypatch: pytest.MonkeyPatch, args: list[str],
                                       env: dict[str, str], expected: str,
                                       not_expected: str) -> None:
    for variable in ("SEGUIMIENTO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in env.items():
        monkeypatch.setenv(variable, value)
    for command in ([], ["consolidate"], ["overdue"]):
        result = CliRunner().invoke(cli, [*command, "--help", *args])
        assert result.exit_code == 0
        assert expected in result.output and not_expected not in result.output, result.output
    spanish = expected.startswith("Muestra")
    result = CliRunner().invoke(cli, ["consolidate", "--help", *args])
    assert ("Fecha a la que se juzgan los plazos" in result.output) == spanish
    assert ("Date at which deadlines are judged" in result.output) == (not spanish)


def test_clicks_own_usage_errors_are_in_the_users_language() -> None:
    result = CliRunner().invoke(cli, ["consolidate", "--bogus"])
    assert result.exit_code == 2
    assert "No existe la opción '--bogus'" in result.output and "Uso:" in result.output
    result = CliRunner().invoke(cli, ["consolidate", "--bogus", "--lang", "en"])
    assert "No such option: --bogus" in result.output or "No such option" in result.output
    result = CliRunner().invoke(cli, ["report", "--out", "x"])
    assert "Falta la opción" in result.output and "--year" in result.output


def test_dates_are_accepted_day_first_too(tmp_path: Path) -> None:
    lines = []
    for as_of in ("2026-11-30", "30/11/2026"):
        result = CliRunner().invoke(cli, ["consolidate", str(SAMPLE), "--out",
                                          str(tmp_path / as_of.replace("/", "-")), "--as-of",
                                          as_of])
        assert result.exit_code == 0, result.output
        lines.append(result.output.split("->")[0])
    assert lines[0] == lines[1]


def test_the_readmes_example_line_is_what_the_quick_start_prints(tmp_path: Path) -> None:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quoted = re.search(r"one line such as\s+`([^`]+?)\s*\.\.\.`", readme)
    assert quoted is not None
    code, out, _ = run("consolidate", str(ROOT / "input_workbooks"), "--out",
                       str(tmp_path / "muestra"), "--as-of", "2026-11-30")
    assert code == 0 and out.startswith(" ".join(quoted.group(1).split())), out


def test_a_second_command_in_one_process_closes_the_first_ones_log(tmp_path: Path) -> None:
    """A program calling the commands in turn (a scheduler, a notebook) leaves no log
    file open behind it: each command's file is closed when the next one logs elsewhere."""
    import logging

    first, second = tmp_path / "uno.log", tmp_path / "dos.log"
    matrix = str(SAMPLE / "Guatemala - 2026-T4.xlsx")
    assert invoke("validate", matrix, "--log-file", str(first))[0] == 0
    opened = [h for h in logging.getLogger("seguimiento").handlers
              if isinstance(h, logging.FileHandler)]
    assert [Path(h.baseFilename) for h in opened] == [first]
    assert invoke("validate", matrix, "--log-file", str(second))[0] == 0
    assert opened[0].stream is None  # (a closed FileHandler lets go of its stream)
    assert first.read_text(encoding="utf-8") and second.read_text(encoding="utf-8")


@pytest.mark.parametrize(("lang", "said"), [
    ("es", ["archivos leídos", "problemas", "escrita en"]),
    ("en", ["files read", "issues", "written to"])])
def test_verbose_says_what_it_did_in_the_runs_language(tmp_path: Path, lang: str,
                                                       said: list[str]) -> None:
    code, out, err = run("consolidate", str(SAMPLE), "--out", str(tmp_path / "o"), "--as-of",
                         "2026-11-30", "--lang", lang, "-v", "--log-file",
                         str(tmp_path / "s.log"))
    assert code == 0
    lines = err.splitlines()
    for words in said:
        assert any(words in line for line in lines), (words, err)
    other = ["files read", "issues", "written to"] if lang == "es" else [
        "archivos leídos", "problemas", "escrita en"]
    assert not [w for w in other if w in err], err


def test_output_cut_short_by_its_reader_ends_quietly(tmp_path: Path) -> None:
    """`seguimiento history | head -1`: the reader gone, the command stops without an
    internal error or a traceback."""
    import os

    assert invoke("consolidate", str(SAMPLE), "--out", str(tmp_path / "o"), "--as-of",
                  "2026-11-30")[0] == 0
    read, write = os.pipe()
    os.close(read)  # (the reader has already stopped: the first line written fails)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pipeline", "history", "--history",
             str(tmp_path / "o" / "historial.sqlite")],
            stdout=write, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=120)
    finally:
        os.close(write)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "interno" not in done.stderr, done.stderr


def test_init_again_with_another_network_says_it_kept_its_own(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    assert invoke("init", str(folder))[0] == 0
    code, out = invoke("init", str(folder), "--red", "mecanismo", "--lang", "en")
    assert code == 0 and "--red mecanismo was not applied" in out, out
    code, out = invoke("init", str(folder), "--red", "crm", "--lang", "en")
    assert code == 0 and "not applied" not in out  # (its own: nothing to say)


def test_validate_tells_a_focal_point_only_of_its_file(tmp_path: Path) -> None:
    """The plan in force having ended is the secretariat's to fix (its configuration), said
    when a round is consolidated; a focal point checking its file is not told of it, nor
    counted a warning for it."""
    code, out = invoke("validate", str(SAMPLE / "Guatemala - 2026-T4.xlsx"), "--lang", "en")
    assert code in (0, 1) and "plan-terminado" not in out, out
