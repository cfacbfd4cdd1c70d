"""Every word a person reads, in Spanish and English: sheet names, column titles, the
words of the workbooks, lists, reports and templates, the command line's messages and
help, the reasons a file is skipped or refused, with their plural forms. Code asks for a
word by key and language (`word`, `plural`) and never tests the language itself.

The issue messages (docs/contract.md §4) are the other catalogue, `validation.catalogue`, kept
beside the issue codes because `validation` never imports `pipeline`. The names of
countries, parties, pillars, themes and statuses are reference data a user can extend
(a network's profile, `pipeline/reference/redes/`) and are asked of the reference
(`Reference.label`).

Why a catalogue in Python rather than gettext (.po files through Babel): our words are
looked up by stable keys that also name outputs (a sheet, a CSV column), many are bound
to a place (a sheet name of at most 31 characters), and a test checks every entry has
both languages with the same placeholders; a translator edits one file either way, and
a third language (French, say) is a third column and a plural rule here. click's
own messages (usage errors, "Options:") are translated by the small table of
`pipeline.words.click_es`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from pipeline.words.catalogue import CATALOGUE
from pipeline.words.entry import Text

Lang = Literal["es", "en"]
# The catalogue's columns: each entry gives its texts in this order. A third language is
# a third column of every entry and a plural rule below.
LANGS: tuple[Lang, ...] = ("es", "en")
# Which of an entry's forms a count takes, per language (French's would be
# `0 if n in (0, 1) else 1`).
PLURAL_RULES: dict[str, Callable[[int], int]] = {
    "es": lambda n: 0 if n == 1 else 1,
    "en": lambda n: 0 if n == 1 else 1,
}
# The words keyed by language, then by key: what `word` and `plural` read.
BY_LANG: dict[str, dict[str, Text]] = {
    lang: {key: entry[column] for key, entry in CATALOGUE.items()}
    for column, lang in enumerate(LANGS)}


def lang_of(value: str | None) -> Lang:
    """A language code ("en", "en-GB", "EN") as one of ours; the first of ours otherwise."""
    if value in LANGS:
        return value
    code = (value or "").strip().lower()[:2]
    return next((lang for lang in LANGS if lang == code), LANGS[0])


def word(key: str, lang: str, **params: object) -> str:
    """The text of `key` in `lang`, its placeholders filled from `params`."""
    text = _text(key, lang)
    if isinstance(text, tuple):
        raise KeyError(f"{key!r} has plural forms: ask plural()")
    return text.format(**params) if params else text


def plural(key: str, lang: str, n: int, **params: object) -> str:
    """The text of `key` for the count `n` in `lang` ({n} is the count), the form its
    language's plural rule picks."""
    forms = _text(key, lang)
    if not isinstance(forms, tuple):
        raise KeyError(f"{key!r} has no plural forms: ask word()")
    chosen = lang_of(lang)
    return forms[PLURAL_RULES[chosen](n)].format(n=n, **params)


def known(key: str) -> bool:
    """Whether the catalogue has `key` (a table's column may be named by its data)."""
    return key in CATALOGUE


def spelled(n: int, lang: str) -> str:
    """A small count in words ("tres", "three"), as prose writes it; a larger one in
    digits."""
    names = word("numbers", lang).split()
    return names[n - 1] if 1 <= n <= len(names) else str(n)


def both(key: str, **params: object) -> tuple[str, str]:
    """(Spanish, English) of `key`: for a text kept in both languages until it is shown
    (a refusal reason, an issue's parameter)."""
    return word(key, "es", **params), word(key, "en", **params)


def _text(key: str, lang: str) -> Text:
    try:
        return BY_LANG[lang_of(lang)][key]
    except KeyError:
        raise KeyError(f"no word {key!r} in the catalogue") from None
