from hypothesis import given
from hypothesis import strategies as st

from pipeline.textnorm import fold, fold_clean, fold_title, normalize_text


def test_normalize_text_cleans_invisible_differences() -> None:
    assert normalize_text("  Parte\u00a0 responsable\u200b ") == "Parte responsable"
    assert normalize_text("Cafe\u0301") == "Café"  # NFC
    assert normalize_text("línea 1\r\n  línea   2  \n\n") == "línea 1\nlínea 2"
    assert normalize_text(None) == ""
    assert normalize_text(12) == "12"


def test_fold_ignores_case_accents_and_punctuation() -> None:
    assert fold("  MÉXICO ") == fold("mexico") == "mexico"
    assert fold("EE.UU.") == "ee uu"
    assert fold_title("Plazo de cumplimiento (1er año, 2do año, 3er año)") == (
        "plazo de cumplimiento")
    assert fold_title("Resultado (s) esperado (s)") == "resultado esperado"


@given(st.text())
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text())
def test_normalized_text_has_no_outer_or_double_spaces(text: str) -> None:
    out = normalize_text(text)
    assert out == out.strip()
    assert "  " not in out
    assert "\u00a0" not in out and "\u200b" not in out


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_fold_clean_of_a_cleaned_text_is_its_fold(text: str) -> None:
    assert fold_clean(normalize_text(text)) == fold(text)
