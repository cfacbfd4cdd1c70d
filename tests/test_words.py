"""The catalogue of words: every entry in both languages with the same placeholders, real
plural forms, and no module outside it deciding words by testing the language."""

from __future__ import annotations

import re
import string

import pytest

from pipeline.words import LANGS, both, plural, word
from pipeline.words.catalogue import CATALOGUE
from tests.conftest import ROOT


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_has_both_languages_and_the_same_placeholders(key: str) -> None:
    spanish, english = CATALOGUE[key]
    assert type(spanish) is type(english), key
    if isinstance(spanish, tuple):
        assert isinstance(english, tuple) and len(spanish) == len(english) == 2
        for form in (*spanish, *english):
            assert form.strip() and fields(form) <= {"n", *fields(spanish[1])}
        assert fields(spanish[1]) == fields(english[1])
    else:
        assert spanish.strip() and isinstance(english, str) and english.strip(), key
        assert fields(spanish) == fields(english), key


def test_plural_forms_follow_the_count() -> None:
    assert plural("n.errors", "es", 1) == "1 error" and plural("n.errors", "es", 2) == "2 errores"
    assert plural("n.errors", "en", 0) == "0 errors" and plural("n.errors", "en", 1) == "1 error"
    assert plural("report.n_rounds", "es", 1) == "1 ronda"
    with pytest.raises(KeyError):
        word("n.errors", "es")  # a word with plural forms needs its count
    with pytest.raises(KeyError):
        word("no.such.key", "es")
    assert both("yes") == ("Sí", "Yes")


def test_sheet_names_fit_in_a_sheet_tab() -> None:
    for key, entry in CATALOGUE.items():
        if key.startswith(("sheet.", "template.sheet.", "report.")) and isinstance(entry[0], str):
            if key.startswith("report.") and key.split(".")[1] not in {
                    "by_group", "by_pillar", "by_reporter", "overdue", "slipped",
                    "submissions", "rounds", "sheet"}:
                continue
            assert all(len(text) <= 31 and not set(text) & set("[]:*?/\\") for text in entry), key


def test_no_module_decides_a_word_by_testing_the_language() -> None:
    """Words are asked of the catalogue: code never tests lang == "en" itself."""
    test = re.compile(r"""lang(uage)?\s*[!=]=\s*["'](en|es)["']|["']en["']\s+if\s+\w*lang""")
    found = []
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        if path.parts[-2] == "words":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if test.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)


def test_the_languages_are_the_catalogues() -> None:
    assert LANGS == ("es", "en")


def test_every_side_sheet_has_its_words() -> None:
    """A side sheet's titles are looked for in every workbook read: a missing word would
    make every file unreadable (it did, once, for the indicators sheet)."""
    from pipeline.model.sides import KINDS
    from pipeline.words import LANGS

    for kind in KINDS:
        for lang in LANGS:
            assert kind.sheet_name(lang)
            for column in kind.columns:
                assert column.title(kind.key, lang)
            for key in ("heading", "note", "instruction"):
                assert word(f"{kind.key}.{key}", lang, reporter="X", ronda="R", sheet="S")


def test_a_third_language_is_a_column_and_a_plural_rule(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The words are read by language, then by key, and a count picks its form by the
    language's own rule: French (a third column of every entry) needs no code but its
    column and its rule (0 and 1 take the singular)."""
    import pipeline.words as words

    french = {key: entry[1] for key, entry in CATALOGUE.items()}  # English, for now
    french["n.errors"] = ("{n} erreur", "{n} erreurs")
    monkeypatch.setattr(words, "LANGS", ("es", "en", "fr"))
    monkeypatch.setitem(words.BY_LANG, "fr", french)
    monkeypatch.setitem(words.PLURAL_RULES, "fr", lambda n: 0 if n in (0, 1) else 1)
    assert words.lang_of("fr-CA") == "fr" and words.lang_of("de") == "es"
    assert plural("n.errors", "fr-CA", 0) == "0 erreur"
    assert plural("n.errors", "fr", 2) == "2 erreurs"
    assert plural("n.errors", "en", 0) == "0 errors"  # each language its own rule
    assert word("yes", "fr") == "Yes"
