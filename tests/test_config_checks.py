"""Issue 21 (docs/contract.md §7): every configuration value is checked for type and range when
read,
told with its file, line and key (exit 3), never read wrongly nor left to fail later as an
internal error; an unknown key is told with the key meant; a UTF-8 BOM is accepted."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.model.errors import ConfigError
from pipeline.reference.load import load_reference

PLAN = '[plan]\nnombre = "Plan 2026-2029"\ninicio = 2026-01-01\nduracion_anios = 4\n'


def told(tmp_path: Path, text: str) -> tuple[str, str]:
    """The Spanish and English messages of loading `text` as seguimiento.toml."""
    config = tmp_path / "seguimiento.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_reference(config)
    assert caught.value.exit_code == 3
    return caught.value.message("es"), caught.value.message("en")


def line_of(text: str, fragment: str) -> int:
    """The line (from 1) of `text` on which `fragment` is written."""
    return next(n for n, line in enumerate(text.splitlines(), start=1) if fragment in line)


CASES = [
    # (configuration, the line it is told at, what the Spanish message says)
    (PLAN + '[ronda]\ninformantes_esperados = "Guatemala"\n',
     "informantes_esperados", "informantes_esperados debe ser una lista de textos"),
    (PLAN + "[ronda]\ndias_por_vencer = -30\n",
     "dias_por_vencer", "dias_por_vencer debe ser un número entero entre 0 y 3650 (se leyó -30)"),
    (PLAN + "[ronda]\ndias_por_vencer = true\n",
     "dias_por_vencer", "dias_por_vencer debe ser un número entero entre 0 y 3650 (se leyó "
     "true)"),
    ('[plan]\nnombre = "Plan"\ninicio = 2026-01-01\nduracion_anios = 0\n',
     "duracion_anios", "duracion_anios debe ser un número entero entre 1 y 100 (se leyó 0)"),
    (PLAN + "[ronda]\nmes_inicio_anio_fiscal = 13\n",
     "mes_inicio_anio_fiscal", "mes_inicio_anio_fiscal debe ser un número entero entre 1 y "
     "12 (se leyó 13)"),
    (PLAN + '[cierres]\n"2027-T1" = 2027-02-15T10:00:00\n',
     '"2027-T1"', "2027-T1 debe ser una fecha sin hora"),
    (PLAN + '[[estados]]\nclave = 3\nalias = ["avanzando"]\n',
     "clave = 3", "clave debe ser uno de: finalizado, en_proceso, pendiente, no_alcanzado"),
    (PLAN + '[[paises]]\nen = "Atlantis"\niso3 = "ATL"\n',
     "[[paises]]", "nombre"),
    (PLAN + "[ronda]\ndias_por_vencr = 30\n",
     "dias_por_vencr", "¿quiso decir dias_por_vencer?"),
    (PLAN + '[[calendaro]]\nreunion = "GRCM"\nfecha = 2027-03-10\n',
     "[[calendaro]]", "¿quiso decir calendario?"),
    (PLAN + '[[calendario]]\nreunion = "GRCM"\nfecha = "pronto"\n',
     'fecha = "pronto"', "fecha debe ser una fecha sin hora"),
    (PLAN + '[columnas]\nactividad = ["Task"]\nresponsable = 3\n',
     "responsable = 3", "responsable debe ser una lista de títulos de columna entre comillas"),
    (PLAN + '[columnas]\nplazo = ["ETA", ""]\n',
     "plazo =", "plazo debe ser una lista de títulos de columna"),
    (PLAN + '[columnas]\nresponsible = ["PIC"]\n',
     "responsible", "¿quiso decir responsable?"),
    (PLAN + '[columnas]\nresponsable = ["PIC", "Quién"]\nplazo = ["ETA", "quien"]\n',
     "plazo =", 'el título "quien" está también en responsable'),
    (PLAN + '[columnas]\nquien = ["PIC"]\n',
     "quien", "las claves son: id, grupo_trabajo"),
    (PLAN + '[correo]\nremitente = "Secretaría <josé@crm.example>"\n',
     "remitente", "remitente debe ser una dirección de correo, sola o con su nombre"),
    (PLAN + '[correo]\nremitente = "Secretaría Técnica"\n',
     "remitente", "sin acentos antes de la @"),
    (PLAN + '[cierres]\n"2027-T2" = 2027-05-15\n"Extra/../x" = 2027-06-15\n',
     '"Extra/', "«Extra/../x» no sirve como nombre de ronda (nombra sus carpetas)"),
    (PLAN + f'[cierres]\n"{"Reunión " * 6}" = 2027-06-15\n',
     '"Reunión', "no sirve como nombre de ronda"),
    # (second attack pass: the round 2027-T1 then had no closing date, and nobody told)
    (PLAN + '[cierres]\n"2027-T2" = 2027-05-15\n"2027 T1" = 2027-02-15\n',
     '"2027 T1"', "«2027 T1» es la ronda 2027-T1 escrita de otro modo: escríbala 2027-T1"),
    # (second attack pass: these ended every command with an internal error)
    (PLAN + "[ronda]\ndias_por_vencer = 200000\n",
     "dias_por_vencer", "dias_por_vencer debe ser un número entero entre 0 y 3650 (se leyó "
     "200000)"),
    (PLAN + "[correo]\ndias_para_corregir = 99999999\n",
     "dias_para_corregir", "dias_para_corregir debe ser un número entero entre 0 y 3650"),
    (PLAN + "[correo]\ndias_para_escalar = 99999999999999999999\n",
     "dias_para_escalar", "dias_para_escalar debe ser un número entero entre 0 y 3650"),
    (PLAN + "[reglas]\nmax_actividades_por_grupo = 10000000000\n",
     "max_actividades_por_grupo", "entre 0 y 100000"),
    # (a misspelt expected reporter was counted as expected and 'did not send')
    (PLAN + '[ronda]\ninformantes_esperados = ["Guatamala", "Honduras"]\n',
     "informantes_esperados", '"Guatamala" no es ningún nombre de la red; ¿quiso decir '
     '«Guatemala»?'),
    (PLAN + '[cierres]\n"2027-T2" = 2027-05-15\n"2027-T1" = 9999-12-31\n',
     '"2027-T1"', "2027-T1 debe ser una fecha sin hora, como 2027-02-15, entre 1970-01-01 y "
     "2262-04-11 (se leyó 9999-12-31)"),
]


@pytest.mark.parametrize(("text", "at", "says"), CASES,
                         ids=[c[1].strip('[]"= 3') for c in CASES])
def test_a_wrong_value_is_told_with_its_key_and_line(text: str, at: str, says: str,
                                                    tmp_path: Path) -> None:
    spanish, english = told(tmp_path, text)
    assert f"seguimiento.toml, línea {line_of(text, at)}:" in spanish, spanish
    assert f"seguimiento.toml, line {line_of(text, at)}:" in english, english
    assert says in spanish, spanish


def test_an_unknown_key_without_a_near_one_lists_the_keys(tmp_path: Path) -> None:
    spanish, english = told(tmp_path, PLAN + "[ronda]\nzzz = 1\n")
    assert "dias_por_vencer" in spanish and "informantes_esperados" in spanish
    assert "zzz" in english


def test_a_configuration_saved_with_a_bom_is_read(tmp_path: Path) -> None:
    config = tmp_path / "seguimiento.toml"
    config.write_bytes("\ufeff".encode() + (PLAN + "[ronda]\ndias_por_vencer = 60\n").encode())
    ref = load_reference(config)
    assert ref.dias_por_vencer == 60 and ref.plan.inicio == dt.date(2026, 1, 1)


def test_a_configuration_that_uses_every_kind_of_value_is_read(tmp_path: Path) -> None:
    """What the README shows is accepted as it is written there."""
    config = tmp_path / "seguimiento.toml"
    config.write_text(PLAN + '''
[[planes_anteriores]]
nombre = "Plan 2019-2022"
inicio = 2019-07-01
duracion_anios = 3

[[calendario]]
reunion = "Reunión Viceministerial"
nombre = "XXVII Reunión Viceministerial"
fecha = 2027-06-15

[ronda]
dias_por_vencer = 60
informantes_esperados = ["Guatemala", "Honduras", "RROCM"]
mes_inicio_anio_fiscal = 10

[[estados]]
clave = "en_proceso"
alias = ["avanzando"]

[[responsables]]
nombre = "BID"
en = "IDB"
alias = ["Banco Interamericano de Desarrollo"]

[cierres]
"2027-T1" = 2027-02-15

[idiomas]
"Belice" = "es"

[impresion]
papel = "a4"

[correo]
servidor = "smtp.example.org"
puerto = 587
escalar_a = ["PPT"]
''', encoding="utf-8")
    ref = load_reference(config)
    assert ref.esperados == ("Guatemala", "Honduras", "RROCM")
    assert ref.cierres == {"2027-T1": dt.date(2027, 2, 15)}
    assert ref.mes_inicio_anio_fiscal == 10 and ref.papel == "a4"


@pytest.mark.parametrize(("lang", "where"), [("es", "línea"), ("en", "line")])
def test_a_command_in_a_workspace_with_a_wrong_value_exits_3(lang: str, where: str,
                                                             tmp_path: Path) -> None:
    ws = tmp_path / "seg"
    assert CliRunner().invoke(cli, ["init", str(ws)]).exit_code == 0
    text = PLAN + "[ronda]\nmes_inicio_anio_fiscal = 13\n"
    (ws / "seguimiento.toml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["overdue", "--from-history", "--workspace", str(ws),
                                      "--as-of", "2026-11-30", "--lang", lang])
    assert result.exit_code == 3, result.stderr
    assert f"seguimiento.toml, {where} {line_of(text, 'mes_inicio')}:" in result.stderr


ENGLISH_WORDS = re.compile(r"\b(Cannot|overwrite|value|Invalid|Expected|codec|decode|byte|"
                           r"at line|column)\b")


@pytest.mark.parametrize(("text", "at", "says"), [
    (PLAN + "[ronda]\ndias_por_vencer = 30\ndias_por_vencer = 15\n", 7, "ya estaba escrita"),
    (PLAN + "[ronda]\ndias_por_vencer = 30\n[ronda]\nobservadores = []\n", 7, "ya estaba escrita"),
    (PLAN + '[correo]\nremitente = "sin cerrar\n', 6, "comilla"),
    (PLAN + "[ronda]\ndias_por_vencer 30\n", 6, "falta el signo ="),
])
def test_a_file_that_is_no_toml_is_told_at_its_line_in_the_runs_language(
        tmp_path: Path, text: str, at: int, says: str) -> None:
    """(second attack pass: tomllib's English words, "Cannot overwrite a value (at line 3,
    column 21)", in a Spanish message that named no key)"""
    spanish, english = told(tmp_path, text)
    assert f"seguimiento.toml, línea {at}:" in spanish and says in spanish, spanish
    assert not ENGLISH_WORDS.search(spanish.split("README")[-1]), spanish
    assert f"seguimiento.toml, line {at}:" in english, english


def test_a_file_not_saved_as_utf8_is_told_so(tmp_path: Path) -> None:
    config = tmp_path / "seguimiento.toml"
    config.write_text(PLAN, encoding="utf-16")
    with pytest.raises(ConfigError) as caught:
        load_reference(config)
    spanish, english = caught.value.message("es"), caught.value.message("en")
    assert "UTF-8" in spanish and not ENGLISH_WORDS.search(spanish.split("README")[-1])
    assert "UTF-8" in english and "codec" not in english
