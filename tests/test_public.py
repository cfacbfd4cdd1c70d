"""The public edition: no restricted row and no focal point's personal data anywhere in
the file (every part of the zip, so cells, hidden sheets, comments, defined names,
document properties, chart caches and shared strings)."""

import zipfile
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.jobs.consolidate import Options, analyze
from tests.conftest import AS_OF, ROOT

SAMPLE = ROOT / "input_workbooks"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pub") / "out"
    result = CliRunner().invoke(cli, ["consolidate", str(SAMPLE), "--out", str(folder),
                                      "--as-of", AS_OF.isoformat(), "--public"])
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture(scope="module")
def secrets() -> tuple[set[str], set[str]]:
    """The texts of the restricted rows and the focal points' personal data."""
    full = analyze(Options(input_dir=SAMPLE, as_of=AS_OF))
    restricted = full.matrix[full.matrix["reservado"]]
    texts = {t for column in ("actividad", "resultado_esperado", "indicadores")
             for t in restricted[column] if len(t) > 8}
    personal = {getattr(s, f) for s in full.submissions
                for f in ("contacto_nombre", "contacto_correo", "contacto_telefono")}
    personal = {p for p in personal if p and not p.startswith("Punto focal")}
    assert len(texts) >= 4 and len(personal) >= 4  # the sample round has both
    return texts, personal


def parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8", "replace")
                for name in archive.namelist()}


def test_public_workbook_holds_no_restricted_text_or_personal_data(out: Path,
                                                                   secrets) -> None:  # type: ignore[no-untyped-def]
    texts, personal = secrets
    contents = parts(out / "consolidado_publico.xlsx")
    for name, xml in contents.items():
        for secret in texts | personal:
            escaped = secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            assert secret not in xml and escaped not in xml, (secret, name)


def test_the_full_workbook_does_hold_them(out: Path, secrets) -> None:  # type: ignore[no-untyped-def]
    """The search above can find what it looks for: the internal edition has it all."""
    texts, personal = secrets
    everything = "".join(parts(out / "consolidado.xlsx").values())
    assert all(t.replace("&", "&amp;") in everything for t in texts)
    assert "ana.lopez@example.org" in everything


def test_public_csvs(out: Path, secrets) -> None:  # type: ignore[no-untyped-def]
    texts, personal = secrets
    folder = out / "publico"
    assert {"matriz.csv", "envios.csv", "problemas.csv"} <= {p.name for p in folder.iterdir()}
    for path in folder.iterdir():
        content = path.read_text("utf-8-sig")
        for secret in texts | personal:
            assert secret not in content, (secret, path.name)
    matrix = pd.read_csv(folder / "matriz.csv", encoding="utf-8-sig", keep_default_na=False)
    assert set(matrix["reservado"]) == {False}
    assert any("[dato personal omitido]" in o for o in matrix["observaciones"])
    assert "contacto_correo" in pd.read_csv(folder / "envios.csv", encoding="utf-8-sig").columns


def test_public_observations_leave_out_restricted_items_and_the_observer(
        tmp_path: Path) -> None:
    """Observations are public except on restricted items; the observer's focal point's
    name and institution, typed in an observation, are gone like any signer's."""
    from tests.conftest import read_table
    from tests.observed import INSTITUTION, SIGNER, write_observed_round

    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["consolidate", str(write_observed_round(tmp_path / "in")),
                                      "--out", str(out), "--as-of", AS_OF.isoformat(),
                                      "--public"])
    assert result.exit_code == 0, result.output
    full = read_table(out, "observaciones")
    assert set(full["id"]) == {"GT-1", "GT-2", "GT-3", "HN-1"}
    assert any(SIGNER in t for t in full["observacion"])  # the search can find it
    public = read_table(out / "publico", "observaciones")
    assert list(public.columns) == list(full.columns)
    assert set(public["id"]) == {"GT-1", "GT-2", "HN-1"}
    texts = (out / "publico").joinpath("observaciones.csv").read_text("utf-8-sig")
    for secret in (*SIGNER.split(), INSTITUTION, "Lo reservado", "GT-3"):
        assert secret not in texts, secret
    seen = public.set_index("id")
    assert seen.loc["GT-2", "observacion"].startswith("No vimos los centros abiertos; lo "
                                                      "confirmó [")
    assert seen.loc["GT-2", "estado_observado"] == "pendiente"
    assert seen.loc["GT-2", "coincide"] == "false"
    # nor anywhere else in the edition: an issue at the restricted item's observation
    assert "frontera sur reservada" in (out / "problemas.csv").read_text("utf-8-sig")
    for path in (out / "publico").iterdir():
        assert "GT-3" not in path.read_text("utf-8-sig"), path.name
        assert "frontera sur reservada" not in path.read_text("utf-8-sig"), path.name


def test_an_observation_of_no_known_item_is_not_published() -> None:
    """Its id may be a restricted item's, mistyped ("usa-57b135"): left out of the public
    edition with the issues at its row, as a restricted item's observation is."""
    from pipeline.analyse.public import _public_observations

    table = pd.DataFrame({"id": ["GTM-1", "usa-57b135", "MEX-2"],
                          "_reservado": [False, False, True], "_conocido": [True, False, True],
                          "archivo": ["RROCM.xlsx"] * 3, "hoja": ["Observaciones"] * 3,
                          "fila": [5, 6, 7]})
    kept, at = _public_observations(table)
    assert kept is not None and kept["id"].tolist() == ["GTM-1"]
    assert at == {("RROCM.xlsx", "Observaciones", 6), ("RROCM.xlsx", "Observaciones", 7)}


def test_a_moved_targets_figures_stay_in_the_public_changes() -> None:
    """The product writes a moved target's before and after (a number and its date); a
    target of 1500000 reads as a phone number, and was removed."""
    from pipeline.analyse.public import _public_changes
    from pipeline.analyse.redact import Redactor

    changes = pd.DataFrame({"tipo": ["meta_modificada", "estado"],
                            "antes": ["1500000 (2028-01-01)", "Llamar al 2411-1111"],
                            "despues": ["2500000 (2028-06-30)", "en proceso"]})
    public = _public_changes(changes, Redactor([], [], [], "[omitido]", []))
    assert public["antes"].tolist() == ["1500000 (2028-01-01)", "Llamar al [omitido]"]
    assert public["despues"].tolist() == ["2500000 (2028-06-30)", "en proceso"]
