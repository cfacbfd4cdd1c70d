"""Observations (issue 20): an observer's view of another reporter's item stands beside the
item's official status and is never counted as a commitment. Rounds are built here from
hand-made files; every expected figure is counted from the rows the test wrote."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import MakeWorkbook, headline, read_table

TITLES = ["ID", "Descripción de la actividad", "Pilar programático",
          "Indicadores de resultados / impacto", "Parte responsable", "Plazo de cumplimiento",
          "Estado", "Observaciones", "Reservado (solo gobiernos)"]
AS_OF = "2027-02-20"
# Guatemala's and Honduras's items: id, activity, party, deadline, status, restricted.
GUATEMALA = [
    ("GTM-001", "Actualizar el protocolo regional de niñez", "Guatemala", "2026-10-21",
     "Finalizado", "No"),
    ("GTM-002", "Mapeo de movilidad laboral", "Guatemala; OIT", "2026-12-31", "En proceso",
     "No"),
    ("GTM-003", "Acuerdo bilateral de retorno", "Guatemala", "2026-11-30", "Pendiente", "Sí"),
]
HONDURAS = [
    ("HND-001", "Centros de atención al migrante retornado", "Honduras", "2027-01-31",
     "En proceso", "No"),
    ("HND-002", "Campaña informativa", "Honduras", "2027-06-30", "Pendiente", "No"),
]


def matrix_rows(items: list[tuple[str, ...]]) -> list[list[object]]:
    return [[i, a, "1", "Indicador", p, d, s, "", r] for i, a, p, d, s, r in items]


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == code, (args, result.output)
    return result.output


def overdue_figures(folder: Path) -> tuple[int, int, list[tuple[str, str]]]:
    overdue, soon = read_table(folder, "vencidos"), read_table(folder, "por_vencer")
    return len(overdue), len(soon), sorted(zip(overdue["informante"], overdue["id"],
                                               strict=True))


def round_folder(tmp_path: Path, make_workbook: MakeWorkbook) -> Path:
    inbox = tmp_path / "ronda"
    make_workbook("Guatemala - 2027-T1.xlsx", matrix_rows(GUATEMALA), TITLES, folder=inbox)
    make_workbook("Honduras - 2027-T1.xlsx", matrix_rows(HONDURAS), TITLES, folder=inbox)
    return inbox


OBSERVATION_TITLES = ["ID", "Informante", "Estado observado", "Evidencia", "Observación",
                      "Ámbito"]
# What RROCM observed: id, reporter, observed status, evidence, observation, level.
OBSERVED = [
    ("GTM-001", "Guatemala", "En proceso", "https://example.org/acta", "No se aplica aún",
     "Nacional"),                                                          # differs
    ("HND-001", "Honduras", "Pendiente", "Visita a San Pedro Sula", "Cerrado", "Local"),
    ("GTM-002", "Guatemala", "En proceso", "", "Avanza", "Regional"),         # agrees
    ("HND-002", "Honduras", "Sin información", "", "", ""),                   # no view
    ("GTM-00l", "Guatemala", "No alcanzado", "", "¿?", ""),                   # unknown id
]
OFFICIAL = {i[0]: i[4] for i in (*GUATEMALA, *HONDURAS)}
KEYS = {"Finalizado": "finalizado", "En proceso": "en_proceso", "Pendiente": "pendiente",
        "No alcanzado": "no_alcanzado", "Sin información": "sin_informacion"}


def test_an_observations_sheet_is_read_beside_the_status_never_as_commitments(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    inbox = round_folder(tmp_path, make_workbook)
    without = tmp_path / "sin"
    run("consolidate", str(inbox), "--out", str(without), "--as-of", AS_OF, "--round",
        "2027-T1")
    make_workbook("RROCM - 2027-T1.xlsx", OBSERVED, OBSERVATION_TITLES, title_rows=(),
                  sheet="Observaciones", folder=inbox)
    out = tmp_path / "con"
    run("consolidate", str(inbox), "--out", str(out), "--as-of", AS_OF, "--round", "2027-T1")

    assert overdue_figures(out) == overdue_figures(without)  # never counted twice
    matrix = read_table(out, "matriz")
    assert len(matrix) == len(GUATEMALA) + len(HONDURAS)
    assert "RROCM" not in set(matrix["informante"])

    table = read_table(out, "observaciones")
    assert list(table.columns[:10]) == ["id", "informante", "actividad", "responsable",
                                        "estado_oficial", "estado_observado", "coincide",
                                        "evidencia", "observacion", "ambito"]
    assert list(table.columns[-4:]) == ["observador", "archivo", "hoja", "fila"]
    rows = {r["id"]: r for r in table.to_dict("records")}
    assert set(rows) == {o[0] for o in OBSERVED}
    for ident, reporter, status, evidence, text, _ in OBSERVED:
        row = rows[ident]
        assert row["estado_observado"] == KEYS[status]
        assert row["observacion"] == text and row["evidencia"] == evidence
        assert row["observador"] == "RROCM" and row["archivo"] == "RROCM - 2027-T1.xlsx"
        if ident in OFFICIAL:
            assert row["informante"] == reporter
            assert row["estado_oficial"] == KEYS[OFFICIAL[ident]]
            expected = ("" if status == "Sin información"
                        else str(KEYS[status] == KEYS[OFFICIAL[ident]]).lower())
            assert row["coincide"] == expected, ident
    assert rows["GTM-001"]["ambito"] == "nacional"
    assert rows["GTM-001"]["fila"] == "2"  # the sheet's own row

    known = [o for o in OBSERVED if o[0] in OFFICIAL]
    agree = sum(KEYS[o[2]] == KEYS[OFFICIAL[o[0]]] for o in known
                if o[2] != "Sin información")
    differ = sum(KEYS[o[2]] != KEYS[OFFICIAL[o[0]]] for o in known
                 if o[2] != "Sin información")
    figures = headline(out / "consolidado.xlsx")
    assert figures["Ítems observados"] == len(known)
    assert figures["Coinciden con lo oficial"] == agree
    assert figures["Difieren de lo oficial"] == differ
    plain = openpyxl.load_workbook(without / "consolidado.xlsx")
    assert "Observaciones" not in plain.sheetnames  # nobody observed: no word of it
    assert not any(str(r[0]).startswith(("Coinciden", "Difieren")) for r in
                   plain["Resumen"].iter_rows(values_only=True))

    problems = read_table(out, "problemas")
    told = problems[problems["codigo"] == "observacion-sin-item"]
    assert list(zip(told["archivo"], told["hoja"], told["celda"], told["valor"],
                    told["sugerencia"], strict=True)) == [
        ("RROCM - 2027-T1.xlsx", "Observaciones", "A6", "GTM-00l", "GTM-001")]
    assert not (problems["archivo"] == "RROCM - 2027-T1.xlsx").any() or set(
        problems.loc[problems["archivo"] == "RROCM - 2027-T1.xlsx", "codigo"]) == {
        "observacion-sin-item"}


def test_the_matrix_and_the_observations_sheet_show_the_view_beside_the_status(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    inbox = round_folder(tmp_path, make_workbook)
    make_workbook("RROCM - 2027-T1.xlsx", OBSERVED, OBSERVATION_TITLES, title_rows=(),
                  sheet="Observaciones", folder=inbox)
    out = tmp_path / "out"
    run("consolidate", str(inbox), "--out", str(out), "--as-of", AS_OF, "--round", "2027-T1",
        "--lang", "en")
    workbook = openpyxl.load_workbook(out / "consolidado.xlsx")
    matrix = workbook["Matrix"]
    header = [c.value for c in matrix[1]]
    status = header.index("Status")
    assert header[status + 1:status + 3] == ["Observed status", "Observation"]
    rows = {r[header.index("ID")]: r for r in matrix.iter_rows(min_row=2, values_only=True)}
    assert rows["GTM-001"][status:status + 3] == ("Completed", "In progress",
                                                  "RROCM: No se aplica aún")
    assert rows["GTM-003"][status + 1] in (None, "")  # not observed
    overdue = workbook["Overdue"]
    head = [c.value for c in overdue[1]]
    late = {r[head.index("ID")]: r for r in overdue.iter_rows(min_row=2, values_only=True)}
    assert late["HND-001"][head.index("Observed status")] == "Not started"
    assert late["HND-001"][head.index("Observation")] == "RROCM: Cerrado"
    sheet = workbook["Observations"]
    body = list(sheet.iter_rows(min_row=2, values_only=True))
    head = [c.value for c in sheet[1]]
    agrees = head.index("Agrees")
    differing = [r for r in body if r[agrees] == "No"]
    assert len(differing) == 2 and body[:2] == differing  # differing views first
    assert {r[head.index("Observed status")] for r in body} >= {"No information"}


def test_an_observers_matrix_naming_others_items_is_observations(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """The issue's case: RROCM returned its views in a plain matrix; each row used to
    become an overdue commitment of RROCM and Guatemala's items were counted twice."""
    inbox = round_folder(tmp_path, make_workbook)
    without = tmp_path / "sin"
    run("consolidate", str(inbox), "--out", str(without), "--as-of", AS_OF, "--round",
        "2027-T1")
    own = ("RROCM-1", "Informe regional de monitoreo", "RROCM", "2027-12-31", "En proceso",
           "No")
    joint = ("HND-002", "Campaña informativa", "Honduras; RROCM", "2027-06-30", "Pendiente",
             "No")
    rows = [
        ["GTM-001", "Actualizar el protocolo regional de niñez", "", "", "Guatemala",
         "2026-10-21", "En proceso", "No hay evidencia de su aplicación", ""],  # by id
        ["", "Mapeo de movilidad laboral", "", "", "Guatemala; OIT", "2026-12-31",
         "No alcanzado", "Sin avances", ""],  # by the same activity text
        matrix_rows([own])[0],
    ]
    make_workbook("RROCM acuerdos.xlsx", rows, TITLES, folder=inbox)
    out = tmp_path / "con"
    run("consolidate", str(inbox), "--out", str(out), "--as-of", AS_OF, "--round", "2027-T1")
    assert overdue_figures(out) == overdue_figures(without)
    matrix = read_table(out, "matriz")
    assert sorted(matrix.loc[matrix["informante"] == "RROCM", "id"]) == ["RROCM-1"]
    table = read_table(out, "observaciones")
    assert sorted(zip(table["id"], table["estado_oficial"], table["estado_observado"],
                      table["coincide"], strict=True)) == [
        ("GTM-001", "finalizado", "en_proceso", "false"),
        ("GTM-002", "en_proceso", "no_alcanzado", "false")]
    problems = read_table(out, "problemas")
    mine = problems[problems["archivo"] == "RROCM acuerdos.xlsx"]
    assert "id-conflicto" not in set(mine["codigo"])

    # A joint agreement the observer reports (it is a responsible party): its own row.
    make_workbook("RROCM acuerdos.xlsx", [matrix_rows([joint])[0]], TITLES, folder=inbox)
    run("consolidate", str(inbox), "--out", str(out), "--as-of", AS_OF, "--round", "2027-T1")
    matrix = read_table(out, "matriz")
    assert list(matrix.loc[matrix["informante"] == "RROCM", "id"]) == ["HND-002"]
    assert read_table(out, "observaciones").empty


def test_observations_of_items_stored_last_round_and_their_changes(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """Round 2: Honduras sends nothing, Guatemala moves GTM-002 to finished; RROCM
    observes again. The changes say which view changed and which difference resolved."""
    first = round_folder(tmp_path, make_workbook)
    make_workbook("RROCM - 2027-T1.xlsx", OBSERVED[:3], OBSERVATION_TITLES, title_rows=(),
                  sheet="Observaciones", folder=first)
    out1, out2 = tmp_path / "r1", tmp_path / "r2"
    history = tmp_path / "historial.sqlite"
    run("consolidate", str(first), "--out", str(out1), "--as-of", AS_OF, "--round", "2027-T1",
        "--history", str(history))
    second = tmp_path / "ronda2"
    updated = [(*g[:4], "En proceso" if g[0] == "GTM-001" else g[4], g[5]) for g in GUATEMALA]
    make_workbook("Guatemala - 2027-T2.xlsx", matrix_rows(updated), TITLES, folder=second)
    views = [("GTM-001", "Guatemala", "En proceso", "", "Ahora coincide", ""),
             ("HND-001", "Honduras", "No alcanzado", "", "Se cerró", ""),
             ("GTM-002", "Guatemala", "En proceso", "", "Igual", "")]
    make_workbook("RROCM - 2027-T2.xlsx", views, OBSERVATION_TITLES, title_rows=(),
                  sheet="Observaciones", folder=second)
    run("consolidate", str(second), "--out", str(out2), "--as-of", "2027-05-20", "--round",
        "2027-T2", "--history", str(history))
    table = read_table(out2, "observaciones").set_index("id")
    # HND-001 was not reported again: its official status is the stored one.
    assert table.loc["HND-001", "estado_oficial"] == "en_proceso"
    assert table.loc["HND-001", "informante"] == "Honduras"
    changes = read_table(out2, "cambios")
    moved = changes[changes["tipo"].isin(["observacion_cambia", "diferencia_resuelta"])]
    assert sorted(zip(moved["id"], moved["tipo"], moved["antes"], moved["despues"],
                      moved["detalle"], strict=True)) == [
        ("GTM-001", "diferencia_resuelta", "finalizado", "en_proceso", "RROCM"),
        ("HND-001", "observacion_cambia", "pendiente", "no_alcanzado", "RROCM")]


def test_an_item_of_a_reporter_silent_for_two_rounds_is_still_observed(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """Honduras reports in round 1 only. In round 3 RROCM observes one of its items, as
    the observer's own template for round 3 offers it (each reporter's last stored items,
    not only the previous round's): a view of that item, compared with what Honduras last
    reported, never "no item". Checked by `validate` against the workspace too."""
    ws = tmp_path / "ws"
    run("init", str(ws))
    first = round_folder(tmp_path, make_workbook)
    run("consolidate", str(first), "--workspace", str(ws), "--as-of", AS_OF, "--round",
        "2027-T1")
    for n, as_of in ((2, "2027-05-20"), (3, "2027-08-20")):
        inbox = tmp_path / f"ronda{n}"
        make_workbook(f"Guatemala - 2027-T{n}.xlsx", matrix_rows(GUATEMALA), TITLES,
                      folder=inbox)
        if n == 3:
            run("template", "--reporter", "RROCM", "--round", "2027-T3", "--workspace",
                str(ws))
            offered = openpyxl.load_workbook(
                ws / "plantillas" / "2027-T3" / "RROCM - 2027-T3.xlsx")["Observaciones"]
            assert "HND-002" in {r[0] for r in offered.iter_rows(min_row=5, values_only=True)}
            views = [("HND-002", "Honduras", "No alcanzado", "", "Sin avances", "")]
            observer = make_workbook("RROCM - 2027-T3.xlsx", views, OBSERVATION_TITLES,
                                     title_rows=(), sheet="Observaciones", folder=inbox)
            said = run("validate", str(observer), "--workspace", str(ws))
            assert "observacion-sin-item" not in said and "HND-002" not in said
        run("consolidate", str(inbox), "--workspace", str(ws), "--as-of", as_of, "--round",
            f"2027-T{n}")
    out = ws / "resultados" / "2027-T3"
    table = read_table(out, "observaciones")
    assert list(zip(table["id"], table["informante"], table["estado_oficial"],
                    table["coincide"], strict=True)) == [
        ("HND-002", "Honduras", "pendiente", "false")]
    assert "observacion-sin-item" not in set(read_table(out, "problemas")["codigo"])


def test_the_observers_template_asks_about_every_public_item(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    ws = tmp_path / "ws"
    run("init", str(ws))
    inbox = round_folder(tmp_path, make_workbook)
    run("consolidate", str(inbox), "--workspace", str(ws), "--as-of", AS_OF, "--round",
        "2027-T1")
    run("template", "--reporter", "RROCM", "--reporter", "Honduras", "--round", "2027-T2",
        "--workspace", str(ws))
    folder = ws / "plantillas" / "2027-T2"
    observer = openpyxl.load_workbook(folder / "RROCM - 2027-T2.xlsx")
    assert "Observaciones" not in openpyxl.load_workbook(
        folder / "Honduras - 2027-T2.xlsx").sheetnames  # only an observer is asked
    sheet = observer["Observaciones"]
    header = [c.value for c in sheet[4]]
    assert header[:8] == ["ID", "Informante", "Descripción de la actividad",
                          "Parte responsable", "Plazo de cumplimiento", "Estado oficial",
                          "Avance oficial (%)", "Estado observado"]
    rows = [r for r in sheet.iter_rows(min_row=5, values_only=True) if r[0]]
    public = [i for i in (*GUATEMALA, *HONDURAS) if i[5] == "No"]
    assert sorted(r[0] for r in rows) == sorted(i[0] for i in public)  # not GTM-003
    assert sheet.protection.sheet
    assert sheet.cell(5, 1).protection.locked  # the item's id: not to be typed over
    assert not sheet.cell(5, 8).protection.locked  # the observed status: to fill
    lists = [dv for dv in sheet.data_validations.dataValidation if "H5" in str(dv.sqref)]
    assert lists, "the observed status has a dropdown"
    meta = {r[0]: r[1] for r in observer["_seguimiento"].iter_rows(values_only=True)}
    assert meta["hoja_observaciones"] == "Observaciones"
    guide = " ".join(str(r[0]) for r in observer["Instrucciones"].iter_rows(values_only=True)
                     if r[0])
    assert "Observaciones" in guide and "no es un compromiso nuevo" in guide.lower()

    # Filled as the observer would (choosing from the dropdown's words), it reads back.
    statuses = {r[0]: r[5] for r in rows}
    for r in range(5, 5 + len(rows)):
        if sheet.cell(r, 1).value == "GTM-002":
            sheet.cell(r, 8).value = "Sin información"
            sheet.cell(r, 12).value = dt.datetime(2027, 4, 2)
        if sheet.cell(r, 1).value == "HND-001":
            sheet.cell(r, 8).value = "Finalizado"
            sheet.cell(r, 10).value = "Terminado según el acta"
    table = read_table(_second_round(tmp_path, ws, observer),
                       "observaciones").set_index("id")
    assert sorted(table.index) == ["GTM-002", "HND-001"]  # rows left blank say nothing
    assert table.loc["GTM-002", "estado_observado"] == "sin_informacion"
    assert table.loc["GTM-002", "fecha_observacion"] == "2027-04-02"
    assert statuses["HND-001"] == "En proceso"
    assert table.loc["HND-001", "coincide"] == "false"


def _second_round(tmp_path: Path, ws: Path, observer: openpyxl.Workbook) -> Path:
    """The observer's filled template returned alone for round 2027-T2, consolidated in
    the workspace; the round's outputs."""
    second = tmp_path / "ronda2"
    second.mkdir()
    observer.save(second / "RROCM - 2027-T2.xlsx")
    run("consolidate", str(second), "--workspace", str(ws), "--as-of", "2027-05-20",
        "--round", "2027-T2")
    return ws / "resultados" / "2027-T2"


@pytest.mark.parametrize("value", ['"RROCM"', '["Nadie"]', "[1]"])
def test_observers_in_the_configuration_are_checked(tmp_path: Path, value: str) -> None:
    config = tmp_path / "conf.toml"
    config.write_text(f"[ronda]\nobservadores = {value}\n", encoding="utf-8")
    inbox = tmp_path / "in"
    inbox.mkdir()
    output = run("consolidate", str(inbox), "--out", str(tmp_path / "out"), "--config",
                 str(config), code=3)
    assert "observadores" in output


@pytest.mark.parametrize(("lang", "said"), [
    ("es", 'línea 3: observadores: "Guatamala" no es ningún nombre de la red; ¿quiso decir '
           "«Guatemala»?"),
    ("en", 'line 3: observadores: "Guatamala" is no name of the network; did you mean '
           "“Guatemala”?")])
def test_an_observer_misspelt_in_the_configuration_is_told_at_its_line(
        tmp_path: Path, lang: str, said: str) -> None:
    """As every other value of the configuration: where it is and what was meant, in the
    run's language; never a program's error text."""
    config = tmp_path / "seguimiento.toml"
    config.write_text('[ronda]\n# quién observa\nobservadores = ["Guatamala"]\n',
                      encoding="utf-8")
    inbox = tmp_path / "in"
    inbox.mkdir()
    output = run("consolidate", str(inbox), "--out", str(tmp_path / "out"), "--config",
                 str(config), "--lang", lang, code=3)
    assert f"{config}, {said}" in output and "ValueError" not in output, output


def test_a_misspelt_observer_in_the_networks_profile_is_told_there(tmp_path: Path) -> None:
    """The network's profile (red.toml) names the observer wrongly, the configuration has
    its own [ronda] without it: the profile's line is named, not the configuration's."""
    from pipeline.model.errors import ConfigError
    from pipeline.reference.load import load_reference, profile_path

    shipped = profile_path("crm").read_text("utf-8")
    assert 'observadores = ["RROCM"]' in shipped
    profile = tmp_path / "red.toml"
    profile.write_text(shipped.replace('observadores = ["RROCM"]', 'observadores = ["RROCMM"]'),
                       encoding="utf-8")
    config = tmp_path / "seguimiento.toml"
    config.write_text("[ronda]\ndias_por_vencer = 30\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_reference(config, profile)
    line = next(n for n, text in enumerate(profile.read_text("utf-8").splitlines(), start=1)
                if "RROCMM" in text)
    assert f"{profile}, line {line}: observadores" in caught.value.message("en")


def test_validate_checks_an_observers_file_against_the_workspaces_last_round(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """A focal point's file checked as it arrives: in a workspace, an observation of an
    unknown id is told with the id meant; without one there is nothing to check it
    against, and nothing is told."""
    ws = tmp_path / "ws"
    run("init", str(ws))
    inbox = round_folder(tmp_path, make_workbook)
    out = run("consolidate", str(inbox), "--workspace", str(ws), "--as-of", AS_OF, "--round",
              "2027-T1", "--lang", "en")
    assert "items observed" not in out  # nobody observed
    observer = make_workbook("RROCM - 2027-T2.xlsx", OBSERVED, OBSERVATION_TITLES,
                             title_rows=(), sheet="Observaciones", folder=tmp_path / "llega")
    said = run("validate", str(observer), "--workspace", str(ws))
    assert "RROCM - 2027-T2.xlsx › Observaciones › A6" in said and "GTM-001" in said
    assert "observacion-sin-item" not in run("validate", str(observer))
    inbox2 = tmp_path / "r2"
    inbox2.mkdir()
    (inbox2 / observer.name).write_bytes(observer.read_bytes())
    out = run("consolidate", str(inbox2), "--workspace", str(ws), "--as-of", "2027-05-20",
              "--round", "2027-T2", "--lang", "en")
    known = [o for o in OBSERVED if o[0] in OFFICIAL]
    differ = sum(KEYS[o[2]] != KEYS[OFFICIAL[o[0]]] for o in known
                 if o[2] != "Sin información")
    assert (f"items observed: {len(known)}, with a view that differs from the official "
            f"status: {differ};") in out


def test_an_observers_own_items_stay_its_commitments(tmp_path: Path,
                                                     make_workbook: MakeWorkbook) -> None:
    """Hand-made files number their rows: RROCM's items 1 and 2 are not Guatemala's items
    1 and 2. And an item RROCM reported as its own last round stays its own, even when
    another reporter has an activity of the same words."""
    inbox = tmp_path / "r1"
    numbered = [("1", "Actualizar el protocolo regional de niñez", "Guatemala", "2026-10-21",
                 "Finalizado", "No"),
                ("2", "Campaña informativa", "Guatemala", "2026-12-31", "En proceso", "No")]
    make_workbook("Guatemala.xlsx", matrix_rows(numbered), TITLES, folder=inbox)
    # (its rows name others, or nobody, as responsible: not a joint agreement of RROCM's)
    mine = [("1", "Informe regional de monitoreo", "OIM", "2026-12-31", "En proceso", "No"),
            ("2", "Foro de la sociedad civil", "", "2027-03-31", "Pendiente", "No"),
            ("3", "Campaña informativa", "ACNUR", "2027-03-31", "Pendiente", "No")]
    make_workbook("RROCM.xlsx", matrix_rows(mine), TITLES, folder=inbox)
    history = tmp_path / "historial.sqlite"
    run("consolidate", str(inbox), "--out", str(tmp_path / "o1"), "--as-of", AS_OF,
        "--round", "2027-T1", "--history", str(history))
    matrix = read_table(tmp_path / "o1", "matriz")
    assert sorted(matrix.loc[matrix["informante"] == "RROCM", "actividad"]) == sorted(
        m[1] for m in mine)
    assert read_table(tmp_path / "o1", "observaciones").empty

    # Round 2: RROCM writes "Campaña informativa" without its id; Guatemala has an
    # activity of the same words, but RROCM reported it as its own last round: kept.
    inbox2 = tmp_path / "r2"
    make_workbook("Guatemala.xlsx", matrix_rows(numbered), TITLES, folder=inbox2)
    make_workbook("RROCM.xlsx", matrix_rows([*mine[:2], ("", *mine[2][1:])]), TITLES,
                  folder=inbox2)
    run("consolidate", str(inbox2), "--out", str(tmp_path / "o2"), "--as-of", "2027-05-20",
        "--round", "2027-T2", "--history", str(history))
    matrix = read_table(tmp_path / "o2", "matriz")
    assert sorted(matrix.loc[matrix["informante"] == "RROCM", "actividad"]) == sorted(
        m[1] for m in mine)
    assert read_table(tmp_path / "o2", "observaciones").empty


def test_a_sheet_whose_every_row_is_an_observation_is_no_matrix_missing_columns(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """RROCM's views typed in a matrix of its own shape (no responsible party, no
    deadline): every row names another's item and leaves as an observation, and the sheet
    is not told it lacks a matrix's columns (it has no commitments to need them)."""
    inbox = round_folder(tmp_path, make_workbook)
    titles = ["ID", "Descripción de la actividad", "Estado", "Observaciones"]
    rows = [["GTM-001", "Actualizar el protocolo regional de niñez", "En proceso",
             "No hay evidencia de su aplicación"],
            ["HND-002", "Campaña informativa", "Pendiente", "Sin difusión en radio"]]
    make_workbook("RROCM vistas.xlsx", rows, titles, folder=inbox)
    out = tmp_path / "out"
    run("consolidate", str(inbox), "--out", str(out), "--as-of", AS_OF, "--round", "2027-T1")
    assert sorted(read_table(out, "observaciones")["id"]) == ["GTM-001", "HND-002"]
    assert "RROCM" not in set(read_table(out, "matriz")["informante"])
    problems = read_table(out, "problemas")
    mine = problems[problems["archivo"] == "RROCM vistas.xlsx"]
    assert "columna-faltante" not in set(mine["codigo"]), list(mine["mensaje"])


def test_the_templates_observations_sheet_is_read_as_such_whatever_its_titles_became(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """The observer retitled the observed-status column ("Valoración de la RROCM"): the
    sheet no longer says by its titles that it holds observations, and it has a matrix's
    (id, activity, responsible party, deadline, status). The template's metadata names it:
    its rows stay observations, never RROCM's commitments."""
    ws = tmp_path / "ws"
    run("init", str(ws))
    inbox = round_folder(tmp_path, make_workbook)
    run("consolidate", str(inbox), "--workspace", str(ws), "--as-of", AS_OF, "--round",
        "2027-T1")
    run("template", "--reporter", "RROCM", "--round", "2027-T2", "--workspace", str(ws))
    observer = openpyxl.load_workbook(ws / "plantillas" / "2027-T2" / "RROCM - 2027-T2.xlsx")
    sheet = observer["Observaciones"]
    sheet.protection.sheet = False
    assert sheet.cell(4, 8).value == "Estado observado"
    sheet.cell(4, 8).value = "Valoración de la RROCM"
    for r in range(5, sheet.max_row + 1):
        if sheet.cell(r, 1).value == "HND-001":
            sheet.cell(r, 10).value = "Terminado según el acta"
    out = _second_round(tmp_path, ws, observer)
    assert "RROCM" not in set(read_table(out, "matriz")["informante"])
    table = read_table(out, "observaciones")
    assert list(zip(table["id"], table["observacion"], strict=True)) == [
        ("HND-001", "Terminado según el acta")]


def test_an_observers_rows_that_are_observations_carry_no_cell_issues_of_the_matrix(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """A row of an observer's matrix that is an observation is told as an observation,
    never as a matrix row with an unknown pillar or an unreadable deadline; the observer's
    own row beside it is."""
    inbox = round_folder(tmp_path, make_workbook)
    rows = [["GTM-001", "Actualizar el protocolo regional de niñez", "Pilar de Marte", "",
             "Guatemala", "cuando haya fondos", "En proceso", "No hay evidencia", ""],
            ["RROCM-1", "Informe regional de monitoreo", "Pilar de Marte", "", "RROCM",
             "cuando haya fondos", "En proceso", "", ""]]  # its own: told
    make_workbook("RROCM acuerdos.xlsx", rows, TITLES, folder=inbox)
    out = tmp_path / "out"
    run("consolidate", str(inbox), "--out", str(out), "--as-of", AS_OF, "--round", "2027-T1")
    assert list(read_table(out, "observaciones")["id"]) == ["GTM-001"]
    problems = read_table(out, "problemas")
    mine = problems[problems["archivo"] == "RROCM acuerdos.xlsx"]
    told = sorted(zip(mine["codigo"], mine["celda"], strict=True))
    assert ("pilar-desconocido", "C6") in told and ("plazo-invalido", "F6") in told
    assert not [cell for _, cell in told if cell.lstrip("ABCDEFGHI") == "5"]  # (the view)
