"""Every value of a user's configuration checked for type and range as it is read (docs/contract.md
§7),
before anything uses it: a wrong one is told with its file, line and key, never read
wrongly ("Guatemala" as one reporter per letter) nor left to fail later. An unknown key is
told with the key probably meant.

What each table may hold is declared below, one rule per key. tomllib gives no positions,
so a problem's line is found by reading the text for the table and the key.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.utils import parseaddr
from typing import Any, NoReturn

from pipeline.model.columns import KEYS
from pipeline.model.errors import ConfigError
from pipeline.model.rounds import meant_round
from pipeline.model.text import fold_title
from pipeline.reference.network import CATEGORIES, OPTIONAL_WORDS, WORDS
from pipeline.reference.plan import EARLIEST, LATEST
from pipeline.words import LANGS, word


@dataclass(frozen=True)
class Rule:
    """What a value must be: `test` says whether it is; `says` is the catalogue's word
    (config.<says>) that tells it, with `params`."""

    says: str
    test: Callable[[Any], bool]
    params: Mapping[str, object] = field(default_factory=dict)


def _is_day(value: object) -> bool:
    """A date without a time (TOML's 2027-02-15), or the same quoted, on a day that can
    be counted (reference.plan.EARLIEST, LATEST)."""
    if isinstance(value, dt.datetime | dt.time):
        return False
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return False
    return isinstance(value, dt.date) and EARLIEST <= value <= LATEST


def _whole(low: int, high: int | None = None) -> Rule:
    def test(value: object) -> bool:
        return (isinstance(value, int) and not isinstance(value, bool) and value >= low
                and (high is None or value <= high))

    if high is None:
        return Rule("whole_min", test, {"min": low})
    return Rule("whole_range", test, {"min": low, "max": high})


def _one_of(*choices: str) -> Rule:
    return Rule("choice", lambda v: isinstance(v, str) and v.strip().lower() in choices,
                {"opciones": ", ".join(choices)})


def _is_texts(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_theme(value: object) -> bool:
    return isinstance(value, str) or (isinstance(value, dict) and isinstance(
        value.get("nombre"), str) and isinstance(value.get("en", ""), str))


def _is_words(value: object) -> bool:
    """A network's word: {es = "...", en = "..."} (a language may be left out), each one
    line of printable text (it fills e-mail subjects and titles)."""
    return isinstance(value, dict) and bool(value) and all(
        k in LANGS and isinstance(v, str) and v.isprintable() for k, v in value.items())


TEXT = Rule("text", lambda v: isinstance(v, str))


def _is_sender(value: object) -> bool:
    """A From address ("Secretaría <secretaria@example.org>", or the address alone; none
    left blank): one address, with no accent before its @ (few servers take one)."""
    if not isinstance(value, str):
        return False
    if not value.strip():
        return True
    _, address = parseaddr(value)
    local, at, domain = address.rpartition("@")
    return bool(at and local and domain) and local.isascii() and "@" not in local


SENDER = Rule("sender", _is_sender)
FLAG = Rule("flag", lambda v: isinstance(v, bool))
NETWORK_WORDS = Rule("words", _is_words)
CATEGORY = Rule("choice", lambda v: isinstance(v, str) and v in CATEGORIES,
                {"opciones": ", ".join(CATEGORIES)})
TEXTS = Rule("texts", _is_texts)
DATE = Rule("date", _is_day, {"first": EARLIEST, "last": LATEST})
LANGUAGE = _one_of(*LANGS)
THEMES = Rule("themes", lambda v: isinstance(v, list) and all(_is_theme(t) for t in v))
# Counts of days (ten years) and of activities no configuration means beyond: a larger
# one is a typo, and past a date's range every command would fail.
MAX_DAYS, MAX_COUNT = 3650, 100_000
PLAN = {"nombre": TEXT, "en": TEXT, "inicio": DATE, "duracion_anios": _whole(1, 100)}
PARTY = {"nombre": TEXT, "en": TEXT, "alias": TEXTS, "iso3": TEXT, "codigo": TEXT,
         "idioma": LANGUAGE, "informante": FLAG}
# Tables: each key and its rule.
TABLES: dict[str, dict[str, Rule]] = {
    "plan": PLAN,
    "red": dict.fromkeys((*WORDS, *OPTIONAL_WORDS), NETWORK_WORDS),
    "reglas": {"max_actividades_por_grupo": _whole(0, MAX_COUNT)},
    "ronda": {"dias_por_vencer": _whole(0, MAX_DAYS), "informantes_esperados": TEXTS,
              "observadores": TEXTS, "mes_inicio_anio_fiscal": _whole(1, 12)},
    "impresion": {"papel": _one_of("carta", "letter", "a4")},
    "plazos": {"imprecisos": TEXTS},
    # other titles of the matrix's columns: key -> a title or a list of them
    "columnas": dict.fromkeys(KEYS, Rule("titles", lambda v: (
        isinstance(v, str) and bool(v.strip())) or (_is_texts(v) and all(t.strip() for t in v)))),
    "grupos_otros": {"prefijos": TEXTS},
    "correo": {"servidor": TEXT, "puerto": _whole(0, 65535),
               "seguridad": _one_of("starttls", "tls", "ssl", "ninguna", "none", "no"),
               "usuario": TEXT, "remitente": SENDER, "dias_para_escalar": _whole(0, MAX_DAYS),
               "escalar_a": Rule("texts", lambda v: isinstance(v, str) or _is_texts(v)),
               "dias_para_corregir": _whole(0, MAX_DAYS),
               "firma": Rule("text", lambda v: isinstance(v, str) or (
                   isinstance(v, dict) and all(isinstance(t, str) for t in v.values())))},
}
# A round's name, as [cierres] may give one besides 2027-T1: it names the round's folders,
# so a short name of letters, digits, spaces, dots and dashes, never a path.
ROUND_NAME = re.compile(r"^(?!.*\.\.)[^\W_][\w .()-]{0,39}(?<![ .])$")
# Tables whose keys are the user's own (a round, a reporter): every value one rule.
FREE_TABLES: dict[str, Rule] = {"cierres": DATE, "idiomas": LANGUAGE}
# Lists of entries ([[paises]]): each key's rule, and the keys every entry needs.
ENTRIES: dict[str, tuple[dict[str, Rule], tuple[str, ...]]] = {
    "paises": (PARTY, ("nombre",)),
    "grupos": (PARTY, ("nombre",)),
    "responsables": (PARTY, ("nombre",)),
    "pilares": ({"numero": _whole(1), "nombre": TEXT, "en": TEXT, "temas": THEMES},
                ("nombre",)),
    "temas": ({"nombre": TEXT, "en": TEXT}, ("nombre",)),
    "estados": ({"clave": CATEGORY, "es": TEXT, "en": TEXT, "alias": TEXTS}, ("clave",)),
    "planes_anteriores": (PLAN, ("nombre", "inicio")),
    "calendario": ({"reunion": TEXT, "nombre": TEXT, "fecha": DATE, "alias": TEXTS},
                   ("reunion", "fecha")),
}
REPLACEABLE = tuple(ENTRIES)
TOP = ("reemplazar", *TABLES, *FREE_TABLES, *ENTRIES)


def check_config(user: Mapping[str, Any], text: str, source: str) -> None:
    """Raise ConfigError for the first wrong value or unknown key of `user` (the
    TOML `text` of the file `source`), in the order they are written."""
    find = _Lines(text)
    for key, value in user.items():
        if key == "reemplazar":
            _check(("", None), key, value, _replaceable(), find, source)
        elif key in TABLES or key in FREE_TABLES:
            if not isinstance(value, dict):
                _tell(source, find.line(("", None), key), "table", key, value)
            rules = TABLES.get(key)
            for name, item in value.items():
                if rules is not None and name not in rules:
                    _unknown(source, find.line((key, None), name), name, f"[{key}]", rules)
                if key == "cierres" and not ROUND_NAME.match(name):  # (it names folders)
                    _tell(source, find.line((key, None), name), "round_name", name, None)
                if key == "cierres" and (meant := meant_round(name)):  # ("2027 T1": the
                    # round 2027-T1 would have no closing date, and nobody told)
                    _tell(source, find.line((key, None), name), "round_written", name, None,
                          ronda=meant)
                rule = rules[name] if rules is not None else FREE_TABLES[key]
                _check((key, None), name, item, rule, find, source)
            if key == "columnas":
                _titles_once(value, find, source)
        elif key in ENTRIES:
            if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
                _tell(source, find.line(("", None), key) or find.line((key, None), None),
                      "entries", key, value)
            rules, needed = ENTRIES[key]
            for index, entry in enumerate(value):
                place = (key, index)
                for name, item in entry.items():
                    if name not in rules:
                        _unknown(source, find.line(place, name), name, f"[[{key}]]", rules)
                    _check(place, name, item, rules[name], find, source)
                for name in needed:
                    if name not in entry:
                        _tell(source, find.line(place, None), "required", name, None,
                              tabla=key)
        else:
            array = isinstance(value, list) and all(isinstance(e, dict) for e in value)
            at = find.line((key, 0 if array else None), None) or find.line(("", None), key)
            _unknown(source, at, key, "", dict.fromkeys(TOP))


def _titles_once(columns: Mapping[str, Any], find: _Lines, source: str) -> None:
    """A title names one column: the same title under two keys is told at the second."""
    seen: dict[str, str] = {}
    for name, titles in columns.items():
        for title in [titles] if isinstance(titles, str) else titles:
            first = seen.setdefault(fold_title(title), name)
            if first != name:
                _tell(source, find.line(("columnas", None), name), "title_twice", name,
                      title, otra=first)


def check_profile(profile: Mapping[str, Any], text: str, source: str) -> None:
    """A network's profile holds every word of the network ([red]): a word left out would
    leave a gap in every message that names it."""
    check_config(profile, text, source)
    red = profile.get("red", {})
    for key in WORDS:
        if key not in red:
            _tell(source, _Lines(text).line(("red", None), None), "required_word", key, None)


def _replaceable() -> Rule:
    return Rule("choice", lambda v: _is_texts(v) and set(v) <= set(REPLACEABLE),
                {"opciones": ", ".join(REPLACEABLE)})


def _check(place: tuple[str, int | None], key: str, value: object, rule: Rule,
           find: _Lines, source: str) -> None:
    if not rule.test(value):
        _tell(source, find.line(place, key), rule.says, key, value, **rule.params)


def _unknown(source: str, line: int | None, key: str, where: str,
             known: Mapping[str, object]) -> NoReturn:
    near = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    place = (where, where) if where else (word("config.top", "es"), word("config.top", "en"))
    if near:
        _tell(source, line, "unknown_near", key, None, sugerencia=near[0], lugar=place)
    _tell(source, line, "unknown", key, None, claves=", ".join(known), lugar=place)


def unknown_name(table: str, key: str, name: str, known: list[str], text: str,
                 source: str) -> NoReturn:
    """Raise the error of a name no reporter or party of the network goes by, at its line,
    with the name probably meant (accents and case aside) or the names there are."""
    folded = {fold_title(k): k for k in known}
    near = difflib.get_close_matches(fold_title(name), list(folded), n=1, cutoff=0.6)
    line = _Lines(text).line((table, None), key) if text else None
    if near:
        _tell(source, line, "name_near", key, name, sugerencia=folded[near[0]])
    _tell(source, line, "name", key, name, nombres=", ".join(known))


def _tell(source: str, line: int | None, says: str, key: str, value: object,
          **params: object) -> NoReturn:
    """Raise the error: where, then what the value must be and what was read."""
    texts = []
    for lang in LANGS:
        where = word("config.where", lang, archivo=source, linea=line) if line else source
        shown = {k: v[LANGS.index(lang)] if isinstance(v, tuple) else v
                 for k, v in params.items()}
        texts.append(f"{where}: " + word(f"config.{says}", lang, clave=key,
                                         leido=shown_value(value), **shown))
    raise ConfigError((texts[0], texts[1]))


def shown_value(value: object) -> str:
    """A value as it is written in TOML, short."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = f'"{value}"'
    elif isinstance(value, dt.date | dt.time):
        text = value.isoformat()
    elif isinstance(value, list):
        text = "[" + ", ".join(shown_value(v) for v in value) + "]"
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{k} = {shown_value(v)}" for k, v in value.items()) + "}"
    else:
        text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


_HEADER = re.compile(r"""^\s*(\[\[?)\s*("[^"]*"|'[^']*'|[^\]\s]+)\s*\]""")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""")


class _Lines:
    """Where a key is written in a TOML text: the line of a key in a table (or in the
    n-th entry of a list of tables), or of the table's header."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def line(self, place: tuple[str, int | None], key: str | None) -> int | None:
        current: tuple[str, int | None] = ("", None)
        counts: dict[str, int] = {}
        header = None
        for number, text in enumerate(self.lines, start=1):
            found = _HEADER.match(text)
            if found:
                name = found.group(2).strip("\"'")
                if found.group(1) == "[[":
                    current = (name, counts.get(name, 0))
                    counts[name] = current[1] + 1
                else:
                    current = (name, None)
                if current == place and header is None:
                    header = number
                continue
            named = _KEY.match(text)
            if key is not None and named and current == place and (
                    named.group(1).strip("\"'") == key):
                return number
        return header
