"""Which matrix column a title names (docs/contract.md §3.2): the workspace's own titles
(`[columnas]`), then the columns' titles and aliases, then the words trackers title them
with (pipeline.model.titles), read word by word: folded, stripped of explanations in
parentheses, abbreviations with a dot ("F. límite", "Resp.") standing for the words they
begin, "%" read as "percent" and "#" as "number".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from pipeline.model.columns import COLUMNS
from pipeline.model.text import PARENS, fold_title, normalize_text, strip_accents
from pipeline.model.titles import (
    MAX_TITLE_WORDS,
    NUMBER_WORDS,
    NUMBERED_THINGS,
    PHRASES,
    PRIORITY,
    STOPWORDS,
    VETOES,
    WEAK,
)
from pipeline.words import LANGS

_ALIAS_INDEX: dict[str, str] = {}
for _spec in COLUMNS:
    for _name in (*(_spec.title(lang) for lang in LANGS), *_spec.aliases):
        _ALIAS_INDEX.setdefault(fold_title(_name), _spec.key)

_TOKEN = re.compile(r"([0-9a-z]+)(\.?)")
_VOCABULARY = frozenset(w for table in (PHRASES, WEAK) for ps in table.values() for p in ps
                        for w in p.split()) | NUMBER_WORDS


def _stem(word: str) -> str:
    """A plural as its singular, where the singular is a word we know."""
    for cut in ("es", "s"):
        if word.endswith(cut) and len(word) > len(cut) + 2 and word[:-len(cut)] in _VOCABULARY:
            return word[:-len(cut)]
    return word


# Each phrase as (words, weight, key), the longest first.
_RULES: list[tuple[tuple[str, ...], float, str]] = sorted(
    [(tuple(map(_stem, p.split())), float(len(p.split())), key)
     for key, ps in PHRASES.items() for p in ps]
    + [(tuple(map(_stem, p.split())), 0.5, key) for key, ps in WEAK.items() for p in ps],
    key=lambda rule: -rule[1])
_RANK = {key: n for n, key in enumerate(PRIORITY)}
MAX_TITLE_CHARS = 120  # a longer cell is a text, not a title


def folded_titles(titles: Mapping[str, list[str]] | None) -> dict[str, str]:
    """`[columnas]` (key -> titles) as folded title -> key, for `title_key`."""
    return {fold_title(t): key for key, ts in (titles or {}).items() for t in ts
            if fold_title(t)}


def title_key(title: object, own: Mapping[str, str] | None = None) -> str | None:
    """The matrix column a header cell names, or None; `own` the workspace's titles
    (`folded_titles`)."""
    if not isinstance(title, str):
        return None
    if own:
        key = own.get(fold_title(title))
        if key is not None:
            return key
    return _key_of(title)


@functools.lru_cache(maxsize=8192)
def _key_of(title: str) -> str | None:
    """Every file of a round repeats the same titles: each is read once."""
    exact = _ALIAS_INDEX.get(fold_title(title))
    if exact is not None or len(title) > MAX_TITLE_CHARS:
        return exact
    tokens = _tokens(title)
    words = [(w, short) for w, short in tokens if w not in STOPWORDS]
    if not words or len(words) > MAX_TITLE_WORDS:
        return None
    if _is_number(words):
        return "id"
    every = {w for w, _ in tokens}
    plain = {w for w, _ in words}
    shorts = [w for w, short in words if short]
    best: tuple[float, int, str] | None = None
    for phrase, weight, key in _RULES:
        if best is not None and weight < best[0]:
            break
        if len(phrase) > len(words):
            continue
        if shorts:  # (a word cut short with a dot may stand for a wanted one)
            if not all(wanted in plain or any(_means(w, True, wanted, len(phrase))
                                              for w in shorts) for wanted in phrase):
                continue
        elif not plain.issuperset(phrase):  # (one set operation, not a loop per rule)
            continue
        if every & VETOES.get(key, frozenset()):
            continue
        found = (weight, -_RANK.get(key, len(_RANK)), key)
        if best is None or found > best:
            best = found
    return best[2] if best is not None else None


def _tokens(title: str) -> list[tuple[str, bool]]:
    """The title's words, folded, each with whether it was cut short with a dot."""
    text = PARENS.sub(" ", normalize_text(title)).replace("%", " percent ")
    text = strip_accents(text.replace("#", " number ").replace("º", "o ").replace("°", "o "))
    found = []
    for word, dot in _TOKEN.findall(text.lower()):
        short = bool(dot) and word not in _VOCABULARY and not word.isdigit()
        found.append((_stem(word), short))
    return found


def _means(word: str, short: bool, wanted: str, length: int) -> bool:
    """Whether a title's word is the phrase's `wanted` word: itself, or cut short to its
    start (one letter only beside another word: "F. límite")."""
    return word == wanted or (short and wanted.startswith(word)
                              and (len(word) > 1 or length > 1))


def _is_number(words: list[tuple[str, bool]]) -> bool:
    """"No.", "Nº", "# de acuerdo", "Ref.", "Action ID", "Rec. No.": a number word,
    beside at most a thing numbered (or its abbreviation)."""
    plain = [w for w, _ in words]
    return any(w in NUMBER_WORDS for w in plain) and len(plain) <= 3 and all(
        w in NUMBER_WORDS or any(_means(w, short, thing, 2) for thing in NUMBERED_THINGS)
        for w, short in words)
