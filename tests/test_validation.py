"""The issue catalogue and record (meta-tests), and the schema's issues as tuples."""

import re
from pathlib import Path

import pytest

from validation.catalogue import CATALOGUE
from validation.issues import make_issue

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"{(\w+)}")
SPEC_CODES = {
    "archivo-ilegible", "archivo-omitido", "hoja-sin-matriz", "columna-faltante",
    "actividad-faltante", "estado-faltante", "estado-desconocido", "pilar-desconocido",
    "tema-fuera-de-lista", "grupo-desconocido", "responsable-faltante",
    "responsable-desconocido", "plazo-impreciso", "plazo-invalido", "avance-invalido",
    "indicador-faltante", "id-duplicado", "envio-duplicado", "id-conflicto",
    "formula-sin-valor", "informante-desconocido", "demasiadas-actividades", "envio-faltante",
}


def test_every_spec_code_is_in_the_catalogue() -> None:
    assert not SPEC_CODES - set(CATALOGUE)


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_both_languages_use_the_same_placeholders(code: str) -> None:
    entry = CATALOGUE[code]
    assert set(PLACEHOLDER.findall(entry.es)) == set(PLACEHOLDER.findall(entry.en))
    assert entry.severity in {"error", "advertencia", "info"}
    assert entry.es != entry.en


def test_every_code_the_rules_use_exists() -> None:
    used: set[str] = set()
    for folder in ("pipeline", "validation"):
        for path in (ROOT / folder).glob("*.py"):
            text = path.read_text("utf-8")
            used |= set(re.findall(r'make_issue\(\s*"([a-z-]+)"', text))
            used |= set(re.findall(r'_at_cell\(\s*"([a-z-]+)"', text))
            used |= set(re.findall(r'name="([a-z]+-[a-z-]+)"', text))
    assert used, "the scan found no codes: the pattern is wrong"
    assert used <= set(CATALOGUE), used - set(CATALOGUE)


def test_unknown_code_raises() -> None:
    with pytest.raises(KeyError):
        make_issue("no-existe")


def test_issue_points_at_the_cell_and_suggests() -> None:
    issue = make_issue("responsable-desconocido", archivo="Guatemala.xlsx", hoja="Matriz",
                       fila=12, celda="F12", valor="Guatamala", sugerencia="Guatemala")
    assert issue.where() == "Guatemala.xlsx › Matriz › F12"
    assert "Guatamala" in issue.message("es") and "Guatemala" in issue.message("es")
    assert "Did you mean" in issue.message("en")


def test_bilingual_parameters() -> None:
    issue = make_issue("archivo-omitido", archivo="a.pdf", motivo=("un PDF", "a PDF"))
    assert "un PDF" in issue.message("es") and "a PDF" in issue.message("en")


def test_an_issue_with_other_params_keeps_every_other_field() -> None:
    """`Issue.with_params` (the network's words put in every issue) is
    `dataclasses.replace`: every field set to something not its default survives."""
    import dataclasses

    from validation import make_issue

    issue = make_issue("estado-desconocido", archivo="Guatemala.xlsx", hoja="Matriz", fila=12,
                       columna="Estado", celda="G12", valor="casi listo",
                       sugerencia=("en proceso", "in progress"), dias="12")
    words = (("de_red", ("de la red", "of the network")), ("dias", "12"))
    assert issue.with_params(words) == dataclasses.replace(issue, params=words)
    defaults = {f.name: f.default for f in dataclasses.fields(issue)}
    assert all(getattr(issue, name) != default for name, default in defaults.items()
               if name not in ("code", "severity")), "every field set: none can be dropped"
    assert issue.with_params(words).message("en") == dataclasses.replace(
        issue, params=words).message("en")


def test_validating_a_matrix_changes_nothing_of_it() -> None:
    """The schema checks the normalized frame itself, not a copy (a million rows' copy was
    the analysis's largest moment): it must leave every value and type as it was, a
    deadline column of another resolution too, and still find each problem."""
    import pandas as pd

    from validation.schemas import Known, validate_matrix

    frame = pd.DataFrame({
        "actividad": ["Taller", ""], "_raw_estado": ["listo", "x"], "estado": ["", "x"],
        "pilar": ["P1", "P1"], "_tema_en_lista": [True, True], "grupo_trabajo": ["", ""],
        "_grupo_tipo": ["", ""], "responsable": ["GT", "GT"],
        "_responsable_desconocido": ["", ""], "_plazo_tipo": ["fecha", "fecha"],
        "_plazo_con_anio": [True, True],
        "fecha_limite": pd.to_datetime(["2026-03-01", None]).astype("datetime64[us]"),
        "avance": [0.5, None], "_avance_ok": [True, True], "_reservado_ok": [True, True],
        "indicadores": ["i", "i"], "_archivo": ["a.xlsx", "a.xlsx"], "_hoja": ["M", "M"],
        "_fila": [2, 3]})
    before = frame.copy(deep=True)
    cells = {("a.xlsx", "M"): {"actividad": ("B", "Actividad"), "estado": ("C", "Estado")}}
    issues = validate_matrix(frame, Known(["en_proceso"], ["P1"]), cells)
    assert sorted((i.code, i.celda) for i in issues) == [
        ("actividad-faltante", "B3"), ("estado-desconocido", "C3"), ("estado-faltante", "C2")]
    pd.testing.assert_frame_equal(frame, before)
