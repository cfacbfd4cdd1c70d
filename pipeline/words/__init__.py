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

from typing import Literal

from pipeline.words.catalogue import CATALOGUE
from pipeline.words.entry import Entry

Lang = Literal["es", "en"]
LANGS: tuple[Lang, ...] = ("es", "en")


def lang_of(value: str | None) -> Lang:
    """A language code as one of ours (Spanish unless English)."""
    return "en" if (value or "").lower().startswith("en") else "es"


def word(key: str, lang: str, **params: object) -> str:
    """The text of `key` in `lang`, its placeholders filled from `params`."""
    entry = _entry(key)
    text = entry[LANGS.index(lang_of(lang))]
    if isinstance(text, tuple):
        raise KeyError(f"{key!r} has plural forms: ask plural()")
    return text.format(**params) if params else text


def plural(key: str, lang: str, n: int, **params: object) -> str:
    """The text of `key` for the count `n` in `lang` ({n} is the count)."""
    entry = _entry(key)
    forms = entry[LANGS.index(lang_of(lang))]
    if not isinstance(forms, tuple):
        raise KeyError(f"{key!r} has no plural forms: ask word()")
    one, other = forms
    return (one if n == 1 else other).format(n=n, **params)


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


def _entry(key: str) -> Entry:
    try:
        return CATALOGUE[key]
    except KeyError:
        raise KeyError(f"no word {key!r} in the catalogue") from None
