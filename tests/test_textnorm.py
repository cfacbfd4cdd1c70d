import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.model.text import (
    BIDI_CONTROLS,
    PARENS,
    _clean,
    fold,
    fold_clean,
    fold_title,
    normalize_text,
    strip_accents,
    without_bidi,
)


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


# Texts made of the characters normalization cares about, mostly plain ones, so that
# Hypothesis often meets a text clean but for one detail (a space at a line's end, a
# blank line, a break, a combining accent).
_TRICKY = st.lists(st.sampled_from(
    list("ab é\n") * 8 + list("\u0301\r\t\u00a0\u200b\u2028\x0b\x1c\x85\u3000")),
    max_size=12).map("".join)


@settings(max_examples=500)
@given(st.one_of(st.text(), _TRICKY))
@example("a  b").via("a double space")
@example("a \nb").via("a space at a line's end")
@example("a\n b").via("a space at a line's start")
@example(" a").via("a leading space")
@example("a\u3000").via("a trailing exotic space")
@example("a\r\nb").via("a Windows line break")
@example("a\u200bb").via("an invisible character")
@example("e\u0301").via("a combining accent")
@example("a\n\nb").via("an inner blank line")
def test_a_text_left_as_it_is_is_one_cleaning_would_not_change(text: str) -> None:
    assert normalize_text(text) == _clean(text)


@settings(max_examples=500)
@given(st.one_of(st.text(), st.text(alphabet="a1 \u200b\u00ad\u2028\ufeff\u0301\t\n"),
                 st.integers(), st.none(), st.floats()))
@example("\u200bA")
@example("a\u200b")
@example("\u0301")
def test_a_row_says_something_exactly_when_its_cleaned_text_does(value: object) -> None:
    """A row continues the item above only if its own columns say nothing: the quick
    judgement (a text beginning with a letter or digit) is the cleaned text's."""
    from pipeline.model.values import read_text
    from pipeline.read.continuation import _says

    assert _says(value) == bool(read_text(value))


# Unicode's bidirectional controls, told by Unicode itself (embeddings, overrides,
# isolates and their ends) and the three marks, apart from the code's own list.
CONTROLS = "".join(c for c in map(chr, range(0x2000, 0x2070)) if unicodedata.bidirectional(
    c) in {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}) + "\u200e\u200f\u061c"


def test_the_controls_taken_out_are_unicodes() -> None:
    assert sorted(BIDI_CONTROLS) == sorted(CONTROLS)


@given(st.text(alphabet=st.sampled_from([*CONTROLS, "a", "ñ", "[", "]", "\\", "-", "^",
                                         "\u202f", "\u2065", "\u206a", "😀"])) | st.text())
@example("\u202eal rev\u00e9s\u2066\u2069\u061c")
def test_without_bidi_takes_out_every_bidirectional_control_and_nothing_else(text: str) -> None:
    """(Neighbours of the controls, and a regular expression's own characters, stay.)"""
    assert without_bidi(text) == "".join(c for c in text if c not in CONTROLS)


# ASCII texts with what normalization and folding care about: breaks of each kind, tabs,
# runs of spaces, blank lines, control characters, brackets, punctuation, letters of both
# cases, digits.
_ASCII = st.text(st.sampled_from(list("aZ9 .-_\t\r\n\x0b\x0c\x1c\x1f\x00()[]/%#'\"")), max_size=30)


@given(_ASCII)
@example("  Nombre de quien\r\n\n informa (dd/mm)\t")
@example("a\x1cb")
@example("x (sin cerrar")
def test_an_ascii_text_folds_as_by_the_whole_way(text: str) -> None:
    """The ASCII fast path gives the keys the whole way (normalize, then fold) gives."""
    whole = fold_clean(normalize_text(text))
    assert fold(text) == whole
    assert fold_title(text) == fold_clean(normalize_text(PARENS.sub(" ", normalize_text(text))))
    assert strip_accents(text) == text
